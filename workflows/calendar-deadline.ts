// A deadline on the working-day calendar inside a workflow: a durable timer that a calendar
// change re-plans. Without a calendar change it is exactly one `condition` with a timeout, so
// histories recorded before re-planning existed replay unchanged.
import { condition } from '@temporalio/workflow';

export interface DeadlineOutcome {
  /** True when `settled` held before the deadline; false when the deadline passed first. */
  settled: boolean;
  /** The deadline in force at the end (re-planned if the calendar changed meanwhile). */
  dueAt: string;
}

/**
 * Waits until `settled()` or `dueAt`. Whenever `calendarRevision()` moves, asks `replan` for the
 * deadline under the new calendar and waits for that one instead.
 */
export async function awaitDeadline(
  dueAt: string,
  settled: () => boolean,
  calendarRevision: () => number,
  replan: () => Promise<string>,
): Promise<DeadlineOutcome> {
  let deadline = dueAt;
  for (;;) {
    const seen = calendarRevision();
    const woke = await condition(() => settled() || calendarRevision() !== seen, Math.max(1, Date.parse(deadline) - Date.now()));
    if (!woke) return { settled: false, dueAt: deadline };
    if (settled()) return { settled: true, dueAt: deadline };
    deadline = await replan();
  }
}
