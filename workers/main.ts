// `npm run worker`: a worker process for a real deployment, against an existing Temporal
// cluster (TEMPORAL_ADDRESS) and MySQL (DATABASE_URL).
import { NativeConnection } from '@temporalio/worker';
import { loadConfig } from '../config';
import { createLogger } from '../config/logger';
import { openDatabase } from '../entities/data-source';
import { seedCalendar } from '../activities/calendar-service';
import { channelsFromEnv } from '../activities/notification-channels';
import { createNotificationSender } from '../activities/notification-sender';
import { createApprovalWorker } from './worker';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, 'worker');
  const db = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  // Published holidays and 调休 days are reference data, seeded (idempotently) in every mode.
  await seedCalendar(db);
  // The outbox sender runs beside the worker; several workers claim rows atomically.
  const sender = createNotificationSender({ db, channels: channelsFromEnv(process.env, logger), logger });
  sender.start();
  const connection = await NativeConnection.connect({ address: config.temporalAddress ?? 'localhost:7233' });
  const worker = await createApprovalWorker({ connection, db, namespace: config.temporalNamespace, taskQueue: config.taskQueue });
  logger.info({ taskQueue: config.taskQueue }, 'worker running');
  await worker.run();
  await sender.stop();
  await connection.close();
  await db.destroy();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
