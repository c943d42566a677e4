import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Role } from '../domain/types';

/**
 * Append-only audit trail projected from workflow history. UNIQUE (workflowId, seq) makes the
 * projection idempotent: replaying an activity inserts nothing twice.
 */
@Entity({ name: 'audit_events' })
@Unique('UQ_audit_events_workflow_seq', ['workflowId', 'seq'])
@Index('IDX_audit_events_case', ['caseId'])
export class AuditEvent {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'varchar', length: 120, name: 'workflow_id' })
  workflowId!: string;

  @Column({ type: 'int' })
  seq!: number;

  @Column({ type: 'varchar', length: 36, name: 'case_id' })
  caseId!: string;

  @Column({ type: 'varchar', length: 80, name: 'step_id', nullable: true })
  stepId!: string | null;

  @Column({ type: 'datetime', precision: 3 })
  at!: Date;

  @Column({ type: 'varchar', length: 48 })
  action!: string;

  @Column({ type: 'varchar', length: 24, name: 'from_state', nullable: true })
  fromState!: string | null;

  @Column({ type: 'varchar', length: 24, name: 'to_state' })
  toState!: string;

  @Column({ type: 'int', name: 'actor_id', nullable: true })
  actorId!: number | null;

  @Column({ type: 'varchar', length: 64, name: 'actor_name', nullable: true })
  actorName!: string | null;

  @Column({ type: 'varchar', length: 16, name: 'actor_role', nullable: true })
  actorRole!: Role | null;

  @Column({ type: 'simple-json', nullable: true })
  detail!: Record<string, unknown> | null;
}
