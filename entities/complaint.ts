import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { ComplaintStatus } from '../domain/charts/complaint-chart';

/** applicant: filed with a tracking code; office: registered by the supervision office (phone, letter, visit). */
export type ComplaintSource = 'applicant' | 'office';

const instant = (name: string, nullable = false) => ({ type: 'datetime', precision: 3, name, nullable }) as const;

/**
 * 效能投诉: registered the day it arrives under a number unique per day (TS-20261121-0001),
 * assigned, resolved once with an outcome before its deadline (working days after receipt).
 */
@Entity({ name: 'complaints' })
@Unique('UQ_complaints_number', ['number'])
@Index('IDX_complaints_received_at', ['receivedAt'])
@Index('IDX_complaints_status_received_at', ['status', 'receivedAt'])
@Index('IDX_complaints_received_on', ['receivedOn'])
export class Complaint {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'varchar', length: 20 })
  number!: string;

  @Column(instant('received_at'))
  receivedAt!: Date;

  /** Shanghai date of receipt, `YYYY-MM-DD`. */
  @Column({ type: 'varchar', length: 10, name: 'received_on' })
  receivedOn!: string;

  @Column({ type: 'varchar', length: 12 })
  source!: ComplaintSource;

  @Column({ type: 'varchar', length: 36, name: 'case_id', nullable: true })
  caseId!: string | null;

  /** The department complained about, when the complainant names one. */
  @Column({ type: 'varchar', length: 32, name: 'department_code', nullable: true })
  departmentCode!: string | null;

  @Column({ type: 'text' })
  content!: string;

  @Column({ type: 'varchar', length: 100, name: 'complainant_name', nullable: true })
  complainantName!: string | null;

  @Column({ type: 'varchar', length: 32, name: 'complainant_phone', nullable: true })
  complainantPhone!: string | null;

  /** Username of the supervisor who registered it; null when filed by the applicant. */
  @Column({ type: 'varchar', length: 64, name: 'registered_by', nullable: true })
  registeredBy!: string | null;

  @Column({ type: 'varchar', length: 12 })
  status!: ComplaintStatus;

  /** Resolution deadline: close of office on the N-th working day after receipt. */
  @Column({ type: 'datetime', name: 'deadline_at' })
  deadlineAt!: Date;

  @Column({ type: 'int', name: 'assignee_id', nullable: true })
  assigneeId!: number | null;

  @Column({ type: 'varchar', length: 64, name: 'assignee_name', nullable: true })
  assigneeName!: string | null;

  @Column({ type: 'varchar', length: 32, name: 'assigned_department_code', nullable: true })
  assignedDepartmentCode!: string | null;

  @Column(instant('assigned_at', true))
  assignedAt!: Date | null;

  @Column(instant('resolved_at', true))
  resolvedAt!: Date | null;

  @Column({ type: 'varchar', length: 64, name: 'resolved_by', nullable: true })
  resolvedBy!: string | null;

  @Column({ type: 'text', nullable: true })
  outcome!: string | null;

  /** 属实: the complaint was found to be substantiated. */
  @Column({ type: 'boolean', nullable: true })
  substantiated!: boolean | null;
}
