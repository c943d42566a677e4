import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * One row of the security audit log: every state-changing request and every denied attempt.
 * Rows form a hash chain (`hash` = SHA-256 over `prevHash` and the row's content, see
 * api/audit-log.ts); the database refuses UPDATE and DELETE on this table.
 */
@Entity({ name: 'audit_log' })
@Unique('UQ_audit_log_prev_hash', ['prevHash'])
@Index('IDX_audit_log_object', ['objectType', 'objectId'])
@Index('IDX_audit_log_actor', ['actorId'])
@Index('IDX_audit_log_request', ['requestId'])
export class AuditLogEntry {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'datetime', precision: 3 })
  at!: Date;

  @Column({ type: 'varchar', length: 64, name: 'request_id' })
  requestId!: string;

  @Column({ type: 'int', name: 'actor_id', nullable: true })
  actorId!: number | null;

  @Column({ type: 'varchar', length: 64, name: 'actor_name', nullable: true })
  actorName!: string | null;

  @Column({ type: 'varchar', length: 16, name: 'actor_role', nullable: true })
  actorRole!: string | null;

  /** `METHOD /route/pattern`, e.g. `POST /api/steps/:id/approve`. */
  @Column({ type: 'varchar', length: 160 })
  action!: string;

  @Column({ type: 'varchar', length: 32, name: 'object_type', nullable: true })
  objectType!: string | null;

  @Column({ type: 'varchar', length: 120, name: 'object_id', nullable: true })
  objectId!: string | null;

  /** succeeded · denied (401/403/404/423/429) · refused (400/409/413/422) · failed (5xx). */
  @Column({ type: 'varchar', length: 16 })
  outcome!: string;

  @Column({ type: 'int' })
  status!: number;

  @Column({ type: 'text', nullable: true })
  detail!: string | null;

  @Column({ type: 'varchar', length: 64, name: 'prev_hash' })
  prevHash!: string;

  @Column({ type: 'varchar', length: 64 })
  hash!: string;
}
