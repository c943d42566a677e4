// `npm run bench:reads [-- --cases N --requests N]`: how fast the read routes answer with a
// grown database. Creates a fresh MySQL database, runs the migrations, bulk-seeds N cases
// (default 100 000) with their steps, metric facts and rollups, complaints and ratings, starts
// the API in this process (reads never touch Temporal), signs in, and times each route
// sequentially after a warm-up. Prints p50/p99 per route as JSON and drops the database.
import { parseArgs } from 'node:util';
import { seedCalendar } from '../activities/calendar-service';
import { openDatabase } from '../entities/data-source';
import { seedDemo } from '../entities/seed';
import { ApiClient } from '../test/support/http';
import { dropMysqlDatabase, freshMysqlDatabase } from '../test/support/mysql';
import { startReadApi } from '../test/support/read-api';
import { TEST_PASSWORD } from '../test/support/system';
import { seedReads } from './seed-reads';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '100000' }, requests: { type: 'string', default: '200' } } });
const cases = Number(values.cases);
const requests = Number(values.requests);
const TARGET_P99_MS = 100;

const shanghaiDay = (offsetDays: number): string => new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

async function main(): Promise<void> {
  const database = `approval_bench_reads_${process.pid}`;
  const db = await openDatabase({ url: await freshMysqlDatabase(database), dataDir: 'data' });
  try {
    await seedCalendar(db);
    await seedDemo(db, TEST_PASSWORD);
    console.error(`seeding ${cases} cases …`);
    const seeded = await seedReads(db, { cases, now: new Date() });
    console.error(`seeded in ${seeded.seconds} s`);
    const api = await startReadApi(db);
    try {
      const [supervisor, clerk, officer, leader] = await Promise.all(
        ['supervisor1', 'clerk1', 'officer-zrj', 'leader-hbj'].map((user) => ApiClient.signIn(api.url, user)));
      const today = shanghaiDay(0);
      const monthAgo = shanghaiDay(-30);
      const yearAgo = shanghaiDay(-365);
      const quarterAgo = shanghaiDay(-91);
      const routes: Array<[string, ApiClient, string]> = [
        ['metrics by department, last 30 days', supervisor, `/api/metrics?from=${monthAgo}&to=${today}&groupBy=department`],
        ['metrics by matter, last quarter', supervisor, `/api/metrics?from=${quarterAgo}&to=${today}&groupBy=matter`],
        ['metrics by department, last year', supervisor, `/api/metrics?from=${yearAgo}&to=${today}&groupBy=department`],
        ['metrics by matter, last year', supervisor, `/api/metrics?from=${yearAgo}&to=${today}&groupBy=matter`],
        ['metrics CSV, last year', supervisor, `/api/metrics.csv?from=${yearAgo}&to=${today}&groupBy=matter`],
        ['cases, first page', clerk, '/api/cases'],
        ['cases, page 50', clerk, '/api/cases?page=50'],
        ['cases, status=delivered', supervisor, '/api/cases?status=delivered'],
        ['cases, status=inReview', supervisor, '/api/cases?status=inReview'],
        ['cases, light=red', supervisor, '/api/cases?light=red'],
        ['cases, channel=green', supervisor, '/api/cases?channel=green'],
        ['cases, officer scope', officer, '/api/cases'],
        ['cases, officer scope, status=inReview', officer, '/api/cases?status=inReview'],
        // 办件查询: a word search scans the caller's scope (no count is kept for words).
        ['cases, q=applicant name', clerk, `/api/cases?q=${encodeURIComponent('申请单位4242')}`],
        ['cases, q=applicant name, officer scope', officer, `/api/cases?q=${encodeURIComponent('申请单位4242')}`],
        ['cases, copied=true (officer)', officer, '/api/cases?copied=true'],
        ['projects, first page', supervisor, '/api/projects'],
        ['inbox (officer)', officer, '/api/inbox'],
        ['board (supervisor)', supervisor, '/api/board'],
        ['board (leader)', leader, '/api/board'],
        ['complaints, first page', supervisor, '/api/complaints'],
        ['complaints, status=received', supervisor, '/api/complaints?status=received'],
        ['evaluations figures, last 30 days', supervisor, `/api/evaluations/figures?from=${monthAgo}&to=${today}`],
      ];
      const results: Record<string, { p50: number; p99: number; max: number; requests: number; status: number }> = {};
      for (const [name, client, path] of routes) {
        const first = await client.get(path);
        if (first.status !== 200) throw new Error(`${path} answered ${first.status}: ${JSON.stringify(first.body)}`);
        for (let i = 0; i < 10; i += 1) await client.get(path);
        const times: number[] = [];
        for (let i = 0; i < requests; i += 1) {
          const start = performance.now();
          await client.get(path);
          times.push(performance.now() - start);
        }
        times.sort((a, b) => a - b);
        const round = (ms: number) => Math.round(ms * 10) / 10;
        results[name] = { p50: round(percentile(times, 0.5)), p99: round(percentile(times, 0.99)), max: round(times.at(-1)!), requests, status: first.status };
        console.error(`${name.padEnd(40)} p50 ${results[name].p50} ms  p99 ${results[name].p99} ms`);
      }
      const slow = Object.entries(results).filter(([, r]) => r.p99 >= TARGET_P99_MS).map(([name]) => name);
      console.log(JSON.stringify({ seeded, targetP99Ms: TARGET_P99_MS, allWithinTarget: slow.length === 0, slow, routes: results }, null, 2));
    } finally {
      await api.stop();
    }
  } finally {
    await db.destroy();
    await dropMysqlDatabase(database);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
