// Real Temporal servers for tests, from the project's pinned binaries (scripts/temporal-bin.sh):
// the CLI dev server for API and update-heavy tests, the time-skipping server for workflow tests.
// The workflow bundle is built once per run and shared by every worker.
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker, type WorkerOptions, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createCalendarService, seedCalendar } from '../../activities/calendar-service';
import { openDatabase } from '../../entities/data-source';
import { createActivities } from '../../workers/worker';
import { temporalBinaries } from '../../scripts/temporal-binaries';
import { WORKFLOWS_PATH } from '../../workers/worker';

let runtimeInstalled = false;
/** Worker logs only errors during tests; must run before the first connection. */
function quietRuntime(): void {
  if (runtimeInstalled) return;
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  runtimeInstalled = true;
}

export function localEnvironment(): Promise<TestWorkflowEnvironment> {
  quietRuntime();
  return TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'existing-path', path: temporalBinaries().cli }, ip: '127.0.0.1', ui: false },
  });
}

export function timeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  quietRuntime();
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: temporalBinaries().testServer } },
  });
}

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  quietRuntime();
  bundle ??= bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: quietLogger });
  return bundle;
}

const quiet = (): void => undefined;
const quietLogger = { log: quiet, trace: quiet, debug: quiet, info: quiet, warn: quiet, error: console.error };

export function uniqueId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Moves the time-skipping server's clock forward in slices: one long sleep call outlives the
 * client's keepalive and the server drops it (HTTP/2 header list too large) when thousands of
 * timers fire on the way.
 */
export async function advanceTime(env: TestWorkflowEnvironment, ms: number, sliceMs = 6 * 3600_000): Promise<void> {
  for (let left = ms; left > 0; left -= sliceMs) await env.sleep(Math.min(left, sliceMs));
}

export interface WorkflowRig {
  env: TestWorkflowEnvironment;
  db: DataSource;
  taskQueue: string;
  stop(): Promise<void>;
}

/**
 * A time-skipping server, an in-memory database (calendar seeded) and a worker running the real
 * activities over it: what every workflow test arranges.
 */
export async function startWorkflowRig(options: {
  prepare?: (db: DataSource) => Promise<void>;
  worker?: Partial<WorkerOptions>;
} = {}): Promise<WorkflowRig> {
  const [env, db] = await Promise.all([timeSkippingEnvironment(), openDatabase({ url: 'sqljs::memory' })]);
  await seedCalendar(db);
  await options.prepare?.(db);
  const taskQueue = uniqueId('wf');
  const worker = await Worker.create({
    connection: env.nativeConnection, taskQueue, workflowBundle: await workflowBundle(),
    activities: createActivities(db, createCalendarService({ db })),
    ...options.worker,
  });
  const running = worker.run();
  return {
    env, db, taskQueue,
    async stop() {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await env.teardown();
      await db.destroy();
    },
  };
}
