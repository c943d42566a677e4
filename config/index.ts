// Configuration from the environment, read once at a composition root (scripts/, workers/, api/)
// and passed down. Every variable here is listed in docs/operations.md (Configuration).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface AppConfig {
  port: number;
  /** Interface the API listens on: loopback in demo mode unless HOST says otherwise. */
  host: string;
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
  security: SecurityConfig;
  /** `npm run worker` serves its Prometheus metrics on this port; unset: not served. */
  workerMetricsPort?: number;
  /**
   * Workflow runs the worker keeps in its sticky cache (Temporal's `maxCachedWorkflows`); an open
   * case is its case workflow and one step workflow per matter. 0 turns the cache off.
   */
  workerMaxCachedWorkflows: number;
  /** The name printed at the head of every paper the window hands out. */
  serviceCenterName: string;
  /** Public address of the applicant pages for the papers' QR codes; unset: the address the request came to. */
  publicUrl?: string;
}

export const DEFAULT_SERVICE_CENTER_NAME = '政务服务中心';

/**
 * Sized from `npm run bench:memory` (docs/performance.md, Worker memory): a cached run costs the
 * worker about 0.4 MiB resident (a fully cached open case of five matters 2.3 MiB), an evicted
 * step replays its history in 35–70 ms more at its next action. 200 runs keep the worker near
 * 390 MiB however many cases are open; Temporal's own default grows with the heap limit instead
 * (2,310 runs, 1.2 GiB, on a machine with node's 4 GiB default).
 */
export const DEFAULT_WORKER_MAX_CACHED_WORKFLOWS = 200;

/** Sign-in lockout, rate limits, body size and CORS (docs/operations.md: Configuration). */
export interface SecurityConfig {
  /** Failed sign-ins in a row that lock an account. */
  maxFailedLogins: number;
  lockoutMinutes: number;
  /** Sign-in attempts per client address per minute. */
  loginsPerMinute: number;
  /** Public look-ups (tracking, public pages) per client address per minute. */
  lookupsPerMinute: number;
  /** State-changing requests per signed-in user per minute. */
  writesPerMinute: number;
  /** express body-parser limit, e.g. `100kb`. */
  bodyLimit: string;
  /** Origins a browser may call the API from; empty: no cross-origin access. */
  corsOrigins: string[];
  /** A retry that finds its Idempotency-Key pending waits this long for the first answer, then runs again. */
  idempotencyWaitSeconds: number;
}

export const DEFAULT_SECURITY: SecurityConfig = {
  maxFailedLogins: 5,
  lockoutMinutes: 15,
  loginsPerMinute: 20,
  lookupsPerMinute: 60,
  writesPerMinute: 300,
  bodyLimit: '100kb',
  corsOrigins: [],
  idempotencyWaitSeconds: 5,
};

/**
 * Demo mode signs tokens with a random secret kept in DATA_DIR (made on first start, readable by
 * the owner only), so no published secret can forge a token and sessions survive a restart.
 */
export function demoJwtSecret(dataDir: string): string {
  const file = path.join(dataDir, 'jwt-secret');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString('hex');
    try {
      fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
      return secret;
    } catch {
      // Another process made it first.
      return fs.readFileSync(file, 'utf8').trim();
    }
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const demo = (env.DEMO ?? (env.NODE_ENV === 'production' ? 'false' : 'true')) === 'true';
  const dataDir = path.resolve(env.DATA_DIR ?? 'data');
  const jwtSecret = env.JWT_SECRET ?? (demo ? demoJwtSecret(dataDir) : '');
  if (!jwtSecret) throw new Error('JWT_SECRET must be set outside demo mode');
  return {
    port: integer(env.PORT, 3000, 'PORT'),
    host: env.HOST || (demo ? '127.0.0.1' : '0.0.0.0'),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    temporalAddress: env.TEMPORAL_ADDRESS || undefined,
    temporalNamespace: env.TEMPORAL_NAMESPACE ?? 'default',
    taskQueue: env.TASK_QUEUE ?? 'approvals',
    jwtSecret,
    jwtTtl: env.JWT_TTL ?? '8h',
    demo,
    demoPassword: env.DEMO_PASSWORD ?? 'demo-password',
    temporalUiPort: integer(env.TEMPORAL_UI_PORT, 8233, 'TEMPORAL_UI_PORT'),
    logLevel: env.LOG_LEVEL ?? 'info',
    serviceCenterName: env.SERVICE_CENTER_NAME?.trim() || DEFAULT_SERVICE_CENTER_NAME,
    publicUrl: env.PUBLIC_URL?.trim().replace(/\/+$/, '') || undefined,
    security: {
      maxFailedLogins: integer(env.LOGIN_MAX_FAILURES, DEFAULT_SECURITY.maxFailedLogins, 'LOGIN_MAX_FAILURES'),
      lockoutMinutes: integer(env.LOGIN_LOCKOUT_MINUTES, DEFAULT_SECURITY.lockoutMinutes, 'LOGIN_LOCKOUT_MINUTES'),
      loginsPerMinute: integer(env.RATE_LIMIT_LOGINS_PER_MINUTE, DEFAULT_SECURITY.loginsPerMinute, 'RATE_LIMIT_LOGINS_PER_MINUTE'),
      lookupsPerMinute: integer(env.RATE_LIMIT_LOOKUPS_PER_MINUTE, DEFAULT_SECURITY.lookupsPerMinute, 'RATE_LIMIT_LOOKUPS_PER_MINUTE'),
      writesPerMinute: integer(env.RATE_LIMIT_WRITES_PER_MINUTE, DEFAULT_SECURITY.writesPerMinute, 'RATE_LIMIT_WRITES_PER_MINUTE'),
      bodyLimit: env.BODY_LIMIT ?? DEFAULT_SECURITY.bodyLimit,
      corsOrigins: (env.CORS_ORIGINS ?? '').split(',').map((origin) => origin.trim()).filter(Boolean),
      idempotencyWaitSeconds: integer(env.IDEMPOTENCY_WAIT_SECONDS, DEFAULT_SECURITY.idempotencyWaitSeconds, 'IDEMPOTENCY_WAIT_SECONDS'),
    },
    workerMetricsPort: env.WORKER_METRICS_PORT ? integer(env.WORKER_METRICS_PORT, 0, 'WORKER_METRICS_PORT') : undefined,
    workerMaxCachedWorkflows: cacheSize(env.WORKER_MAX_CACHED_WORKFLOWS),
  };
}

/** Temporal takes 0 (no cache) or at least 2; it would quietly turn 1 into 2. */
function cacheSize(raw: string | undefined): number {
  const value = integer(raw, DEFAULT_WORKER_MAX_CACHED_WORKFLOWS, 'WORKER_MAX_CACHED_WORKFLOWS');
  if (value === 1) throw new Error('WORKER_MAX_CACHED_WORKFLOWS must be 0 (no cache) or at least 2, got 1');
  return value;
}

function integer(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got ${raw}`);
  return value;
}
