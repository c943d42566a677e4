// Side A of `npm run bench:e2e`: this system as deployed — a Temporal dev server, a worker and the
// API as separate processes on a fresh MySQL database with the demo catalogue, users and calendar —
// driven over HTTP like the console does: register, accept, each department's officer claims and
// approves its step, the clerk polls the case until it concludes and delivers.
import { randomBytes, randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { seedCalendar } from '../../activities/calendar-service';
import { openDatabase } from '../../entities/data-source';
import { seedDemo } from '../../entities/seed';
import { dropMysqlDatabase, freshMysqlDatabase } from '../../test/support/mysql';
import { caseWorkflowId, stepWorkflowId } from '../../workflows/messages';
import { freePort } from '../chaos/processes';
import { startNode, startTemporal, type BenchProcess } from './processes';
import type { CaseShape } from './shape';
import type { Latencies } from './stats';

const PASSWORD = 'bench-password-1';
const CONCLUDED = ['approved', 'partiallyApproved', 'rejected'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface Side {
  processes: BenchProcess[];
  /** Seconds from spawn until each node process served. */
  startSeconds: Record<string, number>;
  driveCase(index: number, latencies: Latencies): Promise<void>;
  /** Workflow ids of a finished case: the case and each of its steps. */
  workflowIds(index: number): string[];
  temporal: Client;
  stop(): Promise<void>;
}

export interface SideOptions {
  root: string;
  runDir: string;
  cli: string;
  shape: CaseShape;
  /** `source`: node with tsx's require hook; `dist`: the compiled build (run `npm run build` first). */
  code: 'source' | 'dist';
}

export async function startSystem(options: SideOptions): Promise<Side> {
  const database = `approval_bench_e2e_${process.pid}`;
  const databaseUrl = await freshMysqlDatabase(database);
  const db = await openDatabase({ url: databaseUrl, dataDir: options.runDir });
  await seedCalendar(db);
  await seedDemo(db, PASSWORD);
  await db.destroy();
  const temporalServer = await startTemporal('A-temporal', options.cli, options.runDir);
  const apiPort = await freePort();
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env, NODE_ENV: 'production', DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporalServer.address,
    TASK_QUEUE: `bench-${process.pid}`, JWT_SECRET: randomBytes(32).toString('hex'), DATA_DIR: options.runDir, LOG_LEVEL: 'warn',
    PORT: String(apiPort), HOST: '127.0.0.1',
    // The clients are a whole service center's worth of people behind one account per role.
    RATE_LIMIT_WRITES_PER_MINUTE: '1000000', RATE_LIMIT_LOGINS_PER_MINUTE: '1000000', RATE_LIMIT_LOOKUPS_PER_MINUTE: '1000000',
  };
  delete env.WORKER_METRICS_PORT;
  const entry = (name: string) => (options.code === 'dist' ? `dist/${name}/main.js` : `${name}/main.ts`);
  const [worker, api] = await Promise.all([
    startNode({ name: 'A-worker', entry: entry('workers'), env: { ...env, LOG_LEVEL: 'info' }, cwd: options.root, runDir: options.runDir,
      ready: async (output) => output.includes('"msg":"worker running"') }),
    startNode({ name: 'A-api', entry: entry('api'), env, cwd: options.root, runDir: options.runDir,
      ready: async () => (await fetch(`${apiUrl}/healthz`, { signal: AbortSignal.timeout(2000) })).status === 200 }),
  ]);
  const connection = await Connection.connect({ address: temporalServer.address });
  const temporal = new Client({ connection });

  const signIn = async (username: string): Promise<string> => {
    const res = await fetch(`${apiUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
    if (res.status !== 200) throw new Error(`sign-in of ${username}: ${res.status}`);
    return ((await res.json()) as { token: string }).token;
  };
  const clerk = await signIn('clerk1');
  const officers = new Map<string, string>();
  for (const department of options.shape.departments) officers.set(department, await signIn(`officer-${department}`));
  const officerOf = new Map(options.shape.matterCodes.map((code, i) => [code, officers.get(options.shape.departments[i])!]));

  const call = async (token: string, method: string, path: string, body?: unknown): Promise<any> => { // eslint-disable-line @typescript-eslint/no-explicit-any
    const res = await fetch(`${apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json', 'idempotency-key': randomUUID() }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const answer = await res.json().catch(() => undefined);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(answer).slice(0, 200)}`);
    return answer;
  };
  const caseIds = new Map<number, string>();

  const driveCase = async (index: number, latencies: Latencies): Promise<void> => {
    const registered = await latencies.time('POST /api/cases', () => call(clerk, 'POST', '/api/cases', {
      applicant: { name: `压测${process.pid}-${String(index).padStart(5, '0')}有限公司`, phone: `139${String(index).padStart(8, '0')}` },
      matterCodes: options.shape.matterCodes, channel: 'standard', materials: options.shape.materials,
    }));
    const id = registered.id as string;
    caseIds.set(index, id);
    const status = (await latencies.time('POST /api/cases/:id/accept', () => call(clerk, 'POST', `/api/cases/${id}/accept`, {}))).status as string;
    const poll = async (ready: (s: string) => boolean): Promise<void> => {
      for (let wait = 20; ; wait = Math.min(wait * 2, 500)) {
        if (ready((await latencies.time('GET /api/cases/:id', () => call(clerk, 'GET', `/api/cases/${id}`))).status as string)) return;
        await sleep(wait);
      }
    };
    // The steps are dispatched right after acceptance; they take claims once the case is under review.
    if (status === 'accepted') await poll((s) => s !== 'accepted');
    for (const code of options.shape.matterCodes) {
      const token = officerOf.get(code)!;
      await latencies.time('POST /api/steps/:id/claim', () => call(token, 'POST', `/api/steps/${id}-${code}/claim`, {}));
      await latencies.time('POST /api/steps/:id/approve', () => call(token, 'POST', `/api/steps/${id}-${code}/approve`, { opinion: '符合要求，同意。' }));
    }
    await poll((s) => CONCLUDED.includes(s));
    await latencies.time('POST /api/cases/:id/deliver', () => call(clerk, 'POST', `/api/cases/${id}/deliver`, {}));
  };

  const processes = [temporalServer, worker, api];
  return {
    processes,
    startSeconds: { 'A-worker': worker.startSeconds, 'A-api': api.startSeconds },
    driveCase,
    workflowIds: (index) => {
      const id = caseIds.get(index);
      return id ? [caseWorkflowId(id), ...options.shape.matterCodes.map((code) => stepWorkflowId(`${id}-${code}`))] : [];
    },
    temporal,
    stop: async () => {
      await connection.close();
      await api.stop();
      await worker.stop();
      await temporalServer.stop();
      await dropMysqlDatabase(database);
    },
  };
}
