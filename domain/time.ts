// Instants travel as ISO-8601 strings. Internally UTC; at the public edge they are shown in
// Asia/Shanghai (UTC+8, no daylight saving) as DESIGN §5 asks.
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** `2026-11-21T06:30:00.000Z` → `2026-11-21T14:30:00+08:00`. */
export function toShanghaiIso(instant: string | Date | null | undefined): string | null {
  if (instant === null || instant === undefined) return null;
  const utc = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(utc.getTime())) return null;
  const local = new Date(utc.getTime() + SHANGHAI_OFFSET_MS).toISOString();
  return `${local.slice(0, 19)}+08:00`;
}

const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

/**
 * A stored detail (a timeline entry's, a project event's) as the API shows it: every UTC instant
 * in it, at any depth, in Asia/Shanghai; everything else as it is.
 */
export function withShanghaiInstants(value: unknown): unknown {
  if (typeof value === 'string') return UTC_INSTANT.test(value) ? toShanghaiIso(value) ?? value : value;
  if (Array.isArray(value)) return value.map(withShanghaiInstants);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withShanghaiInstants(inner)]));
  }
  return value;
}
