// `npm run bench:e2e [-- --clients 8 --cases N --rounds 2 --code source|dist]`: this system over
// HTTP (A: Temporal dev server, worker and API as separate processes, MySQL) against the
// bare-Temporal baseline of the same message shape (B: bench/baseline/, no database), each on its
// own dev server, in alternating measured rounds A, B, A, B, … of N cases with C closed-loop clients.
// Prints throughput, per-route latency, CPU seconds per process, history size per case and the
// ratios A/B.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { temporalBinaries } from '../scripts/temporal-binaries';
import { startBaseline } from './e2e/baseline';
import { historyFigures, perCase, type HistoryFigures } from './e2e/histories';
import { caseShape } from './e2e/shape';
import { closedLoop, Latencies, measureCpu, table, type RoundResult } from './e2e/stats';
import { startSystem, type Side } from './e2e/system';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '8' },
    cases: { type: 'string', default: '40' },
    rounds: { type: 'string', default: '2' },
    'warm-up': { type: 'string', default: '4' },
    code: { type: 'string', default: 'source' },
    keep: { type: 'boolean', default: false },
  },
});
const positive = (name: 'clients' | 'cases' | 'rounds' | 'warm-up'): number => {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a non-negative integer`);
  return value;
};
const log = (line: string): void => console.error(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const fixed = (value: number, digits = 1): string => (Number.isFinite(value) ? value.toFixed(digits) : '–');

async function round(side: Side, name: 'A' | 'B', index: number, cases: number, clients: number, offset: number, stepsPerCase: number): Promise<RoundResult> {
  const latencies = new Latencies();
  const started = performance.now();
  const { value: finished, cpu } = await measureCpu(side.processes, () => closedLoop(cases, clients, (i) => side.driveCase(offset + i, latencies)));
  const seconds = (performance.now() - started) / 1000;
  return { side: name, round: index, cases: finished, steps: finished * stepsPerCase, seconds, latencies, cpu };
}

async function main(): Promise<void> {
  const clients = Math.max(1, positive('clients'));
  const cases = Math.max(1, positive('cases'));
  const rounds = Math.max(1, positive('rounds'));
  const code = values.code === 'dist' ? 'dist' : 'source';
  const shape = caseShape(5);
  const stepsPerCase = shape.matterCodes.length;
  const runDir = mkdtempSync(path.join(os.tmpdir(), 'approval-bench-e2e-'));
  const options = { root: path.join(__dirname, '..'), runDir, cli: temporalBinaries().cli, shape, code } as const;
  log(`shape: ${stepsPerCase} matters (${shape.matterCodes.join(', ')}), ${clients} clients, ${cases} cases × ${rounds} rounds per side, logs in ${runDir}`);

  const sides: Partial<Record<'A' | 'B', Side>> = {};
  const results: RoundResult[] = [];
  const finished: Record<'A' | 'B', number[]> = { A: [], B: [] };
  const started = new Date();
  try {
    sides.A = await startSystem(options);
    log(`A up: worker ${fixed(sides.A.startSeconds['A-worker'])} s, api ${fixed(sides.A.startSeconds['A-api'])} s`);
    sides.B = await startBaseline(options);
    log(`B up: worker ${fixed(sides.B.startSeconds['B-worker'])} s`);
    let offset = 0;
    const warmUp = positive('warm-up');
    for (const name of ['A', 'B'] as const) {
      await closedLoop(warmUp, clients, (i) => sides[name]!.driveCase(offset + i, new Latencies()));
    }
    offset += warmUp;
    for (let r = 1; r <= rounds; r += 1) {
      for (const name of ['A', 'B'] as const) {
        const result = await round(sides[name]!, name, r, cases, clients, offset, stepsPerCase);
        results.push(result);
        finished[name].push(...Array.from({ length: cases }, (_, i) => offset + i));
        offset += cases;
        log(`${name} round ${r}: ${result.cases}/${cases} cases in ${fixed(result.seconds)} s, ${fixed(result.steps / result.seconds, 2)} steps/s, ${result.latencies.failures} failures`);
      }
    }
    // A moment for the last workflows to close, then a few histories of each side.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const histories: Record<string, HistoryFigures> = {};
    for (const name of ['A', 'B'] as const) {
      histories[name] = await historyFigures(sides[name]!.temporal, finished[name].slice(-5).map((i) => sides[name]!.workflowIds(i)));
    }
    report({ results, histories, clients, cases, rounds, stepsPerCase, shape: shape.matterCodes, started, sides: sides as Record<'A' | 'B', Side>, code });
  } finally {
    await sides.A?.stop().catch((err: unknown) => log(`stopping A: ${String(err)}`));
    await sides.B?.stop().catch((err: unknown) => log(`stopping B: ${String(err)}`));
    if (!values.keep) rmSync(runDir, { recursive: true, force: true });
  }
}

interface Report {
  results: RoundResult[];
  histories: Record<string, HistoryFigures>;
  clients: number;
  cases: number;
  rounds: number;
  stepsPerCase: number;
  shape: string[];
  started: Date;
  sides: Record<'A' | 'B', Side>;
  code: string;
}

function report({ results, histories, clients, cases, rounds, stepsPerCase, shape, started, sides, code }: Report): void {
  const of = (side: 'A' | 'B') => results.filter((r) => r.side === side);
  const sum = (list: RoundResult[], pick: (r: RoundResult) => number) => list.reduce((total, r) => total + pick(r), 0);
  const merged = (side: 'A' | 'B') => of(side).reduce((all, r) => { all.merge(r.latencies); return all; }, new Latencies());
  const range = (list: number[], digits = 2) => (list.length ? `${fixed(Math.min(...list), digits)}–${fixed(Math.max(...list), digits)}` : '–');
  console.log(`\nbench:e2e ${started.toISOString().slice(0, 16)}Z · ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}) · ${clients} clients · ${cases} cases × ${rounds} rounds per side · A from ${code}`);
  console.log(`case shape (A and B): ${stepsPerCase} steps (${shape.join(', ')}): register, accept, claim + approve per step, deliver\n`);
  console.log(table(['round', 'side', 'cases', 'seconds', 'steps/s', 'cases/s', 'failures', 'CPU s (process)'], results.map((r) => [
    r.round, r.side, r.cases, fixed(r.seconds), fixed(r.steps / r.seconds, 2), fixed(r.cases / r.seconds, 2), r.latencies.failures,
    Object.entries(r.cpu).map(([name, s]) => `${name} ${fixed(s)}`).join(', '),
  ])));
  for (const side of ['A', 'B'] as const) {
    const latencies = merged(side);
    console.log(`\n${side}: latency per ${side === 'A' ? 'HTTP route' : 'call'} (ms)`);
    console.log(table(['route', 'n', 'p50', 'p95', 'p99'], latencies.routes().map((route) => [
      route, latencies.count(route), fixed(latencies.percentile(route, 50), 0), fixed(latencies.percentile(route, 95), 0), fixed(latencies.percentile(route, 99), 0),
    ])));
    if (latencies.failureSamples.length) console.log(`failures: ${latencies.failureSamples.join(' · ')}`);
  }
  const cpuPerCase = (side: 'A' | 'B') => {
    const list = of(side);
    const done = Math.max(1, sum(list, (r) => r.cases));
    const names = Object.keys(list[0]?.cpu ?? {});
    return Object.fromEntries(names.map((name) => [name, sum(list, (r) => r.cpu[name]) / done]));
  };
  const cpuA = cpuPerCase('A');
  const cpuB = cpuPerCase('B');
  const server = (cpu: Record<string, number>) => Object.entries(cpu).filter(([name]) => name !== 'clients').reduce((t, [, s]) => t + s, 0);
  console.log('\nCPU seconds per case');
  console.log(table(['side', 'per process', 'servers total'], [
    ['A', Object.entries(cpuA).map(([n, s]) => `${n} ${fixed(s, 3)}`).join(', '), fixed(server(cpuA), 3)],
    ['B', Object.entries(cpuB).map(([n, s]) => `${n} ${fixed(s, 3)}`).join(', '), fixed(server(cpuB), 3)],
  ]));
  const hA = perCase(histories.A);
  const hB = perCase(histories.B);
  console.log('\nhistory per finished case (last 5 cases of each side)');
  console.log(table(['side', 'workflows', 'events', 'workflow tasks', 'KB', 'still running'], [
    ['A', histories.A.workflows / histories.A.cases, fixed(hA.events, 0), fixed(hA.workflowTasks, 0), fixed(hA.kb), histories.A.stillRunning],
    ['B', histories.B.workflows / histories.B.cases, fixed(hB.events, 0), fixed(hB.workflowTasks, 0), fixed(hB.kb), histories.B.stillRunning],
  ]));
  const rate = (side: 'A' | 'B') => of(side).map((r) => r.steps / r.seconds);
  const mean = (list: number[]) => list.reduce((a, b) => a + b, 0) / Math.max(1, list.length);
  const approveA = merged('A').percentile('POST /api/steps/:id/approve', 99);
  const approveB = merged('B').percentile('approve', 99);
  console.log('\nA / B');
  console.log(table(['measure', 'A', 'B', 'A/B'], [
    ['steps/s (per round)', range(rate('A')), range(rate('B')), fixed(mean(rate('A')) / mean(rate('B')), 2)],
    ['cases/s (mean)', fixed(mean(rate('A')) / stepsPerCase, 2), fixed(mean(rate('B')) / stepsPerCase, 2), fixed(mean(rate('A')) / mean(rate('B')), 2)],
    ['approve p99 (ms)', fixed(approveA, 0), fixed(approveB, 0), `${fixed(approveA / approveB, 1)}×`],
    ['history events per case', fixed(hA.events, 0), fixed(hB.events, 0), `${fixed(hA.events / hB.events, 1)}×`],
    ['workflow tasks per case', fixed(hA.workflowTasks, 0), fixed(hB.workflowTasks, 0), `${fixed(hA.workflowTasks / hB.workflowTasks, 1)}×`],
    ['server CPU s per case', fixed(server(cpuA), 3), fixed(server(cpuB), 3), `${fixed(server(cpuA) / server(cpuB), 1)}×`],
    ['worker start (s)', fixed(sides.A.startSeconds['A-worker']), fixed(sides.B.startSeconds['B-worker']), '–'],
  ]));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
