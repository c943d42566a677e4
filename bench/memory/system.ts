// The system `npm run bench:memory` measures, as deployed: its own Temporal dev server, a fresh
// MySQL database with the demo catalogue, users and calendar, a worker and the API as separate
// processes. The worker carries bench/memory/probe.ts (heap of every isolate, after a collection)
// and serves its metrics (approval_worker_cached_workflows). Cases are opened and claimed over HTTP.
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { seedCalendar } from '../../activities/calendar-service';
import { openDatabase } from '../../entities/data-source';
import { seedDemo } from '../../entities/seed';
import { dropMysqlDatabase, freshMysqlDatabase } from '../../test/support/mysql';
import { stepWorkflowId } from '../../workflows/messages';
import { freePort } from '../chaos/processes';
import { startNode, startTemporal, type BenchProcess } from '../e2e/processes';
import type { CaseShape } from '../e2e/shape';
import type { MemoryProbe } from './probe';

const PASSWORD = 'bench-password-1';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface MemorySystem {
  worker: BenchProcess;
  /** Registers and accepts case number `index`, and waits until its steps are open (under review). */
  openCase(index: number): Promise<void>;
  /** Claims the first step of case number `index`; milliseconds until the API answered. */
  claimFirstStep(index: number): Promise<number>;
  /** Events in the history of the first step's workflow of case number `index`. */
  firstStepHistoryEvents(index: number): Promise<number>;
  memory(): Promise<MemoryProbe>;
  cachedWorkflows(): Promise<number>;
  stop(): Promise<void>;
}

export interface MemorySystemOptions {
  root: string;
  runDir: string;
  cli: string;
  shape: CaseShape;
  /** WORKER_MAX_CACHED_WORKFLOWS of the worker. */
  maxCachedWorkflows: number;
  /** --max-old-space-size of the worker, in MiB; unset: node's default for this machine. */
  maxOldSpaceMiB?: number;
  /** Distinguishes the processes' logs of one run from the next. */
  label: string;
}

export async function startMemorySystem(options: MemorySystemOptions): Promise<MemorySystem> {
  const database = `approval_bench_memory_${process.pid}`;
  const databaseUrl = await freshMysqlDatabase(database);
  const db = await openDatabase({ url: databaseUrl, dataDir: options.runDir });
  await seedCalendar(db);
  await seedDemo(db, PASSWORD);
  await db.destroy();
  const temporalServer = await startTemporal(`${options.label}-temporal`, options.cli, options.runDir);
  const [apiPort, metricsPort, probePort] = [await freePort(), await freePort(), await freePort()];
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporalServer.address,
    TASK_QUEUE: `bench-memory-${process.pid}`, JWT_SECRET: randomBytes(32).toString('hex'), DATA_DIR: options.runDir, LOG_LEVEL: 'warn',
    PORT: String(apiPort), HOST: '127.0.0.1',
    RATE_LIMIT_WRITES_PER_MINUTE: '1000000', RATE_LIMIT_LOGINS_PER_MINUTE: '1000000', RATE_LIMIT_LOOKUPS_PER_MINUTE: '1000000',
  };
  delete env.WORKER_METRICS_PORT;
  delete env.NODE_OPTIONS;
  const [worker, api] = await Promise.all([
    startNode({
      name: `${options.label}-worker`, entry: 'workers/main.ts', cwd: options.root, runDir: options.runDir,
      env: { ...env, LOG_LEVEL: 'info', WORKER_MAX_CACHED_WORKFLOWS: String(options.maxCachedWorkflows), WORKER_METRICS_PORT: String(metricsPort), MEMORY_PROBE_PORT: String(probePort) },
      nodeArgs: [...(options.maxOldSpaceMiB ? [`--max-old-space-size=${options.maxOldSpaceMiB}`] : []), '--require', path.join(__dirname, 'probe.ts')],
      ready: async (output) => output.includes('"msg":"worker running"'),
    }),
    startNode({ name: `${options.label}-api`, entry: 'api/main.ts', env, cwd: options.root, runDir: options.runDir,
      ready: async () => (await fetch(`${apiUrl}/healthz`, { signal: AbortSignal.timeout(2000) })).status === 200 }),
  ]);
  const connection = await Connection.connect({ address: temporalServer.address });
  const temporal = new Client({ connection });

  const call = async (token: string, method: string, route: string, body?: unknown): Promise<any> => { // eslint-disable-line @typescript-eslint/no-explicit-any
    const res = await fetch(`${apiUrl}${route}`, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json', 'idempotency-key': randomUUID() }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const answer = await res.json().catch(() => undefined);
    if (res.status >= 300) throw new Error(`${method} ${route}: ${res.status} ${JSON.stringify(answer).slice(0, 200)}`);
    return answer;
  };
  const signIn = async (username: string): Promise<string> => (await call('', 'POST', '/api/auth/login', { username, password: PASSWORD })).token as string;
  const clerk = await signIn('clerk1');
  const firstMatter = options.shape.matterCodes[0];
  const firstOfficer = await signIn(`officer-${options.shape.departments[0]}`);
  const caseIds = new Map<number, string>();
  const caseId = (index: number): string => {
    const id = caseIds.get(index);
    if (!id) throw new Error(`case ${index} was not opened`);
    return id;
  };

  return {
    worker,
    openCase: async (index) => {
      const registered = await call(clerk, 'POST', '/api/cases', {
        applicant: { name: `内存${process.pid}-${String(index).padStart(5, '0')}有限公司`, phone: `138${String(index).padStart(8, '0')}` },
        matterCodes: options.shape.matterCodes, channel: 'standard', materials: options.shape.materials,
      });
      const id = registered.id as string;
      caseIds.set(index, id);
      let status = (await call(clerk, 'POST', `/api/cases/${id}/accept`, {})).status as string;
      for (let wait = 20; status === 'accepted'; wait = Math.min(wait * 2, 500)) {
        await sleep(wait);
        status = (await call(clerk, 'GET', `/api/cases/${id}`)).status as string;
      }
      if (status !== 'inReview') throw new Error(`case ${id} is ${status} after acceptance`);
    },
    claimFirstStep: async (index) => {
      const started = performance.now();
      await call(firstOfficer, 'POST', `/api/steps/${caseId(index)}-${firstMatter}/claim`, {});
      return performance.now() - started;
    },
    firstStepHistoryEvents: async (index) => {
      const history = await temporal.workflow.getHandle(stepWorkflowId(`${caseId(index)}-${firstMatter}`)).fetchHistory();
      return history.events?.length ?? 0;
    },
    memory: async () => (await fetch(`http://127.0.0.1:${probePort}/memory`)).json() as Promise<MemoryProbe>,
    cachedWorkflows: async () => {
      const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
      const line = text.split('\n').find((l) => l.startsWith('approval_worker_cached_workflows '));
      return line ? Number(line.split(' ')[1]) : NaN;
    },
    stop: async () => {
      await connection.close();
      await api.stop();
      await worker.stop();
      await temporalServer.stop();
      await dropMysqlDatabase(database);
    },
  };
}
