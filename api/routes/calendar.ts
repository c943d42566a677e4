// 限时办结 calendar: due dates for everyone signed in; holidays and make-up days kept by admins.
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { isCalendarDate, type WorkingCalendar } from '../../domain/calendar';
import { toShanghaiIso } from '../../domain/time';
import { ROLES } from '../../domain/types';
import {
  applyCalendarOverride, calendarCoverage, calendarYear, importCalendarYear, removeCalendarOverride, type StoredCalendarDay,
} from '../../activities/calendar-service';
import { systemClock, type Clock } from '../../config/clock';
import { actorOf } from '../auth';
import type { RouteBook } from '../endpoints';
import { calendarDayAnswer, calendarYearAnswer, calendarYearsAnswer, dueDateAnswer } from '../answers';
import { badRequest, notFound } from '../problems';

/** Years the API accepts: the statutory computation covers them, with room for a year-long limit. */
const FIRST_YEAR = 1901;
const LAST_YEAR = 2099;
const MAX_WORKING_DAYS = 365;

const calendarDate = z.string().superRefine((value, ctx) => {
  if (!isCalendarDate(value)) {
    ctx.addIssue({ code: 'custom', message: '应为日期，格式 YYYY-MM-DD' });
    return;
  }
  const year = Number(value.slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR) ctx.addIssue({ code: 'custom', message: `年份应在 ${FIRST_YEAR}–${LAST_YEAR} 之间` });
});
const wholeNumber = (min: number, max: number) =>
  z.string().regex(/^\d{1,6}$/, '应为整数').transform(Number).pipe(z.number().int().min(min).max(max));

const dueDateQuery = z.object({ start: calendarDate, workingDays: wholeNumber(0, MAX_WORKING_DAYS) });
const yearQuery = z.object({ year: wholeNumber(FIRST_YEAR, LAST_YEAR) });
const dateParam = z.object({ date: calendarDate });
const dayBody = z.strictObject({ kind: z.enum(['holiday', 'workday']), name: z.string().trim().min(1).max(64) });
const yearParam = z.object({ year: wholeNumber(FIRST_YEAR, LAST_YEAR) });
/** One day of an imported year: ours `{date, kind, name}` or holiday-cn's `{name, date, isOffDay}`. */
const importedDay = z.strictObject({
  date: calendarDate,
  name: z.string().trim().min(1).max(64),
  kind: z.enum(['holiday', 'workday']).optional(),
  isOffDay: z.boolean().optional(),
}).superRefine((day, ctx) => {
  if ((day.kind === undefined) === (day.isOffDay === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['kind'], message: '须给出 kind（holiday / workday）或 isOffDay 之一' });
  }
});
/** Our shape, or a holiday-cn year file as published (its `$schema`, `$id` and `papers` are accepted and ignored). */
const yearBody = z.strictObject({
  year: z.number().int().optional(),
  $schema: z.string().max(500).optional(),
  $id: z.string().max(500).optional(),
  papers: z.array(z.string().max(500)).max(20).optional(),
  days: z.array(importedDay).min(1).max(366),
});

export interface CalendarRouterDependencies {
  db: DataSource;
  calendar: { current(): Promise<WorkingCalendar>; invalidate(): void };
  /** Runs after a day changed, before the answer: e.g. re-plans the deadlines of running steps. */
  onCalendarChanged: (date: string) => Promise<void>;
  book: RouteBook;
  /** Where "this year" comes from (the years listed run through next year). */
  clock?: Clock;
}

/** The import's days in our shape; 400 naming `year` or `days.N.date` for what does not fit the year. */
function importedDays(year: number, body: z.infer<typeof yearBody>): Array<{ date: string; kind: 'holiday' | 'workday'; name: string }> {
  const problems: Array<{ path: string; message: string }> = [];
  if (body.year !== undefined && body.year !== year) problems.push({ path: 'year', message: `与路径中的年份 ${year} 不一致` });
  const seen = new Map<string, number>();
  body.days.forEach((day, i) => {
    if (Number(day.date.slice(0, 4)) !== year) problems.push({ path: `days.${i}.date`, message: `不在 ${year} 年内` });
    else if (seen.has(day.date)) problems.push({ path: `days.${i}.date`, message: `与 days.${seen.get(day.date)!}.date 重复` });
    else seen.set(day.date, i);
  });
  if (problems.length > 0) throw badRequest(problems);
  return body.days.map(({ date, name, kind, isOffDay }) => ({ date, name, kind: kind ?? (isOffDay ? 'holiday' : 'workday') }));
}

export function createCalendarRouter({ db, calendar, onCalendarChanged, book, clock = systemClock }: CalendarRouterDependencies) {
  const routes = book.router();

  /** The day as the calendar now sees it, with the stored row behind it (if any). */
  const dayAnswer = async (date: string, row: StoredCalendarDay | null) => {
    const info = (await calendar.current()).dayInfo(date);
    return {
      date,
      kind: info.kind,
      name: info.name,
      working: info.working,
      provisional: info.provisional,
      source: row?.source ?? (info.name !== null ? 'provisional' : null),
      updatedAt: row ? toShanghaiIso(row.updatedAt) : null,
      updatedBy: row?.updatedBy ?? null,
    };
  };

  /** After a committed change: drop the cache, let dependents react, then answer. */
  const changed = async (date: string): Promise<void> => {
    calendar.invalidate();
    await onCalendarChanged(date);
  };

  routes.route({
    method: 'get', path: '/api/calendar/due-date', tag: 'calendar', summary: 'The due date N working days after a date',
    access: ROLES, query: dueDateQuery, answer: dueDateAnswer, responses: { 200: '`{start, workingDays, dueDate, dueAt, provisional}`' },
  }, async ({ query: { start, workingDays } }, _req, res) => {
    const cal = await calendar.current();
    let due: { date: string; provisional: boolean };
    try {
      due = cal.addWorkingDays(start, workingDays);
    } catch (err) {
      // The only RangeError left after validation: the count runs past the days the calendar scans.
      if (err instanceof RangeError) throw badRequest([{ path: 'query.start', message: `从 ${start} 起推算 ${workingDays} 个工作日超出了日历可推算的范围` }]);
      throw err;
    }
    res.json({
      start,
      workingDays,
      dueDate: due.date,
      dueAt: toShanghaiIso(cal.closeOf(due.date)),
      provisional: due.provisional,
    });
  });

  routes.route({
    method: 'get', path: '/api/calendar/days', tag: 'calendar', summary: 'Holidays and make-up days of a year',
    access: ROLES, query: yearQuery, answer: calendarYearAnswer, responses: { 200: 'the year\'s special days' },
  }, async ({ query: { year } }, _req, res) => {
    res.json(await calendarYear(db, year));
  });

  routes.route({
    method: 'get', path: '/api/calendar/years', tag: 'calendar', summary: 'The years the calendar covers, each published, imported or provisional',
    access: ROLES, query: z.strictObject({}), answer: calendarYearsAnswer,
    responses: { 200: '`{items:[{year, source: "published"|"imported"|"provisional", days, holidays, workdays, updatedAt, updatedBy}], page, pageSize, total}`, from the first scheduled year through next year' },
  }, async (_input, _req, res) => {
    const thisYear = Number(toShanghaiIso(clock.now())!.slice(0, 4));
    const items = (await calendarCoverage(db, thisYear)).map((year) => ({
      ...year, updatedAt: year.updatedAt ? toShanghaiIso(year.updatedAt) : null,
    }));
    res.json({ items, page: 1, pageSize: items.length, total: items.length });
  });

  routes.route({
    method: 'put', path: '/api/calendar/years/:year', tag: 'calendar',
    summary: 'Replace a year\'s schedule (ours or holiday-cn\'s shape); the year counts as imported and running clocks re-plan',
    access: ['admin'], params: yearParam, body: yearBody, answer: calendarYearAnswer,
    responses: { 200: '`{year, source: "imported", provisional: false, days:[{date, kind, name, source}]}`' },
  }, async ({ params: { year }, body }, req, res) => {
    const imported = await importCalendarYear(db, { year, days: importedDays(year, body), by: actorOf(req).username });
    // One re-plan per import: the workflows re-plan their whole clock on any change.
    await changed(`${year}-01-01`);
    res.json(imported);
  });

  routes.route({
    method: 'put', path: '/api/calendar/days/:date', tag: 'calendar', summary: 'Override a day (holiday or working day); running clocks re-plan',
    access: ['admin'], params: dateParam, body: dayBody, answer: calendarDayAnswer, responses: { 200: 'the day as the calendar now sees it' },
  }, async ({ params: { date }, body: { kind, name } }, req, res) => {
    const row = await applyCalendarOverride(db, { date, kind, name, by: actorOf(req).username });
    await changed(date);
    res.json(await dayAnswer(date, row));
  });

  routes.route({
    method: 'delete', path: '/api/calendar/days/:date', tag: 'calendar', summary: 'Remove an override; the published day applies again',
    access: ['admin'], params: dateParam, answer: calendarDayAnswer, responses: { 200: 'the day as the calendar now sees it' },
  }, async ({ params: { date } }, _req, res) => {
    const removal = await removeCalendarOverride(db, date);
    if (!removal.found) throw notFound(`${date} 的日历设置`);
    await changed(date);
    res.json(await dayAnswer(date, removal.restored));
  });

  return routes.express;
}
