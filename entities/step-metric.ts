import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { Light } from '../domain/types';

/**
 * 效能监察 facts of one step, written by the projection: created when its case is accepted
 * (counted once into metric_rollups.accepted), completed when the step is decided (counted once
 * into the completed sums). Facts are frozen at the decision; `counted` and `decided` are the
 * guards that make each count happen exactly once however often a projection is retried.
 */
@Entity({ name: 'step_metrics' })
// Undecided steps, read live: by acceptance date for the metrics, by light and due instant for the board.
@Index('IDX_step_metrics_open_by_date', ['decided', 'acceptedOn', 'withdrawn', 'light', 'departmentCode', 'matterCode'])
@Index('IDX_step_metrics_open_by_light', ['decided', 'withdrawn', 'light', 'dueAt', 'departmentCode'])
@Index('IDX_step_metrics_case', ['caseId'])
export class StepMetric {
  @PrimaryColumn({ type: 'varchar', length: 80, name: 'step_id' })
  stepId!: string;

  @Column({ type: 'varchar', length: 36, name: 'case_id' })
  caseId!: string;

  @Column({ type: 'varchar', length: 32, name: 'department_code' })
  departmentCode!: string;

  @Column({ type: 'varchar', length: 32, name: 'matter_code' })
  matterCode!: string;

  @Column({ type: 'datetime', precision: 3, name: 'accepted_at' })
  acceptedAt!: Date;

  /** Shanghai date of acceptance, `YYYY-MM-DD`: the period a step belongs to. */
  @Column({ type: 'varchar', length: 10, name: 'accepted_on' })
  acceptedOn!: string;

  /** 法定时限 of the matter as the catalogue stated it at acceptance. */
  @Column({ type: 'int', name: 'legal_days' })
  legalDays!: number;

  @Column({ type: 'boolean', default: false })
  counted!: boolean;

  @Column({ type: 'boolean', default: false })
  decided!: boolean;

  @Column({ type: 'datetime', precision: 3, name: 'decided_at', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  outcome!: 'approved' | 'rejected' | null;

  /** While open: the step's light and due instant as last projected. Frozen at the decision. */
  @Column({ type: 'varchar', length: 8, default: 'green' })
  light!: Light;

  /** The due instant in force (at the decision: extensions and pauses included). */
  @Column({ type: 'datetime', name: 'due_at', nullable: true })
  dueAt!: Date | null;

  /** The case was withdrawn: an undecided step leaves the figures and the board. */
  @Column({ type: 'boolean', default: false })
  withdrawn!: boolean;

  /** The limit in force at the decision: committed, green-channel compressed, extended. */
  @Column({ type: 'int', name: 'limit_days', nullable: true })
  limitDays!: number | null;

  /** Office seconds on the clock, pauses excluded (domain/metrics/working-time.ts). */
  @Column({ type: 'int', name: 'working_seconds', nullable: true })
  workingSeconds!: number | null;

  @Column({ type: 'boolean', nullable: true })
  early!: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  late!: boolean | null;
}
