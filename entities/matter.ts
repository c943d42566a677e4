import { Column, Entity, JoinColumn, ManyToOne, OneToMany, PrimaryColumn } from 'typeorm';
import type { ProjectStage } from '../domain/projects';
import type { ApprovalPanel } from '../domain/approval-panel';
import type { SuspensionKind } from '../domain/types';
import { Department } from './department';
import { MatterMaterial } from './matter-material';

/** 审批事项: one catalogue matter with its statutory (法定) and committed (承诺) working-day limits. */
@Entity({ name: 'matters' })
export class Matter {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 32, name: 'department_code' })
  departmentCode!: string;

  // Relation shares the department_code column so the FK lives in the metadata too.
  @ManyToOne(() => Department, { nullable: false })
  @JoinColumn({ name: 'department_code', foreignKeyConstraintName: 'FK_matters_department' })
  department?: Department;

  @Column({ type: 'int', name: 'legal_days' })
  legalDays!: number;

  @Column({ type: 'int', name: 'committed_days' })
  committedDays!: number;

  /** The project stage whose form lists this matter (工程建设项目); null outside staged approval. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  stage!: ProjectStage | null;

  /** 即办件: decided at the window, no departmental review. */
  @Column({ type: 'boolean', default: false })
  instant!: boolean;

  @Column({ type: 'simple-json', name: 'special_procedures' })
  specialProcedures!: SuspensionKind[];

  /** Matters this one builds on (the outcome rule: its approval stands only on theirs). */
  @Column({ type: 'simple-json', nullable: true })
  requires!: string[] | null;

  /** 会签 / 或签 / 依次 panel of the department's reviewers; null: one assignee decides. */
  @Column({ type: 'simple-json', nullable: true })
  approval!: ApprovalPanel | null;

  @OneToMany(() => MatterMaterial, (material) => material.matter, { eager: false })
  materials?: MatterMaterial[];
}
