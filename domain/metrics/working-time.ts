// 效能监察: how long a step was on the clock, in working days. Pure: no I/O, no clock.
//
// The measure
// - Working time is office time on working days: from opening (09:00) to close of office (the
//   calendar's, 17:30) Shanghai time. One working day is one whole office day (8.5 hours with
//   the defaults). Nights, weekends and holidays add nothing; a 调休 make-up day adds a full day.
// - The clock of a step starts at the first midnight after acceptance (the acceptance day is not
//   counted, as for the limits) and stops at the decision. Pauses (特别程序, 暂停计时) are cut out
//   to the second, overlapping pauses counted once.
// - Consistent with the limits: a limit of N working days ends at close of office on the N-th
//   working day, so a step decided exactly at its due instant, never paused, measures exactly N.
//   A decision after hours on the N-th day still measures N (no office time passed since close),
//   yet it is after the due instant: the early/overdue flags compare instants, not this measure.
import type { WorkingCalendar } from '../calendar';

export const DEFAULT_OFFICE_OPENS = '09:00';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 60 * MINUTE_MS;
const OPENS_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

export interface Interval {
  /** ISO-8601 instants. */
  from: string;
  to: string;
}

/** A pause; `to` is null while it is still open. */
export interface Pause {
  from: string;
  to: string | null;
}

/** A timeline row as the audit trail stores it: transitions have a fromState, notes do not. */
export interface TimelineTransition {
  at: string;
  fromState: string | null;
  toState: string;
}

export interface WorkingTime {
  /** Office seconds on the clock, whole seconds. */
  seconds: number;
  /** seconds / office day, unrounded. */
  workingDays: number;
  /** Some date in the measured range lies in a year without a published schedule. */
  provisional: boolean;
}

function msOf(instant: string): number {
  const ms = new Date(instant).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO-8601 instant: ${String(instant)}`);
  return ms;
}

function opensMinutes(opensAt: string): number {
  const match = OPENS_PATTERN.exec(opensAt);
  if (!match) throw new RangeError(`office opening must be HH:MM, got ${opensAt}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** The office day's opening and closing, in minutes after Shanghai midnight. */
function officeHours(calendar: WorkingCalendar, opensAt: string): { opens: number; closes: number } {
  const opens = opensMinutes(opensAt);
  const closes = calendar.closeOfOfficeMinutes;
  if (opens >= closes) throw new RangeError(`the office must open (${opensAt}) before it closes`);
  return { opens, closes };
}

/** Length of one working day in seconds: opening to close of office (30 600 with 09:00–17:30). */
export function officeDaySeconds(calendar: WorkingCalendar, opensAt = DEFAULT_OFFICE_OPENS): number {
  const { opens, closes } = officeHours(calendar, opensAt);
  return (closes - opens) * 60;
}

/** Office milliseconds in [from, to] and whether a provisional year was touched. */
function officeMs(calendar: WorkingCalendar, fromMs: number, toMs: number, opens: number, closes: number): { ms: number; provisional: boolean } {
  if (toMs <= fromMs) return { ms: 0, provisional: false };
  const firstDay = Math.floor((fromMs + SHANGHAI_OFFSET_MS) / DAY_MS);
  const lastDay = Math.floor((toMs + SHANGHAI_OFFSET_MS) / DAY_MS);
  let ms = 0;
  let provisional = false;
  for (let day = firstDay; day <= lastDay; day += 1) {
    const date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    provisional ||= calendar.isProvisional(date);
    if (!calendar.isWorkingDay(date)) continue;
    const midnight = day * DAY_MS - SHANGHAI_OFFSET_MS;
    const start = Math.max(fromMs, midnight + opens * MINUTE_MS);
    const end = Math.min(toMs, midnight + closes * MINUTE_MS);
    if (end > start) ms += end - start;
  }
  return { ms, provisional };
}

/** Office time between two instants, in whole seconds. */
export function officeSecondsBetween(calendar: WorkingCalendar, from: string, to: string, opensAt = DEFAULT_OFFICE_OPENS): number {
  const { opens, closes } = officeHours(calendar, opensAt);
  return Math.round(officeMs(calendar, msOf(from), msOf(to), opens, closes).ms / 1000);
}

/**
 * The pauses of a step from its timeline: a pause opens with a transition into `suspended` and
 * closes with the transition out of it. Overlapping pauses (补正 during 现场踏勘) are one
 * suspension in the timeline, so they are counted once. Notes (no fromState) are ignored.
 */
export function pausesFromTimeline(entries: TimelineTransition[], suspendedState = 'suspended'): Pause[] {
  const pauses: Pause[] = [];
  let open: string | null = null;
  for (const entry of entries) {
    if (entry.fromState === null) continue;
    const entering = entry.fromState !== suspendedState && entry.toState === suspendedState;
    const leaving = entry.fromState === suspendedState && entry.toState !== suspendedState;
    if (entering && open === null) open = entry.at;
    if (leaving && open !== null) {
      pauses.push({ from: open, to: entry.at });
      open = null;
    }
  }
  if (open !== null) pauses.push({ from: open, to: null });
  return pauses;
}

/** [start, end] with the pauses cut out; pauses may overlap and reach outside the range. */
export function runningIntervals(start: string, end: string, pauses: Pause[]): Interval[] {
  const startMs = msOf(start);
  const endMs = msOf(end);
  if (endMs <= startMs) return [];
  const cuts = pauses
    .map((pause) => ({ from: msOf(pause.from), to: pause.to === null ? endMs : msOf(pause.to) }))
    .filter((cut) => cut.to > cut.from)
    .sort((a, b) => a.from - b.from);
  const running: Interval[] = [];
  let cursor = startMs;
  for (const cut of cuts) {
    if (cut.from > cursor) running.push({ from: new Date(cursor).toISOString(), to: new Date(Math.min(cut.from, endMs)).toISOString() });
    cursor = Math.max(cursor, cut.to);
    if (cursor >= endMs) break;
  }
  if (cursor < endMs) running.push({ from: new Date(cursor).toISOString(), to: new Date(endMs).toISOString() });
  return running.filter((interval) => msOf(interval.to) > msOf(interval.from));
}

/** The first Shanghai midnight after the acceptance instant: where a step's clock starts. */
function clockStart(acceptedAt: string): number {
  return (Math.floor((msOf(acceptedAt) + SHANGHAI_OFFSET_MS) / DAY_MS) + 1) * DAY_MS - SHANGHAI_OFFSET_MS;
}

/**
 * 实际办理用时: office time on the clock from the day after acceptance to the decision, pauses
 * excluded, in working days (see the measure at the top of this file).
 */
export function stepWorkingTime(
  calendar: WorkingCalendar,
  { acceptedAt, decidedAt, pauses }: { acceptedAt: string; decidedAt: string; pauses: Pause[] },
  opensAt = DEFAULT_OFFICE_OPENS,
): WorkingTime {
  const { opens, closes } = officeHours(calendar, opensAt);
  const start = new Date(clockStart(acceptedAt)).toISOString();
  let ms = 0;
  let provisional = false;
  for (const interval of runningIntervals(start, decidedAt, pauses)) {
    const part = officeMs(calendar, msOf(interval.from), msOf(interval.to), opens, closes);
    ms += part.ms;
    provisional ||= part.provisional;
  }
  const seconds = Math.round(ms / 1000);
  return { seconds, workingDays: seconds / ((closes - opens) * 60), provisional };
}
