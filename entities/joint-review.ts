import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { JointReviewStatus } from '../domain/charts/joint-review-chart';

/**
 * 联合审查 / 会商会审: a meeting the case's lead department convenes. `version` rises with every
 * change, so concurrent opinions and the conclusion serialise on it (optimistic, on every driver).
 */
@Entity({ name: 'joint_reviews' })
@Index('IDX_joint_reviews_case', ['caseId'])
export class JointReview {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'varchar', length: 36, name: 'case_id' })
  caseId!: string;

  @Column({ type: 'varchar', length: 500 })
  topic!: string;

  /** The meeting date (YYYY-MM-DD), if set. */
  @Column({ type: 'varchar', length: 10, name: 'held_on', nullable: true })
  heldOn!: string | null;

  @Column({ type: 'varchar', length: 32, name: 'lead_department_code' })
  leadDepartmentCode!: string;

  /** Departments with a step in the case when the meeting was convened: each owes one opinion. */
  @Column({ type: 'simple-json' })
  departments!: string[];

  @Column({ type: 'varchar', length: 12 })
  status!: JointReviewStatus;

  @Column({ type: 'int' })
  version!: number;

  @Column({ type: 'varchar', length: 64, name: 'convened_by' })
  convenedBy!: string;

  @Column({ type: 'datetime', name: 'convened_at' })
  convenedAt!: Date;

  @Column({ type: 'text', name: 'consolidated_opinion', nullable: true })
  consolidatedOpinion!: string | null;

  @Column({ type: 'varchar', length: 64, name: 'concluded_by', nullable: true })
  concludedBy!: string | null;

  @Column({ type: 'datetime', name: 'concluded_at', nullable: true })
  concludedAt!: Date | null;
}

/** One department's opinion in a joint review; the unique key makes a second one impossible. */
@Entity({ name: 'joint_review_opinions' })
@Unique('UQ_joint_review_opinions_department', ['reviewId', 'departmentCode'])
export class JointReviewOpinion {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'int', name: 'review_id' })
  reviewId!: number;

  @ManyToOne(() => JointReview, { nullable: false })
  @JoinColumn({ name: 'review_id', foreignKeyConstraintName: 'FK_joint_review_opinions_review' })
  review?: JointReview;

  @Column({ type: 'varchar', length: 32, name: 'department_code' })
  departmentCode!: string;

  @Column({ type: 'text' })
  opinion!: string;

  @Column({ type: 'varchar', length: 64, name: 'recorded_by' })
  recordedBy!: string;

  @Column({ type: 'datetime', name: 'recorded_at' })
  recordedAt!: Date;
}
