// Real Temporal servers for tests, from the project's pinned binaries (scripts/temporal-bin.sh):
// the CLI dev server for API and update-heavy tests, the time-skipping server for workflow tests.
// The workflow bundle is built once per run and shared by every worker.
import type { ConnectionPlugin } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, makeTelemetryFilterString, Runtime, Worker, type WorkerOptions, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createCalendarService, seedCalendar } from '../../activities/calendar-service';
import { openDatabase } from '../../entities/data-source';
import { dropMysqlDatabase, freshMysqlDatabase } from './mysql';
import { createActivities } from '../../workers/worker';
import { temporalBinaries } from '../../scripts/temporal-binaries';
import { WORKFLOWS_PATH } from '../../workers/worker';
import { SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';
import { registerSearchAttributes } from '../../config/search-attributes';

let runtimeInstalled = false;
/**
 * Workers log only errors during tests, from the SDK and from its native core (which otherwise
 * prints its warnings, e.g. slow workflow tasks under load, on stdout); must run before the first
 * connection.
 */
function quietRuntime(): void {
  if (runtimeInstalled) return;
  Runtime.install({ logger: new DefaultLogger('ERROR'), telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'ERROR', other: 'ERROR' }) } } });
  runtimeInstalled = true;
}

export function localEnvironment(): Promise<TestWorkflowEnvironment> {
  quietRuntime();
  return TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'existing-path', path: temporalBinaries().cli }, ip: '127.0.0.1', ui: false, searchAttributes: [...SEARCH_ATTRIBUTES] },
  });
}

/**
 * The client connection to the time-skipping server sends no keepalive pings. The SDK pings every
 * 30 s, but the server (grpc-java defaults) accepts a ping at most every 5 minutes while a call is
 * open: the third early ping gets the connection closed with GOAWAY "too_many_pings". The call
 * that is open for minutes is `env.sleep` while thousands of timers fire (the clock then runs at
 * wall speed until the workers catch up). The client retries it, the server still completes the
 * dropped one, and the time-skipping lock count never returns to zero: the clock then only
 * moves at wall speed and timers days ahead never fire, with no error anywhere. The server runs
 * on loopback next to the tests, so keepalive has nothing to detect.
 */
const noKeepalive: ConnectionPlugin = {
  name: 'no-keepalive-to-test-server',
  configureConnection: (options) => ({ ...options, channelArgs: { ...options.channelArgs, 'grpc.keepalive_time_ms': -1 } }),
};

/**
 * The time-skipping server takes no search-attribute flags, and a workflow that upserts an
 * unregistered attribute fails every workflow task there: register them through the operator
 * service, which it implements (adding only; it cannot list them).
 */
export async function timeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  quietRuntime();
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: temporalBinaries().testServer } },
    plugins: [noKeepalive],
  });
  await registerSearchAttributes(env.connection, env.namespace ?? 'default', { list: false });
  return env;
}

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  quietRuntime();
  bundle ??= bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: quietLogger });
  return bundle;
}

const quiet = (): void => undefined;
const quietLogger = { log: quiet, trace: quiet, debug: quiet, info: quiet, warn: quiet, error: console.error };

/** Moves a time-skipping server's clock to a Shanghai wall time (`2030-12-02T10:00:00`); never backwards. */
export async function advanceTo(env: TestWorkflowEnvironment, shanghai: string): Promise<void> {
  const wait = Date.parse(`${shanghai}+08:00`) - (await env.currentTimeMs());
  if (wait < 0) throw new Error(`the server clock is already past ${shanghai}`);
  await env.sleep(wait);
}

export function uniqueId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export interface WorkflowRig {
  env: TestWorkflowEnvironment;
  db: DataSource;
  taskQueue: string;
  stop(): Promise<void>;
}

let rigDatabases = 0;

/**
 * The rig's database: in-memory sql.js, or with WORKFLOW_TEST_DB=mysql a fresh MySQL database
 * (TEST_MYSQL_URL), so the ladder, §32, 容缺 and report paths also run on the production engine.
 */
async function rigDatabase(): Promise<{ db: DataSource; drop(): Promise<void> }> {
  if (process.env.WORKFLOW_TEST_DB !== 'mysql') return { db: await openDatabase({ url: 'sqljs::memory' }), drop: async () => undefined };
  const name = `approval_test_wf_${process.pid}_${(rigDatabases += 1)}`;
  return { db: await openDatabase({ url: await freshMysqlDatabase(name), dataDir: 'unused' }), drop: () => dropMysqlDatabase(name) };
}

/**
 * A time-skipping server, a database (calendar seeded) and a worker running the real activities
 * over it: what every workflow test arranges.
 */
export async function startWorkflowRig(options: {
  prepare?: (db: DataSource) => Promise<void>;
  worker?: Partial<WorkerOptions>;
} = {}): Promise<WorkflowRig> {
  const [env, database] = await Promise.all([timeSkippingEnvironment(), rigDatabase()]);
  const { db } = database;
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
      await database.drop();
    },
  };
}
