// `npm start`: the whole system in one command. Unless TEMPORAL_ADDRESS is set, an embedded
// Temporal dev server persisted under DATA_DIR; the database (DATABASE_URL, or an embedded
// SQLite file), migrations, the demo catalogue and users (demo mode only), the worker and the
// API. Ctrl-C stops everything in order.
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { loadConfig } from '../config';
import { createLogger } from '../config/logger';
import { describeDatabase, openDatabase } from '../entities/data-source';
import { seedDemo } from '../entities/seed';
import { seedCalendar } from '../activities/calendar-service';
import { channelsFromEnv } from '../activities/notification-channels';
import { createNotificationSender } from '../activities/notification-sender';
import { startApiServer } from '../api/server';
import { createApprovalWorker } from '../workers/worker';
import { ensureCalendarCoverageSchedule } from '../workers/calendar-coverage-schedule';
import { startDevServer, type DevServer } from './dev-server';
import { temporalBinaries } from './temporal-binaries';
import { ensureConsoleBuilt } from './console-build';
import { assertSearchAttributesRegistered } from '../config/search-attributes';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, 'approvals');
  const stops: (() => Promise<unknown>)[] = [];
  const stopAll = async (): Promise<void> => {
    for (const stop of stops.reverse()) {
      await stop().catch((err) => logger.error({ err }, 'error while stopping'));
    }
  };

  try {
    ensureConsoleBuilt(logger);
    let devServer: DevServer | undefined;
    if (!config.temporalAddress) {
      devServer = await startDevServer({
        cliPath: temporalBinaries().cli,
        dataDir: config.dataDir,
        port: Number(process.env.TEMPORAL_PORT ?? 7233),
        uiPort: config.temporalUiPort,
      });
      stops.push(() => devServer!.stop());
    }
    const address = config.temporalAddress ?? devServer!.address;

    const dbConfig = { url: config.databaseUrl, dataDir: config.dataDir };
    const db = await openDatabase(dbConfig);
    stops.push(() => db.destroy());
    await seedCalendar(db);
    if (config.demo) await seedDemo(db, config.demoPassword);
    const sender = createNotificationSender({ db, channels: channelsFromEnv(process.env, logger), logger });
    sender.start();
    stops.push(() => sender.stop());

    const workerConnection = await NativeConnection.connect({ address });
    stops.push(() => workerConnection.close());
    // The embedded server registers them by its flags; a cluster of TEMPORAL_ADDRESS must have them already.
    await assertSearchAttributesRegistered(workerConnection, config.temporalNamespace);
    const worker = await createApprovalWorker({ connection: workerConnection, db, namespace: config.temporalNamespace, taskQueue: config.taskQueue, maxCachedWorkflows: config.workerMaxCachedWorkflows });
    const running = worker.run();
    stops.push(async () => {
      // The SDK also reacts to SIGINT/SIGTERM by itself; shut down only if it has not begun.
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
    });

    const clientConnection = await Connection.connect({ address });
    stops.push(() => clientConnection.close());
    const temporal = new Client({ connection: clientConnection, namespace: config.temporalNamespace });
    await ensureCalendarCoverageSchedule(temporal, config.taskQueue);
    const api = await startApiServer({ db, temporal, config, logger }, config.port, config.host);
    stops.push(() => api.stop());

    const banner = [
      '',
      `  Console      ${api.url}/   (applicants: ${api.url}/track)`,
      `  API          ${api.url}   (health: ${api.url}/healthz)`,
      `  Temporal     ${address}${devServer ? `   UI: ${devServer.uiUrl}` : ''}`,
      `  Database     ${describeDatabase(dbConfig)}`,
      config.demo ? `  Demo users   clerk1, officer-<dept>, leader-<dept>, agent1, supervisor1, admin1 — password: ${config.demoPassword}` : '  Production mode: no demo data',
      '  Ctrl-C stops everything.',
      '',
    ];
    console.log(banner.join('\n'));
  } catch (err) {
    logger.error({ err }, 'start failed');
    await stopAll();
    process.exit(1);
  }

  let stopping = false;
  const shutdown = (): void => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping');
    void stopAll().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

void main();
