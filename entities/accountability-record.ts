import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { SupervisionOrder } from './supervision-order';

/**
 * 效能问责 record, written by the system when a 督办 order's deadline passes while the order is
 * still open. Immutable: the application has no update or delete path and database triggers
 * reject both; contentHash (SHA-256 of the canonical JSON of `content`) lets any reader check
 * that the facts were not altered.
 */
@Entity({ name: 'accountability_records' })
@Unique('UQ_accountability_records_record_key', ['recordKey'])
@Index('IDX_accountability_records_department', ['departmentCode'])
@Index('IDX_accountability_records_created_at', ['createdAt'])
export class AccountabilityRecord {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'varchar', length: 191, name: 'record_key' })
  recordKey!: string;

  @Column({ type: 'int', name: 'order_id' })
  orderId!: number;

  @ManyToOne(() => SupervisionOrder, { nullable: false })
  @JoinColumn({ name: 'order_id', foreignKeyConstraintName: 'FK_accountability_records_order' })
  order?: SupervisionOrder;

  @Column({ type: 'varchar', length: 36, name: 'case_id' })
  caseId!: string;

  @Column({ type: 'varchar', length: 80, name: 'step_id' })
  stepId!: string;

  @Column({ type: 'varchar', length: 32, name: 'department_code' })
  departmentCode!: string;

  @Column({ type: 'varchar', length: 8 })
  card!: 'red';

  /** The facts as the workflow saw them: matter, assignee, dueAt, overdueSince, order deadline … */
  @Column({ type: 'simple-json' })
  content!: Record<string, unknown>;

  @Column({ type: 'varchar', length: 64, name: 'content_hash' })
  contentHash!: string;

  @Column({ type: 'datetime', name: 'created_at' })
  createdAt!: Date;
}
