// Notification outbox writer. Idempotent by construction: rows are keyed by the caller's
// dedupeKey and inserted with INSERT IGNORE, so a retried or replayed activity enqueues nothing
// twice. The in-app copies (消息中心, inbox-notices.ts) are written in the same transaction.
// Delivery is the sender's job (notification-sender.ts), never the workflow's.
import type { DataSource } from 'typeorm';
import { Notification } from '../entities';
import { enqueueWithNotices } from './inbox-notices';
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
      // The in-app copies (消息中心) commit with the outbox rows or not at all.
      const enqueued = await db.transaction((manager) => enqueueWithNotices(manager, notifications, now));
      return { enqueued };
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
