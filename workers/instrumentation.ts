// Counts every activity execution (and, from the projections, every workflow timeline event) in
// the process registry (config/telemetry.ts). Wraps the activity functions; the activities
// themselves stay free of telemetry.
import { activityDuration, activityExecutions, workflowEvents } from '../config/telemetry';

type ActivityFunction = (...args: never[]) => Promise<unknown>;

/** The workflow events a projection input carries: `case-…` or `step-…` workflow, one per timeline entry. */
function countWorkflowEvents(input: unknown): void {
  const { workflowId, timeline } = (input ?? {}) as { workflowId?: unknown; timeline?: unknown };
  if (typeof workflowId !== 'string' || !Array.isArray(timeline)) return;
  const workflow = workflowId.startsWith('case-') ? 'case' : workflowId.startsWith('step-') ? 'step' : 'other';
  for (const entry of timeline as Array<{ action?: unknown }>) {
    if (typeof entry.action === 'string') workflowEvents.inc({ workflow, action: entry.action });
  }
}

const PROJECTIONS = new Set(['projectCase', 'projectStep']);

export function instrumentActivities<T extends Record<string, ActivityFunction>>(activities: T): T {
  const wrapped: Record<string, ActivityFunction> = {};
  for (const [name, activity] of Object.entries(activities)) {
    wrapped[name] = async (...args: never[]) => {
      const stop = activityDuration.startTimer({ activity: name });
      try {
        const result = await activity(...args);
        activityExecutions.inc({ activity: name, outcome: 'completed' });
        if (PROJECTIONS.has(name)) countWorkflowEvents(args[0]);
        return result;
      } catch (err) {
        activityExecutions.inc({ activity: name, outcome: 'failed' });
        throw err;
      } finally {
        stop();
      }
    };
  }
  return wrapped as T;
}
