// Delivers the notification outbox. Any number of senders may drain the same table: a row is
// sent only by the sender whose conditional UPDATE claimed it (affected = 1), and an outcome is
// recorded only while that claim still holds (status 'sending' and the attempts it set).
// A sender that dies mid-send leaves its lock to expire; the row is then reclaimed and sent
// again, which is why channels pass the dedupeKey downstream as an idempotency key.
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { Notification } from '../entities';
import type { NotificationStatus } from '../entities/notification';

export interface OutgoingNotification {
  id: number;
  dedupeKey: string;
  channel: string;
  recipientRole: string;
  recipient: string;
  template: string;
  payload: Record<string, unknown>;
  caseId: string | null;
  stepId: string | null;
  /** 1 on the first try. */
  attempt: number;
}

export interface NotificationChannel {
  readonly name: string;
  /** Resolves once delivered; a throw (or rejection) is a failed attempt. */
  send(message: OutgoingNotification): Promise<void>;
}

export interface SenderOptions {
  db: DataSource;
  channels: NotificationChannel[];
  logger: Logger;
  /** Rows claimed per query; default 50. */
  batchSize?: number;
  /** After this many attempts a row is 'failed'; default 6. */
  maxAttempts?: number;
  /** Delay in ms before the next try, given the attempts made so far; default min(2^n s, 15 min). */
  backoff?: (attempt: number) => number;
  /** How long a claim holds; must exceed the slowest channel's timeout. Default 60 s. */
  lockMs?: number;
  now?: () => Date;
}

export interface DrainResult {
  sent: number;
  retried: number;
  failed: number;
}

export interface NotificationSender {
  /** Delivers every row due now, batch by batch, and reports what this sender did. */
  drainOnce(): Promise<DrainResult>;
  /** Drains every intervalMs (default 2 s), never two drains at once. */
  start(intervalMs?: number): void;
  /** Stops the interval and waits for a running drain to finish. */
  stop(): Promise<void>;
}

const FIFTEEN_MINUTES = 15 * 60_000;
const MAX_ERROR_LENGTH = 2000;

export const defaultBackoff = (attempt: number): number => Math.min(2 ** attempt * 1000, FIFTEEN_MINUTES);

// Due = waiting and its time has come, or claimed by a sender whose lock has run out.
const DUE = "((status = 'pending' AND next_attempt_at <= :now) OR (status = 'sending' AND locked_until < :now))";

type Outcome = keyof DrainResult | 'lost';

export function createNotificationSender(options: SenderOptions): NotificationSender {
  const { db, logger } = options;
  const batchSize = options.batchSize ?? 50;
  const maxAttempts = options.maxAttempts ?? 6;
  const backoff = options.backoff ?? defaultBackoff;
  const lockMs = options.lockMs ?? 60_000;
  const now = options.now ?? (() => new Date());
  const channels = new Map(options.channels.map((channel) => [channel.name, channel]));
  const log = logger.child({ component: 'notification-sender' });

  async function dueCandidates(at: Date): Promise<Notification[]> {
    return db.getRepository(Notification).createQueryBuilder('n')
      .where(DUE, { now: at })
      .orderBy('n.nextAttemptAt', 'ASC').addOrderBy('n.id', 'ASC')
      .limit(batchSize)
      .getMany();
  }

  /** The atomic claim: succeeds for exactly one sender, and only if nobody touched the row since it was read. */
  async function claim(row: Notification): Promise<boolean> {
    const at = now();
    const result = await db.createQueryBuilder().update(Notification)
      .set({ status: 'sending', lockedUntil: new Date(at.getTime() + lockMs), attempts: () => 'attempts + 1' })
      .where(`id = :id AND attempts = :seen AND ${DUE}`, { id: row.id, seen: row.attempts, now: at })
      .execute();
    return result.affected === 1;
  }

  /** Records an outcome, fenced on the claim so a sender whose lock expired cannot overwrite a newer one. */
  async function settle(id: number, attempt: number, changes: Partial<Notification>): Promise<boolean> {
    const result = await db.createQueryBuilder().update(Notification)
      .set({ ...changes, lockedUntil: null } as never)
      .where("id = :id AND status = 'sending' AND attempts = :attempt", { id, attempt })
      .execute();
    return result.affected === 1;
  }

  async function deliver(row: Notification): Promise<Outcome | null> {
    if (!(await claim(row))) return null;
    const attempt = row.attempts + 1;
    const fields = { id: row.id, dedupeKey: row.dedupeKey, channel: row.channel, attempt };

    if (attempt > maxAttempts) {
      // The final attempt's sender vanished mid-send; do not exceed the budget.
      await settle(row.id, attempt, failure('failed', 'lock expired on the final attempt'));
      log.error(fields, 'notification failed: lock expired on the final attempt');
      return 'failed';
    }
    const channel = channels.get(row.channel);
    if (!channel) {
      const message = `no channel registered for "${row.channel}"`;
      await settle(row.id, attempt, failure('failed', message));
      log.error(fields, `notification failed: ${message}`);
      return 'failed';
    }

    try {
      await channel.send(toOutgoing(row, attempt));
    } catch (error) {
      const message = errorMessage(error);
      const final = attempt >= maxAttempts;
      const changes = final
        ? failure('failed', message)
        : { ...failure('pending', message), nextAttemptAt: new Date(now().getTime() + backoff(attempt)) };
      const recorded = await settle(row.id, attempt, changes);
      log.warn({ ...fields, err: message, final }, final ? 'notification failed' : 'notification attempt failed');
      if (!recorded) return 'lost';
      return final ? 'failed' : 'retried';
    }
    if (!(await settle(row.id, attempt, { status: 'sent', sentAt: now() }))) {
      log.warn(fields, 'notification sent after its lock expired; it may be sent again');
      return 'lost';
    }
    return 'sent';
  }

  async function drainOnce(): Promise<DrainResult> {
    const totals: DrainResult = { sent: 0, retried: 0, failed: 0 };
    // Bounded: every candidate leaves the due set when claimed (by anyone), and a row can be
    // claimed at most maxAttempts times before it is 'failed'.
    for (;;) {
      const batch = await dueCandidates(now());
      // One row at a time, each claimed just before its send, so a lock covers one send only.
      for (const row of batch) {
        const outcome = await deliver(row);
        if (outcome && outcome !== 'lost') totals[outcome] += 1;
      }
      if (batch.length < batchSize) break;
    }
    if (totals.sent + totals.retried + totals.failed > 0) log.info(totals, 'notification outbox drained');
    return totals;
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let started = false;

  function schedule(intervalMs: number): void {
    timer = setTimeout(() => {
      running = drainOnce()
        .then(() => undefined, (error: unknown) => log.error({ err: error }, 'notification drain failed'))
        .finally(() => {
          running = undefined;
          if (started) schedule(intervalMs);
        });
    }, intervalMs);
  }

  return {
    drainOnce,
    start(intervalMs = 2000) {
      if (started) return;
      started = true;
      schedule(intervalMs);
    },
    async stop() {
      started = false;
      clearTimeout(timer);
      await running;
    },
  };
}

function failure(status: NotificationStatus, message: string): Partial<Notification> {
  return { status, lastError: message.slice(0, MAX_ERROR_LENGTH) };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function toOutgoing(row: Notification, attempt: number): OutgoingNotification {
  return {
    id: row.id,
    dedupeKey: row.dedupeKey,
    channel: row.channel,
    recipientRole: row.recipientRole,
    recipient: row.recipient,
    template: row.template,
    payload: row.payload,
    caseId: row.caseId,
    stepId: row.stepId,
    attempt,
  };
}
