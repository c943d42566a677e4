// Step clocks through the API against a real Temporal dev server and MySQL: due instants from the
// working-day calendar, green-channel compression, extensions, pauses with the applicant's
// notice, calendar edits reaching running steps, cases' own deadlines and project clocks, alerts.
// Expected instants come from the weekday walker (test/support) over the calendar the server
// holds, counted from the instant the server recorded (acceptance, registration), so they hold
// whatever the day and hour the suite runs.
import { expect } from 'chai';
import { Notification } from '../../entities';
import { completeMaterials } from '../support/materials';
import { eventually } from '../support/eventually';
import { expectedDue, firstWorkingDayAfter } from '../support/calendar-oracle';
import { ApiClient } from '../support/http';
import { startSystem, type RunningSystem } from '../support/system';

type TimelineEntry = { action: string; at: string };
const instantOf = (timeline: TimelineEntry[], action: string): string => {
  const entry = timeline.find((e) => e.action === action);
  if (!entry) throw new Error(`no ${action} in the timeline`);
  return entry.at;
};

describe('step clocks over the API', function () {
  this.timeout(120_000);
  let system: RunningSystem;
  let clerk: ApiClient;
  let officer: ApiClient;
  let leader: ApiClient;
  let admin: ApiClient;
  let supervisor: ApiClient;

  before(async () => {
    system = await startSystem('clock');
    [clerk, officer, leader, admin, supervisor] = await Promise.all(
      ['clerk1', 'officer-zjj', 'leader-zjj', 'admin1', 'supervisor1'].map((user) => ApiClient.signIn(system.url, user)),
    );
  });
  after(async () => {
    await system?.stop();
  });

  async function acceptedStep(matterCode: string, channel: 'standard' | 'green' = 'standard') {
    const created = await clerk.post('/api/cases', {
      applicant: { name: '城建开发有限公司', phone: '13700002468' }, matterCodes: [matterCode], channel, materials: completeMaterials([matterCode]),
    });
    expect(created.status).to.equal(201);
    await clerk.post(`/api/cases/${created.body.id}/accept`, {});
    return eventually(async () => {
      const page = await clerk.get(`/api/cases/${created.body.id}`);
      expect(page.body.steps[0].dueAt).to.be.a('string');
      return { caseId: created.body.id as string, step: page.body.steps[0], acceptedAt: instantOf(page.body.timeline, 'ACCEPT') };
    });
  }

  /** The walker's due instant, n working days after `from`. */
  const dueDate = (from: string, workingDays: number): Promise<string> => expectedDue(clerk, from, workingDays);

  it('when a case is accepted, then its step is due at close of office on the N-th working day, legal limit beside it', async () => {
    const { step, acceptedAt } = await acceptedStep('ZJJ-002');
    expect(step.limitDays).to.equal(5);
    expect(step.dueAt).to.equal(await dueDate(acceptedAt, 5));
    expect(step.dueAt).to.match(/T17:30:00\+08:00$/);
    expect(Date.parse(step.dueAt)).to.be.above(Date.parse(acceptedAt));
    expect(step.legalDueAt).to.equal(await dueDate(acceptedAt, 10));
    expect(step.light).to.equal('green');
  });

  it('when the case takes the green channel, then the limit is halved and a 2-day step is yellow at once and listed as an alert', async () => {
    const { caseId, step, acceptedAt } = await acceptedStep('ZJJ-001', 'green');
    expect(step.limitDays).to.equal(2);
    expect(step.dueAt).to.equal(await dueDate(acceptedAt, 2));
    await eventually(async () => expect((await clerk.get(`/api/cases/${caseId}`)).body.light).to.equal('yellow'));
    const alerts = await supervisor.get('/api/alerts?light=yellow&pageSize=100');
    expect(alerts.status).to.equal(200);
    expect(alerts.body.items.map((a: { stepId: string }) => a.stepId)).to.include(step.id);
    const foreignLeader = await ApiClient.signIn(system.url, 'leader-zrj');
    expect((await foreignLeader.get('/api/alerts?pageSize=100')).body.items.map((a: { stepId: string }) => a.stepId)).not.to.include(step.id);
  });

  it('when the leader extends a step, then its due instant moves; an officer may not, and §42 bounds hold', async () => {
    const { step, acceptedAt } = await acceptedStep('ZJJ-002');
    expect((await officer.post(`/api/steps/${step.id}/claim`, {})).status).to.equal(200);
    expect((await officer.post(`/api/steps/${step.id}/extend`, { workingDays: 3, reason: '需补充论证' })).status).to.equal(403);
    const extended = await leader.post(`/api/steps/${step.id}/extend`, { workingDays: 8, reason: '需组织专家论证' });
    expect(extended.status).to.equal(200);
    expect(extended.body).to.include({ limitDays: 13, dueAt: await dueDate(acceptedAt, 13) });
    const beyond = await leader.post(`/api/steps/${step.id}/extend`, { workingDays: 3, reason: '再次延期' });
    expect(beyond.status).to.equal(409);
    expect(beyond.body.event).to.equal('EXTEND');
    // §42's bound refused it, and the answer says so instead of offering EXTEND again.
    expect(beyond.body.rules).to.deep.equal(['withinExtensionBound']);
    expect(beyond.body.detail).to.match(/^EXTEND 不符合规则（withinExtensionBound）：§42/);
    expect(beyond.body.allowed).not.to.include('EXTEND');
  });

  it('when a step is suspended, then the applicant gets a written notice and resuming re-plans the remaining time', async () => {
    const { caseId, step } = await acceptedStep('ZJJ-002');
    await officer.post(`/api/steps/${step.id}/claim`, {});
    const suspended = await officer.post(`/api/steps/${step.id}/suspend`, { kind: '现场踏勘', reason: '核查施工现场', expectedWorkingDays: 2 });
    expect(suspended.body.status).to.equal('suspended');
    const notice = await system.db.getRepository(Notification).findOneByOrFail({ stepId: step.id, template: 'step.suspended' });
    expect(notice).to.include({ recipientRole: 'applicant', recipient: '13700002468', channel: 'sms', caseId });
    expect(notice.payload).to.deep.include({ kind: '现场踏勘', reason: '核查施工现场', expectedWorkingDays: 2 });
    const resumed = await officer.post(`/api/steps/${step.id}/resume`, {});
    expect(resumed.body.status).to.equal('inReview');
    // Paused and resumed at once: no working-day close passed while paused, whatever the hour or
    // the day (the acceptance day is never counted), so nothing is lost or gained.
    expect(resumed.body.dueAt).to.equal(step.dueAt);
  });

  it('when an admin declares a holiday inside a running step, then its due instant moves one working day and the timeline says why', async () => {
    const { caseId, step, acceptedAt } = await acceptedStep('ZJJ-002');
    const firstDay = await firstWorkingDayAfter(clerk, acceptedAt);
    const declared = await admin.put(`/api/calendar/days/${firstDay}`, { kind: 'holiday', name: '临时休息日' });
    expect(declared.status).to.equal(200);
    try {
      const moved = await eventually(async () => {
        const page = await clerk.get(`/api/cases/${caseId}`);
        expect(page.body.steps[0].dueAt).not.to.equal(step.dueAt);
        return page.body;
      });
      expect(moved.steps[0].dueAt).to.equal(await dueDate(acceptedAt, 5));
      const note = moved.timeline.find((e: { action: string }) => e.action === 'CLOCK_RECOMPUTED');
      expect(note.detail).to.include({ calendarDate: firstDay, dueAt: moved.steps[0].dueAt, dueAtBefore: step.dueAt });
    } finally {
      expect((await admin.delete(`/api/calendar/days/${firstDay}`)).status).to.equal(200);
    }
  });

  it('when an admin declares a holiday, then the 容缺 deadline, the §32 window deadline and the project clock move with it', async () => {
    const applicant = { name: '城建开发有限公司', phone: '13700002468' };
    const coreMaterials = [{ code: 'application-form' }, { code: 'qualification' }, { code: 'construction-permit' }];
    const tolerated = (await clerk.post('/api/cases', { applicant, matterCodes: ['ZJJ-002'], channel: 'standard', materials: coreMaterials })).body.id;
    const owed = await clerk.post(`/api/cases/${tolerated}/accept-with-deficiency`, { missing: [{ code: 'business-license' }, { code: 'presale-plan' }], workingDays: 5 });
    expect(owed.status, JSON.stringify(owed.body)).to.equal(200);
    const waiting = (await clerk.post('/api/cases', { applicant, matterCodes: ['ZJJ-002'], channel: 'standard', materials: coreMaterials })).body.id;
    const project = await supervisor.post('/api/projects', { name: '城建一期', limitWorkingDays: 3 });
    expect(project.status).to.equal(201);
    const registeredAt = instantOf(project.body.timeline, 'REGISTERED');
    const owedDue = async () => (await clerk.get(`/api/cases/${tolerated}`)).body.deficiency.dueAt;
    const acceptedAt = instantOf((await clerk.get(`/api/cases/${tolerated}`)).body.timeline, 'ACCEPT_WITH_DEFICIENCY');
    await eventually(async () => expect(Date.parse(await owedDue())).to.equal(Date.parse(await dueDate(acceptedAt, 5))));
    expect(Date.parse(project.body.dueAt)).to.equal(Date.parse(await dueDate(registeredAt, 3)));
    const owedBefore = await owedDue();

    // A holiday on the first working day after both the acceptance and the registration.
    const firstDay = [await firstWorkingDayAfter(clerk, acceptedAt), await firstWorkingDayAfter(clerk, registeredAt)].sort()[1];
    expect((await admin.put(`/api/calendar/days/${firstDay}`, { kind: 'holiday', name: '临时休息日' })).status).to.equal(200);
    try {
      await eventually(async () => expect(Date.parse(await owedDue())).to.equal(Date.parse(await dueDate(acceptedAt, 5))));
      expect(Date.parse(await owedDue())).to.be.above(Date.parse(owedBefore));
      const projectNow = await eventually(async () => {
        const page = (await supervisor.get(`/api/projects/${project.body.id}`)).body;
        expect(Date.parse(page.dueAt)).to.equal(Date.parse(await dueDate(registeredAt, 3)));
        return page;
      });
      expect(Date.parse(projectNow.dueAt)).to.be.above(Date.parse(project.body.dueAt));
      const recomputed = projectNow.timeline.find((e: { action: string }) => e.action === 'CLOCK_RECOMPUTED');
      expect(recomputed.detail).to.include({ calendarDate: firstDay, dueAt: projectNow.dueAt });
      expect(projectNow.timeline.find((e: { action: string }) => e.action === 'REGISTERED').detail.dueAt).to.equal(project.body.dueAt).and.to.match(/\+08:00$/);
      const notes = async (caseId: string) => (await clerk.get(`/api/cases/${caseId}`)).body.timeline
        .filter((e: { action: string }) => e.action === 'DEADLINE_RECOMPUTED').map((e: { detail: { deadline: string } }) => e.detail.deadline);
      await eventually(async () => {
        expect(await notes(tolerated)).to.deep.equal(['deficiency']);
        expect(await notes(waiting)).to.deep.equal(['window']);
      });
    } finally {
      expect((await admin.delete(`/api/calendar/days/${firstDay}`)).status).to.equal(200);
    }
  });
});
