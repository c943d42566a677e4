// The proxy agent (代办员) follows a key project: the stage's case with its step clocks in the
// ledger, hands in a material owed after a 容缺 acceptance, sends the half-monthly report and
// urges the departments — and the API then holds each of these.
import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { eventually } from '../support/eventually';
import { ApiClient } from '../support/http';
import { startSystem, type RunningSystem } from '../support/system';
import { launchBrowser, openPage, type WatchedPage } from './support/browser';
import { signIn, tick } from './support/console';

interface Matter {
  code: string;
  name: string;
  materials: { code: string; name: string; required: boolean; core: boolean }[];
}

describe('console: the proxy agent follows a key project', function () {
  this.timeout(300_000);
  let system: RunningSystem;
  let browser: Browser;
  let watched: WatchedPage;

  before(async () => {
    system = await startSystem('e2e_agent');
    browser = await launchBrowser();
    watched = await openPage(browser, system.url);
  });
  after(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('when the agent hands in a material, reports and urges in the console, then the API holds the hand-in, the report and the urge', async () => {
    // A key project with agent1, and its first stage's application accepted with two materials owed (容缺).
    const supervisor = await ApiClient.signIn(system.url, 'supervisor1');
    const project = await supervisor.post('/api/projects', { name: '滨江物流园', key: true, agentUsername: 'agent1' });
    expect(project.status).to.equal(201);
    const clerk = await ApiClient.signIn(system.url, 'clerk1');
    const matters = ((await clerk.get('/api/matters')).body as Matter[]).filter((m) => ['FGW-001', 'ZRJ-001'].includes(m.code));
    const all = matters.flatMap((m) => m.materials);
    const owed = [...new Map(all.filter((m) => m.required && !m.core).map((m) => [m.code, m])).values()].slice(0, 2);
    const handedIn = [...new Set(all.map((m) => m.code))].filter((code) => !owed.some((o) => o.code === code));
    const registered = await clerk.post('/api/cases', {
      applicant: { name: '滨江物流有限公司', phone: '13600002468' },
      matterCodes: ['FGW-001', 'ZRJ-001'],
      channel: 'green',
      projectId: project.body.id,
      agentUsername: 'agent1',
      materials: handedIn.map((code) => ({ code })),
    });
    expect(registered.status, JSON.stringify(registered.body)).to.equal(201);
    const caseId = registered.body.id as string;
    const trackingCode = registered.body.trackingCode as string;
    const accepted = await clerk.post(`/api/cases/${caseId}/accept-with-deficiency`, { missing: owed.map(({ code }) => ({ code })) });
    expect(accepted.status, JSON.stringify(accepted.body)).to.equal(200);
    const agent = await ApiClient.signIn(system.url, 'agent1');
    await eventually(async () => {
      const kase = (await agent.get(`/api/cases/${caseId}`)).body;
      expect(kase.steps).to.have.length(2);
      expect(kase.status).to.equal('inReview');
      // Dispatched: each step's workflow has projected its clock, so there is a step to urge.
      expect(kase.steps.every((step: { dueAt: string | null }) => step.dueAt !== null)).to.equal(true);
    });

    // 我的项目: the materials owed and the project, with its 120-working-day clock.
    const { page } = watched;
    await signIn(page, 'agent1');
    await page.getByRole('heading', { name: '我的项目' }).waitFor();
    await page.getByText(`待补材料（容缺）：1 件办件`).waitFor();
    const projectRow = page.getByRole('row', { name: /滨江物流园/ });
    await projectRow.getByText(/^● 绿灯\s*120 个工作日$/).waitFor();
    await projectRow.getByRole('cell', { name: /^剩余 \d+ 个工作日$/ }).waitFor();
    await watched.screenshot('agent-projects');

    // The ledger: the stage under way, its case and each department's step clock.
    await page.getByRole('link', { name: '滨江物流园' }).click();
    await page.getByRole('heading', { name: /滨江物流园/ }).waitFor();
    await page.getByText(new RegExp(`^办件 ${trackingCode}`)).waitFor();
    for (const matter of matters) await page.getByRole('row', { name: new RegExp(matter.name) }).getByText('待签收').waitFor();

    // Hand in one owed material.
    await tick(page.getByRole('checkbox', { name: owed[0]!.name }));
    await page.getByRole('button', { name: '登记补交' }).click();
    await page.getByText('补交材料已登记').waitFor();
    await page.getByText('容缺待补材料 1 项').waitFor();

    // 半月汇报.
    await page.getByLabel('项目进展').fill('立项用地阶段材料基本齐全，两部门审查中。');
    await page.getByLabel('存在问题及需协调事项（可选）').fill('营业执照变更中。');
    await page.getByRole('button', { name: '提交半月汇报' }).click();
    await page.getByText('汇报已提交').waitFor();
    await page.getByRole('cell', { name: '立项用地阶段材料基本齐全，两部门审查中。' }).waitFor();

    // 催办.
    await page.getByRole('button', { name: `催办办件 ${trackingCode}` }).click();
    await page.getByLabel('催办说明（可选）').fill('项目建设时间紧，请尽快审查。');
    await page.getByRole('button', { name: '确认催办' }).click();
    await page.getByText(/已催办/).first().waitFor();
    await watched.screenshot('agent-ledger');

    // What the API holds now.
    const kase = (await agent.get(`/api/cases/${caseId}`)).body;
    expect(kase.deficiency.owed.map((m: { code: string }) => m.code)).to.deep.equal([owed[1]!.code]);
    const ledger = (await agent.get(`/api/projects/${project.body.id}/ledger`)).body;
    expect(ledger.reports.map((r: { progress: string; problems: string; by: string }) => [r.progress, r.problems, r.by])).to.deep.equal([
      ['立项用地阶段材料基本齐全，两部门审查中。', '营业执照变更中。', 'agent1'],
    ]);
    expect(ledger.project.lastReportPeriod).to.equal(ledger.reports[0].period);
    // One 催办 entry per open step, each naming the agent and the note.
    const urges = kase.timeline.filter((entry: { action: string }) => entry.action === 'URGED') as
      { stepId: string; actor: { username: string }; detail: { note: string } }[];
    expect(urges.map((entry) => [entry.stepId, entry.actor.username, entry.detail.note]).sort()).to.deep.equal(
      [`${caseId}-FGW-001`, `${caseId}-ZRJ-001`].map((stepId) => [stepId, 'agent1', '项目建设时间紧，请尽快审查。']),
    );
    expect(watched.problems, 'problems in the console').to.deep.equal([]);
  });
});
