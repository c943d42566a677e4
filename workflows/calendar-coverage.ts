// 日历覆盖检查, run daily by a Temporal Schedule: one activity at the workflow's own instant.
import { proxyActivities } from '@temporalio/workflow';
import type { CalendarCoverageActivities, CoverageResult } from '../activities/calendar-coverage-types';

const { checkCalendarCoverage } = proxyActivities<CalendarCoverageActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes', maximumAttempts: 20 },
});

export async function calendarCoverageWorkflow(): Promise<CoverageResult> {
  // Date.now() in a workflow is the SDK's deterministic time: the run's own instant.
  return checkCalendarCoverage({ asOf: new Date(Date.now()).toISOString() });
}
