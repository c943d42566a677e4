// `npm run bench:memory [-- --caches sdk,200,50 --steps 0,100,200,400,800 --clients 8 --samples 5 --heap MiB]`:
// the worker's memory per open case, for each sticky cache size (WORKER_MAX_CACHED_WORKFLOWS; `sdk`:
// Temporal's default for this machine's heap limit). For each size, a fresh system (bench/memory/system.ts)
// opens cases over HTTP in steps — the 5-matter shape of bench:e2e, registered with complete
// materials and accepted, so a case workflow and five step workflows run — and after each step
// records the worker's RSS (/proc), the V8 heap used by its main and workflow threads after a full
// collection, and the runs in its cache. Then the replay cost of an evicted case: the first claim
// of a step of the oldest cases (long evicted when the cache is smaller than the open runs) against
// one of the newest (still cached), with the history length the evicted step replays.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { getHeapStatistics } from 'node:v8';
import { temporalBinaries } from '../scripts/temporal-binaries';
import { caseShape } from './e2e/shape';
import { closedLoop, table } from './e2e/stats';
import { startMemorySystem } from './memory/system';

const { values } = parseArgs({
  options: {
    caches: { type: 'string', default: 'sdk,200,50' },
    steps: { type: 'string', default: '0,100,200,400,800' },
    clients: { type: 'string', default: '8' },
    samples: { type: 'string', default: '5' },
    heap: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const log = (line: string): void => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const fixed = (value: number, digits = 1): string => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const MiB = 2 ** 20;
const numbers = (raw: string, name: string): number[] => raw.split(',').map((part) => {
  const value = Number(part);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name}: ${part} is not a non-negative integer`);
  return value;
});
const median = (list: number[]): number => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : NaN;
};

/** Temporal's default maxCachedWorkflows (reuseV8Context): 600 runs per GiB of heap limit above 200 MiB, at least 10. */
function sdkDefaultCache(heapLimitMiB: number): number {
  return Math.max(Math.floor((Math.max(heapLimitMiB - 200, 0) * 600) / 1024), 10);
}

interface Point { openCases: number; cached: number; rssMiB: number; mainHeapMiB: number; workflowHeapMiB: number; seconds: number }
interface Replay { cached: number[]; evicted: number[]; evictedHistoryEvents: number[]; cachedHistoryEvents: number[] }
interface Run { label: string; cache: number; heapLimitMiB: number; points: Point[]; replay: Replay; failures: number }

async function measure(label: string, cache: number, steps: number[], clients: number, samples: number, heapMiB: number | undefined, runDir: string): Promise<Run> {
  const shape = caseShape(5);
  const system = await startMemorySystem({ root: path.join(__dirname, '..'), runDir, cli: temporalBinaries().cli, shape, maxCachedWorkflows: cache, maxOldSpaceMiB: heapMiB, label: label.replace(/\W+/g, '-') });
  const points: Point[] = [];
  let failures = 0;
  try {
    let opened = 0;
    let heapLimitMiB = NaN;
    for (const target of steps) {
      const started = performance.now();
      const from = opened;
      await closedLoop(Math.max(0, target - from), clients, (i) => system.openCase(from + i).catch((err: unknown) => {
        failures += 1;
        if (failures <= 3) log(`${label}: ${String(err)}`);
        throw err;
      }));
      opened = Math.max(opened, target);
      const seconds = (performance.now() - started) / 1000;
      // A moment for the last workflow tasks and activities to settle.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const memory = await system.memory();
      heapLimitMiB = memory.heapLimitBytes / MiB;
      const point: Point = {
        openCases: opened, cached: await system.cachedWorkflows(), rssMiB: system.worker.rssMiB(),
        mainHeapMiB: memory.mainHeapUsedBytes / MiB, workflowHeapMiB: memory.threadHeapUsedBytes.reduce((a, b) => a + b, 0) / MiB, seconds,
      };
      points.push(point);
      log(`${label}: ${point.openCases} open cases (${fixed(seconds)} s), ${point.cached} cached runs, RSS ${fixed(point.rssMiB)} MiB, heap main ${fixed(point.mainHeapMiB)} + workflows ${fixed(point.workflowHeapMiB)} MiB`);
    }
    // Oldest first claimed: evicted if the cache holds fewer runs than are open. Newest: still cached.
    const replay: Replay = { cached: [], evicted: [], evictedHistoryEvents: [], cachedHistoryEvents: [] };
    for (let i = 0; i < Math.min(samples, Math.floor(opened / 2)); i += 1) {
      const [old, recent] = [i, opened - 1 - i];
      replay.evictedHistoryEvents.push(await system.firstStepHistoryEvents(old));
      replay.cachedHistoryEvents.push(await system.firstStepHistoryEvents(recent));
      replay.evicted.push(await system.claimFirstStep(old));
      replay.cached.push(await system.claimFirstStep(recent));
    }
    log(`${label}: claim of an old case ${replay.evicted.map((ms) => fixed(ms, 0)).join(', ')} ms; of a recent one ${replay.cached.map((ms) => fixed(ms, 0)).join(', ')} ms`);
    return { label, cache, heapLimitMiB, points, replay, failures };
  } finally {
    await system.stop().catch((err: unknown) => log(`stopping ${label}: ${String(err)}`));
  }
}

function report(runs: Run[], started: Date, clients: number): void {
  console.log(`\nbench:memory ${started.toISOString().slice(0, 16)}Z · ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}) · ${fixed(os.totalmem() / 2 ** 30)} GiB · node ${process.version} · ${clients} clients`);
  console.log('open case: registered with complete materials and accepted, five steps waiting for a claim (1 case + 5 step workflow runs)\n');
  const rows: Array<Array<string | number>> = [];
  for (const run of runs) {
    const base = run.points[0];
    run.points.forEach((point, i) => {
      const previous = run.points[i - 1];
      const slope = previous && point.openCases > previous.openCases ? (point.rssMiB - previous.rssMiB) / (point.openCases - previous.openCases) : NaN;
      const overall = base && point.openCases > base.openCases ? (point.rssMiB - base.rssMiB) / (point.openCases - base.openCases) : NaN;
      rows.push([
        `${run.label} (${run.cache})`, point.openCases, point.cached, fixed(point.rssMiB), fixed(point.mainHeapMiB), fixed(point.workflowHeapMiB),
        fixed(slope, 2), fixed(overall, 2),
      ]);
    });
  }
  console.log(table(['cache (runs)', 'open cases', 'cached runs', 'RSS MiB', 'heap main MiB', 'heap workflows MiB', 'MiB/case (step)', 'MiB/case (from 0)'], rows));
  console.log('\nfirst claim of a step: an old case (its runs evicted if open runs > cache) against one of the newest (cached)');
  console.log(table(['cache (runs)', 'heap limit MiB', 'open runs', 'claim, old case: median / max ms', 'claim, newest: median / max ms', 'step history replayed (events)', 'failed opens'], runs.map((run) => {
    const last = run.points[run.points.length - 1];
    return [
      `${run.label} (${run.cache})`, fixed(run.heapLimitMiB, 0), (last?.openCases ?? 0) * 6,
      `${fixed(median(run.replay.evicted), 0)} / ${fixed(Math.max(...run.replay.evicted), 0)}`,
      `${fixed(median(run.replay.cached), 0)} / ${fixed(Math.max(...run.replay.cached), 0)}`,
      `${Math.min(...run.replay.evictedHistoryEvents)}–${Math.max(...run.replay.evictedHistoryEvents)}`, run.failures,
    ];
  })));
}

async function main(): Promise<void> {
  const steps = numbers(values.steps!, 'steps').sort((a, b) => a - b);
  const clients = Math.max(1, numbers(values.clients!, 'clients')[0]);
  const samples = Math.max(1, numbers(values.samples!, 'samples')[0]);
  const heapMiB = values.heap ? numbers(values.heap, 'heap')[0] : undefined;
  // The worker gets the same heap limit as this process unless --heap says otherwise.
  const heapLimitMiB = heapMiB ?? getHeapStatistics().heap_size_limit / MiB;
  const caches = values.caches!.split(',').map((raw) => (raw === 'sdk'
    ? { label: 'SDK default', cache: sdkDefaultCache(heapLimitMiB) }
    : { label: `cache ${raw}`, cache: numbers(raw, 'caches')[0] }));
  const runDir = mkdtempSync(path.join(os.tmpdir(), 'approval-bench-memory-'));
  log(`caches ${caches.map((c) => `${c.label} = ${c.cache}`).join(', ')}; steps ${steps.join(', ')} open cases; logs in ${runDir}`);
  const started = new Date();
  const runs: Run[] = [];
  try {
    for (const { label, cache } of caches) runs.push(await measure(label, cache, steps, clients, samples, heapMiB, runDir));
    report(runs, started, clients);
  } finally {
    if (!values.keep) rmSync(runDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
