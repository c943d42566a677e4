// Composition root of the worker: real dependencies in, a running Temporal worker out.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createCalendarService, type CalendarService } from '../activities/calendar-service';
import { createCalendarCoverageActivities } from '../activities/calendar-coverage';
import { createClockActivities } from '../activities/clock';
import { createNotificationActivities } from '../activities/notifications';
import { createProjectActivities } from '../activities/project-records';
import { createProjectionActivities } from '../activities/projection';
import { createSupervisionActivities } from '../activities/supervision';
import { instrumentActivities } from './instrumentation';

// Run from the sources this is workflows/index.ts; compiled, dist/workflows/index.js.
export const WORKFLOWS_PATH = path.join(__dirname, '..', 'workflows', `index${path.extname(__filename)}`);

/** Written by `npm run build` (scripts/bundle-workflows.ts): dist/workflow-bundle.js beside dist/workers. */
export const PREBUILT_WORKFLOW_BUNDLE = path.join(__dirname, '..', 'workflow-bundle.js');

/**
 * The prebuilt bundle when the compiled worker runs in production, so it starts without webpack;
 * otherwise (tests, `npm start`, tsx from the sources) undefined: the worker bundles the sources.
 */
export function prebuiltWorkflowBundle(env: NodeJS.ProcessEnv = process.env): WorkerOptions['workflowBundle'] | undefined {
  if (env.NODE_ENV !== 'production' || !existsSync(PREBUILT_WORKFLOW_BUNDLE)) return undefined;
  return { codePath: PREBUILT_WORKFLOW_BUNDLE };
}

export interface ApprovalWorkerOptions {
  connection: NativeConnection;
  db: DataSource;
  namespace: string;
  taskQueue: string;
  calendar?: CalendarService;
  /** Tests bundle once and share the bundle; a production build brings its prebuilt one. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  maxConcurrentActivityTaskExecutions?: number;
  /**
   * Workflow runs kept in the sticky cache (WORKER_MAX_CACHED_WORKFLOWS); unset: Temporal's
   * default, derived from the V8 heap limit (about 600 per GB above 200 MB).
   */
  maxCachedWorkflows?: number;
}

export function createActivities(db: DataSource, calendar: CalendarService = createCalendarService({ db })) {
  return instrumentActivities({
    ...createProjectionActivities({ db, calendar }),
    ...createClockActivities({ calendar }),
    ...createNotificationActivities({ db }),
    ...createSupervisionActivities({ db }),
    ...createProjectActivities({ db }),
    ...createCalendarCoverageActivities({ db, calendar }),
  });
}

/** The options the worker is created with: everything but the activities' dependencies is passed through as given. */
export function approvalWorkerOptions(
  { connection, namespace, taskQueue, workflowBundle, maxConcurrentActivityTaskExecutions, maxCachedWorkflows }: Omit<ApprovalWorkerOptions, 'db' | 'calendar'>,
  activities: WorkerOptions['activities'],
): WorkerOptions {
  return {
    connection,
    namespace,
    taskQueue,
    activities,
    ...(maxConcurrentActivityTaskExecutions ? { maxConcurrentActivityTaskExecutions } : {}),
    ...(maxCachedWorkflows === undefined ? {} : { maxCachedWorkflows }),
    ...(workflowBundle ? { workflowBundle } : { workflowsPath: WORKFLOWS_PATH }),
  };
}

export function createApprovalWorker(options: ApprovalWorkerOptions): Promise<Worker> {
  return Worker.create(approvalWorkerOptions(options, createActivities(options.db, options.calendar)));
}
