// 限时办结: the working-day calendar (行政许可法 §82). Pure: no I/O, no clock, no randomness.
//
// Conventions
// - Time zone Asia/Shanghai (UTC+8, no daylight saving). Instants are ISO-8601 strings in UTC
//   (`2026-11-20T09:30:00.000Z`); dates are `YYYY-MM-DD` Shanghai calendar dates.
// - A day is a working day if it is Mon–Fri and not a holiday, or it is a 调休 make-up working day
//   (a weekend day declared a workday).
// - A limit of N working days ends at close of office (default 17:30, configurable `HH:MM`) on the
//   N-th working day after the start date. The start date itself is not counted; an application
//   accepted on a weekend or holiday starts counting from the next working day. Both say the same:
//   day 1 is the first working day strictly after the start date.
// - The clock counts "closes": the close-of-office instant of each working day.
//   closesBetween(from, to) = the number of working-day closes c with from < c <= to.
// - A year with no published schedule is computed provisionally: weekends plus the statutory
//   holidays of 《全国年节及纪念日放假办法》 (2025 revision), without make-up days (statutory.ts).
//   Admin entries for such a year are laid over the computed days. Every answer that touches such
//   a year — any Shanghai date from the question's first date to the answer's last — says
//   `provisional: true`.
// - Every scan is bounded: asking for more than three years of days throws a RangeError.
import { provisionalDays } from './statutory';

/** holiday: a rest day (even on a weekday); workday: a make-up working day (even on a weekend). */
export type DayKind = 'holiday' | 'workday';

export interface CalendarDay {
  date: string;
  kind: DayKind;
  name: string;
}

export interface CalendarOptions {
  /** Years whose schedule is published; every other year is computed provisionally. */
  publishedYears: number[];
  /** Close of office, `HH:MM` Shanghai time; default `17:30`. */
  closeOfOffice?: string;
}

export interface DayInfo {
  date: string;
  working: boolean;
  kind: DayKind | 'weekday' | 'weekend';
  name: string | null;
  provisional: boolean;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const SHANGHAI_OFFSET_MS = 8 * 60 * MINUTE_MS;
/** Upper bound of every scan, in days: three years. */
export const MAX_SCAN_DAYS = 3 * 366;
export const DEFAULT_CLOSE_OF_OFFICE = '17:30';

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOSE_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Day number (days since 1970-01-01) → `YYYY-MM-DD`. */
function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function parseDate(date: string): number | undefined {
  const match = typeof date === 'string' ? DATE_PATTERN.exec(date) : null;
  if (!match) return undefined;
  const day = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
  // Round trip rejects 2026-02-30 and years 0000–0099 (which Date.UTC maps to 19xx).
  return dateOf(day) === date ? day : undefined;
}

/** `YYYY-MM-DD` → day number; throws RangeError when it is not a real calendar date. */
function dayNumber(date: string): number {
  const day = parseDate(date);
  if (day === undefined) throw new RangeError(`not a calendar date (YYYY-MM-DD): ${String(date)}`);
  return day;
}

/** True for a real calendar date written `YYYY-MM-DD` (2026-02-28 yes, 2026-02-30 no). */
export function isCalendarDate(value: string): boolean {
  return parseDate(value) !== undefined;
}

function instantMs(instant: string): number {
  const ms = new Date(instant).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO-8601 instant: ${String(instant)}`);
  return ms;
}

/** The Shanghai day number an instant falls on. */
function shanghaiDay(ms: number): number {
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** The Shanghai calendar date (`YYYY-MM-DD`) of a UTC instant. */
export function shanghaiDate(instant: string): string {
  return dateOf(shanghaiDay(instantMs(instant)));
}

const yearOfDay = (day: number): number => new Date(day * DAY_MS).getUTCFullYear();
const iso = (ms: number): string => new Date(ms).toISOString();
/** 1970-01-01 was a Thursday: (day + 4) mod 7 is 0 on Sundays. */
const isWeekend = (day: number): boolean => {
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
};

function closeMinutes(closeOfOffice: string): number {
  const match = CLOSE_PATTERN.exec(closeOfOffice);
  if (!match) throw new RangeError(`close of office must be HH:MM, got ${closeOfOffice}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

function assertCount(n: number, what: string): void {
  if (!Number.isInteger(n)) throw new RangeError(`${what} must be an integer, got ${n}`);
}

function scanGuard(scanned: number): void {
  if (scanned > MAX_SCAN_DAYS) throw new RangeError(`the calendar scans at most ${MAX_SCAN_DAYS} days`);
}

export class WorkingCalendar {
  private readonly publishedYears: ReadonlySet<number>;
  private readonly closeMs: number;
  /** Every listed day of the published years: the published schedule with admin overrides. */
  private readonly published = new Map<string, CalendarDay>();
  /** Admin entries for years without a published schedule, laid over the computed days. */
  private readonly overrides = new Map<number, CalendarDay[]>();
  /** Computed lazily per provisional year (memoized; the answer never changes). */
  private readonly provisional = new Map<number, Map<string, CalendarDay>>();

  constructor(days: CalendarDay[], options: CalendarOptions) {
    this.publishedYears = new Set(options.publishedYears);
    this.closeMs = closeMinutes(options.closeOfOffice ?? DEFAULT_CLOSE_OF_OFFICE) * MINUTE_MS;
    for (const { date, kind, name } of days) {
      const year = yearOfDay(dayNumber(date));
      if (kind !== 'holiday' && kind !== 'workday') throw new RangeError(`unknown day kind ${String(kind)} on ${date}`);
      const day: CalendarDay = { date, kind, name };
      if (this.publishedYears.has(year)) this.published.set(date, day);
      else this.overrides.set(year, [...(this.overrides.get(year) ?? []), day]);
    }
  }

  /** Close of office as minutes after Shanghai midnight (17:30 → 1050). */
  get closeOfOfficeMinutes(): number {
    return this.closeMs / MINUTE_MS;
  }

  /** Its year has no published schedule: answers about it are provisional. */
  isProvisional(date: string): boolean {
    return !this.publishedYears.has(yearOfDay(dayNumber(date)));
  }

  isWorkingDay(date: string): boolean {
    return this.working(dayNumber(date));
  }

  dayInfo(date: string): DayInfo {
    const day = dayNumber(date);
    const entry = this.entry(day);
    return {
      date,
      working: this.working(day),
      kind: entry?.kind ?? (isWeekend(day) ? 'weekend' : 'weekday'),
      name: entry?.name ?? null,
      provisional: this.touchesProvisional(day, day),
    };
  }

  /** The n-th working day after `date` (the date itself not counted); n = 0 is the date itself. */
  addWorkingDays(date: string, n: number): { date: string; provisional: boolean } {
    assertCount(n, 'working days');
    if (n < 0) throw new RangeError(`working days must be >= 0, got ${n}`);
    const start = dayNumber(date);
    let day = start;
    for (let left = n; left > 0;) {
      day += 1;
      scanGuard(day - start);
      if (this.working(day)) left -= 1;
    }
    return { date: dateOf(day), provisional: this.touchesProvisional(start, day) };
  }

  /** The UTC instant of close of office on that Shanghai date. */
  closeOf(date: string): string {
    return iso(this.closeOfDay(dayNumber(date)));
  }

  /** Next Shanghai midnight after the instant: the acceptance day itself is not counted. */
  clockStart(instant: string): string {
    return iso((shanghaiDay(instantMs(instant)) + 1) * DAY_MS - SHANGHAI_OFFSET_MS);
  }

  /** The n-th working-day close strictly after `instant`; n <= 0 answers the instant itself. */
  nthCloseAfter(instant: string, n: number): { at: string; provisional: boolean } {
    assertCount(n, 'closes');
    const from = instantMs(instant);
    const start = shanghaiDay(from);
    if (n <= 0) return { at: instant, provisional: this.touchesProvisional(start, start) };
    let day = start;
    for (let left = n; ; day += 1) {
      scanGuard(day - start);
      if (this.working(day) && this.closeOfDay(day) > from) {
        left -= 1;
        if (left === 0) break;
      }
    }
    return { at: iso(this.closeOfDay(day)), provisional: this.touchesProvisional(start, day) };
  }

  /** Working-day closes c with from < c <= to (0 when to <= from). */
  closesBetween(from: string, to: string): { count: number; provisional: boolean } {
    const a = instantMs(from);
    const b = instantMs(to);
    const first = shanghaiDay(Math.min(a, b));
    const last = shanghaiDay(Math.max(a, b));
    scanGuard(last - first);
    let count = 0;
    if (b > a) {
      for (let day = first; day <= last; day += 1) {
        const close = this.closeOfDay(day);
        if (close > a && close <= b && this.working(day)) count += 1;
      }
    }
    return { count, provisional: this.touchesProvisional(first, last) };
  }

  /** 限时办结 deadline: close of office on the N-th working day after the acceptance date. */
  dueAt(acceptedAt: string, workingDays: number): { at: string; provisional: boolean } {
    const due = this.nthCloseAfter(this.clockStart(acceptedAt), workingDays);
    const accepted = shanghaiDay(instantMs(acceptedAt));
    return { at: due.at, provisional: due.provisional || this.touchesProvisional(accepted, accepted) };
  }

  private closeOfDay(day: number): number {
    return day * DAY_MS + this.closeMs - SHANGHAI_OFFSET_MS;
  }

  private working(day: number): boolean {
    const entry = this.entry(day);
    return entry ? entry.kind === 'workday' : !isWeekend(day);
  }

  private entry(day: number): CalendarDay | undefined {
    const year = yearOfDay(day);
    const date = dateOf(day);
    if (this.publishedYears.has(year)) return this.published.get(date);
    return this.provisionalYear(year).get(date);
  }

  private provisionalYear(year: number): Map<string, CalendarDay> {
    let days = this.provisional.get(year);
    if (!days) {
      days = new Map(provisionalDays(year).map((day) => [day.date, day]));
      for (const day of this.overrides.get(year) ?? []) days.set(day.date, day);
      this.provisional.set(year, days);
    }
    return days;
  }

  private touchesProvisional(firstDay: number, lastDay: number): boolean {
    for (let year = yearOfDay(firstDay); year <= yearOfDay(lastDay); year += 1) {
      if (!this.publishedYears.has(year)) return true;
    }
    return false;
  }
}
