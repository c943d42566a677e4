import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import type { ProjectStatus } from '../domain/charts/project-chart';
import type { Light } from '../domain/types';

/** Read model of a project workflow (工程建设项目, 重点项目 when `key`); written only by its projection. */
@Entity({ name: 'projects' })
@Unique('UQ_projects_code', ['code'])
@Index('IDX_projects_agent', ['agentId'])
@Index('IDX_projects_registered', ['registeredAt', 'id'])
export class Project {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** `XM-YYYYMMDD-NNNN` */
  @Column({ type: 'varchar', length: 24 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'boolean', name: 'is_key', default: false })
  key!: boolean;

  /** The stage under way, or `completed`. */
  @Column({ type: 'varchar', length: 16 })
  status!: ProjectStatus;

  @Column({ type: 'int', name: 'agent_id', nullable: true })
  agentId!: number | null;

  @Column({ type: 'varchar', length: 36, name: 'open_case_id', nullable: true })
  openCaseId!: string | null;

  @Column({ type: 'varchar', length: 8 })
  light!: Light;

  @Column({ type: 'int', name: 'limit_working_days' })
  limitWorkingDays!: number;

  @Column({ type: 'datetime', precision: 3, name: 'warn_at', nullable: true })
  warnAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, name: 'due_at', nullable: true })
  dueAt!: Date | null;

  @Column({ type: 'boolean', default: false })
  provisional!: boolean;

  @Column({ type: 'varchar', length: 10, name: 'last_report_period', nullable: true })
  lastReportPeriod!: string | null;

  @Column({ type: 'int', name: 'registered_by_id' })
  registeredById!: number;

  @Column({ type: 'datetime', precision: 3, name: 'registered_at' })
  registeredAt!: Date;

  @Column({ type: 'datetime', precision: 3, name: 'completed_at', nullable: true })
  completedAt!: Date | null;

  @Column({ type: 'datetime', precision: 3, name: 'updated_at' })
  updatedAt!: Date;

  /** The workflow's projection counter: a row is only overwritten by a higher version. */
  @Column({ type: 'int' })
  version!: number;
}
