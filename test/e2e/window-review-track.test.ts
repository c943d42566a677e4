// The clerk registers and accepts a two-department case, both departments' officers claim and
// approve it, the clerk delivers it, and the applicant follows it on /track and rates it — all
// through the console; then the API holds what the people did.
import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { Evaluation } from '../../entities';
import { eventually } from '../support/eventually';
import { ApiClient } from '../support/http';
import { startSystem, type RunningSystem } from '../support/system';
import { launchBrowser, openPage, type WatchedPage } from './support/browser';
import { signIn, signOut, tick } from './support/console';

describe('console: one case from the window through two departments to the applicant', function () {
  this.timeout(300_000);
  let system: RunningSystem;
  let browser: Browser;
  let staff: WatchedPage;

  before(async () => {
    system = await startSystem('e2e_story');
    browser = await launchBrowser();
    staff = await openPage(browser, system.url);
  });
  after(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('when the clerk, two officers and the applicant each do their part in the console, then the case is delivered and rated', async () => {
    const { page } = staff;

    // 收件: the clerk picks two matters of two departments, ticks the materials, registers.
    await signIn(page, 'clerk1');
    await page.getByRole('heading', { name: '窗口待办' }).waitFor();
    await staff.screenshot('window-todo');
    await page.getByRole('link', { name: '收件登记' }).click();
    await tick(page.getByRole('checkbox', { name: /建设项目用地预审与选址意见书核发/ }));
    await tick(page.getByRole('checkbox', { name: /建设项目环境影响报告表审批/ }));
    await page.getByText('材料预审：缺少').waitFor();
    await page.getByRole('button', { name: '全部已收取' }).click();
    await page.getByText('材料预审：必要材料齐全').waitFor();
    await page.getByLabel('申请人名称').fill('星河建设有限公司');
    await page.getByLabel('联系电话').fill('13800001234');
    await page.getByLabel('项目名称（选填）').fill('星河产业园一期');
    await staff.screenshot('window-register');
    await page.getByRole('button', { name: '收件登记' }).click();

    // 受理 on the case page.
    const heading = page.getByRole('heading', { name: /^办件 / });
    await heading.waitFor();
    const trackingCode = (await heading.textContent())!.replace('办件 ', '').trim();
    const caseId = page.url().split('/').pop()!;
    await page.getByText('已收件待受理', { exact: true }).first().waitFor();
    await page.getByRole('button', { name: '受理', exact: true }).click();
    await page.getByText('审查中', { exact: true }).first().waitFor();
    await staff.screenshot('window-case');
    await signOut(page);

    // Each department claims its step from the inbox and approves it with an opinion.
    for (const [officer, matter] of [['officer-zrj', '建设项目用地预审与选址意见书核发'], ['officer-hbj', '建设项目环境影响报告表审批']]) {
      await signIn(page, officer);
      await page.getByRole('heading', { name: '待办' }).waitFor();
      await page.getByRole('link', { name: matter }).click();
      await page.getByRole('button', { name: '签收' }).click();
      await page.getByText('已签收', { exact: true }).first().waitFor();
      await page.getByRole('button', { name: '通过' }).click();
      const dialog = page.getByRole('dialog', { name: '通过' });
      await dialog.getByLabel('审查意见').fill('材料齐全，符合规定，同意。');
      await dialog.getByRole('button', { name: '确认通过' }).click();
      await page.getByText('本环节已办结。').waitFor();
      await staff.screenshot(`review-step-${officer}`);
      await signOut(page);
    }

    // 统一出件: the case waits on the window's to-do list.
    await signIn(page, 'clerk1');
    await page.getByRole('link', { name: trackingCode }).click();
    await page.getByRole('button', { name: '统一出件' }).click();
    await page.getByText('已出件', { exact: true }).first().waitFor();
    await signOut(page);

    // The applicant, on a phone, follows the case and rates it.
    const phone = await openPage(browser, system.url, { width: 375, height: 740 });
    try {
      await phone.page.goto('/track');
      await phone.page.getByLabel('查询码').fill(trackingCode);
      await phone.page.getByLabel('手机号后四位').fill('1234');
      await phone.page.getByRole('button', { name: '查询' }).click();
      await phone.page.getByText('各部门审批情况').waitFor();
      await phone.page.getByText('已出件', { exact: true }).first().waitFor();
      const scrollWidth = await phone.page.evaluate<number>('document.documentElement.scrollWidth');
      expect(scrollWidth, 'the tracking page fits a 375 px screen').to.be.at.most(375);
      await tick(phone.page.getByRole('radio', { name: '非常满意' }));
      await phone.page.getByLabel('评价内容（选填）').fill('一次办成，非常方便。');
      await phone.page.getByRole('button', { name: '提交评价' }).click();
      await phone.page.getByText('感谢您的评价').waitFor();
      await phone.screenshot('track-phone');
      expect(phone.problems, 'problems on the tracking page').to.deep.equal([]);
    } finally {
      await phone.close();
    }

    // What the API holds now.
    const clerk = await ApiClient.signIn(system.url, 'clerk1');
    const kase = (await clerk.get(`/api/cases/${caseId}`)).body;
    expect(kase.status).to.equal('delivered');
    expect(kase.trackingCode).to.equal(trackingCode);
    expect(kase.applicant.name).to.equal('星河建设有限公司');
    expect(kase.projectName).to.equal('星河产业园一期');
    expect(kase.steps.map((s: { matterCode: string; status: string; opinion: string; assignee: { username: string } }) =>
      [s.matterCode, s.status, s.opinion, s.assignee.username]).sort()).to.deep.equal([
      ['HBJ-002', 'approved', '材料齐全，符合规定，同意。', 'officer-hbj'],
      ['ZRJ-001', 'approved', '材料齐全，符合规定，同意。', 'officer-zrj'],
    ]);
    const actions = kase.timeline.map((e: { action: string }) => e.action);
    expect(actions).to.include.members(['REGISTERED', 'ACCEPT', 'CLAIM', 'APPROVE', 'DELIVER']);
    const rating = await eventually(async () => system.db.getRepository(Evaluation).findOneByOrFail({ caseId }));
    expect([rating.level, rating.comment]).to.deep.equal([5, '一次办成，非常方便。']);
    expect(staff.problems, 'problems in the console').to.deep.equal([]);
  });
});
