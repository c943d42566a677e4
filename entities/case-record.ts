import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import type { ProjectStage } from '../domain/projects';
import type { CaseDeficiency } from '../domain/deficiency';
import type { CaseStatus, Channel, Light } from '../domain/types';

/**
 * Read-model projection of a case workflow. The workflow is the source of truth; `version` is
 * the last audit seq applied, so a stale projection never overwrites a newer one.
 */
@Entity({ name: 'cases' })
@Unique('UQ_cases_tracking_code', ['trackingCode'])
// List pages: newest first, optionally filtered by one column (migration SupervisionOffice).
@Index('IDX_cases_submitted', ['submittedAt', 'id'])
@Index('IDX_cases_status_submitted', ['status', 'submittedAt', 'id'])
@Index('IDX_cases_light_submitted', ['light', 'submittedAt', 'id'])
@Index('IDX_cases_channel_submitted', ['channel', 'submittedAt', 'id'])
@Index('IDX_cases_registered_by', ['registeredById'])
@Index('IDX_cases_agent', ['agentId'])
@Index('IDX_cases_project', ['projectId'])
/** 办件查询 over the whole center scans this instead of the rows (api/read-model.ts matchWords). */
@Index('IDX_cases_words', ['applicantName', 'trackingCode', 'projectId', 'status', 'light', 'channel', 'submittedAt'])
export class CaseRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 16, name: 'tracking_code' })
  trackingCode!: string;

  @Column({ type: 'varchar', length: 24 })
  status!: CaseStatus;

  @Column({ type: 'varchar', length: 16 })
  channel!: Channel;

  @Column({ type: 'varchar', length: 100, name: 'applicant_name' })
  applicantName!: string;

  @Column({ type: 'varchar', length: 32, name: 'applicant_phone' })
  applicantPhone!: string;

  @Column({ type: 'varchar', length: 32, name: 'applicant_id_number', nullable: true })
  applicantIdNumber!: string | null;

  @Column({ type: 'varchar', length: 200, name: 'project_name', nullable: true })
  projectName!: string | null;

  @Column({ type: 'simple-json', name: 'matter_codes' })
  matterCodes!: string[];

  @Column({ type: 'varchar', length: 8, default: 'green' })
  light!: Light;

  @Column({ type: 'datetime', name: 'due_at', nullable: true })
  dueAt!: Date | null;

  @Column({ type: 'int', name: 'registered_by_id' })
  registeredById!: number;

  /** The proxy agent (代办员) assigned to the case, if any: they see it and act for the applicant. */
  @Column({ type: 'int', name: 'agent_id', nullable: true })
  agentId!: number | null;

  /** The project (工程建设项目) this case is a stage application of. */
  @Column({ type: 'varchar', length: 36, name: 'project_id', nullable: true })
  projectId!: string | null;

  @Column({ type: 'varchar', length: 16, name: 'project_stage', nullable: true })
  projectStage!: ProjectStage | null;

  @Column({ type: 'datetime', name: 'submitted_at' })
  submittedAt!: Date;

  @Column({ type: 'datetime', name: 'accepted_at', nullable: true })
  acceptedAt!: Date | null;

  @Column({ type: 'datetime', name: 'decided_at', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'datetime', name: 'delivered_at', nullable: true })
  deliveredAt!: Date | null;

  @Column({ type: 'datetime', name: 'updated_at' })
  updatedAt!: Date;

  /** 容缺受理: the materials still owed, their deadline and whether it lapsed; null when none was tolerated. */
  @Column({ type: 'simple-json', nullable: true })
  deficiency!: CaseDeficiency | null;

  @Column({ type: 'int' })
  version!: number;
}
