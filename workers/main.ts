// `npm run worker`: a worker process for a real deployment, against an existing Temporal
// cluster (TEMPORAL_ADDRESS) and MySQL (DATABASE_URL). Compiled (dist/workers/main.js) and with
// NODE_ENV=production it loads the workflow bundle made by `npm run build`.
import http from 'node:http';
import { getHeapStatistics } from 'node:v8';
import { NativeConnection } from '@temporalio/worker';
import { processRegistry, registerCachedWorkflowsGauge } from '../config/telemetry';
import { loadConfig } from '../config';
import { createLogger } from '../config/logger';
import { openDatabase } from '../entities/data-source';
import { seedCalendar } from '../activities/calendar-service';
import { channelsFromEnv } from '../activities/notification-channels';
import { createNotificationSender } from '../activities/notification-sender';
import { withBackoff } from '../config/backoff';
import { assertSearchAttributesRegistered } from '../config/search-attributes';
import { Client } from '@temporalio/client';
import { ensureCalendarCoverageSchedule } from './calendar-coverage-schedule';
import { createApprovalWorker, prebuiltWorkflowBundle } from './worker';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, 'worker');
  const db = await withBackoff('the database', () => openDatabase({ url: config.databaseUrl, dataDir: config.dataDir }), logger);
  // Published holidays and 调休 days are reference data, seeded (idempotently) in every mode.
  await seedCalendar(db);
  // The outbox sender runs beside the worker; several workers claim rows atomically.
  const sender = createNotificationSender({ db, channels: channelsFromEnv(process.env, logger), logger });
  sender.start();
  const address = config.temporalAddress ?? 'localhost:7233';
  const connection = await withBackoff(`Temporal at ${address}`, () => NativeConnection.connect({ address }), logger);
  // Workflows upsert ApprovalStatus and Light: against a namespace without them every workflow task would fail.
  await assertSearchAttributesRegistered(connection, config.temporalNamespace);
  // The daily calendar coverage check: every worker ensures its schedule; the first one creates it.
  await ensureCalendarCoverageSchedule(new Client({ connection, namespace: config.temporalNamespace }), config.taskQueue);
  const workflowBundle = prebuiltWorkflowBundle();
  const worker = await createApprovalWorker({
    connection, db, namespace: config.temporalNamespace, taskQueue: config.taskQueue, workflowBundle, maxCachedWorkflows: config.workerMaxCachedWorkflows,
  });
  registerCachedWorkflowsGauge(() => worker.getStatus().numCachedWorkflows);
  const metrics = config.workerMetricsPort === undefined ? undefined : serveMetrics(config.workerMetricsPort);
  logger.info({
    taskQueue: config.taskQueue, metricsPort: config.workerMetricsPort, maxCachedWorkflows: config.workerMaxCachedWorkflows,
    heapLimitMiB: Math.round(getHeapStatistics().heap_size_limit / 2 ** 20), workflows: workflowBundle ? 'prebuilt' : 'bundled at start',
  }, 'worker running');
  await worker.run();
  metrics?.close();
  await sender.stop();
  await connection.close();
  await db.destroy();
}

/** The worker's own Prometheus endpoint: process, activity and workflow-event metrics at /metrics. */
function serveMetrics(port: number): http.Server {
  return http.createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    processRegistry.metrics().then(
      (text) => res.writeHead(200, { 'content-type': processRegistry.contentType }).end(text),
      () => res.writeHead(500).end(),
    );
  }).listen(port);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
