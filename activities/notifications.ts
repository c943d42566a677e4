// Notification outbox writer. Idempotent by construction: rows are keyed by the caller's
// dedupeKey and inserted with INSERT IGNORE, so a retried or replayed activity enqueues nothing
// twice. Delivery is the sender's job (notification-sender.ts), never the workflow's.
import type { DataSource } from 'typeorm';
import { Notification } from '../entities';
import type {
  EnqueueNotificationsInput, EnqueueNotificationsResult, NotificationActivities, NotificationRequest,
} from './notification-types';

export type {
  EnqueueNotificationsInput, EnqueueNotificationsResult, NotificationActivities, NotificationChannelName,
  NotificationRecipientRole, NotificationRequest,
} from './notification-types';

export function createNotificationActivities({ db }: { db: DataSource }): NotificationActivities {
  return {
    async enqueueNotifications({ notifications }: EnqueueNotificationsInput): Promise<EnqueueNotificationsResult> {
      if (notifications.length === 0) return { enqueued: 0 };
      const now = new Date();
      const [sql, parameters] = db.createQueryBuilder().insert().into(Notification).orIgnore()
        .values(notifications.map((request) => toRow(request, now)) as never)
        .getQueryAndParameters();
      // Run through a query runner for the structured result: its `affected` counts inserted
      // rows on both MySQL and sql.js, whereas InsertResult.raw differs per driver.
      const runner = db.createQueryRunner();
      try {
        const result = await runner.query(sql, parameters, true);
        return { enqueued: result.affected ?? 0 };
      } finally {
        await runner.release();
      }
    },
  };
}

/** The outbox row of a notice, for writers that enqueue inside their own transaction. */
export function toRow(request: NotificationRequest, now: Date): Omit<Notification, 'id'> {
  return {
    dedupeKey: request.dedupeKey,
    channel: request.channel,
    recipientRole: request.recipientRole,
    recipient: request.recipient,
    template: request.template,
    payload: request.payload,
    caseId: request.caseId ?? null,
    stepId: request.stepId ?? null,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    lockedUntil: null,
    sentAt: null,
    lastError: null,
    createdAt: now,
  };
}
