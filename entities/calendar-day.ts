import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DayKind } from '../domain/calendar';

/**
 * published: seeded from the published schedules; imported: a whole year's schedule an
 * administrator brought in at once (PUT /api/calendar/years/:year); admin: one day entered or
 * changed by an administrator.
 */
export type CalendarDaySource = 'published' | 'imported' | 'admin';

/**
 * One listed day of the working-day calendar: a holiday (rest day) or a 调休 make-up working day.
 * Unlisted days are ordinary weekdays and weekends. A year with at least one published or imported
 * row has a real schedule; other years are computed provisionally (domain/calendar).
 */
@Entity({ name: 'calendar_days' })
export class CalendarDayRecord {
  /** Shanghai calendar date, `YYYY-MM-DD`. */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  date!: string;

  @Column({ type: 'varchar', length: 8 })
  kind!: DayKind;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ type: 'varchar', length: 12 })
  source!: CalendarDaySource;

  // Strictly increasing across writes (see activities/calendar-service.ts): caches compare
  // COUNT(*) and MAX(updated_at) to notice a change.
  @Column({ type: 'datetime', name: 'updated_at' })
  updatedAt!: Date;

  @Column({ type: 'varchar', length: 64, name: 'updated_by', nullable: true })
  updatedBy!: string | null;
}
