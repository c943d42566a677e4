// 半月汇报 periods, as the project workflow counts them: half-months of the Shanghai calendar
// (1st–15th `H1`, 16th–month end `H2`); the half-month of registration is exempt, and each
// period's report is due before the next period starts.
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export interface HalfMonth {
  /** `2026-11-H2` */
  period: string;
  /** Exclusive end, the report's deadline. */
  endsAt: string;
}

export function halfMonthAt(instant: string | number): HalfMonth {
  const local = new Date((typeof instant === 'number' ? instant : Date.parse(instant)) + SHANGHAI_OFFSET_MS);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth();
  const first = local.getUTCDate() <= 15;
  const end = (first ? Date.UTC(year, month, 16) : Date.UTC(year, month + 1, 1)) - SHANGHAI_OFFSET_MS;
  return { period: `${year}-${String(month + 1).padStart(2, '0')}-${first ? 'H1' : 'H2'}`, endsAt: new Date(end).toISOString() };
}

const following = (period: HalfMonth): HalfMonth => halfMonthAt(period.endsAt);

/** `2026年11月下半月` */
export function periodName(period: string | null | undefined): string {
  const match = period ? /^(\d{4})-(\d{2})-H([12])$/.exec(period) : null;
  if (!match) return period ?? '—';
  return `${match[1]}年${Number(match[2])}月${match[3] === '1' ? '上' : '下'}半月`;
}

/** The next half-month whose report is owed: the current one (or the first after registration), unless reported. */
export function nextReportDue(registeredAt: string, lastReported: string | null, now = Date.now()): HalfMonth {
  const first = following(halfMonthAt(registeredAt));
  const current = halfMonthAt(now);
  let due = current.period > first.period ? current : first;
  while (lastReported && lastReported >= due.period) due = following(due);
  return due;
}

/** The last instant of a period ending (exclusively) at `endsAt`: its last day, for display. */
export const lastDay = (endsAt: string): string => new Date(Date.parse(endsAt) - 1).toISOString();
