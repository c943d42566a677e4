// `npm run bench:timers [-- --steps N] [-- --steps-per-server S] [-- --stall-minutes M]`: how
// long N open steps due in the same minute take to drain their escalation ladders (warning,
// overdue with the leader's notice, 督办 order, accountability record) on the time-skipping
// server, and the worker process's peak RSS. Runs the workers in this process against a fresh
// MySQL database (BENCH_DB=sqljs for in-memory sql.js). The steps are accepted on Monday
// 2030-10-21 09:00 with a limit of 1 working day: due Tue 17:30, 督办 Thu 17:30, accountability
// the next Monday 17:30.
//
// The steps are spread over time-skipping servers of at most S steps each (default 1,000), one
// worker per server, all in this process and on the one database. The test server keeps a record
// of every time-skipping lock it ever took and walks it on every timer it fires, so one server
// slows down with all the work it has already done (200 workflows of five activities take 2.5 s
// on a fresh server and 11 s after 4,000 of them): on a single server the run would measure that
// record, not the worker.
//
// Progress (rung counts and the servers' clocks) is printed every 10 s. The run fails with exit
// code 1 when nothing new is recorded for --stall-minutes (default 5), when a rung count is not N
// at the end, or when a server cannot move its clock.
import { parseArgs } from 'node:util';
import { Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { DataSource } from 'typeorm';
import { createCalendarService, seedCalendar } from '../activities/calendar-service';
import { AuditEvent, Notification } from '../entities';
import { openDatabase } from '../entities/data-source';
import { createActivities } from '../workers/worker';
import { projectBatchCases, startBatchSteps } from '../test/workflows/batch';
import { dropMysqlDatabase, freshMysqlDatabase } from '../test/support/mysql';
import { timeSkippingEnvironment, workflowBundle } from '../test/support/temporal';
import { declaredYear, testEra } from '../test/support/test-era';

const { values } = parseArgs({
  options: {
    steps: { type: 'string', default: '10000' },
    'steps-per-server': { type: 'string', default: '1000' },
    matters: { type: 'string', default: '10' },
    'stall-minutes': { type: 'string', default: '5' },
  },
});
const steps = Number(values.steps);
const stepsPerServer = Number(values['steps-per-server']);
const mattersPerCase = Number(values.matters);
const stallMs = Number(values['stall-minutes']) * 60_000;

const RUNGS = ['WARNING', 'OVERDUE', 'SUPERVISION_ORDER_OPENED', 'ACCOUNTABILITY_RECORDED'] as const;
/** The instants run on a declared 2030 in the run's era (test/support/test-era.ts): any date works. */
const era = testEra('2030-10-21T09:00:00');
const ACCEPTED_AT = Date.parse(`${era('2030-10-21T09:00:00')}+08:00`);
/** The morning after the last accountability instant (Mon 2030-10-28 17:30). */
const DRAINED_BY = Date.parse(`${era('2030-10-29T09:00:00')}+08:00`);

class BenchFailure extends Error {}

/** One time-skipping server with its worker and its share of the steps. */
interface Shard {
  env: TestWorkflowEnvironment;
  worker: Worker;
  running: Promise<void>;
  steps: number;
}

async function main(): Promise<void> {
  const useMysql = process.env.BENCH_DB !== 'sqljs';
  const database = `approval_bench_${process.pid}`;
  const db = await openDatabase(useMysql ? { url: await freshMysqlDatabase(database), dataDir: 'data' } : { url: 'sqljs::memory' });
  await seedCalendar(db);
  await declaredYear(db, era, 2030);
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  const shares = Array.from({ length: Math.ceil(steps / stepsPerServer) }, (_, i) => Math.min(stepsPerServer, steps - i * stepsPerServer));
  const shards: Shard[] = [];
  let failure: unknown;
  try {
    for (const share of shares) shards.push(await startShard(db, share, shares.length));
    const baselineRss = process.memoryUsage().rss;
    await measure(db, shards, useMysql, { peak: () => peakRss, baseline: baselineRss });
  } catch (err) {
    failure = err;
  }
  clearInterval(sampler);
  try {
    // After a stall a worker may never finish its tasks: do not let clean-up hang the exit.
    for (const { worker } of shards) worker.shutdown();
    await withinSeconds(failure ? 30 : 600, Promise.all(shards.map(({ running }) => running)));
    await Promise.all(shards.map(({ env }) => env.teardown()));
    await db.destroy();
    if (useMysql) await dropMysqlDatabase(database);
  } catch (err) {
    if (!failure) throw err;
    console.error('clean-up after the failure did not finish:', err);
  }
  if (failure) throw failure;
}

async function startShard(db: DataSource, share: number, shardCount: number): Promise<Shard> {
  const env = await timeSkippingEnvironment();
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: 'bench-timers',
    workflowBundle: await workflowBundle(),
    activities: createActivities(db, createCalendarService({ db })),
    // About 200 activities at once over all workers, as many as the database pool can queue.
    maxConcurrentActivityTaskExecutions: Math.max(20, Math.ceil(200 / shardCount)),
    maxCachedWorkflows: share + 100,
  });
  return { env, worker, running: worker.run(), steps: share };
}

async function measure(db: DataSource, shards: Shard[], useMysql: boolean, rss: { peak: () => number; baseline: number }): Promise<void> {
  const progress = new Progress(db, shards.map(({ env }) => env));
  await Promise.all(shards.map(async ({ env }) => env.sleep(ACCEPTED_AT - (await env.currentTimeMs()))));
  const started = performance.now();
  // Every shard's cases are written before any step starts, so no case insert races the projections.
  const batches = [];
  for (const { env, steps: share } of shards) {
    const options = { steps: share, mattersPerCase, committedDays: 1, acceptedAt: new Date(await env.currentTimeMs()).toISOString() };
    batches.push({ env, options, cases: await progress.watch('projecting the cases', projectBatchCases(db, options)) });
  }
  await progress.watch('start', Promise.all(batches.map(({ env, options, cases }) => startBatchSteps(env.client, 'bench-timers', cases, options))));
  const dispatched = await progress.waitFor('DISPATCHED', steps);
  const startSeconds = (performance.now() - started) / 1000;

  // A server's clock stops at each wave of timers until its worker has handled it, so each of
  // these calls returns only when its ladders have drained (or its clock cannot move).
  const drainStart = performance.now();
  const drained = Promise.all(shards.map(async ({ env }) => env.sleep(DRAINED_BY - (await env.currentTimeMs()))));
  const recorded = await progress.waitFor('ACCOUNTABILITY_RECORDED', steps, drained);
  const drainSeconds = (performance.now() - drainStart) / 1000;
  await progress.watch('advancing the clocks past the last deadline', drained);

  const ladderEvents = Object.fromEntries(await Promise.all(RUNGS.map(async (action) => [action, await count(db, action)] as const)));
  console.log(JSON.stringify({
    steps, dispatched, accountabilityRecords: recorded,
    database: useMysql ? 'mysql' : 'sqljs',
    servers: shards.length,
    startSeconds: round(startSeconds),
    drainSeconds: round(drainSeconds),
    laddersPerSecond: round(steps / drainSeconds),
    peakRssMiB: round(rss.peak() / 2 ** 20),
    // The process with its workers running and no step started yet.
    baselineRssMiB: round(rss.baseline / 2 ** 20),
    ladderEvents,
    notifications: await db.getRepository(Notification).count(),
  }, null, 2));
  const wrong = Object.entries(ladderEvents).filter(([, n]) => n !== steps);
  if (wrong.length > 0) throw new BenchFailure(`every rung must be climbed exactly ${steps} times; got ${JSON.stringify(Object.fromEntries(wrong))}`);
}

/** Reports progress every 10 s and fails the run when nothing new is recorded for too long. */
class Progress {
  private lastTotal = -1;
  private lastChange = performance.now();

  constructor(private readonly db: DataSource, private readonly envs: TestWorkflowEnvironment[]) {}

  /** Polls until `expected` events of `action` are recorded; `alongside` failing fails the wait. */
  async waitFor(action: string, expected: number, alongside?: Promise<unknown>): Promise<number> {
    let failure: unknown;
    alongside?.catch((err) => {
      failure = err;
    });
    let lastReport = performance.now();
    for (;;) {
      if (failure) throw failure;
      const n = await count(this.db, action);
      if (n >= expected) return n;
      await this.check(`waiting for ${action} ${n}/${expected}`);
      if (performance.now() - lastReport > 10_000) {
        await this.report(`${action} ${n}/${expected}`);
        lastReport = performance.now();
      }
      await sleep(500);
    }
  }

  /** Awaits `work`, with the same reports and stall check. */
  async watch<T>(what: string, work: Promise<T>): Promise<T> {
    let done = false;
    const settled = work.finally(() => {
      done = true;
    });
    let lastReport = performance.now();
    while (!done) {
      await Promise.race([settled.catch(() => undefined), sleep(500)]);
      if (done) break;
      await this.check(what);
      if (performance.now() - lastReport > 10_000) {
        await this.report(what);
        lastReport = performance.now();
      }
    }
    return settled;
  }

  private async check(what: string): Promise<void> {
    const total = await this.db.getRepository(AuditEvent).count() + await this.db.getRepository(Notification).count();
    if (total !== this.lastTotal) {
      this.lastTotal = total;
      this.lastChange = performance.now();
      return;
    }
    if (performance.now() - this.lastChange < stallMs) return;
    const idle = Math.round((performance.now() - this.lastChange) / 1000);
    throw new BenchFailure(`stalled while ${what}: nothing recorded for ${idle} s; ${await this.describe()}`);
  }

  private async report(what: string): Promise<void> {
    console.error(`… ${what}; ${await this.describe()}`);
  }

  private async describe(): Promise<string> {
    const rows = await this.db.getRepository(AuditEvent).createQueryBuilder('e')
      .select('e.action', 'action').addSelect('COUNT(*)', 'n').groupBy('e.action').getRawMany<{ action: string; n: string | number }>();
    const counts = rows.map(({ action, n }) => `${action}=${n}`).join(' ');
    const clocks = await Promise.all(this.envs.map((env) => withinSeconds(10, env.currentTimeMs()).then((ms) => new Date(ms).toISOString(), () => 'not answering')));
    const range = [...new Set([clocks.reduce((a, b) => (a < b ? a : b)), clocks.reduce((a, b) => (a > b ? a : b))])].join(' … ');
    return `${counts}; server clock ${range}; rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB`;
  }
}

function count(db: DataSource, action: string): Promise<number> {
  return db.getRepository(AuditEvent).countBy({ action });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function withinSeconds<T>(seconds: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BenchFailure(`no answer within ${seconds} s`)), seconds * 1000);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const round = (value: number): number => Math.round(value * 100) / 100;

main().then(() => process.exit(0), (err) => {
  console.error(err instanceof BenchFailure ? `bench:timers failed: ${err.message}` : err);
  process.exit(1);
});
