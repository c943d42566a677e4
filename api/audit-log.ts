// The security audit log (等保 2.0 安全审计): one row per state-changing request and per denied
// attempt — time, actor, role, action, object, outcome, request id. Each row's hash covers the
// previous row's hash and its own content, so changing, removing or reordering any row breaks
// every hash after it (`npm run audit:verify`). Rows are only ever inserted: the table's
// triggers refuse UPDATE and DELETE, and no code here has another path.
import { createHash } from 'node:crypto';
import type { RequestHandler, Request, Response } from 'express';
import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { canonicalJson } from '../activities/content-hash';
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

export interface AuditLog {
  append(record: AuditRecord): Promise<AuditLogEntry>;
}

export function createAuditLog(db: DataSource): AuditLog {
  const rows = db.getRepository(AuditLogEntry);
  // Appends from this process go one at a time; UNIQUE(prev_hash) settles races between processes.
  let tail: Promise<unknown> = Promise.resolve();

  const appendNow = async (record: AuditRecord): Promise<AuditLogEntry> => {
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

  return {
    append(record) {
      const appended = tail.then(() => appendNow(record));
      tail = appended.catch(() => undefined);
      return appended;
    },
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

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
const DENIED = new Set([401, 403, 404, 423, 429]);

export function outcomeOf(status: number): AuditOutcome {
  if (status >= 500) return 'failed';
  if (DENIED.has(status)) return 'denied';
  if (status >= 400) return 'refused';
  return 'succeeded';
}

/** What a handler may tell the audit trail beyond what the request shows. */
export interface AuditLocals {
  /** Set by api/endpoints.ts when a declared route matched. */
  matchedRoute?: { path: string; params: Record<string, string> };
  auditActor?: { id?: number; name: string; role?: string };
  auditObject?: { type: string; id: string };
  problemDetail?: string;
}

/** The object of a request: the path segment before its first parameter, and that parameter. */
function objectOf(locals: AuditLocals): { type: string; id: string } | null {
  if (locals.auditObject) return locals.auditObject;
  const match = locals.matchedRoute?.path.match(/\/([A-Za-z-]+)\/:([A-Za-z]+)/);
  if (!match) return null;
  const id = locals.matchedRoute?.params[match[2]];
  return typeof id === 'string' ? { type: match[1], id: id.slice(0, 120) } : null;
}

function recordOf(req: Request, res: Response): AuditRecord | null {
  const status = res.statusCode;
  if (READS.has(req.method) && !DENIED.has(status)) return null;
  const locals = res.locals as AuditLocals;
  const actor = req.user
    ? { id: req.user.id, name: req.user.username, role: req.user.role }
    : locals.auditActor ?? null;
  const object = objectOf(locals);
  const pattern = locals.matchedRoute?.path ?? req.path;
  return {
    at: new Date(),
    requestId: String(req.id ?? ''),
    actorId: actor?.id ?? null,
    actorName: actor?.name?.slice(0, 64) ?? null,
    actorRole: actor?.role ?? null,
    action: `${req.method} ${pattern}`.slice(0, 160),
    objectType: object?.type ?? null,
    objectId: object?.id ?? null,
    outcome: outcomeOf(status),
    status,
    detail: locals.problemDetail?.slice(0, 2000) ?? null,
  };
}

/**
 * Writes the audit row before the answer leaves: a client that has its answer can rely on the
 * row being there. An audit write that fails is logged and the answer still goes out.
 */
export function auditTrail(log: AuditLog, logger: Logger): RequestHandler {
  return (req, res, next) => {
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    res.end = ((...args: unknown[]) => {
      const record = recordOf(req, res);
      if (!record) return end(...args);
      log.append(record)
        .catch((err: unknown) => logger.error({ err, requestId: record.requestId }, 'audit append failed'))
        .finally(() => end(...args));
      return res;
    }) as Response['end'];
    next();
  };
}
