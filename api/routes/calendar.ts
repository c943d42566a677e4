// 限时办结 calendar: due dates for everyone signed in; holidays and make-up days kept by admins.
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { isCalendarDate, type WorkingCalendar } from '../../domain/calendar';
import { toShanghaiIso } from '../../domain/time';
import { ROLES } from '../../domain/types';
import {
  applyCalendarOverride, calendarYear, removeCalendarOverride, type StoredCalendarDay,
} from '../../activities/calendar-service';
import { actorOf } from '../auth';
import type { RouteBook } from '../endpoints';
import { badRequest, notFound } from '../problems';

/** Years the API accepts: the statutory computation covers them, with room for a year-long limit. */
const FIRST_YEAR = 1901;
const LAST_YEAR = 2099;
const MAX_WORKING_DAYS = 365;

const calendarDate = z.string().superRefine((value, ctx) => {
  if (!isCalendarDate(value)) {
    ctx.addIssue({ code: 'custom', message: 'must be a calendar date YYYY-MM-DD' });
    return;
  }
  const year = Number(value.slice(0, 4));
  if (year < FIRST_YEAR || year > LAST_YEAR) ctx.addIssue({ code: 'custom', message: `year must be ${FIRST_YEAR}–${LAST_YEAR}` });
});
const wholeNumber = (min: number, max: number) =>
  z.string().regex(/^\d{1,6}$/, 'must be a whole number').transform(Number).pipe(z.number().int().min(min).max(max));

const dueDateQuery = z.object({ start: calendarDate, workingDays: wholeNumber(0, MAX_WORKING_DAYS) });
const yearQuery = z.object({ year: wholeNumber(FIRST_YEAR, LAST_YEAR) });
const dateParam = z.object({ date: calendarDate });
const dayBody = z.strictObject({ kind: z.enum(['holiday', 'workday']), name: z.string().trim().min(1).max(64) });

export interface CalendarRouterDependencies {
  db: DataSource;
  calendar: { current(): Promise<WorkingCalendar>; invalidate(): void };
  /** Runs after a day changed, before the answer: e.g. re-plans the deadlines of running steps. */
  onCalendarChanged: (date: string) => Promise<void>;
  book: RouteBook;
}

export function createCalendarRouter({ db, calendar, onCalendarChanged, book }: CalendarRouterDependencies) {
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
    access: ROLES, query: dueDateQuery, responses: { 200: '`{start, workingDays, dueDate, dueAt, provisional}`' },
  }, async ({ query: { start, workingDays } }, _req, res) => {
    const cal = await calendar.current();
    let due: { date: string; provisional: boolean };
    try {
      due = cal.addWorkingDays(start, workingDays);
    } catch (err) {
      if (err instanceof RangeError) throw badRequest([{ path: 'query.start', message: err.message }]);
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
    access: ROLES, query: yearQuery, responses: { 200: 'the year\'s special days' },
  }, async ({ query: { year } }, _req, res) => {
    res.json(await calendarYear(db, year));
  });

  routes.route({
    method: 'put', path: '/api/calendar/days/:date', tag: 'calendar', summary: 'Override a day (holiday or working day); running clocks re-plan',
    access: ['admin'], params: dateParam, body: dayBody, responses: { 200: 'the day as the calendar now sees it' },
  }, async ({ params: { date }, body: { kind, name } }, req, res) => {
    const row = await applyCalendarOverride(db, { date, kind, name, by: actorOf(req).username });
    await changed(date);
    res.json(await dayAnswer(date, row));
  });

  routes.route({
    method: 'delete', path: '/api/calendar/days/:date', tag: 'calendar', summary: 'Remove an override; the published day applies again',
    access: ['admin'], params: dateParam, responses: { 200: 'the day as the calendar now sees it' },
  }, async ({ params: { date } }, _req, res) => {
    const removal = await removeCalendarOverride(db, date);
    if (!removal.found) throw notFound(`calendar entry for ${date}`);
    await changed(date);
    res.json(await dayAnswer(date, removal.restored));
  });

  return routes.express;
}
