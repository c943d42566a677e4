// The deployment under test, as separate processes: a Temporal dev server persisted to a SQLite
// file, a worker (`npm run worker`) and an API (`npm run api`). Each runs in its own process group,
// so kill -9 takes the whole process (npx, tsx and node alike), and comes back on the same ports
// and files. A process that exits without being killed here is restarted and counted.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, type WriteStream } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { searchAttributeFlags } from '../../config/search-attributes';

export type Role = 'temporal' | 'worker' | 'api';

export interface ManagedProcess {
  readonly role: Role;
  /** Starts the process and resolves once it serves. */
  start(): Promise<void>;
  /** kill -9 of the whole process group; resolves once it is gone. */
  kill(): Promise<void>;
  /** SIGTERM, then SIGKILL after 10 s. */
  stop(): Promise<void>;
  /** Exits nobody asked for (each was followed by a restart). */
  readonly unplannedExits: number;
}

interface Launch {
  role: Role;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  logFile: string;
  /** True once the process serves; `output` is what it printed since it started. */
  ready: (output: string) => Promise<boolean>;
  startTimeoutMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Polls until `check` resolves true or `timeoutMs` passes. */
export async function until(what: string, check: () => Promise<boolean>, timeoutMs: number, isDead?: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (isDead?.()) throw new Error(`${what}: the process exited while starting`);
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what}: not ready within ${timeoutMs / 1000} s`);
    await sleep(250);
  }
}

function managed(launch: Launch): ManagedProcess {
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let log: WriteStream | undefined;
  let output = '';
  let expectingExit = false;
  let stopping = false;
  let unplannedExits = 0;
  let restarting: Promise<void> | undefined;

  const spawnOnce = async (): Promise<void> => {
    log ??= createWriteStream(launch.logFile, { flags: 'a' });
    log.write(`\n---- start ${new Date().toISOString()}\n`);
    output = '';
    expectingExit = false;
    const proc = spawn(launch.command, launch.args, { cwd: launch.cwd, env: launch.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    const keep = (chunk: Buffer) => {
      log?.write(chunk);
      // Only the start-up output matters for readiness; keep memory flat afterwards.
      if (output.length < 200_000) output += chunk.toString('utf8');
    };
    proc.stdout?.on('data', keep);
    proc.stderr?.on('data', keep);
    let dead = false;
    exited = new Promise((resolve) => proc.once('exit', (code, signal) => {
      dead = true;
      log?.write(`\n---- exit ${new Date().toISOString()} code=${code} signal=${signal}\n`);
      resolve();
      if (!expectingExit && !stopping && child === proc) {
        unplannedExits += 1;
        restarting = sleep(1000).then(() => spawnOnce()).catch((err: unknown) => { log?.write(`restart failed: ${String(err)}\n`); });
      }
    }));
    await until(launch.role, () => launch.ready(output), launch.startTimeoutMs, () => dead);
  };

  const signalGroup = (signal: NodeJS.Signals): void => {
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // The group is already gone.
    }
  };

  return {
    role: launch.role,
    get unplannedExits() { return unplannedExits; },
    start: async () => {
      await restarting;
      await spawnOnce();
    },
    kill: async () => {
      await restarting;
      expectingExit = true;
      signalGroup('SIGKILL');
      await exited;
    },
    stop: async () => {
      stopping = true;
      expectingExit = true;
      await restarting;
      signalGroup('SIGTERM');
      const timer = setTimeout(() => signalGroup('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
      // Leftovers of the group (children of npx and tsx) go too.
      signalGroup('SIGKILL');
      await new Promise<void>((resolve) => (log ? log.end(resolve) : resolve()));
      log = undefined;
    },
  };
}

export interface Deployment {
  temporal: ManagedProcess;
  worker: ManagedProcess;
  api: ManagedProcess;
  temporalAddress: string;
  apiUrl: string;
}

export interface DeploymentOptions {
  root: string;
  runDir: string;
  temporalCli: string;
  databaseUrl: string;
  taskQueue: string;
  jwtSecret: string;
}

/** The three processes on fresh ports; nothing is started yet. */
export async function deployment(options: DeploymentOptions): Promise<Deployment> {
  const [grpcPort, httpPort, metricsPort, apiPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const temporalAddress = `127.0.0.1:${grpcPort}`;
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: options.databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    TASK_QUEUE: options.taskQueue,
    JWT_SECRET: options.jwtSecret,
    DATA_DIR: options.runDir,
    LOG_LEVEL: 'warn',
    // The clients are a whole service center's worth of people behind one account per role.
    RATE_LIMIT_WRITES_PER_MINUTE: '1000000',
    RATE_LIMIT_LOGINS_PER_MINUTE: '1000000',
    RATE_LIMIT_LOOKUPS_PER_MINUTE: '1000000',
  };
  delete env.WORKER_METRICS_PORT;
  const tsx = (role: Role, entry: string, extra: NodeJS.ProcessEnv, ready: Launch['ready'], startTimeoutMs: number): Launch => ({
    role, command: 'npx', args: ['tsx', entry], cwd: options.root, env: { ...env, ...extra }, logFile: path.join(options.runDir, `${role}.log`), ready, startTimeoutMs,
  });

  const temporal = managed({
    role: 'temporal',
    command: options.temporalCli,
    args: [
      'server', 'start-dev', '--headless', '--ip', '127.0.0.1',
      '--port', String(grpcPort), '--http-port', String(httpPort), '--metrics-port', String(metricsPort),
      '--db-filename', path.join(options.runDir, 'temporal.sqlite'),
      '--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=normal',
      '--log-level', 'warn',
      ...searchAttributeFlags(),
    ],
    cwd: options.root,
    env: process.env,
    logFile: path.join(options.runDir, 'temporal.log'),
    ready: async () => {
      const connection = await Connection.connect({ address: temporalAddress, connectTimeout: 1000 });
      try {
        await connection.workflowService.getSystemInfo({});
        return true;
      } finally {
        await connection.close();
      }
    },
    startTimeoutMs: 120_000,
  });

  // The worker bundles its workflows, connects, and then logs that it runs (info level).
  const worker = managed(tsx('worker', 'workers/main.ts', { LOG_LEVEL: 'info' },
    async (output) => output.includes('"msg":"worker running"'), 300_000));

  const api = managed(tsx('api', 'api/main.ts', { PORT: String(apiPort), HOST: '127.0.0.1' },
    async () => (await fetch(`${apiUrl}/healthz`, { signal: AbortSignal.timeout(2000) })).status === 200, 180_000));

  return { temporal, worker, api, temporalAddress, apiUrl };
}
