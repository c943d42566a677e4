// The reporting period of the supervision routes: `from` and `to`, Shanghai dates, both
// included. Unset: the current month up to today.
import { z } from 'zod';
import { isCalendarDate } from '../domain/calendar';

/** At most three years in one question. */
export const MAX_PERIOD_DAYS = 3 * 366;
const DAY_MS = 86_400_000;

const date = z.string().refine(isCalendarDate, '应为日期，格式 YYYY-MM-DD');

export interface Period {
  from: string;
  to: string;
}

/** Today's Shanghai date. */
export function shanghaiToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

const days = (from: string, to: string): number => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS;

/** Fills in the defaults: `to` today, `from` the first day of `to`'s month. */
export function resolvePeriod(query: { from?: string; to?: string }, now = new Date()): Period {
  const to = query.to ?? shanghaiToday(now);
  const from = query.from ?? `${to.slice(0, 8)}01`;
  return { from, to };
}

/** The period fields of a query schema; follow with `.transform(withResolvedPeriod).superRefine(checkPeriod)`. */
export const periodShape = { from: date.optional(), to: date.optional() };

export function withResolvedPeriod<Q extends { from?: string; to?: string }>(query: Q): Omit<Q, 'from' | 'to'> & Period {
  return { ...query, ...resolvePeriod(query) };
}

/** `from` after `to` is a 400 on `from`; a period spans at most MAX_PERIOD_DAYS days. */
export function checkPeriod(query: Period, ctx: z.RefinementCtx): void {
  if (query.from > query.to) ctx.addIssue({ code: 'custom', path: ['from'], message: `不能晚于截止日期 to（${query.to}）` });
  else if (days(query.from, query.to) >= MAX_PERIOD_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `统计区间最长 ${MAX_PERIOD_DAYS} 天` });
}

/** The UTC instants bounding a period: [from 00:00, the day after `to` 00:00) Shanghai time. */
export function periodInstants({ from, to }: Period): { start: Date; end: Date } {
  return {
    start: new Date(Date.parse(`${from}T00:00:00+08:00`)),
    end: new Date(Date.parse(`${to}T00:00:00+08:00`) + DAY_MS),
  };
}
