// Working-day arithmetic on Shanghai dates over a calendar's special days (holidays and 调休
// make-up working days); pure, so it is tested without a browser.

export type SpecialDays = Map<string, 'holiday' | 'workday'>;

export const shanghaiDate = (instant: Date): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);

export function isWorkingDay(date: string, special: SpecialDays): boolean {
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
export function countWorkingDaysLeft(now: Date, dueAt: Date, special: SpecialDays): number {
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

/** Working days after the instant's date up to today (0 on the same day). */
export function countWorkingDaysSince(from: Date, now: Date, special: SpecialDays): number {
  const start = shanghaiDate(from);
  const today = shanghaiDate(now);
  let count = 0;
  for (let day = nextDate(start); day <= today; day = nextDate(day)) {
    if (isWorkingDay(day, special)) count++;
  }
  return count;
}
