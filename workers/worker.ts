// Composition root of the worker: real dependencies in, a running Temporal worker out.
import path from 'node:path';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createProjectionActivities } from '../activities/projection';

export const WORKFLOWS_PATH = path.join(__dirname, '..', 'workflows', 'index.ts');

export interface ApprovalWorkerOptions {
  connection: NativeConnection;
  db: DataSource;
  namespace: string;
  taskQueue: string;
  /** Tests bundle once and share the bundle; production bundles at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
}

export function createActivities(db: DataSource) {
  return { ...createProjectionActivities({ db }) };
}

export function createApprovalWorker({ connection, db, namespace, taskQueue, workflowBundle }: ApprovalWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection,
    namespace,
    taskQueue,
    activities: createActivities(db),
    ...(workflowBundle ? { workflowBundle } : { workflowsPath: WORKFLOWS_PATH }),
  });
}
