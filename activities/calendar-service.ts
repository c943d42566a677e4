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

let publishedIndex: Map<string, CalendarDay> | undefined;
/** The published entry of a date, if the package data has one. */
function publishedEntry(date: string): CalendarDay | undefined {
  publishedIndex ??= new Map(publishedDays().days.map((day) => [day.date, day]));
  return publishedIndex.get(date);
}

/**
 * Inserts the published schedules from `fromYear` on. INSERT IGNORE: idempotent, and a row that
 * exists (an admin override above all) is never overwritten.
 */
export async function seedCalendar(db: DataSource, fromYear = 2024): Promise<void> {
  const updatedAt = wholeSecond(new Date().getTime());
  const rows = publishedDays(fromYear).days.map((day) => ({
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
    if (row.source === 'published') return { found: true, restored: stored(row) };
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

/**
 * The listed days of one year. A published year: its stored rows. Otherwise the computed
 * statutory holidays with any admin entries laid over them, flagged provisional.
 */
export async function calendarYear(db: DataSource, year: number): Promise<{ year: number; provisional: boolean; days: YearDay[] }> {
  const rows = await db.getRepository(CalendarDayRecord).find({ where: { date: yearRange(year) }, order: { date: 'ASC' } });
  const view = ({ date, kind, name, source }: CalendarDayRecord): YearDay => ({ date, kind, name, source });
  if (rows.some((row) => row.source === 'published')) return { year, provisional: false, days: rows.map(view) };
  const days = new Map<string, YearDay>(provisionalDays(year).map((day) => [day.date, { ...day, source: 'provisional' }]));
  for (const row of rows) days.set(row.date, view(row));
  return { year, provisional: true, days: [...days.values()].sort((a, b) => a.date.localeCompare(b.date)) };
}

/** Years with at least one published row have a published schedule. */
function buildCalendar(rows: CalendarDayRecord[], closeOfOffice?: string): WorkingCalendar {
  const publishedYears = [...new Set(rows.filter((row) => row.source === 'published').map((row) => Number(row.date.slice(0, 4))))];
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
