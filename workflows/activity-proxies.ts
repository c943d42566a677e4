// How the workflows reach their short activities: the calendar answers (clock plans, working-day
// counts, deadlines) and the writes (read-model projections, the notification outbox, the project
// record).
//
// Since patch `local-calendar` a run asks the calendar through local activities: in the worker
// that holds the workflow task, recorded in history as one marker with the answer (replay reads
// it, never asks again), with no activity task round trip through the server. The calendar
// answers only read, so an answer from a workflow task that failed and was retried is simply
// never recorded.
//
// The writes stay regular activities. A local activity runs before its workflow task is
// committed; when that task fails (worker killed, task timed out) and its retry carries more
// events — an update that arrived meanwhile — the retry numbers timeline entries, versions and
// notice keys differently, and the failed attempt's write already holds keys the committed one
// needs (a claim lost from the timeline and DISPATCHED twice, as `npm run chaos` showed). A
// regular activity is scheduled by the committed task, so its keys always match history. Runs
// recorded under the withdrawn patch `local-activities` wrote through local activities too, and
// replay that way.
import { patched, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { ActivityOptions } from '@temporalio/common';
import type { RunPatches } from './patches';

/** Withdrawn: calendar answers and writes as local activities. Only replayed, never taken by new runs. */
const LOCAL_ACTIVITIES_PATCH = 'local-activities';

const retry = { initialInterval: '1 second', maximumInterval: '30 seconds' } as const;

/** The regular activities: one attempt may take 30 s; retried without end. */
export const activityOptions = { startToCloseTimeout: '30 seconds', retry } as const;

/**
 * The local activities: an attempt is bounded like a regular one and retries never give up. A
 * retry whose backoff exceeds 10 s waits on a server timer rather than inside the workflow task,
 * so an outage neither holds the task (and every update queued behind it) nor heartbeats it.
 */
export const localActivityOptions = { startToCloseTimeout: '30 seconds', localRetryThreshold: '10 seconds', retry } as const;

/** Both ways of calling the same activities; which one a run uses is decided once, by the patches. */
export function activityProxies<T>(regular: ActivityOptions = activityOptions): { regular: T; local: T } {
  return { regular: proxyActivities<T>(regular) as T, local: proxyLocalActivities<T>(localActivityOptions) as T };
}

/** Which of a run's short activities run locally (asks the patches; call once per run, first thing). */
export function localActivities(patches: RunPatches): { calendar: boolean; writes: boolean } {
  if (patches.has('local-calendar')) return { calendar: true, writes: false };
  const withdrawn = patched(LOCAL_ACTIVITIES_PATCH);
  return { calendar: withdrawn, writes: withdrawn };
}
