import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../migrations';
import { ENTITIES } from './index';

/** url = DATABASE_URL (mysql://user:pass@host:port/db); unset → embedded sql.js file in dataDir. */
export interface DatabaseConfig {
  url?: string;
  dataDir: string;
}

/** In-memory sql.js, for unit tests. */
export type MemoryDatabaseConfig = { url: 'sqljs::memory' };

const MEMORY_URL = 'sqljs::memory';

function sqliteFile(dataDir: string): string {
  return path.join(dataDir, 'approval.sqlite');
}

// The schema is owned by the reviewed migrations: never synchronize, run migrations explicitly.
const common = { entities: ENTITIES, migrations: MIGRATIONS, synchronize: false, migrationsRun: false } as const;

export function createDataSource(config: DatabaseConfig | MemoryDatabaseConfig): DataSource {
  if (config.url === MEMORY_URL) {
    return serializeTransactions(new DataSource({ ...common, type: 'sqljs', autoSave: false }));
  }
  if (config.url) {
    return new DataSource({
      ...common,
      type: 'mysql',
      url: config.url,
      timezone: 'Z', // store UTC so MySQL and sql.js agree on every datetime
      charset: 'utf8mb4',
      connectorPackage: 'mysql2',
      poolSize: 10,
    });
  }
  const { dataDir } = config as DatabaseConfig;
  fs.mkdirSync(dataDir, { recursive: true });
  return serializeTransactions(new DataSource({ ...common, type: 'sqljs', location: sqliteFile(dataDir), autoSave: true }));
}

/**
 * sql.js is one in-memory connection: two transactions running at once would share it, and one
 * rollback or commit would take the other's writes with it. Transactions therefore run one at a
 * time (MySQL gives each its own pooled connection and needs none of this).
 */
function serializeTransactions(ds: DataSource): DataSource {
  const transaction = ds.transaction.bind(ds) as (...args: unknown[]) => Promise<unknown>;
  let queue: Promise<unknown> = Promise.resolve();
  ds.transaction = ((...args: unknown[]) => {
    const run = queue.then(() => transaction(...args));
    queue = run.catch(() => undefined);
    return run;
  }) as DataSource['transaction'];
  return ds;
}

/** Connects and brings the schema up to date; each migration commits on its own. */
export async function openDatabase(config: DatabaseConfig | MemoryDatabaseConfig): Promise<DataSource> {
  const ds = createDataSource(config);
  await ds.initialize();
  try {
    await migrateOnce(ds);
  } catch (error) {
    await ds.destroy();
    throw error;
  }
  return ds;
}

const MIGRATION_LOCK = 'approval_migrations';
const MIGRATION_LOCK_SECONDS = 300;

/**
 * Processes started together on one MySQL database (worker and API) take turns: the first runs
 * the migrations under a named lock, the others wait for it and then find nothing left to run.
 */
async function migrateOnce(ds: DataSource): Promise<void> {
  if (ds.options.type !== 'mysql') {
    await ds.runMigrations({ transaction: 'each' });
    return;
  }
  const runner = ds.createQueryRunner();
  await runner.connect();
  try {
    const [row] = await runner.query('SELECT GET_LOCK(?, ?) AS got', [MIGRATION_LOCK, MIGRATION_LOCK_SECONDS]) as Array<{ got: number | string | null }>;
    if (Number(row?.got) !== 1) throw new Error(`another process held the migration lock for ${MIGRATION_LOCK_SECONDS} s`);
    try {
      await ds.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT RELEASE_LOCK(?)', [MIGRATION_LOCK]);
    }
  } finally {
    await runner.release();
  }
}

/** Human-readable target for logs: never includes the password. */
export function describeDatabase(config: DatabaseConfig | MemoryDatabaseConfig): string {
  if (config.url === MEMORY_URL) return 'sqlite in memory';
  if (config.url) {
    const url = new URL(config.url);
    return `${url.protocol}//${url.hostname}:${url.port || '3306'}${url.pathname}`;
  }
  return `sqlite file ${sqliteFile((config as DatabaseConfig).dataDir)}`;
}
