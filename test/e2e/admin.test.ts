// The admin declares a day a holiday on the calendar page: a running step's due date moves one
// working day later, which the clerk sees on the case page and the API holds; restoring the day
// moves it back.
import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { eventually } from '../support/eventually';
import { ApiClient } from '../support/http';
import { startSystem, type RunningSystem } from '../support/system';
import { launchBrowser, openPage, type WatchedPage } from './support/browser';
import { signIn, signOut } from './support/console';

interface Matter {
  code: string;
  materials: { code: string }[];
}

/** `2026-12-15T17:30:00+08:00` as the console shows it: `2026年12月15日 17:30`. */
function shown(instant: string): string {
  const [, year, month, day, time] = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})/.exec(instant)!;
  return `${year}年${Number(month)}月${Number(day)}日 ${time}`;
}

describe('console: the admin keeps the working-day calendar', function () {
  this.timeout(300_000);
  let system: RunningSystem;
  let browser: Browser;
  let watched: WatchedPage;

  before(async () => {
    system = await startSystem('e2e_admin');
    browser = await launchBrowser();
    watched = await openPage(browser, system.url);
  });
  after(async () => {
    await browser?.close();
    await system?.stop();
  });

  it('when the admin declares a holiday on the calendar page, then a running step is due one working day later, and back after restoring', async () => {
    // A running step: a one-matter case accepted at the window.
    const clerk = await ApiClient.signIn(system.url, 'clerk1');
    const matter = ((await clerk.get('/api/matters')).body as Matter[]).find((m) => m.code === 'ZRJ-001')!;
    const registered = await clerk.post('/api/cases', {
      applicant: { name: '远航置业有限公司', phone: '13700004321' },
      matterCodes: ['ZRJ-001'],
      channel: 'standard',
      materials: matter.materials.map(({ code }) => ({ code })),
    });
    expect(registered.status).to.equal(201);
    const caseId = registered.body.id as string;
    expect((await clerk.post(`/api/cases/${caseId}/accept`, {})).status).to.equal(200);
    const step = async () => (await clerk.get(`/api/cases/${caseId}`)).body.steps[0] as { dueAt: string; status: string };
    const before = await eventually(async () => {
      const current = await step();
      expect(current.dueAt).to.be.a('string');
      return current;
    });
    const acceptedOn = ((await clerk.get(`/api/cases/${caseId}`)).body.acceptedAt as string).slice(0, 10);
    // The next working day after acceptance lies inside the step's clock: that day becomes a holiday.
    const holiday = (await clerk.get(`/api/calendar/due-date?start=${acceptedOn}&workingDays=1`)).body.dueDate as string;
    expect(holiday < before.dueAt.slice(0, 10)).to.equal(true);
    const dueAfter = (await clerk.get(`/api/calendar/due-date?start=${before.dueAt.slice(0, 10)}&workingDays=1`)).body.dueDate as string;
    const [year, month, day] = holiday.split('-').map(Number);
    const dayButton = (words: RegExp) => page.getByRole('button', { name: new RegExp(`^${month}月${day}日 ${words.source}`) });

    // 工作日历: the admin finds the day in the year's grid and declares it a holiday.
    const { page } = watched;
    await signIn(page, 'admin1');
    await page.getByRole('heading', { name: '工作日历' }).waitFor();
    const yearField = page.getByLabel('年份');
    await yearField.fill(String(year));
    await yearField.press('Enter');
    await page.getByText(`${year}年日历`).first().waitFor();
    await dayButton(/工作日/).click();
    await page.getByLabel('名称').fill('临时休息日');
    await page.getByRole('button', { name: '设为节假日' }).click();
    await page.getByText('在办时限已重新计算').first().waitFor();
    await dayButton(/节假日（临时休息日）/).waitFor();
    await page.getByRole('row', { name: /临时休息日/ }).getByText('管理员调整').waitFor();
    await watched.screenshot('admin-calendar');

    // The API: the day is a holiday and the step re-planned one working day later.
    const days = (await clerk.get(`/api/calendar/days?year=${year}`)).body.days as { date: string; kind: string; source: string }[];
    expect(days.find((d) => d.date === holiday)).to.include({ kind: 'holiday', source: 'admin' });
    const moved = await eventually(async () => {
      const current = await step();
      expect(current.dueAt.slice(0, 10)).to.equal(dueAfter);
      return current;
    });
    expect(moved.dueAt.slice(10)).to.equal(before.dueAt.slice(10));

    // The clerk's case page shows the new due instant.
    await signOut(page);
    await signIn(page, 'clerk1');
    await page.getByRole('link', { name: '办件查询' }).click();
    await page.getByLabel('查询码、受理编号或申请人').fill(registered.body.trackingCode);
    await page.getByRole('link', { name: registered.body.trackingCode }).click();
    await page.getByRole('cell', { name: shown(moved.dueAt) }).first().waitFor();
    await signOut(page);

    // Restore the day: the published calendar applies again and the step is due as before.
    await signIn(page, 'admin1');
    await yearField.fill(String(year));
    await yearField.press('Enter');
    await dayButton(/节假日（临时休息日）/).click();
    await page.getByRole('button', { name: '恢复原安排' }).click();
    await page.getByText('已恢复原安排').first().waitFor();
    await dayButton(/工作日/).waitFor();
    await eventually(async () => expect((await step()).dueAt).to.equal(before.dueAt));
    await watched.screenshot('admin-calendar-restored');

    expect(watched.problems, 'problems in the console').to.deep.equal([]);
  });
});
