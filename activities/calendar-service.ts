// The working-day calendar as stored in calendar_days: seeding from the published schedules,
// admin overrides, and a cached WorkingCalendar for activities and the API.
import { Between, type DataSource, type EntityManager } from 'typeorm';
import {
  WorkingCalendar, isCalendarDate, provisionalDays, publishedDays, type CalendarDay, type DayKind,
} from '../domain/calendar';
import { CalendarDayRecord, type CalendarDaySource } from '../entities';

/** A stored calendar row as plain data. */
export interface StoredCalendarDay {
  date: string;
  kind: DayKind;
  name: string;
  source: CalendarDaySource;
  /** UTC ISO instant. */
  updatedAt: string;
  updatedBy: string | null;
}

/** One listed day of a year: stored, or computed for a year without a published schedule. */
export interface YearDay {
  date: string;
  kind: DayKind;
  name: string;
  source: CalendarDaySource | 'provisional';
}

export interface CalendarOverride {
  date: string;
  kind: DayKind;
  name: string;
  /** Username of the administrator. */
  by: string;
}

export interface CalendarService {
  /** The calendar as stored now; rebuilt only when the table changed. */
  current(): Promise<WorkingCalendar>;
  /** Forget the cached calendar (after a change made by this process). */
  invalidate(): void;
}

/** MySQL DATETIME keeps whole seconds: store whole seconds so what is read back is what was written. */
const wholeSecond = (ms: number): Date => new Date(Math.floor(ms / 1000) * 1000);

/** A DATETIME as the drivers return it from a raw query: a Date (mysql2) or a UTC string (sql.js). */
function rawDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  const text = String(value);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
}

function stored(row: CalendarDayRecord): StoredCalendarDay {
  return {
    date: row.date, kind: row.kind, name: row.name, source: row.source,
    updatedAt: row.updatedAt.toISOString(), updatedBy: row.updatedBy,
  };
}

const yearRange = (year: number) => Between(`${year}-01-01`, `${year}-12-31`);
const yearOf = (date: string): number => Number(date.slice(0, 4));
/** Rows that make their year's schedule real rather than computed. */
const isSchedule = (source: CalendarDaySource): boolean => source === 'published' || source === 'imported';

let publishedIndex: Map<string, CalendarDay> | undefined;
/** The published entry of a date, if the package data has one. */
function publishedEntry(date: string): CalendarDay | undefined {
  publishedIndex ??= new Map(publishedDays().days.map((day) => [day.date, day]));
  return publishedIndex.get(date);
}

/**
 * Inserts the published schedules from `fromYear` on. INSERT IGNORE on purpose: idempotent (dates,
 * kinds and names from the package fit their columns, so nothing can be cut), and a row that
 * exists (an admin override above all) is never overwritten.
 */
export async function seedCalendar(db: DataSource, fromYear = 2024): Promise<void> {
  const updatedAt = wholeSecond(new Date().getTime());
  // An imported year is whole as imported: published days would lie over it as extra entries.
  const imported = new Set((await db.getRepository(CalendarDayRecord).find({ where: { source: 'imported' }, select: { date: true } }))
    .map((row) => yearOf(row.date)));
  const rows = publishedDays(fromYear).days.filter((day) => !imported.has(yearOf(day.date))).map((day) => ({
    ...day, source: 'published' as const, updatedAt, updatedBy: null,
  }));
  for (let i = 0; i < rows.length; i += 200) {
    await db.createQueryBuilder().insert().into(CalendarDayRecord).values(rows.slice(i, i + 200)).orIgnore().execute();
  }
}

/**
 * The stamp for a write: now, but always later than every stamp in the table, so
 * (COUNT(*), MAX(updated_at)) changes with every write even within one second.
 */
async function nextStamp(em: EntityManager): Promise<Date> {
  const raw = await em.getRepository(CalendarDayRecord).createQueryBuilder('day')
    .select('MAX(day.updatedAt)', 'latest').getRawOne<{ latest: unknown }>();
  const latest = rawDate(raw?.latest);
  const now = wholeSecond(new Date().getTime());
  return latest && latest.getTime() >= now.getTime() ? new Date(latest.getTime() + 1000) : now;
}

function assertOverride({ date, kind, name, by }: CalendarOverride): void {
  if (!isCalendarDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  if (kind !== 'holiday' && kind !== 'workday') throw new RangeError(`unknown day kind: ${String(kind)}`);
  if (!name || name.length > 64) throw new RangeError('a day needs a name of 1–64 characters');
  if (!by || by.length > 64) throw new RangeError('an override names who made it');
}

/** Makes `date` a holiday or a make-up working day, as an admin entry. */
export async function applyCalendarOverride(db: DataSource, override: CalendarOverride): Promise<StoredCalendarDay> {
  assertOverride(override);
  return db.transaction(async (em) => {
    const row: CalendarDayRecord = {
      date: override.date, kind: override.kind, name: override.name, source: 'admin',
      updatedAt: await nextStamp(em), updatedBy: override.by,
    };
    await em.upsert(CalendarDayRecord, row, ['date']);
    return stored(row);
  });
}

/** found: false when the date had no row; restored: null when the row was deleted. */
export type OverrideRemoval = { found: false } | { found: true; restored: StoredCalendarDay | null };

/**
 * Removes an admin entry. Where the date's year is published and the published schedule lists
 * the date, the published entry comes back; otherwise the row is deleted and the day is an
 * ordinary (or, in a provisional year, a computed) day again.
 */
export async function removeCalendarOverride(db: DataSource, date: string): Promise<OverrideRemoval> {
  if (!isCalendarDate(date)) throw new RangeError(`not a calendar date: ${date}`);
  return db.transaction(async (em): Promise<OverrideRemoval> => {
    const repo = em.getRepository(CalendarDayRecord);
    const row = await repo.findOneBy({ date });
    if (!row) return { found: false };
    // A schedule's own entry is not an override: it stays (an import is replaced by importing again).
    if (isSchedule(row.source)) return { found: true, restored: stored(row) };
    const entry = publishedEntry(date);
    // A lone published row would mark an unpublished year as published: restore only into a published year.
    const yearPublished = entry !== undefined
      && await repo.exists({ where: { date: yearRange(Number(date.slice(0, 4))), source: 'published' } });
    if (!entry || !yearPublished) {
      await repo.delete({ date });
      return { found: true, restored: null };
    }
    const restored: CalendarDayRecord = {
      ...entry, source: 'published', updatedAt: await nextStamp(em), updatedBy: null,
    };
    await repo.save(restored);
    return { found: true, restored: stored(restored) };
  });
}

/** Where a year's listed days come from: its stored schedule, or the statutory computation. */
export type YearSource = 'published' | 'imported' | 'provisional';

function yearSource(rows: CalendarDayRecord[]): YearSource {
  if (rows.some((row) => row.source === 'imported')) return 'imported';
  return rows.some((row) => row.source === 'published') ? 'published' : 'provisional';
}

/** One year from its stored rows (sorted by date). */
function yearView(year: number, rows: CalendarDayRecord[]): { year: number; source: YearSource; provisional: boolean; days: YearDay[] } {
  const view = ({ date, kind, name, source }: CalendarDayRecord): YearDay => ({ date, kind, name, source });
  const source = yearSource(rows);
  if (source !== 'provisional') return { year, source, provisional: false, days: rows.map(view) };
  const days = new Map<string, YearDay>(provisionalDays(year).map((day) => [day.date, { ...day, source: 'provisional' }]));
  for (const row of rows) days.set(row.date, view(row));
  return { year, source, provisional: true, days: [...days.values()].sort((a, b) => a.date.localeCompare(b.date)) };
}

/**
 * The listed days of one year. A published or imported year: its stored rows. Otherwise the
 * computed statutory holidays with any admin entries laid over them, flagged provisional.
 */
export async function calendarYear(db: DataSource, year: number): Promise<{ year: number; source: YearSource; provisional: boolean; days: YearDay[] }> {
  return yearView(year, await db.getRepository(CalendarDayRecord).find({ where: { date: yearRange(year) }, order: { date: 'ASC' } }));
}

/** What the calendar knows of one year. */
export interface YearCoverage {
  year: number;
  source: YearSource;
  /** Listed days (holidays and make-up working days), computed ones included. */
  days: number;
  holidays: number;
  workdays: number;
  /** UTC ISO instant of the latest stored change in the year; null when nothing is stored. */
  updatedAt: string | null;
  updatedBy: string | null;
}

/**
 * Every year from the first one with a published or imported schedule (or `currentYear`, when
 * none has one) through the later of `currentYear + 1` and the last scheduled year.
 */
export async function calendarCoverage(db: DataSource, currentYear: number): Promise<YearCoverage[]> {
  const rows = await db.getRepository(CalendarDayRecord).find({ order: { date: 'ASC' } });
  const byYear = new Map<number, CalendarDayRecord[]>();
  for (const row of rows) byYear.set(yearOf(row.date), [...(byYear.get(yearOf(row.date)) ?? []), row]);
  const scheduled = [...byYear].filter(([, yearRows]) => yearSource(yearRows) !== 'provisional').map(([year]) => year);
  const first = Math.min(currentYear, ...scheduled);
  const last = Math.max(currentYear + 1, ...scheduled);
  const coverage: YearCoverage[] = [];
  for (let year = first; year <= last; year += 1) {
    const yearRows = byYear.get(year) ?? [];
    const { source, days } = yearView(year, yearRows);
    const latest = yearRows.reduce<CalendarDayRecord | undefined>((a, b) => (!a || b.updatedAt > a.updatedAt ? b : a), undefined);
    coverage.push({
      year, source, days: days.length,
      holidays: days.filter((day) => day.kind === 'holiday').length,
      workdays: days.filter((day) => day.kind === 'workday').length,
      updatedAt: latest?.updatedAt.toISOString() ?? null,
      updatedBy: latest?.updatedBy ?? null,
    });
  }
  return coverage;
}

export interface YearImport {
  year: number;
  days: CalendarDay[];
  /** Username of the administrator. */
  by: string;
}

function assertYearImport({ year, days, by }: YearImport): void {
  const seen = new Set<string>();
  for (const day of days) {
    assertOverride({ ...day, by });
    if (yearOf(day.date) !== year) throw new RangeError(`${day.date} is not in ${year}`);
    if (seen.has(day.date)) throw new RangeError(`${day.date} is listed twice`);
    seen.add(day.date);
  }
}

/**
 * Replaces a year's schedule in one transaction: every stored row of the year (published days,
 * admin entries, an earlier import) gives way to the given days, stored as `imported`; the year
 * then counts as a real schedule, no longer provisional.
 */
export async function importCalendarYear(db: DataSource, yearImport: YearImport): Promise<{ year: number; source: YearSource; provisional: boolean; days: YearDay[] }> {
  assertYearImport(yearImport);
  const { year, days, by } = yearImport;
  return db.transaction(async (em) => {
    // Taken before the delete, so the table's latest stamp still moves forward.
    const updatedAt = await nextStamp(em);
    const repo = em.getRepository(CalendarDayRecord);
    await repo.delete({ date: yearRange(year) });
    const rows: CalendarDayRecord[] = [...days].sort((a, b) => a.date.localeCompare(b.date)).map(({ date, kind, name }) => ({
      date, kind, name, source: 'imported', updatedAt, updatedBy: by,
    }));
    for (let i = 0; i < rows.length; i += 200) await repo.insert(rows.slice(i, i + 200));
    return yearView(year, rows);
  });
}

/** Years with at least one published or imported row have a real schedule. */
function buildCalendar(rows: CalendarDayRecord[], closeOfOffice?: string): WorkingCalendar {
  const publishedYears = [...new Set(rows.filter((row) => isSchedule(row.source)).map((row) => yearOf(row.date)))];
  const days = rows.map(({ date, kind, name }): CalendarDay => ({ date, kind, name }));
  return new WorkingCalendar(days, { publishedYears, closeOfOffice });
}

async function tableSignature(db: DataSource): Promise<string> {
  const raw = await db.getRepository(CalendarDayRecord).createQueryBuilder('day')
    .select('COUNT(*)', 'rows').addSelect('MAX(day.updatedAt)', 'latest')
    .getRawOne<{ rows: unknown; latest: unknown }>();
  return `${String(raw?.rows ?? 0)}|${rawDate(raw?.latest)?.toISOString() ?? ''}`;
}

/**
 * The calendar for activities and the API. Each call costs one small query; the days are read
 * and the calendar rebuilt only when the table changed (another process may have changed it).
 */
export function createCalendarService({ db, closeOfOffice }: { db: DataSource; closeOfOffice?: string }): CalendarService {
  let cached: { signature: string; calendar: WorkingCalendar } | undefined;
  let generation = 0;
  return {
    async current() {
      const seen = generation;
      // Signature first: a write landing before the rows are read only makes the next call rebuild again.
      const signature = await tableSignature(db);
      if (cached?.signature === signature) return cached.calendar;
      const calendar = buildCalendar(await db.getRepository(CalendarDayRecord).find(), closeOfOffice);
      if (seen === generation) cached = { signature, calendar };
      return calendar;
    },
    invalidate() {
      generation += 1;
      cached = undefined;
    },
  };
}
