// Shapes the workflows hand to the notification activities. Plain JSON: they are recorded in
// workflow history, so fields may be added but never renamed.

export type NotificationChannelName = 'log' | 'webhook' | 'sms';

export type NotificationRecipientRole = 'applicant' | 'clerk' | 'officer' | 'leader' | 'supervisor' | 'agent';

export interface NotificationRequest {
  /** Idempotency key chosen by the caller, e.g. `step-<id>:overdue:leader`; at most 191 characters. */
  dedupeKey: string;
  channel: NotificationChannelName;
  recipientRole: NotificationRecipientRole;
  /** A username, a department code such as `dept:zrj`, or a phone number. */
  recipient: string;
  /** e.g. 'step.overdue', 'step.suspended'. */
  template: string;
  payload: Record<string, unknown>;
  caseId?: string;
  stepId?: string;
}

export interface EnqueueNotificationsInput {
  notifications: NotificationRequest[];
}

export interface EnqueueNotificationsResult {
  /** Rows actually inserted: a dedupeKey already in the outbox counts zero. */
  enqueued: number;
}

export interface NotificationActivities {
  enqueueNotifications(input: EnqueueNotificationsInput): Promise<EnqueueNotificationsResult>;
}
