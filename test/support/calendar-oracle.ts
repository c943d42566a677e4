// Expected due instants for tests over the API: the calendar's days come from the API as data
// (`GET /api/calendar/days`, the published table with any overrides), and the arithmetic is the
// weekday walker's, which shares no code with the product's calendar.
import type { ApiClient } from './http';
import { nthCountedClose, shanghaiDateOf, type DeclaredDays } from './weekday-walker';

/** The holidays and make-up days the server holds for these years, as the walker reads them. */
export async function declaredDays(client: ApiClient, years: number[]): Promise<DeclaredDays> {
  const days = new Map<string, 'holiday' | 'workday'>();
  for (const year of years) {
    const answer = await client.get(`/api/calendar/days?year=${year}`);
    if (answer.status !== 200) throw new Error(`calendar ${year}: ${answer.status}`);
    for (const day of answer.body.days as Array<{ date: string; kind: 'holiday' | 'workday' }>) days.set(day.date, day.kind);
  }
  return days;
}

/** `2026-12-07T17:30:00+08:00` for an instant in ms. */
export function shanghaiIso(ms: number): string {
  return `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

/** Close of office on the n-th working day after the Shanghai date of `from`, as the server's calendar stands now. */
export async function expectedDue(client: ApiClient, from: string, workingDays: number): Promise<string> {
  const year = Number(shanghaiDateOf(Date.parse(from)).slice(0, 4));
  return shanghaiIso(nthCountedClose(Date.parse(from), workingDays, await declaredDays(client, [year, year + 1])));
}

/** The first working day after the Shanghai date of `from` (`YYYY-MM-DD`). */
export async function firstWorkingDayAfter(client: ApiClient, from: string): Promise<string> {
  return (await expectedDue(client, from, 1)).slice(0, 10);
}
