// `npm run api`: the API process for a real deployment, against an existing Temporal cluster
// (TEMPORAL_ADDRESS) and MySQL (DATABASE_URL). Workers run separately (`npm run worker`).
import { Client, Connection } from '@temporalio/client';
import { loadConfig } from '../config';
import { createLogger } from '../config/logger';
import { openDatabase } from '../entities/data-source';
import { ensureAdmin } from '../entities/first-admin';
import { withBackoff } from '../config/backoff';
import { assertSearchAttributesRegistered } from '../config/search-attributes';
import { startApiServer } from './server';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, 'api');
  const db = await withBackoff('the database', () => openDatabase({ url: config.databaseUrl, dataDir: config.dataDir }), logger);
  // A first start on an empty database can create the administrator who then creates everyone else.
  const { INITIAL_ADMIN_USERNAME: username, INITIAL_ADMIN_PASSWORD: password } = process.env;
  if (username && password) logger.info({ username, outcome: await ensureAdmin(db, { username, password }) }, 'initial admin');
  const address = config.temporalAddress ?? 'localhost:7233';
  const connection = await withBackoff(`Temporal at ${address}`, () => Connection.connect({ address }), logger);
  // Cases start with search attributes: against a namespace without them every registration would fail.
  await assertSearchAttributesRegistered(connection, config.temporalNamespace);
  const temporal = new Client({ connection, namespace: config.temporalNamespace });
  const server = await startApiServer({ db, temporal, config, logger }, config.port, config.host);
  logger.info({ url: server.url }, 'API listening');
  const shutdown = async (): Promise<void> => {
    await server.stop();
    await connection.close();
    await db.destroy();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
