// `npm run bench:console`: the console's budgets, measured in Debian's Chromium against the real
// system (Temporal dev server, MySQL, API serving console/dist):
//   - the first load of `/` (the sign-in page): bytes on the wire, compressed (budget 500 KB);
//   - an inbox of N steps (default 200): from navigation to the rows on screen (budget 1 s);
//   - a reviewer's approve: from the confirm click to the result on screen, p50/p95 over M
//     approvals with the system otherwise idle (budget 1 s at p95).
// Build the console first (`npm run console:build`). Flags: --steps N --approvals M.
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { ApiClient } from '../test/support/http';
import { completeMaterials } from '../test/support/materials';
import { startSystem, TEST_PASSWORD } from '../test/support/system';

const { values } = parseArgs({ options: { steps: { type: 'string', default: '200' }, approvals: { type: 'string', default: '20' } } });
const STEPS = Number(values.steps);
const APPROVALS = Number(values.approvals);
const MATTER = 'HBJ-002';

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('button', { name: '退出登录' }).waitFor();
}

/** Bytes received for everything the page loads, as the network saw them (compressed). */
async function firstLoadBytes(page: Page, url: string): Promise<{ bytes: number; requests: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
    bytes += event.encodedDataLength;
    requests += 1;
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.getByRole('button', { name: '登录' }).waitFor();
  return { bytes, requests };
}

async function main(): Promise<void> {
  const system = await startSystem('bench_console');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
  });
  try {
    const context = await browser.newContext({ baseURL: system.url, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    const load = await firstLoadBytes(page, '/');

    // Arrange the inbox through the API: N accepted single-matter cases for one department.
    const clerk = await ApiClient.signIn(system.url, 'clerk1');
    const started = Date.now();
    for (let i = 0; i < STEPS; i += 1) {
      const created = await clerk.post('/api/cases', { applicant: { name: `基准申请人${i}`, phone: '13800001234' }, matterCodes: [MATTER], channel: i % 10 === 0 ? 'green' : 'standard', materials: completeMaterials([MATTER]) });
      await clerk.post(`/api/cases/${created.body.id}/accept`, {});
    }
    const officer = await ApiClient.signIn(system.url, 'officer-hbj');
    for (;;) {
      const inbox = await officer.get('/api/inbox');
      if (Array.isArray(inbox.body) && inbox.body.length >= STEPS) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const arranged = (Date.now() - started) / 1000;

    await signIn(page, 'officer-hbj');
    const inboxTimes: number[] = [];
    for (let round = 0; round < 5; round += 1) {
      await page.goto('/review/done');
      await page.getByRole('heading', { name: '已办' }).waitFor();
      const t0 = Date.now();
      await page.getByRole('link', { name: '待办', exact: true }).click();
      await page.getByRole('heading', { name: '待办' }).waitFor();
      await page.getByRole('link', { name: /建设项目/ }).first().waitFor();
      inboxTimes.push(Date.now() - t0);
    }

    const approveTimes: number[] = [];
    const steps = ((await officer.get('/api/inbox')).body as Array<{ id: string }>).slice(0, APPROVALS);
    for (const step of steps) {
      await page.goto(`/review/steps/${encodeURIComponent(step.id)}`);
      await page.getByRole('button', { name: '签收' }).click();
      await page.getByRole('button', { name: '通过' }).waitFor();
      await page.getByRole('button', { name: '通过' }).click();
      const dialog = page.getByRole('dialog', { name: '通过' });
      await dialog.getByLabel('审查意见').fill('材料齐全，符合规定，同意。');
      const t0 = Date.now();
      await dialog.getByRole('button', { name: '确认通过' }).click();
      await page.getByText('本环节已办结。').waitFor();
      approveTimes.push(Date.now() - t0);
    }
    const inbox = [...inboxTimes].sort((a, b) => a - b);
    const approve = [...approveTimes].sort((a, b) => a - b);
    console.log(JSON.stringify({
      date: new Date().toISOString(),
      firstLoad: { kilobytes: Math.round(load.bytes / 1024), requests: load.requests, budgetKilobytes: 500 },
      inbox: { steps: STEPS, arrangedSeconds: arranged, renderMs: { median: quantile(inbox, 0.5), max: inbox.at(-1) }, budgetMs: 1000 },
      approve: { approvals: approve.length, p50Ms: quantile(approve, 0.5), p95Ms: quantile(approve, 0.95), maxMs: approve.at(-1), budgetMs: 1000 },
    }, null, 2));
  } finally {
    await browser.close();
    await system.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
