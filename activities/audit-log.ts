// The security audit log (等保 2.0 安全审计): one row per state-changing request, per denied
// attempt (api/audit-trail.ts) and per change the system makes by itself (warnings, escalations:
// activities/projection.ts) — time, actor, role, action, object, outcome, request id. Each row's hash covers the
// previous row's hash and its own content, so changing, removing or reordering any row breaks
// every hash after it (`npm run audit:verify`). Rows are only ever inserted: the table's
// triggers refuse UPDATE and DELETE, and no code here has another path.
import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { canonicalJson } from './content-hash';
import { AuditLogEntry } from '../entities';
import { isUniqueViolation } from '../entities/unique-violation';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditOutcome = 'succeeded' | 'denied' | 'refused' | 'failed';

export interface AuditRecord {
  at: Date;
  requestId: string;
  actorId: number | null;
  actorName: string | null;
  actorRole: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  outcome: AuditOutcome;
  status: number;
  detail: string | null;
}

/** The hash of a row: SHA-256 over the previous hash and the canonical JSON of the content. */
export function chainHash(prevHash: string, record: AuditRecord): string {
  const content = canonicalJson({ ...record, at: record.at.toISOString() });
  return createHash('sha256').update(`${prevHash}\n${content}`, 'utf8').digest('hex');
}

const MAX_APPEND_ATTEMPTS = 50;

/** Column lengths (characters) of the text fields of a row. */
const TEXT_LIMITS = { requestId: 64, actorName: 64, actorRole: 16, action: 160, objectType: 32, objectId: 120, outcome: 16, detail: 2000 } as const;

/**
 * Text as the database will hold it: a lone UTF-16 surrogate (anyone can send one in a username
 * or a path) becomes U+FFFD, and a cut falls between code points, never inside a pair. The hash
 * covers exactly these strings, so what is stored is what was hashed.
 */
export function storableText(text: string, maxCodePoints: number): string {
  const whole = text.toWellFormed();
  const points = Array.from(whole);
  return points.length <= maxCodePoints ? whole : points.slice(0, maxCodePoints).join('');
}

export function storableRecord(record: AuditRecord): AuditRecord {
  const row = { ...record };
  for (const [field, limit] of Object.entries(TEXT_LIMITS) as Array<[keyof typeof TEXT_LIMITS, number]>) {
    const value = row[field];
    if (typeof value === 'string') (row as Record<string, unknown>)[field] = storableText(value, limit);
  }
  return row;
}

export interface AuditLog {
  append(record: AuditRecord): Promise<AuditLogEntry>;
  /** Appends unless a row with this request id exists: a retried writer adds nothing. */
  appendOnce(record: AuditRecord): Promise<void>;
}

export function createAuditLog(db: DataSource): AuditLog {
  const rows = db.getRepository(AuditLogEntry);
  // Appends from this process go one at a time; UNIQUE(prev_hash) settles races between processes.
  let tail: Promise<unknown> = Promise.resolve();

  const appendNow = async (given: AuditRecord): Promise<AuditLogEntry> => {
    const record = storableRecord(given);
    for (let attempt = 1; ; attempt++) {
      const last = await rows.find({ order: { id: 'DESC' }, take: 1 });
      const prevHash = last[0]?.hash ?? GENESIS_HASH;
      const row = { ...record, prevHash, hash: chainHash(prevHash, record) };
      try {
        await rows.insert({ ...row });
        return rows.create(row);
      } catch (err) {
        // Another writer chained onto the same row first: read the new tail and try again.
        if (!isUniqueViolation(err) || attempt >= MAX_APPEND_ATTEMPTS) throw err;
      }
    }
  };

  const queued = <T>(work: () => Promise<T>): Promise<T> => {
    const done = tail.then(work);
    tail = done.catch(() => undefined);
    return done;
  };

  return {
    append: (record) => queued(() => appendNow(record)),
    appendOnce: (record) => queued(async () => {
      if (!(await rows.existsBy({ requestId: record.requestId }))) await appendNow(record);
    }),
  };
}

export interface ChainCheck {
  rows: number;
  intact: boolean;
  /** The first row whose link or hash does not hold. */
  brokenAt?: { id: number; reason: string };
}

/** Walks the chain in id order and recomputes every hash. */
export async function verifyAuditChain(db: DataSource, batchSize = 1000): Promise<ChainCheck> {
  const repository = db.getRepository(AuditLogEntry);
  let prevHash = GENESIS_HASH;
  let count = 0;
  let afterId = 0;
  for (;;) {
    const batch = await repository.createQueryBuilder('a')
      .where('a.id > :afterId', { afterId }).orderBy('a.id', 'ASC').take(batchSize).getMany();
    for (const row of batch) {
      count++;
      if (row.prevHash !== prevHash) return { rows: count, intact: false, brokenAt: { id: row.id, reason: 'does not link to the row before it' } };
      const { id: _id, prevHash: _prev, hash, ...record } = row;
      if (chainHash(prevHash, record as AuditRecord) !== hash) return { rows: count, intact: false, brokenAt: { id: row.id, reason: 'content does not match its hash' } };
      prevHash = hash;
    }
    if (batch.length < batchSize) return { rows: count, intact: true };
    afterId = batch[batch.length - 1].id;
  }
}

