// Working days left until a due instant, on the service center's calendar (holidays and 调休
// make-up days from /api/calendar/days), counted on Shanghai dates.
import { useEffect, useState } from 'react';
import { api, unwrap } from './api';

interface SpecialDay {
  date: string;
  kind: 'holiday' | 'workday';
}

const years = new Map<number, Promise<Map<string, SpecialDay['kind']>>>();

function loadYear(year: number): Promise<Map<string, SpecialDay['kind']>> {
  let loading = years.get(year);
  if (!loading) {
    loading = unwrap<{ days: SpecialDay[] }>(api.GET('/api/calendar/days', { params: { query: { year: String(year) } } }))
      .then(({ days }) => new Map(days.map((day) => [day.date, day.kind])))
      .catch(() => {
        years.delete(year);
        return new Map<string, SpecialDay['kind']>();
      });
    years.set(year, loading);
  }
  return loading;
}

const shanghaiDate = (instant: Date): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);

function isWorkingDay(date: string, special: Map<string, SpecialDay['kind']>): boolean {
  const kind = special.get(date);
  if (kind) return kind === 'workday';
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

function nextDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Working days after today up to the due date: 0 on the due day, negative once overdue. */
export function countWorkingDaysLeft(now: Date, dueAt: Date, special: Map<string, SpecialDay['kind']>): number {
  const today = shanghaiDate(now);
  const due = shanghaiDate(dueAt);
  if (today === due) return 0;
  const [from, to, sign] = today < due ? [today, due, 1] : [due, today, -1];
  let count = 0;
  for (let day = nextDate(from); day <= to; day = nextDate(day)) {
    if (isWorkingDay(day, special)) count++;
  }
  // Overdue is counted from the due day on: past close of office on the due day is overdue too.
  if (sign < 0) return -Math.max(count, now > dueAt ? 1 : 0);
  return count;
}

/** The calendar's special days for the years around now (loaded once per page). */
export function useWorkingCalendar(): Map<string, SpecialDay['kind']> | undefined {
  const [special, setSpecial] = useState<Map<string, SpecialDay['kind']>>();
  useEffect(() => {
    const year = Number(shanghaiDate(new Date()).slice(0, 4));
    let live = true;
    void Promise.all([loadYear(year), loadYear(year + 1)]).then((maps) => {
      if (live) setSpecial(new Map(maps.flatMap((map) => [...map])));
    });
    return () => {
      live = false;
    };
  }, []);
  return special;
}

export function useWorkingDaysLeft(): (dueAt: string | null | undefined) => number | null {
  const special = useWorkingCalendar();
  return (dueAt) => (dueAt && special ? countWorkingDaysLeft(new Date(), new Date(dueAt), special) : null);
}

/** Working days after the instant's date up to today (0 on the same day). */
export function countWorkingDaysSince(from: Date, now: Date, special: Map<string, SpecialDay['kind']>): number {
  const start = shanghaiDate(from);
  const today = shanghaiDate(now);
  let count = 0;
  for (let day = nextDate(start); day <= today; day = nextDate(day)) {
    if (isWorkingDay(day, special)) count++;
  }
  return count;
}

export function useWorkingDaysSince(): (instant: string | null | undefined) => number | null {
  const special = useWorkingCalendar();
  return (instant) => (instant && special ? countWorkingDaysSince(new Date(instant), new Date(), special) : null);
}
