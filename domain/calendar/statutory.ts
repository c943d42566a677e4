// Where the calendar's days come from: the schedules the State Council published (holidays and
// 调休 make-up working days, as shipped by the chinese-days package), and, for a year without a
// published schedule, the statutory holidays of 《全国年节及纪念日放假办法》 (2025 revision).
// Pure: the package's data is a static module and its lunar helpers are arithmetic.
import { getSolarDateFromLunar, getSolarTermDate } from 'chinese-days';
import schedule from 'chinese-days/dist/chinese-days.json';
import type { CalendarDay } from './working-calendar';

/** Years the lunar tables of chinese-days cover, hence years provisionalDays can compute. */
export const STATUTORY_YEARS = { first: 1901, last: 2100 } as const;

const DAY_MS = 86_400_000;

/** `date` moved by `days` calendar days. */
function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Solar date of a lunar (non-leap) month and day in lunar year `year`. The helper reads the
 * year, month and day with local-time getters, so it gets a local Date; it answers the same in
 * every time zone.
 */
function lunar(year: number, month: number, day: number): string {
  return getSolarDateFromLunar(new Date(year, month - 1, day)).date;
}

/**
 * 清明: the Qingming solar term. The helper builds the date at UTC midnight and formats it with
 * local getters, so west of UTC it answers one day early; measure that shift and undo it.
 */
function qingming(year: number): string {
  const reported = getSolarTermDate(year, 4, 'pure_brightness');
  const shift = new Date(Date.UTC(year, 3, 15)).getDate() - 15; // 0 at or east of UTC, -1 west of it
  return shiftDate(reported, -shift);
}

/**
 * The statutory holidays of one year (2025 revision): 元旦 Jan 1; 春节 除夕 and lunar 1/1–1/3;
 * 清明 on the solar term; 劳动节 May 1–2; 端午 lunar 5/5; 中秋 lunar 8/15; 国庆节 Oct 1–3.
 * No make-up working days: those are only known once the year's schedule is published.
 */
export function provisionalDays(year: number): CalendarDay[] {
  if (!Number.isInteger(year) || year < STATUTORY_YEARS.first || year > STATUTORY_YEARS.last) {
    throw new RangeError(`statutory holidays are computed for ${STATUTORY_YEARS.first}–${STATUTORY_YEARS.last}, not ${year}`);
  }
  const springFestival = lunar(year, 1, 1);
  const entries: Array<[string, string]> = [
    [`${year}-01-01`, '元旦'],
    [shiftDate(springFestival, -1), '春节'], // 除夕: the last day of the lunar year
    [springFestival, '春节'],
    [shiftDate(springFestival, 1), '春节'],
    [shiftDate(springFestival, 2), '春节'],
    [qingming(year), '清明'],
    [`${year}-05-01`, '劳动节'],
    [`${year}-05-02`, '劳动节'],
    [lunar(year, 5, 5), '端午'],
    [lunar(year, 8, 15), '中秋'],
    [`${year}-10-01`, '国庆节'],
    [`${year}-10-02`, '国庆节'],
    [`${year}-10-03`, '国庆节'],
  ];
  // 中秋 can fall inside 国庆节 (as on 2020-10-01): one day, both names.
  const byDate = new Map<string, string>();
  for (const [date, name] of entries) {
    const known = byDate.get(date);
    byDate.set(date, known && known !== name ? `${known}、${name}` : name);
  }
  return [...byDate.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([date, name]) => ({ date, kind: 'holiday', name }));
}

/** Entries of the package data are `English,中文,days`. */
interface PublishedSchedule {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}
const published: PublishedSchedule = schedule;

const chineseName = (entry: string): string => entry.split(',')[1] ?? entry;

/**
 * The published schedules from `fromYear` on: holidays named like '春节', make-up working days
 * named like '春节调休'. `years` are the years that have a published schedule.
 */
export function publishedDays(fromYear: number = STATUTORY_YEARS.first): { years: number[]; days: CalendarDay[] } {
  const days: CalendarDay[] = [
    ...Object.entries(published.holidays).map(([date, entry]): CalendarDay => ({ date, kind: 'holiday', name: chineseName(entry) })),
    ...Object.entries(published.workdays).map(([date, entry]): CalendarDay => ({ date, kind: 'workday', name: `${chineseName(entry)}调休` })),
  ]
    .filter((day) => Number(day.date.slice(0, 4)) >= fromYear)
    .sort((a, b) => a.date.localeCompare(b.date));
  const years = [...new Set(days.map((day) => Number(day.date.slice(0, 4))))];
  return { years, days };
}
