import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Role } from '../domain/types';

/**
 * A project's timeline: stages opened and concluded, progress reports, warnings, 催办. UNIQUE
 * (projectId, seq) makes the projection idempotent; seq keeps counting across continue-as-new.
 */
@Entity({ name: 'project_events' })
@Unique('UQ_project_events_project_seq', ['projectId', 'seq'])
export class ProjectEvent {
  @PrimaryGeneratedColumn({ type: 'int' })
  id!: number;

  @Column({ type: 'varchar', length: 36, name: 'project_id' })
  projectId!: string;

  @Column({ type: 'int' })
  seq!: number;

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
