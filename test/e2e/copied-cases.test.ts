// An officer of another department finds a case copied to them (抄送我的) in the console: who
// copied it, when and why, then reads the case without being offered another department's step.
import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { completeMaterials } from '../support/materials';
import { eventually } from '../support/eventually';
import { ApiClient } from '../support/http';
import { startSystem, type RunningSystem } from '../support/system';
import { launchBrowser, openPage, type WatchedPage } from './support/browser';
import { signIn } from './support/console';

describe('console: an officer reads a case copied to them', function () {
  this.timeout(240_000);
  let system: RunningSystem;
  let browser: Browser;
  let watched: WatchedPage;
  let caseId: string;
  let trackingCode: string;

  before(async () => {
    system = await startSystem('e2e_copies');
    browser = await launchBrowser();
    watched = await openPage(browser, system.url);
    // Arranged through the API: a land-use case accepted at the window, copied by its reviewer to 生态环境局's officer.
    const clerk = await ApiClient.signIn(system.url, 'clerk1');
    const created = await clerk.post('/api/cases', {
      applicant: { name: '星河建设有限公司', phone: '13912345678' }, matterCodes: ['ZRJ-001'], channel: 'standard', materials: completeMaterials(['ZRJ-001']),
    });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    caseId = created.body.id;
    trackingCode = created.body.trackingCode;
    expect((await clerk.post(`/api/cases/${caseId}/accept`, {})).status).to.equal(200);
    const reviewer = await ApiClient.signIn(system.url, 'officer-zrj');
    await eventually(async () => expect((await reviewer.get('/api/inbox')).body.map((s: { caseId: string }) => s.caseId)).to.include(caseId));
    const copied = await reviewer.post(`/api/cases/${caseId}/cc`, { usernames: ['officer-hbj'], note: '项目临近水源保护区，请知悉' });
    expect(copied.status, JSON.stringify(copied.body)).to.equal(200);
  });
  after(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('when the officer opens 抄送我的, then the case is there with who copied it and why, and its page shows every step without an action on another department\'s', async () => {
    const { page } = watched;
    await signIn(page, 'officer-hbj');
    await page.getByRole('link', { name: '抄送我的' }).click();
    await page.getByRole('heading', { name: '抄送我的' }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(trackingCode) });
    await row.getByRole('cell', { name: 'officer-zrj', exact: true }).waitFor();
    await row.getByRole('cell', { name: '项目临近水源保护区，请知悉' }).waitFor();
    await row.getByRole('cell', { name: '星河建设有限公司' }).waitFor();
    await watched.screenshot('copied-cases-list');

    await row.getByRole('link', { name: trackingCode }).click();
    await page.getByRole('heading', { name: `办件 ${trackingCode}` }).waitFor();
    const steps = page.getByRole('row', { name: /自然资源和规划局/ });
    await steps.getByRole('cell', { name: '建设项目用地预审与选址意见书核发' }).waitFor();
    expect(await steps.getByRole('link', { name: '办理' }).count(), 'another department\'s step').to.equal(0);
    await page.getByText('审批进度').waitFor();
    expect(new URL(page.url()).pathname).to.equal(`/review/copied/${caseId}`);

    const officer = await ApiClient.signIn(system.url, 'officer-hbj');
    const listed = (await officer.get('/api/cases?copied=true')).body;
    expect(listed.items.map((item: { id: string }) => item.id)).to.deep.equal([caseId]);
    expect(listed.items[0].copy).to.include({ by: 'officer-zrj', note: '项目临近水源保护区，请知悉' });
    expect(watched.problems).to.deep.equal([]);
  });
});
