import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

export type NotificationStatus = 'pending' | 'sending' | 'sent' | 'failed';

// Timestamps keep milliseconds: the sender compares them with a millisecond `now`, and MySQL
// rounds a plain DATETIME, which could push a just-enqueued row past the current drain.
const instant = (name: string, nullable = false) => ({ type: 'datetime', precision: 3, name, nullable }) as const;

/**
 * Outbox of notices to applicants, officers, leaders, the supervision office and proxy agents.
 * A row is written once per dedupeKey (INSERT IGNORE) and delivered by the sender, which claims
 * it with a conditional UPDATE so that no two processes send the same row.
 */
@Entity({ name: 'notifications' })
@Unique('UQ_notifications_dedupe_key', ['dedupeKey'])
@Index('IDX_notifications_status_next_attempt', ['status', 'nextAttemptAt'])
@Index('IDX_notifications_case', ['caseId'])
export class Notification {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  /** The caller's idempotency key, e.g. `step-<id>:overdue:leader`. */
  @Column({ type: 'varchar', length: 191, name: 'dedupe_key' })
  dedupeKey!: string;

  /** 'log' | 'webhook' | 'sms'; a plain string because a row may outlive a channel's configuration. */
  @Column({ type: 'varchar', length: 16 })
  channel!: string;

  /** 'applicant' | 'officer' | 'leader' | 'supervisor' | 'agent'. */
  @Column({ type: 'varchar', length: 16, name: 'recipient_role' })
  recipientRole!: string;

  /** A username, a department code such as `dept:zrj`, or a phone number. */
  @Column({ type: 'varchar', length: 191 })
  recipient!: string;

  @Column({ type: 'varchar', length: 64 })
  template!: string;

  @Column({ type: 'simple-json' })
  payload!: Record<string, unknown>;

  @Column({ type: 'varchar', length: 36, name: 'case_id', nullable: true })
  caseId!: string | null;

  @Column({ type: 'varchar', length: 80, name: 'step_id', nullable: true })
  stepId!: string | null;

  @Column({ type: 'varchar', length: 12 })
  status!: NotificationStatus;

  /** Claims so far; also the fencing token a sender checks before recording an outcome. */
  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column(instant('next_attempt_at'))
  nextAttemptAt!: Date;

  /** While status is 'sending': after this instant another sender may reclaim the row. */
  @Column(instant('locked_until', true))
  lockedUntil!: Date | null;

  @Column(instant('sent_at', true))
  sentAt!: Date | null;

  @Column({ type: 'text', name: 'last_error', nullable: true })
  lastError!: string | null;

  @Column(instant('created_at'))
  createdAt!: Date;
}
