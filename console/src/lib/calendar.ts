// Working days left until a due instant, on the service center's calendar (holidays and 调休
// make-up days from /api/calendar/days), counted on Shanghai dates.
import { useEffect, useState } from 'react';
import { api, unwrap } from './api';
import { countWorkingDaysLeft, countWorkingDaysSince, shanghaiDate } from './working-days';

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

export function useWorkingDaysSince(): (instant: string | null | undefined) => number | null {
  const special = useWorkingCalendar();
  return (instant) => (instant && special ? countWorkingDaysSince(new Date(instant), new Date(), special) : null);
}
