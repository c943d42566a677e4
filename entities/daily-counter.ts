import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A counter per name and Shanghai date, for numbers unique per day (complaints: TS-YYYYMMDD-NNNN).
 * Incremented with a conditional UPDATE inside the transaction that uses the number, so two
 * concurrent registrations never draw the same one.
 */
@Entity({ name: 'daily_counters' })
export class DailyCounter {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  name!: string;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  day!: string;

  @Column({ type: 'int' })
  value!: number;
}
