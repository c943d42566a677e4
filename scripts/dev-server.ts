// The embedded Temporal server of `npm start`: the real `temporal server start-dev`, persisted
// to a SQLite file in WAL mode under the data directory so cases survive a restart, with the
// custom search attributes registered.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { searchAttributeFlags } from '../config/search-attributes';
import { dynamicConfigFlags } from '../config/temporal-server';

export interface DevServer {
  address: string;
  uiUrl: string;
  stop(): Promise<void>;
}

export interface DevServerOptions {
  cliPath: string;
  dataDir: string;
  port: number;
  uiPort: number;
}

export async function startDevServer({ cliPath, dataDir, port, uiPort }: DevServerOptions): Promise<DevServer> {
  mkdirSync(dataDir, { recursive: true });
  const child = spawn(cliPath, [
    'server', 'start-dev',
    '--ip', '127.0.0.1',
    '--port', String(port),
    '--ui-port', String(uiPort),
    '--db-filename', path.join(dataDir, 'temporal.sqlite'),
    '--sqlite-pragma', 'journal_mode=wal',
    '--sqlite-pragma', 'synchronous=normal',
    '--log-level', 'warn',
    // Registered on every start (it is idempotent), so a data directory from before gets them too.
    ...searchAttributeFlags(),
    ...dynamicConfigFlags(),
  ], { stdio: ['ignore', 'ignore', openSync(path.join(dataDir, 'temporal-server.log'), 'a')] });
  const address = `127.0.0.1:${port}`;
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await waitUntilServing(address, child, exited);
  return { address, uiUrl: `http://127.0.0.1:${uiPort}`, stop: () => stopChild(child, exited) };
}

async function waitUntilServing(address: string, child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  const deadline = Date.now() + 60_000;
  let stopped = false;
  void exited.then(() => { stopped = true; });
  while (Date.now() < deadline) {
    if (stopped) throw new Error(`temporal dev server exited with code ${child.exitCode}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      await connection.workflowService.getSystemInfo({});
      await connection.close();
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  child.kill('SIGTERM');
  throw new Error(`temporal dev server did not answer on ${address} within 60 s`);
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
