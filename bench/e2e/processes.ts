// The processes of one side of `npm run bench:e2e`, each a single OS process so its CPU time can
// be read from /proc: the Temporal dev server (the CLI binary), and node running a TypeScript
// entry through tsx's require hook, or a compiled file.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { freePort, until } from '../chaos/processes';
import { searchAttributeFlags } from '../../config/search-attributes';
import { dynamicConfigFlags } from '../../config/temporal-server';

export interface BenchProcess {
  readonly name: string;
  readonly pid: number;
  /** utime + stime so far, in seconds. */
  cpuSeconds(): number;
  /** Resident set size now, in MiB. */
  rssMiB(): number;
  stop(): Promise<void>;
}

const TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

function procStat(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name, which may hold spaces: state is field 3, utime 14, stime 15, rss 24.
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

export function cpuSecondsOf(pid: number): number {
  const fields = procStat(pid);
  return (Number(fields[11]) + Number(fields[12])) / TICKS;
}

function wrap(name: string, child: ChildProcess, logFile: string): { process: BenchProcess; output: () => string; dead: () => boolean } {
  const log = createWriteStream(logFile, { flags: 'a' });
  let output = '';
  const keep = (chunk: Buffer): void => {
    log.write(chunk);
    if (output.length < 200_000) output += chunk.toString('utf8');
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const dead = (): boolean => child.exitCode !== null || child.signalCode !== null;
  const pid = child.pid!;
  return {
    output: () => output,
    dead,
    process: {
      name,
      pid,
      cpuSeconds: () => cpuSecondsOf(pid),
      rssMiB: () => (Number(procStat(pid)[21]) * 4096) / 2 ** 20,
      stop: async () => {
        if (!dead()) {
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          await exited;
          clearTimeout(timer);
        }
        await new Promise<void>((resolve) => log.end(resolve));
      },
    },
  };
}

export interface DevServerProcess extends BenchProcess { address: string }

/** `temporal server start-dev` on free ports, persisted to a SQLite file in WAL mode like `npm start`. */
export async function startTemporal(name: string, cli: string, runDir: string): Promise<DevServerProcess> {
  const [grpc, http, metrics] = [await freePort(), await freePort(), await freePort()];
  const child = spawn(cli, [
    'server', 'start-dev', '--headless', '--ip', '127.0.0.1',
    '--port', String(grpc), '--http-port', String(http), '--metrics-port', String(metrics),
    '--db-filename', path.join(runDir, `${name}.sqlite`),
    '--sqlite-pragma', 'journal_mode=wal', '--sqlite-pragma', 'synchronous=normal', '--log-level', 'warn',
    ...searchAttributeFlags(),
    ...dynamicConfigFlags(),
  ], { stdio: ['ignore', 'pipe', 'pipe'] });
  const started = wrap(name, child, path.join(runDir, `${name}.log`));
  const address = `127.0.0.1:${grpc}`;
  await until(name, async () => {
    const connection = await Connection.connect({ address, connectTimeout: 1000 });
    try {
      await connection.workflowService.getSystemInfo({});
      return true;
    } finally {
      await connection.close();
    }
  }, 120_000, started.dead);
  return { ...started.process, address };
}

export interface NodeLaunch {
  name: string;
  /** A .ts entry runs through tsx's require hook in the same process; a .js entry runs as it is. */
  entry: string;
  env: NodeJS.ProcessEnv;
  cwd: string;
  runDir: string;
  /** node options before the entry (after tsx's hook), e.g. `--max-old-space-size=512` or a `--require` preload. */
  nodeArgs?: string[];
  /** True once the process serves; `output` is what it printed. */
  ready: (output: string) => Promise<boolean>;
}

export async function startNode(launch: NodeLaunch): Promise<BenchProcess & { startSeconds: number }> {
  const started = Date.now();
  const args = [...(launch.entry.endsWith('.ts') ? ['--require', 'tsx/cjs'] : []), ...(launch.nodeArgs ?? []), launch.entry];
  const child = spawn(process.execPath, args, { cwd: launch.cwd, env: launch.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const wrapped = wrap(launch.name, child, path.join(launch.runDir, `${launch.name}.log`));
  await until(launch.name, () => launch.ready(wrapped.output()), 300_000, wrapped.dead);
  return { ...wrapped.process, startSeconds: (Date.now() - started) / 1000 };
}
