// How the workflows reach their short activities: the read-model projections, the notification
// outbox, the project record and the calendar answers. Each is a few statements on the database
// (or a cached calendar), idempotent by version or dedupe key, and retried until it succeeds.
//
// Since patch `local-activities` they run as local activities: in the worker that holds the
// workflow task, recorded in history as one marker with their result (so replay never runs them
// again), with no activity task round trip through the server. Workflows whose history began
// before the patch keep the regular activities for the rest of their run.
import { patched, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { ActivityOptions } from '@temporalio/common';

export const LOCAL_ACTIVITIES_PATCH = 'local-activities';

const retry = { initialInterval: '1 second', maximumInterval: '30 seconds' } as const;

/** The regular activities: one attempt may take 30 s; retried without end. */
export const activityOptions = { startToCloseTimeout: '30 seconds', retry } as const;

/**
 * The local activities: an attempt is bounded like a regular one and retries never give up (a
 * lost projection would leave the read model behind for good). A retry whose backoff exceeds
 * 10 s waits on a server timer rather than inside the workflow task, so a database outage
 * neither holds the task (and every update queued behind it) nor heartbeats it every few seconds.
 */
export const localActivityOptions = { startToCloseTimeout: '30 seconds', localRetryThreshold: '10 seconds', retry } as const;

/** Both ways of calling the same activities; which one a run uses is decided once, by the patch. */
export function activityProxies<T>(regular: ActivityOptions = activityOptions): { regular: T; local: T } {
  return { regular: proxyActivities<T>(regular) as T, local: proxyLocalActivities<T>(localActivityOptions) as T };
}

/** True in runs that call their short activities locally (asks the patch; call once per run). */
export function localActivities(): boolean {
  return patched(LOCAL_ACTIVITIES_PATCH);
}
