import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Daily sums of step facts per (acceptance date, department, matter), so a metrics query over a
 * year reads a few thousand rows instead of every step. Maintained by the projection in the same
 * transaction as the step_metrics guard it flips, hence exact.
 */
@Entity({ name: 'metric_rollups' })
export class MetricRollup {
  @PrimaryColumn({ type: 'varchar', length: 10, name: 'accepted_on' })
  acceptedOn!: string;

  @PrimaryColumn({ type: 'varchar', length: 32, name: 'department_code' })
  departmentCode!: string;

  @PrimaryColumn({ type: 'varchar', length: 32, name: 'matter_code' })
  matterCode!: string;

  @Column({ type: 'int', default: 0 })
  accepted!: number;

  @Column({ type: 'int', default: 0 })
  completed!: number;

  @Column({ type: 'int', default: 0 })
  early!: number;

  @Column({ type: 'int', default: 0 })
  late!: number;

  @Column({ type: 'bigint', name: 'working_seconds', default: 0 })
  workingSeconds!: string;

  @Column({ type: 'int', name: 'committed_days', default: 0 })
  committedDays!: number;

  @Column({ type: 'int', name: 'legal_days', default: 0 })
  legalDays!: number;
}
