// What one measured round of `npm run bench:e2e` records: the latency of every call by route,
// failures, and the CPU seconds of each process between the round's start and end.
import type { BenchProcess } from './processes';

export class Latencies {
  private readonly byRoute = new Map<string, number[]>();
  failures = 0;
  readonly failureSamples: string[] = [];

  /** Times one call under `route`; a throw counts as a failure and is rethrown. */
  async time<T>(route: string, call: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await call();
    } catch (err) {
      this.failures += 1;
      if (this.failureSamples.length < 5) this.failureSamples.push(`${route}: ${err instanceof Error ? err.message : String(err)}`);
      throw err;
    } finally {
      const list = this.byRoute.get(route) ?? [];
      list.push(performance.now() - started);
      this.byRoute.set(route, list);
    }
  }

  routes(): string[] {
    return [...this.byRoute.keys()];
  }

  count(route: string): number {
    return this.byRoute.get(route)?.length ?? 0;
  }

  /** Nearest-rank percentile in milliseconds. */
  percentile(route: string, p: number): number {
    const sorted = [...(this.byRoute.get(route) ?? [])].sort((a, b) => a - b);
    if (!sorted.length) return NaN;
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
  }

  merge(other: Latencies): void {
    for (const route of other.routes()) this.byRoute.set(route, [...(this.byRoute.get(route) ?? []), ...other.byRoute.get(route)!]);
    this.failures += other.failures;
    this.failureSamples.push(...other.failureSamples.slice(0, Math.max(0, 5 - this.failureSamples.length)));
  }
}

export interface RoundResult {
  side: 'A' | 'B';
  round: number;
  cases: number;
  steps: number;
  seconds: number;
  latencies: Latencies;
  /** CPU seconds per process name during the round (the bench's own clients under `clients`). */
  cpu: Record<string, number>;
}

/** CPU seconds of each process (and of this process, as `clients`) spent while `run` runs. */
export async function measureCpu<T>(processes: BenchProcess[], run: () => Promise<T>): Promise<{ value: T; cpu: Record<string, number> }> {
  const before = processes.map((p) => p.cpuSeconds());
  const self = process.cpuUsage();
  const value = await run();
  const selfUsed = process.cpuUsage(self);
  const cpu: Record<string, number> = {};
  processes.forEach((p, i) => { cpu[p.name] = p.cpuSeconds() - before[i]; });
  cpu.clients = (selfUsed.user + selfUsed.system) / 1e6;
  return { value, cpu };
}

/** `lanes` closed-loop clients, each driving one case at a time until `cases` have started. */
export async function closedLoop(cases: number, lanes: number, driveCase: (index: number) => Promise<void>): Promise<number> {
  let next = 0;
  let finished = 0;
  const lane = async (): Promise<void> => {
    while (next < cases) {
      const index = next++;
      await driveCase(index).then(() => { finished += 1; }, () => undefined);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, lanes) }, lane));
  return finished;
}

export function table(header: string[], rows: Array<Array<string | number>>): string {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]): string => `| ${row.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
}
