// The faults: kill -9 of the worker, the Temporal dev server or the API, each restarted after a
// short pause on the same ports and files. They are spread over the run by progress (the share of
// the clients' writes answered), one at a time, so each lands while cases are in flight.
import type { Deployment, Role } from './processes';

export interface FaultCounts {
  worker: number;
  temporal: number;
  api: number;
}

export interface Fault {
  role: Role;
  /** Share of the expected writes answered when it fires. */
  at: number;
  firedAt?: number;
  /** Writes the clients had sent and not yet had answered at the kill. */
  writesInFlight?: number;
  /** From the kill to the restarted process serving again. */
  downMs?: number;
}

/** Each kind evenly over the run, interleaved, between 5 % and 85 % of the writes. */
export function faultPlan(counts: FaultCounts): Fault[] {
  const plan = (['worker', 'temporal', 'api'] as const).flatMap((role) =>
    Array.from({ length: counts[role] }, (_, i) => ({ role, spot: (i + 0.5) / counts[role] })));
  plan.sort((a, b) => a.spot - b.spot);
  return plan.map(({ role }, i) => ({ role, at: 0.05 + (0.8 * i) / Math.max(1, plan.length - 1) }));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Fires the plan in order while `progress()` climbs; stops early once `finished()` (faults not
 * yet fired are left unfired and show in the figures).
 */
export async function injectFaults(deployment: Deployment, plan: Fault[], options: {
  progress: () => number;
  finished: () => boolean;
  writesInFlight: () => number;
  /** Writes in flight that make a busy moment to kill in. */
  busy: number;
  pauseMs: number;
  log: (line: string) => void;
}): Promise<void> {
  for (const fault of plan) {
    while (options.progress() < fault.at) {
      if (options.finished()) return;
      await sleep(200);
    }
    // A kill hurts most with writes under way: wait a little for a busy moment.
    for (const give = Date.now() + 5_000; options.writesInFlight() < options.busy && Date.now() < give && !options.finished();) await sleep(20);
    const target = deployment[fault.role];
    fault.firedAt = Date.now();
    fault.writesInFlight = options.writesInFlight();
    options.log(`kill -9 ${fault.role} at ${(options.progress() * 100).toFixed(0)} % of the writes, ${fault.writesInFlight} in flight`);
    await target.kill();
    await sleep(options.pauseMs);
    await target.start();
    fault.downMs = Date.now() - fault.firedAt;
    options.log(`${fault.role} back after ${(fault.downMs / 1000).toFixed(1)} s`);
  }
}
