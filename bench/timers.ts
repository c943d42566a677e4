// `npm run bench:timers [-- --steps N]`: how long N open steps due in the same minute take to
// drain their escalation ladders (warning, overdue with the leader's notice, 督办 order,
// accountability record) on the time-skipping server, and the worker's peak RSS. Runs the worker
// in this process against a fresh MySQL database (BENCH_DB=sqljs for in-memory sql.js). The
// steps are accepted on Monday 2030-10-21 09:00 with a limit of 1 working day: due Tue 17:30,
// 督办 Thu 17:30, accountability the next Monday 17:30.
import { parseArgs } from 'node:util';
import { Worker } from '@temporalio/worker';
import { createCalendarService, seedCalendar } from '../activities/calendar-service';
import { AuditEvent, Notification } from '../entities';
import { openDatabase } from '../entities/data-source';
import { createActivities } from '../workers/worker';
import { startBatch } from '../test/workflows/batch';
import { dropMysqlDatabase, freshMysqlDatabase } from '../test/support/mysql';
import { advanceTime, timeSkippingEnvironment, workflowBundle } from '../test/support/temporal';

const { values } = parseArgs({ options: { steps: { type: 'string', default: '10000' }, matters: { type: 'string', default: '10' } } });
const steps = Number(values.steps);
const mattersPerCase = Number(values.matters);

async function main(): Promise<void> {
  const useMysql = process.env.BENCH_DB !== 'sqljs';
  const database = `approval_bench_${process.pid}`;
  const db = await openDatabase(useMysql ? { url: await freshMysqlDatabase(database), dataDir: 'data' } : { url: 'sqljs::memory' });
  await seedCalendar(db);
  const env = await timeSkippingEnvironment();
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 100);
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: 'bench-timers',
    workflowBundle: await workflowBundle(),
    activities: createActivities(db, createCalendarService({ db })),
    maxConcurrentActivityTaskExecutions: 200,
    maxCachedWorkflows: steps + 100,
  });
  const running = worker.run();
  try {
    await env.sleep(Date.parse('2030-10-21T09:00:00+08:00') - (await env.currentTimeMs()));
    const started = performance.now();
    const acceptedAt = new Date(await env.currentTimeMs()).toISOString();
    await startBatch(env.client, db, 'bench-timers', { steps, mattersPerCase, committedDays: 1, acceptedAt });
    const dispatched = await waitFor(db, 'DISPATCHED', steps);
    const startSeconds = (performance.now() - started) / 1000;

    const drainStart = performance.now();
    const sleeping = advanceTime(env, Date.parse('2030-10-29T09:00:00+08:00') - (await env.currentTimeMs()));
    const recorded = await waitFor(db, 'ACCOUNTABILITY_RECORDED', steps);
    const drainSeconds = (performance.now() - drainStart) / 1000;
    await sleeping;

    const counts = Object.fromEntries(await Promise.all(['WARNING', 'OVERDUE', 'SUPERVISION_ORDER_OPENED', 'ACCOUNTABILITY_RECORDED']
      .map(async (action) => [action, await db.getRepository(AuditEvent).countBy({ action })])));
    console.log(JSON.stringify({
      steps, dispatched, accountabilityRecords: recorded,
      database: useMysql ? 'mysql' : 'sqljs',
      startSeconds: round(startSeconds),
      drainSeconds: round(drainSeconds),
      laddersPerSecond: round(steps / drainSeconds),
      peakRssMiB: round(peakRss / 2 ** 20),
      ladderEvents: counts,
      notifications: await db.getRepository(Notification).count(),
    }, null, 2));
  } finally {
    clearInterval(sampler);
    worker.shutdown();
    await running;
    await env.teardown();
    await db.destroy();
    if (useMysql) await dropMysqlDatabase(database);
  }
}

/** Polls until `expected` events of `action` are recorded, printing progress every 10 s. */
async function waitFor(db: Awaited<ReturnType<typeof openDatabase>>, action: string, expected: number): Promise<number> {
  let lastReport = performance.now();
  for (;;) {
    const count = await db.getRepository(AuditEvent).countBy({ action });
    if (count >= expected) return count;
    if (performance.now() - lastReport > 10_000) {
      console.error(`… ${action}: ${count}/${expected}`);
      lastReport = performance.now();
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

const round = (value: number): number => Math.round(value * 100) / 100;

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
