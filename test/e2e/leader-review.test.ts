// A department leader works a step in the console: claims it, pauses the clock for a site
// inspection and resumes it, extends the limit within §42, then refuses the permit with a reason
// and its legal basis; the API then holds each of those acts.
import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { completeMaterials } from '../support/materials';
import { eventually } from '../support/eventually';
import { ApiClient } from '../support/http';
import { startSystem, type RunningSystem } from '../support/system';
import { launchBrowser, openPage, type WatchedPage } from './support/browser';
import { signIn, tick } from './support/console';

describe('console: a department leader pauses, extends and refuses a step', function () {
  this.timeout(240_000);
  let system: RunningSystem;
  let browser: Browser;
  let watched: WatchedPage;
  let caseId: string;

  before(async () => {
    system = await startSystem('e2e_leader');
    browser = await launchBrowser();
    watched = await openPage(browser, system.url);
    // Arranged through the API: a one-matter case accepted at the window.
    const clerk = await ApiClient.signIn(system.url, 'clerk1');
    const created = await clerk.post('/api/cases', {
      applicant: { name: '青山食品有限公司', phone: '13900005678' }, matterCodes: ['SCJ-002'], channel: 'standard', materials: completeMaterials(['SCJ-002']),
    });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    caseId = created.body.id;
    expect((await clerk.post(`/api/cases/${caseId}/accept`, {})).status).to.equal(200);
    const leader = await ApiClient.signIn(system.url, 'leader-scj');
    await eventually(async () => expect((await leader.get('/api/inbox')).body.map((s: { caseId: string }) => s.caseId)).to.include(caseId));
  });
  after(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('when the leader claims, pauses, resumes, extends and refuses in the console, then the step and its timeline hold each act', async () => {
    const { page } = watched;
    await signIn(page, 'leader-scj');
    await page.getByRole('heading', { name: '待办' }).waitFor();
    await page.getByText('绿灯').first().waitFor();
    await page.getByRole('link', { name: '食品经营许可' }).click();
    await page.getByText('计时中').waitFor();

    await page.getByRole('button', { name: '签收' }).click();
    await page.getByText('已签收', { exact: true }).first().waitFor();

    await page.getByRole('button', { name: '暂停计时' }).click();
    const pause = page.getByRole('dialog', { name: '暂停计时' });
    await tick(pause.getByRole('radio', { name: '现场踏勘' }));
    await pause.getByLabel('暂停理由').fill('需现场核查经营场所布局。');
    await pause.getByRole('button', { name: '确认暂停计时' }).click();
    await page.getByText('暂停计时中').waitFor();
    await page.getByText('1 次（现场踏勘）').waitFor();

    await page.getByRole('button', { name: '恢复计时' }).click();
    await page.getByText('计时中', { exact: true }).waitFor();

    await page.getByRole('button', { name: '延期' }).click();
    const extend = page.getByRole('dialog', { name: '延期' });
    await extend.getByLabel('延长工作日').fill('5');
    await extend.getByLabel('延期理由').fill('现场核查后需补充专家意见。');
    await extend.getByRole('button', { name: '确认延期' }).click();
    await page.getByText('1 次', { exact: true }).waitFor();

    await page.getByRole('button', { name: '不予许可' }).click();
    const reject = page.getByRole('dialog', { name: '不予许可' });
    await reject.getByRole('button', { name: '确认不予许可' }).click();
    await reject.getByText('请填写理由').waitFor();
    await reject.getByLabel('不予许可理由').fill('经营场所不符合食品安全要求。');
    await reject.getByLabel('法律依据').fill('《中华人民共和国食品安全法》第三十五条');
    await reject.getByRole('button', { name: '确认不予许可' }).click();
    await page.getByText('本环节已办结。').waitFor();
    await page.getByText('法律依据：《中华人民共和国食品安全法》第三十五条', { exact: true }).waitFor();
    await watched.screenshot('review-leader-step');

    const leader = await ApiClient.signIn(system.url, 'leader-scj');
    const step = (await leader.get(`/api/steps/${caseId}-SCJ-002`)).body;
    expect([step.status, step.reason, step.legalBasis, step.assignee.username]).to.deep.equal([
      'rejected', '经营场所不符合食品安全要求。', '《中华人民共和国食品安全法》第三十五条', 'leader-scj',
    ]);
    const timeline = (await leader.get(`/api/cases/${caseId}`)).body.timeline as { action: string; stepId: string | null; detail: Record<string, unknown> | null }[];
    const acts = timeline.filter((e) => e.stepId === step.id).map((e) => e.action);
    expect(acts).to.include.members(['CLAIM', 'SUSPEND', 'RESUME', 'EXTEND', 'REJECT']);
    expect(timeline.find((e) => e.action === 'SUSPEND')?.detail?.kind).to.equal('现场踏勘');
    expect(watched.problems).to.deep.equal([]);
  });
});
