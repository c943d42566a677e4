import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { StepApproval } from '../domain/approval-panel';
import type { Light, StepStatus } from '../domain/types';
import { CaseRecord } from './case-record';

/**
 * Read-model projection of one departmental review step. matterCode/departmentCode are a frozen
 * snapshot of the catalogue at registration, hence no FK to matters.
 */
@Entity({ name: 'steps' })
@Index('IDX_steps_department_status', ['departmentCode', 'status'])
@Index('IDX_steps_case', ['caseId'])
@Index('IDX_steps_status_light', ['status', 'light', 'departmentCode', 'dueAt'])
export class Step {
  @PrimaryColumn({ type: 'varchar', length: 80 })
  id!: string;

  @Column({ type: 'varchar', length: 36, name: 'case_id' })
  caseId!: string;

  @ManyToOne(() => CaseRecord, { nullable: false })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'FK_steps_case' })
  caseRecord?: CaseRecord;

  @Column({ type: 'varchar', length: 32, name: 'matter_code' })
  matterCode!: string;

  @Column({ type: 'varchar', length: 32, name: 'department_code' })
  departmentCode!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: StepStatus;

  @Column({ type: 'int', name: 'assignee_id', nullable: true })
  assigneeId!: number | null;

  @Column({ type: 'varchar', length: 64, name: 'assignee_name', nullable: true })
  assigneeName!: string | null;

  @Column({ type: 'varchar', length: 8, default: 'green' })
  light!: Light;

  @Column({ type: 'datetime', name: 'due_at', nullable: true })
  dueAt!: Date | null;

  @Column({ type: 'text', nullable: true })
  opinion!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'text', name: 'legal_basis', nullable: true })
  legalBasis!: string | null;

  @Column({ type: 'datetime', name: 'legal_due_at', nullable: true })
  legalDueAt!: Date | null;

  @Column({ type: 'int', name: 'limit_days', nullable: true })
  limitDays!: number | null;

  /** 'red' once an accountability record was written for this step. */
  @Column({ type: 'varchar', length: 8, nullable: true })
  card!: 'red' | null;

  /** 会签 / 或签 / 依次: the panel and who has signed; null on single-assignee steps. */
  @Column({ type: 'simple-json', nullable: true })
  approval!: StepApproval | null;

  @Column({ type: 'datetime', name: 'decided_at', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'datetime', name: 'updated_at' })
  updatedAt!: Date;

  @Column({ type: 'int' })
  version!: number;
}
