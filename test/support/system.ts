// The whole system for end-to-end tests: a fresh MySQL database with migrations and the demo
// catalogue, a real Temporal dev server, a worker and the API on an ephemeral port.
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import pino from 'pino';
import type { DataSource } from 'typeorm';
import { startApiServer, type ApiServer } from '../../api/server';
import { openDatabase } from '../../entities/data-source';
import { seedDemo } from '../../entities/seed';
import { seedCalendar } from '../../activities/calendar-service';
import { createApprovalWorker } from '../../workers/worker';
import { dropMysqlDatabase, freshMysqlDatabase } from './mysql';
import { localEnvironment, workflowBundle } from './temporal';

export const TEST_PASSWORD = 'test-password';

/** Tests sign in and write far faster than people: rate limits are tested on their own instance. */
export const TEST_API_CONFIG = {
  jwtSecret: 'test-secret',
  jwtTtl: '1h',
  security: { loginsPerMinute: 100_000, lookupsPerMinute: 100_000, writesPerMinute: 100_000, idempotencyWaitSeconds: 1 },
};

export interface RunningSystem {
  url: string;
  api: ApiServer;
  db: DataSource;
  env: TestWorkflowEnvironment;
  taskQueue: string;
  stop(): Promise<void>;
}

export async function startSystem(name: string): Promise<RunningSystem> {
  const database = `approval_test_${name}_${process.pid}`;
  const db = await openDatabase({ url: await freshMysqlDatabase(database), dataDir: 'data' });
  await seedCalendar(db);
  await seedDemo(db, TEST_PASSWORD);
  const env = await localEnvironment();
  const taskQueue = `approvals-${name}`;
  const worker: Worker = await createApprovalWorker({
    connection: env.nativeConnection, db, namespace: 'default', taskQueue, workflowBundle: await workflowBundle(),
  });
  const running = worker.run();
  const api: ApiServer = await startApiServer({
    db, temporal: env.client, logger: pino({ level: process.env.TEST_API_LOG ?? 'silent' }),
    config: { ...TEST_API_CONFIG, taskQueue },
  }, 0);
  return {
    url: api.url, api, db, env, taskQueue,
    async stop() {
      await api.stop();
      worker.shutdown();
      await running;
      await env.teardown();
      await db.destroy();
      await dropMysqlDatabase(database);
    },
  };
}
