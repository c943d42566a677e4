import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { CheckStatus } from '../domain/charts/post-approval-check-chart';

/**
 * 告知承诺制 事后核查: the check a department owes after approving on the applicant's commitment.
 * Written by the step projection when the approval carries a commitment (one per step).
 */
@Entity({ name: 'post_approval_checks' })
@Unique('UQ_post_approval_checks_step', ['stepId'])
@Index('IDX_post_approval_checks_department_status', ['departmentCode', 'status'])
export class PostApprovalCheck {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'varchar', length: 80, name: 'step_id' })
  stepId!: string;

  @Column({ type: 'varchar', length: 36, name: 'case_id' })
  caseId!: string;

  @Column({ type: 'varchar', length: 32, name: 'department_code' })
  departmentCode!: string;

  @Column({ type: 'varchar', length: 32, name: 'matter_code' })
  matterCode!: string;

  /** What the applicant committed to, as the reviewer recorded it. */
  @Column({ type: 'text' })
  items!: string;

  @Column({ type: 'datetime', name: 'due_at' })
  dueAt!: Date;

  @Column({ type: 'varchar', length: 8 })
  status!: CheckStatus;

  @Column({ type: 'datetime', name: 'created_at' })
  createdAt!: Date;

  @Column({ type: 'datetime', name: 'completed_at', nullable: true })
  completedAt!: Date | null;

  @Column({ type: 'varchar', length: 64, name: 'completed_by', nullable: true })
  completedBy!: string | null;

  @Column({ type: 'text', nullable: true })
  finding!: string | null;
}
