// The working-day calendar as the admin reads it: every date of a year with its kind, from the
// year's special days (holidays, 调休 make-up days) over the plain week.
import type { CalendarDay } from '../api/admin';

export type DayStatus = 'holiday' | 'makeup' | 'weekend' | 'workday';

export const DAY_STATUS: Record<DayStatus, { short: string; label: string; background: string; color: string }> = {
  holiday: { short: '休', label: '节假日', background: '#fff1f0', color: '#a8071a' },
  makeup: { short: '班', label: '调休上班', background: '#e6f4ff', color: '#003eb3' },
  weekend: { short: '', label: '周末休息', background: '#fafafa', color: '#595959' },
  workday: { short: '', label: '工作日', background: '#ffffff', color: '#1f1f1f' },
};

export const SOURCE_LABELS: Record<string, string> = {
  published: '国务院发布',
  admin: '管理员调整',
  provisional: '推算（暂定）',
};

const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

export function dayStatus(date: string, special: CalendarDay | undefined): DayStatus {
  const weekend = weekday(date) === 0 || weekday(date) === 6;
  if (special?.kind === 'holiday') return 'holiday';
  if (special?.kind === 'workday') return weekend ? 'makeup' : 'workday';
  return weekend ? 'weekend' : 'workday';
}

/** The dates of one month, `YYYY-MM-DD`, with the weekday column (Monday first) of the 1st. */
export function monthDates(year: number, month: number): { dates: string[]; offset: number } {
  const count = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const dates = Array.from({ length: count }, (_, i) => `${year}-${String(month).padStart(2, '0')}-${String(i + 1).padStart(2, '0')}`);
  return { dates, offset: (weekday(dates[0]!) + 6) % 7 };
}
