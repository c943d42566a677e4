// 日历覆盖检查: the supervision office is warned, once per year, when working-day deadlines reach a
// year whose holiday schedule is neither published nor imported. Such a year is computed
// provisionally (statutory holidays only): its 调休 make-up days are unknown until the State
// Council publishes them, so every deadline counted into it may move when the year is imported.
import { Between, In, type DataSource } from 'typeorm';
import { Step } from '../entities';
import { OPEN_STEP_STATUSES } from '../domain/charts/states';
import type { WorkingCalendar } from '../domain/calendar';
import { enqueueWithNotices } from './inbox-notices';
import type { NotificationRequest } from './notification-types';
import { COVERAGE_POLICY, type CalendarCoverageActivities, type CoverageInput, type CoverageResult } from './calendar-coverage-types';

/** How many years after this one a running deadline can reach (the calendar scans three). */
const YEARS_AHEAD = 3;

const shanghaiYear = (instant: string): number => new Date(Date.parse(instant) + 8 * 3_600_000).getUTCFullYear();
const yearStart = (year: number): Date => new Date(`${year}-01-01T00:00:00+08:00`);

export function createCalendarCoverageActivities({ db, calendar }: { db: DataSource; calendar: { current(): Promise<WorkingCalendar> } }): CalendarCoverageActivities {
  return {
    async checkCalendarCoverage({ asOf, lookaheadWorkingDays = COVERAGE_POLICY.lookaheadWorkingDays }: CoverageInput): Promise<CoverageResult> {
      const cal = await calendar.current();
      const horizon = cal.nthCloseAfter(asOf, lookaheadWorkingDays).at;
      const first = shanghaiYear(asOf);
      const years = Array.from({ length: YEARS_AHEAD + 1 }, (_, i) => first + i).filter((year) => cal.isProvisional(`${year}-01-01`));
      const provisionalYears = years.filter((year) => year <= shanghaiYear(horizon));
      const runningDeadlines: CoverageResult['runningDeadlines'] = [];
      for (const year of years) {
        const steps = await db.getRepository(Step).count({
          where: { status: In([...OPEN_STEP_STATUSES]), dueAt: Between(yearStart(year), new Date(yearStart(year + 1).getTime() - 1000)) },
        });
        if (steps > 0) runningDeadlines.push({ year, steps });
      }
      const notices: NotificationRequest[] = [
        ...provisionalYears.map((year) => office(`calendar-coverage:${year}:horizon`, 'calendar.horizon-provisional', { year, horizon, lookaheadWorkingDays })),
        ...runningDeadlines.map(({ year, steps }) => office(`calendar-coverage:${year}:running-deadlines`, 'calendar.deadlines-provisional', { year, steps })),
      ];
      const noticesWritten = await db.transaction((manager) => enqueueWithNotices(manager, notices, new Date(asOf)));
      return { horizon, provisionalYears, runningDeadlines, noticesWritten };
    },
  };
}

const office = (dedupeKey: string, template: string, payload: Record<string, unknown>): NotificationRequest => ({
  dedupeKey, channel: 'log', recipientRole: 'supervisor', recipient: 'office', template, payload,
});
