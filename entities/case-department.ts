import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CaseStatus, Channel, Light } from '../domain/types';

/**
 * A case as a department sees it in its list: one row per (department with a step in the case,
 * case), carrying the case's list columns. Written by the case projection with the case row, so
 * an officer's page is an index range of their department instead of a probe into every case.
 */
@Entity({ name: 'case_departments' })
@Index('IDX_case_departments_submitted', ['departmentCode', 'submittedAt', 'caseId'])
@Index('IDX_case_departments_status', ['departmentCode', 'status', 'submittedAt', 'caseId'])
@Index('IDX_case_departments_light', ['departmentCode', 'light', 'submittedAt', 'caseId'])
@Index('IDX_case_departments_channel', ['departmentCode', 'channel', 'submittedAt', 'caseId'])
export class CaseDepartment {
  @PrimaryColumn({ type: 'varchar', length: 32, name: 'department_code' })
  departmentCode!: string;

  @PrimaryColumn({ type: 'varchar', length: 36, name: 'case_id' })
  caseId!: string;

  @Column({ type: 'datetime', name: 'submitted_at' })
  submittedAt!: Date;

  @Column({ type: 'varchar', length: 24 })
  status!: CaseStatus;

  @Column({ type: 'varchar', length: 8 })
  light!: Light;

  @Column({ type: 'varchar', length: 16 })
  channel!: Channel;
}
