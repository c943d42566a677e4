import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * 督办 order: opened by a step workflow when a step is still overdue after the grace period of
 * the 电子监察 ladder. UNIQUE orderKey makes opening idempotent; an order is only ever closed
 * (销号), never deleted.
 */
@Entity({ name: 'supervision_orders' })
@Unique('UQ_supervision_orders_order_key', ['orderKey'])
@Index('IDX_supervision_orders_status', ['status'])
@Index('IDX_supervision_orders_department', ['departmentCode'])
export class SupervisionOrder {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'varchar', length: 191, name: 'order_key' })
  orderKey!: string;

  @Column({ type: 'varchar', length: 36, name: 'case_id' })
  caseId!: string;

  @Column({ type: 'varchar', length: 80, name: 'step_id' })
  stepId!: string;

  @Column({ type: 'varchar', length: 32, name: 'department_code' })
  departmentCode!: string;

  @Column({ type: 'varchar', length: 32, name: 'matter_code' })
  matterCode!: string;

  @Column({ type: 'varchar', length: 8 })
  status!: 'open' | 'closed';

  @Column({ type: 'datetime', name: 'opened_at' })
  openedAt!: Date;

  /** The order's own deadline: missed while still open, it turns into an accountability record. */
  @Column({ type: 'datetime', name: 'deadline_at' })
  deadlineAt!: Date;

  /** 催办 count; also numbers the urge notices so each one is delivered once. */
  @Column({ type: 'int', name: 'urge_count', default: 0 })
  urgeCount!: number;

  @Column({ type: 'datetime', name: 'last_urged_at', nullable: true })
  lastUrgedAt!: Date | null;

  @Column({ type: 'datetime', name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'varchar', length: 64, name: 'closed_by', nullable: true })
  closedBy!: string | null;

  @Column({ type: 'text', name: 'close_note', nullable: true })
  closeNote!: string | null;
}
