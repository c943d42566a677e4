import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { FollowUpStatus } from '../domain/charts/follow-up-chart';

const instant = (name: string, nullable = false) => ({ type: 'datetime', precision: 3, name, nullable }) as const;

/**
 * 好差评: the applicant's rating of a delivered case, once per case (UNIQUE case_id). A bad
 * rating (levels 1–2) carries a follow-up (回访整改) with its deadline until it is closed.
 */
@Entity({ name: 'evaluations' })
@Unique('UQ_evaluations_case', ['caseId'])
@Index('IDX_evaluations_created_on', ['createdOn'])
@Index('IDX_evaluations_follow_up', ['followUpStatus', 'followUpDeadlineAt'])
export class Evaluation {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'varchar', length: 36, name: 'case_id' })
  caseId!: string;

  /** 1 非常不满意 … 5 非常满意. */
  @Column({ type: 'int' })
  level!: number;

  @Column({ type: 'text', nullable: true })
  comment!: string | null;

  @Column(instant('created_at'))
  createdAt!: Date;

  /** Shanghai date of the rating, `YYYY-MM-DD`. */
  @Column({ type: 'varchar', length: 10, name: 'created_on' })
  createdOn!: string;

  @Column({ type: 'varchar', length: 8, name: 'follow_up_status', nullable: true })
  followUpStatus!: FollowUpStatus | null;

  @Column({ type: 'datetime', name: 'follow_up_deadline_at', nullable: true })
  followUpDeadlineAt!: Date | null;

  @Column(instant('follow_up_closed_at', true))
  followUpClosedAt!: Date | null;

  @Column({ type: 'varchar', length: 64, name: 'follow_up_closed_by', nullable: true })
  followUpClosedBy!: string | null;

  @Column({ type: 'text', name: 'follow_up_note', nullable: true })
  followUpNote!: string | null;
}
