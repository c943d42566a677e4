// 退回 to the window: an officer stops the clock and names the missing material; the window sees
// the case on its to-do, collects the supplement, and the department's clock runs again.
import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { eventually } from '../support/eventually';
import { ApiClient } from '../support/http';
import { startSystem, type RunningSystem } from '../support/system';
import { launchBrowser, openPage, type WatchedPage } from './support/browser';
import { signIn, signOut, tick } from './support/console';

describe('console: a step sent back to the window for a supplement', function () {
  this.timeout(240_000);
  let system: RunningSystem;
  let browser: Browser;
  let watched: WatchedPage;
  let caseId: string;
  let trackingCode: string;

  before(async () => {
    system = await startSystem('e2e_send_back');
    browser = await launchBrowser();
    watched = await openPage(browser, system.url);
    const clerk = await ApiClient.signIn(system.url, 'clerk1');
    const created = await clerk.post('/api/cases', {
      applicant: { name: '晨光餐饮管理有限公司', phone: '13700002468' }, matterCodes: ['SCJ-002'], channel: 'standard',
      materials: [{ code: 'application-form' }, { code: 'business-license' }, { code: 'premises-layout' }, { code: 'food-safety-rules' }],
    });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    ({ id: caseId, trackingCode } = created.body);
    expect((await clerk.post(`/api/cases/${caseId}/accept`, {})).status).to.equal(200);
    const officer = await ApiClient.signIn(system.url, 'officer-scj');
    await eventually(async () => expect((await officer.get('/api/inbox')).body.map((s: { caseId: string }) => s.caseId)).to.include(caseId));
  });
  after(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('when the officer sends the step back and the clerk collects the material, then the clock runs again', async () => {
    const { page } = watched;
    await signIn(page, 'officer-scj');
    await page.getByRole('link', { name: '食品经营许可' }).click();
    await page.getByRole('button', { name: '签收' }).click();
    await page.getByText('已签收', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: '退回窗口补正' }).click();
    const sendBack = page.getByRole('dialog', { name: '退回窗口补正' });
    await tick(sendBack.getByRole('checkbox', { name: '食品安全管理制度' }));
    await sendBack.getByLabel('退回理由').fill('食品安全管理制度缺少进货查验记录制度。');
    await sendBack.getByRole('button', { name: '确认退回窗口补正' }).click();
    await page.getByText('暂停计时中').waitFor();
    await signOut(page);

    await signIn(page, 'clerk1');
    await page.getByText('部门退回 1 个环节待补正').waitFor();
    await page.getByRole('link', { name: trackingCode }).click();
    await page.getByText(/部门退回补正：1 个审批环节暂停计时/).waitFor();
    await page.getByText('需补正：食品安全管理制度').waitFor();
    await watched.screenshot('window-sent-back');
    await page.getByRole('button', { name: '收取补正材料' }).click();
    const collect = page.getByRole('dialog', { name: '收取补正材料' });
    await tick(collect.getByRole('checkbox', { name: '食品安全管理制度' }));
    await collect.getByRole('button', { name: '确认收取补正材料' }).click();
    await page.getByText('补正材料已送达部门').waitFor();
    await page.getByText(/部门退回补正/).waitFor({ state: 'detached' });

    const officer = await ApiClient.signIn(system.url, 'officer-scj');
    const step = (await officer.get(`/api/steps/${caseId}-SCJ-002`)).body;
    expect(step.status).to.not.equal('suspended');
    const acts = (await officer.get(`/api/cases/${caseId}`)).body.timeline.map((e: { action: string }) => e.action);
    expect(acts).to.include.members(['SEND_BACK', 'SUPPLEMENTED']);
    expect(watched.problems).to.deep.equal([]);
  });
});
