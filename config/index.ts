// Configuration from the environment, read once at a composition root (scripts/, workers/, api/)
// and passed down. Every variable here is listed in the README.
import path from 'node:path';

export interface AppConfig {
  port: number;
  databaseUrl?: string;
  dataDir: string;
  /** Unset: `npm start` runs an embedded Temporal dev server. */
  temporalAddress?: string;
  temporalNamespace: string;
  taskQueue: string;
  jwtSecret: string;
  jwtTtl: string;
  demo: boolean;
  demoPassword: string;
  temporalUiPort: number;
  logLevel: string;
  /** `npm run worker` serves its Prometheus metrics on this port; unset: not served. */
  workerMetricsPort?: number;
}

const DEV_JWT_SECRET = 'development-only-secret-change-me';

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const demo = (env.DEMO ?? (env.NODE_ENV === 'production' ? 'false' : 'true')) === 'true';
  const jwtSecret = env.JWT_SECRET ?? (demo ? DEV_JWT_SECRET : '');
  if (!jwtSecret) throw new Error('JWT_SECRET must be set outside demo mode');
  return {
    port: integer(env.PORT, 3000, 'PORT'),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    temporalAddress: env.TEMPORAL_ADDRESS || undefined,
    temporalNamespace: env.TEMPORAL_NAMESPACE ?? 'default',
    taskQueue: env.TASK_QUEUE ?? 'approvals',
    jwtSecret,
    jwtTtl: env.JWT_TTL ?? '8h',
    demo,
    demoPassword: env.DEMO_PASSWORD ?? 'demo-password',
    temporalUiPort: integer(env.TEMPORAL_UI_PORT, 8233, 'TEMPORAL_UI_PORT'),
    logLevel: env.LOG_LEVEL ?? 'info',
    workerMetricsPort: env.WORKER_METRICS_PORT ? integer(env.WORKER_METRICS_PORT, 0, 'WORKER_METRICS_PORT') : undefined,
  };
}

function integer(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got ${raw}`);
  return value;
}
