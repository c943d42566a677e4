// An oracle for working-day arithmetic that shares no code with the product's calendar: it walks
// dates one by one over a table the test declares. A date is a working day when the table says
// `workday` (调休), or when the table is silent and it falls Monday to Friday. Each working day
// closes at 17:30 Shanghai time (UTC+8, no daylight saving).

export type DeclaredDays = ReadonlyMap<string, 'holiday' | 'workday'>;

const DAY_MS = 86_400_000;
const SHANGHAI_MS = 8 * 3_600_000;

/** The Shanghai calendar date of an instant. */
export function shanghaiDateOf(instantMs: number): string {
  return new Date(instantMs + SHANGHAI_MS).toISOString().slice(0, 10);
}

export function nextDate(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

export function closeOf(date: string): number {
  return Date.parse(`${date}T17:30:00+08:00`);
}

export function isWorkingDate(date: string, declared: DeclaredDays): boolean {
  const kind = declared.get(date);
  if (kind) return kind === 'workday';
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The close of the `count`-th working day after the acceptance date, counting only working days
 * whose close the `counts` predicate admits (a paused clock skips the closes it was stopped over).
 */
export function nthCountedClose(acceptedMs: number, count: number, declared: DeclaredDays, counts: (closeMs: number) => boolean = () => true): number {
  let date = shanghaiDateOf(acceptedMs);
  for (let left = count, guard = 0; ; guard += 1) {
    if (guard > 3 * 366) throw new RangeError('walked more than three years');
    date = nextDate(date);
    if (!isWorkingDate(date, declared) || !counts(closeOf(date))) continue;
    left -= 1;
    if (left === 0) return closeOf(date);
  }
}
