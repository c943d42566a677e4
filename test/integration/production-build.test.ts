// The production build: `npm run build` compiles the server to dist/ and prebundles the workflow
// code (its `build:server` half); the compiled worker and API then run with plain `node` against MySQL and a Temporal dev
// server, the worker without bundling at start, and the first administrator signs in over HTTP.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { freePort, until } from '../../bench/chaos/processes';
import { startDevServer, type DevServer } from '../../scripts/dev-server';
import { temporalBinaries } from '../../scripts/temporal-binaries';
import { dropMysqlDatabase, freshMysqlDatabase } from '../support/mysql';

const ROOT = path.join(__dirname, '..', '..');
const SERVER_DIRS = ['api', 'workers', 'activities', 'domain', 'entities', 'migrations', 'config', 'workflows', 'scripts'];
const OUTPUTS = ['dist/workers/main.js', 'dist/api/main.js', 'dist/workflow-bundle.js'];

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * A server build newer than every server source file is reused, else `npm run build:server` runs;
 * the console (built by `npm test` before mocha) is built only when it is missing.
 */
function ensureFreshBuild(): void {
  const outputs = OUTPUTS.map((file) => path.join(ROOT, file));
  const sources = Math.max(...SERVER_DIRS.map((dir) => newestSource(path.join(ROOT, dir))), statSync(path.join(ROOT, 'tsconfig.build.json')).mtimeMs);
  const run = (script: string) => execFileSync('npm', ['run', script], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (!outputs.every((file) => existsSync(file) && statSync(file).mtimeMs > sources)) run('build:server');
  if (!existsSync(path.join(ROOT, 'console', 'dist', 'index.html'))) run('console:build');
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<void>;
}

function startNode(entry: string, env: NodeJS.ProcessEnv): Started {
  const child = spawn(process.execPath, [entry], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString('utf8'); });
  child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString('utf8'); });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, output: () => output, exited };
}

async function stop(started: Started | undefined): Promise<void> {
  if (!started || started.child.exitCode !== null || started.child.signalCode !== null) return;
  started.child.kill('SIGTERM');
  const timer = setTimeout(() => started.child.kill('SIGKILL'), 10_000);
  await started.exited;
  clearTimeout(timer);
}

describe('production build (compiled worker and API under node)', function () {
  this.timeout(240_000);
  const database = `approval_test_build_${process.pid}`;
  let runDir: string;
  let temporal: DevServer | undefined;
  let worker: Started | undefined;
  let api: Started | undefined;

  before(() => {
    ensureFreshBuild();
    runDir = mkdtempSync(path.join(os.tmpdir(), 'approval-build-'));
  });

  after(async () => {
    await stop(api);
    await stop(worker);
    await temporal?.stop();
    await dropMysqlDatabase(database);
    rmSync(runDir, { recursive: true, force: true });
  });

  it('when the built worker and API start with node in production mode, then the worker loads the prebuilt workflows within seconds and the first admin signs in', async () => {
    const [databaseUrl, apiPort] = await Promise.all([freshMysqlDatabase(database), freePort()]);
    temporal = await startDevServer({ cliPath: temporalBinaries().cli, dataDir: runDir, port: await freePort(), uiPort: await freePort() });
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporal.address,
      TASK_QUEUE: `build-${process.pid}`,
      JWT_SECRET: 'production-build-test-secret-0123456789',
      DATA_DIR: runDir,
      LOG_LEVEL: 'info',
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      INITIAL_ADMIN_USERNAME: 'root-admin',
      INITIAL_ADMIN_PASSWORD: 'a-long-first-password',
    };
    delete env.WORKER_METRICS_PORT;

    // The API first, so its migrations are not counted in the worker's start.
    api = startNode('dist/api/main.js', env);
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    await until('api', async () => (await fetch(`${apiUrl}/healthz`, { signal: AbortSignal.timeout(2000) })).status === 200, 90_000,
      () => api!.child.exitCode !== null);

    const started = Date.now();
    worker = startNode('dist/workers/main.js', env);
    await until('worker', async () => worker!.output().includes('"msg":"worker running"'), 90_000, () => worker!.child.exitCode !== null);
    const workerStartSeconds = (Date.now() - started) / 1000;
    console.log(`      compiled worker ready in ${workerStartSeconds.toFixed(1)} s (prebuilt workflow bundle)`);
    expect(worker.output()).to.include('"workflows":"prebuilt"');
    expect(workerStartSeconds).to.be.below(30);

    const login = await fetch(`${apiUrl}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'root-admin', password: 'a-long-first-password' }),
    });
    expect(login.status).to.equal(200);
    const { token } = await login.json() as { token: string };
    const users = await fetch(`${apiUrl}/api/users`, { headers: { authorization: `Bearer ${token}` } });
    expect(users.status).to.equal(200);
    const accounts = await users.json() as Array<{ username: string; role: string }>;
    expect(accounts.map((account) => [account.username, account.role])).to.deep.include(['root-admin', 'admin']);

    // The console is served from the project's console/dist by the compiled API too.
    const page = await fetch(`${apiUrl}/`, { headers: { accept: 'text/html' } });
    expect([page.status, await page.text()]).to.satisfy(([status, html]: [number, string]) => status === 200 && html.includes('<div id="root">'));
  });
});
