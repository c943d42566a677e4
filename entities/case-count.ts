import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CaseStatus, Channel, Light } from '../domain/types';

/** The whole center's scope in case_counts; other scopes are department codes. */
export const CENTER_SCOPE = '*';

/**
 * How many cases have each (status, light, channel), for the whole center ('*') and for each
 * department with a step in them: the totals of the case lists without counting rows. Kept by
 * the case projection, which moves a case from its old key to its new one in the transaction
 * that changes the case row.
 */
@Entity({ name: 'case_counts' })
export class CaseCount {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  scope!: string;

  @PrimaryColumn({ type: 'varchar', length: 24 })
  status!: CaseStatus;

  @PrimaryColumn({ type: 'varchar', length: 8 })
  light!: Light;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  channel!: Channel;

  @Column({ type: 'int', default: 0 })
  cases!: number;
}
