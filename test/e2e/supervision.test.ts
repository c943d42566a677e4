// The supervision office (效能办) opens the live 电子监察 board and the metrics page: every
// department is on the board with its lights in words and numbers, the charts are drawn, and the
// figures are the ones the API holds. Nothing is downloaded.
import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { eventually } from '../support/eventually';
import { ApiClient } from '../support/http';
import { startSystem, type RunningSystem } from '../support/system';
import { launchBrowser, openPage, type WatchedPage } from './support/browser';
import { signIn } from './support/console';

interface Matter {
  code: string;
  materials: { code: string }[];
}

interface LightCounts {
  departmentCode: string;
  green: number;
  yellow: number;
  red: number;
  open: number;
}

describe('console: the supervision office watches the board and the metrics', function () {
  this.timeout(300_000);
  let system: RunningSystem;
  let browser: Browser;
  let watched: WatchedPage;

  before(async () => {
    system = await startSystem('e2e_supervision');
    browser = await launchBrowser();
    watched = await openPage(browser, system.url);
  });
  after(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('when the supervisor opens the board and the metrics, then every department, its lights and the charts show what the API holds', async () => {
    // A case under review in two departments, registered and accepted at the window.
    const clerk = await ApiClient.signIn(system.url, 'clerk1');
    const matters = ((await clerk.get('/api/matters')).body as Matter[]).filter((m) => ['ZRJ-001', 'HBJ-002'].includes(m.code));
    const registered = await clerk.post('/api/cases', {
      applicant: { name: '晨光建设有限公司', phone: '13900005678' },
      matterCodes: ['ZRJ-001', 'HBJ-002'],
      channel: 'standard',
      materials: [...new Set(matters.flatMap((m) => m.materials.map((material) => material.code)))].map((code) => ({ code })),
    });
    expect(registered.status).to.equal(201);
    expect((await clerk.post(`/api/cases/${registered.body.id}/accept`, {})).status).to.equal(200);
    const supervisor = await ApiClient.signIn(system.url, 'supervisor1');
    const departments = (await supervisor.get('/api/departments')).body as { code: string; name: string }[];
    const board = await eventually(async () => {
      const answer = (await supervisor.get('/api/board')).body as { openSteps: LightCounts[] };
      expect(answer.openSteps.find((row) => row.departmentCode === 'zrj')?.open).to.equal(1);
      return answer;
    });

    const { page } = watched;
    const downloads: string[] = [];
    page.on('download', (download) => downloads.push(download.suggestedFilename()));

    // 电子监察: the supervisor lands on the board.
    await signIn(page, 'supervisor1');
    await page.getByRole('heading', { name: '电子监察' }).waitFor();
    for (const department of departments) {
      const row = page.getByRole('row', { name: new RegExp(department.name) });
      const counts = board.openSteps.find((r) => r.departmentCode === department.code)!;
      // The lights in words and numbers: 绿灯 / 黄灯 / 红灯 columns and the department's worst light.
      await row.getByRole('cell', { name: String(counts.open), exact: true }).last().waitFor();
      const cells = await row.getByRole('cell').allTextContents();
      expect(cells.slice(-4), department.name).to.deep.equal([counts.green, counts.yellow, counts.red, counts.open].map(String));
      expect(cells[1], department.name).to.match(counts.open > 0 ? /绿灯|黄灯|红灯/ : /无在办/);
    }
    const lightsChart = page.getByRole('img', { name: '各部门在办环节红黄绿灯数量柱状图' });
    await lightsChart.locator('svg').first().waitFor();
    await page.getByText('超期最久的环节').waitFor();
    await page.getByText(/未销号督办（0 件）/).waitFor();
    await watched.screenshot('supervision-board');

    // 效能统计: rates by department over the chosen period, charts and a table.
    await page.getByRole('link', { name: '效能统计' }).click();
    await page.getByRole('heading', { name: '效能统计' }).waitFor();
    const ratesChart = page.getByRole('img', { name: '各部门办结率、提前办结率、超期率、提速率柱状图' });
    await ratesChart.locator('svg').first().waitFor();
    await page.getByRole('img', { name: '各部门平均实际用时、承诺时限、法定时限折线图' }).locator('svg').first().waitFor();
    const metrics = (await supervisor.get('/api/metrics?groupBy=department')).body as { name: string; accepted: number }[];
    expect(metrics.map((row) => row.name).sort()).to.deep.equal(departments.map((d) => d.name).sort());
    for (const row of metrics) {
      await page.getByRole('row', { name: new RegExp(`^${row.name}`) }).getByRole('cell', { name: String(row.accepted), exact: true }).first().waitFor();
    }
    expect(await page.getByRole('link', { name: '导出 CSV' }).getAttribute('href')).to.match(/format=csv/);
    await watched.screenshot('supervision-metrics');

    // By matter: the same charts over the catalogue's matters.
    await page.getByText('按事项', { exact: true }).click();
    expect(await page.getByRole('radio', { name: '按事项' }).isChecked()).to.equal(true);
    await page.getByRole('img', { name: '各事项办结率、提前办结率、超期率、提速率柱状图' }).locator('svg').first().waitFor();
    await page.getByRole('row', { name: /建设项目用地预审与选址意见书核发/ }).waitFor();

    expect(downloads, 'nothing was downloaded').to.deep.equal([]);
    expect(watched.problems, 'problems in the console').to.deep.equal([]);
  });
});
