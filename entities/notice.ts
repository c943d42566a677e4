import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

const instant = (name: string, nullable = false) => ({ type: 'datetime', precision: 3, name, nullable }) as const;

/**
 * 消息中心: the in-app copy of a notice, one row per person it reaches. Written in the transaction
 * that writes its outbox row, under the same dedupe key: UNIQUE (user, dedupe key) keeps a retried
 * or replayed write from showing a notice twice. A department's notice reaches its leader and
 * officers, the supervision office's every supervisor, as they stand when it is written.
 */
@Entity({ name: 'notices' })
@Unique('UQ_notices_user_dedupe_key', ['userId', 'dedupeKey'])
@Index('IDX_notices_user_read', ['userId', 'readAt', 'id'])
export class Notice {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'int', name: 'user_id' })
  userId!: number;

  /** The outbox row's dedupe key. */
  @Column({ type: 'varchar', length: 191, name: 'dedupe_key' })
  dedupeKey!: string;

  /** The outbox template, e.g. `case.urged`, `step.overdue`. */
  @Column({ type: 'varchar', length: 64 })
  kind!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text', nullable: true })
  body!: string | null;

  @Column({ type: 'varchar', length: 36, name: 'case_id', nullable: true })
  caseId!: string | null;

  @Column({ type: 'varchar', length: 80, name: 'step_id', nullable: true })
  stepId!: string | null;

  @Column({ type: 'varchar', length: 36, name: 'project_id', nullable: true })
  projectId!: string | null;

  @Column(instant('created_at'))
  createdAt!: Date;

  @Column(instant('read_at', true))
  readAt!: Date | null;
}
