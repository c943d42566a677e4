// Workflow tests on the time-skipping server pin instants worked out by hand (`2030-11-25T10:00:00`),
// but that server's clock starts at the real time and only moves forward: an instant already past
// can never be reached. From 1901 to 2099 the Gregorian calendar repeats every 28 years (weekdays
// and leap days alike, 28 being a multiple of 4 and 7 with no skipped leap year in between), so a
// test keeps its instants written as worked out and, once they are near or past, runs them the
// smallest multiple of 28 years later: `era('2030-09-25T09:00:00')` is then `2058-09-25T09:00:00`.
//
// What does not repeat: the lunar holidays (春节, 清明, 端午, 中秋) and any published schedule. A test
// therefore declares the calendar of every year it walks through (`declaredYear`) instead of relying
// on the product's published or computed days.
//
// TEST_ERA_SHIFT_YEARS=28 (any multiple of 28 at least the needed shift) forces the shift, which
// shows a test survives the calendar turning.
import type { DataSource } from 'typeorm';
import { importCalendarYear } from '../../activities/calendar-service';
import type { CalendarDay } from '../../domain/calendar';

/** The cycle of weekdays and leap days of the Gregorian calendar between 1901 and 2099. */
export const ERA_YEARS = 28;
/** The earliest instant must lie at least this far ahead of now: a file's run never takes longer. */
const MARGIN_MS = 86_400_000;
const LEADING_YEAR = /^(\d{4})(?=-)/;

export interface TestEra {
  /** `2030-09-25T09:00:00`, `2030-09-25` or `2030-12-H1` with its leading year moved by the shift. */
  (text: string): string;
  /** The shift in years: 0, 28, 56 … */
  readonly years: number;
}

const msOf = (shanghai: string): number => Date.parse(`${shanghai.length === 10 ? `${shanghai}T00:00:00` : shanghai}+08:00`);

function shiftBy(years: number, text: string): string {
  if (!LEADING_YEAR.test(text)) throw new RangeError(`no leading year in ${text}`);
  const shifted = text.replace(LEADING_YEAR, (year) => String(Number(year) + years));
  if (Number(shifted.slice(0, 4)) > 2099) throw new RangeError(`${shifted}: the 28-year cycle ends with 2099; the test needs new instants`);
  return shifted;
}

/**
 * The era a test runs in: the smallest multiple of 28 years that puts `earliest` (its first Shanghai
 * wall time) at least a day after `now`, or the shift TEST_ERA_SHIFT_YEARS forces.
 */
export function testEra(earliest: string, now: number = Date.now(), forced: string | undefined = process.env.TEST_ERA_SHIFT_YEARS): TestEra {
  if (Number.isNaN(msOf(earliest))) throw new RangeError(`not a Shanghai wall time: ${earliest}`);
  let years = 0;
  while (msOf(shiftBy(years, earliest)) - now < MARGIN_MS) years += ERA_YEARS;
  if (forced !== undefined && forced !== '') {
    const wanted = Number(forced);
    if (!Number.isInteger(wanted) || wanted < 0 || wanted % ERA_YEARS !== 0) throw new RangeError(`TEST_ERA_SHIFT_YEARS must be a multiple of ${ERA_YEARS}, got ${forced}`);
    if (wanted < years) throw new RangeError(`TEST_ERA_SHIFT_YEARS=${forced} leaves ${earliest} in the past; at least ${years} is needed`);
    years = wanted;
  }
  return Object.assign((text: string) => shiftBy(years, text), { years });
}

/**
 * Makes `year` (as the test writes it: 2030) a declared schedule in the test's era, as an admin's
 * import would: weekends, the fixed-date statutory holidays 元旦, 劳动节 and 国庆节 (they keep their
 * dates in every era) and `days` (dated in `year` too), which win over those on the same date. No
 * lunar holiday: a test lists any it relies on in `days`.
 */
export async function declaredYear(db: DataSource, era: TestEra, year: number, days: CalendarDay[] = []): Promise<void> {
  const fixed: CalendarDay[] = [
    { date: `${year}-01-01`, kind: 'holiday', name: '元旦' },
    { date: `${year}-05-01`, kind: 'holiday', name: '劳动节' },
    { date: `${year}-05-02`, kind: 'holiday', name: '劳动节' },
    { date: `${year}-10-01`, kind: 'holiday', name: '国庆节' },
    { date: `${year}-10-02`, kind: 'holiday', name: '国庆节' },
    { date: `${year}-10-03`, kind: 'holiday', name: '国庆节' },
  ];
  for (const day of days) if (!day.date.startsWith(`${year}-`)) throw new RangeError(`${day.date} is not in ${year}`);
  const byDate = new Map([...fixed, ...days].map((day) => [day.date, { ...day, date: era(day.date) }]));
  await importCalendarYear(db, { year: year + era.years, days: [...byDate.values()], by: 'admin1' });
}
