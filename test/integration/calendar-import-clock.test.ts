// A year's schedule imported over the API reaches running step clocks, against a real Temporal dev
// server and MySQL. The imported year is the one the step's first working day falls in, taken as
// the server holds it with that day made a holiday; expected instants come from the weekday
// walker, counted from the recorded acceptance, so the test holds whatever day it runs.
import { expect } from 'chai';
import { completeMaterials } from '../support/materials';
import { eventually } from '../support/eventually';
import { expectedDue, firstWorkingDayAfter } from '../support/calendar-oracle';
import { ApiClient } from '../support/http';
import { startSystem, type RunningSystem } from '../support/system';

describe('a calendar year imported over the API', function () {
  this.timeout(120_000);
  let system: RunningSystem;
  let clerk: ApiClient;
  let admin: ApiClient;

  before(async () => {
    system = await startSystem('calimport');
    [clerk, admin] = await Promise.all(['clerk1', 'admin1'].map((user) => ApiClient.signIn(system.url, user)));
  });
  after(async () => {
    await system?.stop();
  });

  it('when the import makes the first working day after acceptance a holiday, then the running step is due one working day later and the timeline says why', async () => {
    const created = await clerk.post('/api/cases', {
      applicant: { name: '城建开发有限公司', phone: '13700002468' }, matterCodes: ['ZJJ-002'], channel: 'standard', materials: completeMaterials(['ZJJ-002']),
    });
    expect(created.status).to.equal(201);
    const caseId = created.body.id as string;
    expect((await clerk.post(`/api/cases/${caseId}/accept`, {})).status).to.equal(200);
    const { step, acceptedAt } = await eventually(async () => {
      const page = (await clerk.get(`/api/cases/${caseId}`)).body;
      expect(page.steps[0].dueAt).to.be.a('string');
      return { step: page.steps[0], acceptedAt: page.timeline.find((e: { action: string }) => e.action === 'ACCEPT').at as string };
    });
    expect(step.dueAt).to.equal(await expectedDue(clerk, acceptedAt, 5));

    const firstDay = await firstWorkingDayAfter(clerk, acceptedAt);
    const year = Number(firstDay.slice(0, 4));
    const held = (await clerk.get(`/api/calendar/days?year=${year}`)).body.days as Array<{ date: string; kind: string; name: string }>;
    const days = [
      ...held.filter((day) => day.date !== firstDay).map(({ date, kind, name }) => ({ date, kind, name })),
      { date: firstDay, kind: 'holiday', name: '临时休息日' },
    ];
    const imported = await admin.put(`/api/calendar/years/${year}`, { days });
    expect(imported.status, JSON.stringify(imported.body)).to.equal(200);
    expect(imported.body).to.include({ year, source: 'imported', provisional: false });
    const listed = (await clerk.get('/api/calendar/years')).body.items.find((item: { year: number }) => item.year === year);
    expect(listed).to.include({ source: 'imported', days: days.length, updatedBy: 'admin1' });

    const moved = await eventually(async () => {
      const page = (await clerk.get(`/api/cases/${caseId}`)).body;
      expect(page.steps[0].dueAt).not.to.equal(step.dueAt);
      return page;
    });
    expect(moved.steps[0].dueAt).to.equal(await expectedDue(clerk, acceptedAt, 5));
    expect(Date.parse(moved.steps[0].dueAt)).to.be.above(Date.parse(step.dueAt));
    const notes = moved.timeline.filter((e: { action: string }) => e.action === 'CLOCK_RECOMPUTED');
    expect(notes, 'one re-plan per import').to.have.length(1);
    expect(notes[0].detail).to.include({ calendarDate: `${year}-01-01` });
  });
});
