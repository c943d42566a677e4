// Composition root of the worker: real dependencies in, a running Temporal worker out.
import path from 'node:path';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createCalendarService, type CalendarService } from '../activities/calendar-service';
import { createClockActivities } from '../activities/clock';
import { createNotificationActivities } from '../activities/notifications';
import { createProjectActivities } from '../activities/project-records';
import { createProjectionActivities } from '../activities/projection';
import { createSupervisionActivities } from '../activities/supervision';
import { instrumentActivities } from './instrumentation';

export const WORKFLOWS_PATH = path.join(__dirname, '..', 'workflows', 'index.ts');

export interface ApprovalWorkerOptions {
  connection: NativeConnection;
  db: DataSource;
  namespace: string;
  taskQueue: string;
  calendar?: CalendarService;
  /** Tests bundle once and share the bundle; production bundles at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  maxConcurrentActivityTaskExecutions?: number;
}

export function createActivities(db: DataSource, calendar: CalendarService = createCalendarService({ db })) {
  return instrumentActivities({
    ...createProjectionActivities({ db, calendar }),
    ...createClockActivities({ calendar }),
    ...createNotificationActivities({ db }),
    ...createSupervisionActivities({ db }),
    ...createProjectActivities({ db }),
  });
}

export function createApprovalWorker({ connection, db, namespace, taskQueue, calendar, workflowBundle, maxConcurrentActivityTaskExecutions }: ApprovalWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection,
    namespace,
    taskQueue,
    activities: createActivities(db, calendar),
    ...(maxConcurrentActivityTaskExecutions ? { maxConcurrentActivityTaskExecutions } : {}),
    ...(workflowBundle ? { workflowBundle } : { workflowsPath: WORKFLOWS_PATH }),
  });
}
