// Instants in Asia/Shanghai whatever the browser's own time zone: `2026年12月7日 17:30`.
const SHANGHAI = 'Asia/Shanghai';

const parts = new Intl.DateTimeFormat('zh-CN', {
  timeZone: SHANGHAI,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function pieces(instant: string | Date): Record<string, string> | null {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return null;
  return Object.fromEntries(parts.formatToParts(date).map((part) => [part.type, part.value]));
}

/** `2026年12月7日 17:30` in Shanghai time; `—` when absent. */
export function formatInstant(instant: string | Date | null | undefined): string {
  if (!instant) return '—';
  const p = pieces(instant);
  if (!p) return String(instant);
  return `${p.year}年${Number(p.month)}月${Number(p.day)}日 ${p.hour}:${p.minute}`;
}

/** `2026年12月7日` for an instant (Shanghai date) or a `YYYY-MM-DD` date. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (plain) return `${plain[1]}年${Number(plain[2])}月${Number(plain[3])}日`;
  const p = pieces(value);
  return p ? `${p.year}年${Number(p.month)}月${Number(p.day)}日` : value;
}

/** `3个工作日`. */
export function workingDays(days: number | null | undefined): string {
  if (days === null || days === undefined) return '—';
  return `${days}个工作日`;
}

/** Remaining working days as words: `剩余 3 个工作日`, `今日到期`, `已超期 2 个工作日`. */
export function workingDaysLeft(days: number | null | undefined): string {
  if (days === null || days === undefined) return '—';
  if (days > 0) return `剩余 ${days} 个工作日`;
  if (days === 0) return '今日到期';
  return `已超期 ${-days} 个工作日`;
}
