// §32 on the time-skipping server: the window has 5 working days from receiving complete
// materials to accept, refuse or ask for more; past that the case counts as accepted from
// receipt, by itself, and its step clocks start from receipt. Instants worked out by hand
// on a declared 2030 (weekends, 元旦, 劳动节, 国庆节; no lunar holiday) in the test's era
// (test/support/test-era.ts): no holiday in these weeks; the receipt day is not counted; close of
// office 17:30.
//   received Mon 2030-12-02 10:00 → Tue 3 (1), Wed 4 (2), Thu 5 (3), Fri 6 (4), Mon 9 (5): deemed Mon 12-09 17:30
//   ZRJ-001, 12 working days from receipt: … Fri 6 (4), Fri 13 (9), Wed 18 (12) → due Wed 12-18 17:30
//   a supplement received Fri 12-06 10:00 starts over: Mon 9 … Fri 13 (5) → deemed Fri 12-13 17:30
import { expect } from 'chai';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { DataSource } from 'typeorm';
import { AuditEvent, CaseRecord, Notification, Step } from '../../entities';
import { toShanghaiIso } from '../../domain/time';
import { receiveSupplementUpdate, requestSupplementUpdate } from '../../workflows/messages';
import { eventually } from '../support/eventually';
import { startWorkflowRig, type WorkflowRig, advanceTo as advanceServerTo } from '../support/temporal';
import { declaredYear, testEra } from '../support/test-era';
import { caseInput, clerk, MATTERS, startCase } from './scenarios';

const era = testEra('2030-12-02T10:00:00');
const minute = (instant: Date | string | null): string | undefined => toShanghaiIso(instant)?.slice(0, 16);
const agent = { id: 40, username: 'agent1' };

describe('§32 window deadline (time-skipping server)', function () {
  this.timeout(180_000);
  let rig: WorkflowRig;
  let env: TestWorkflowEnvironment;
  let db: DataSource;

  // A fresh server per test: the time-skipping server stops answering updates for new workflows
  // once an earlier workflow on it has taken updates.
  beforeEach(async () => {
    rig = await startWorkflowRig({ prepare: (database) => declaredYear(database, era, 2030) });
    ({ env, db } = rig);
  });
  afterEach(async () => {
    await rig?.stop();
  });

  const advanceTo = (shanghai: string): Promise<void> => advanceServerTo(env, shanghai);
  const caseEvents = (caseId: string) => db.getRepository(AuditEvent).find({ where: { caseId }, order: { seq: 'ASC' } })
    .then((rows) => rows.filter((row) => row.stepId === null));

  it('when the window lets 5 working days pass, then the case is accepted by itself at the deadline, counted from receipt', async () => {
    await advanceTo(era('2030-12-02T10:00:00'));
    const input = { ...caseInput([MATTERS[0]]), agent };
    const { handle } = await startCase(env.client, rig.taskQueue, input);
    await advanceTo(era('2030-12-09T17:00:00'));
    expect((await db.getRepository(CaseRecord).findOneByOrFail({ id: input.caseId })).status).to.equal('submitted');

    await advanceTo(era('2030-12-10T09:00:00'));
    const events = await eventually(async () => {
      const rows = await caseEvents(input.caseId);
      expect(rows.map((row) => row.action)).to.include('STEPS_DISPATCHED');
      return rows;
    });
    expect(events.map((row) => [row.action, minute(row.at), row.actorName])).to.deep.equal([
      ['REGISTERED', era('2030-12-02T10:00'), 'clerk1'],
      ['DEEMED_ACCEPTED', era('2030-12-09T17:30'), null],
      ['STEPS_DISPATCHED', era('2030-12-09T17:30'), null],
    ]);
    expect(minute(events[1].detail?.receivedAt as string)).to.equal(era('2030-12-02T10:00'));

    const row = await db.getRepository(CaseRecord).findOneByOrFail({ id: input.caseId });
    expect(row.status).to.equal('inReview');
    expect(minute(row.acceptedAt)).to.equal(era('2030-12-02T10:00'));
    const step = await eventually(async () => {
      const found = await db.getRepository(Step).findOneByOrFail({ caseId: input.caseId });
      expect(found.dueAt).to.not.equal(null);
      return found;
    });
    expect(minute(step.dueAt)).to.equal(era('2030-12-18T17:30'));

    const notices = await db.getRepository(Notification).find({ where: { caseId: input.caseId, template: 'case.deemed-accepted' }, order: { id: 'ASC' } });
    expect(notices.map((n) => [n.recipientRole, n.recipient])).to.deep.equal([['supervisor', 'office'], ['applicant', '13912345678'], ['agent', 'agent1']]);
    await handle.terminate('test finished');
  });

  it('when the clerk asks for materials in time, then the deadline starts over from the supplement\'s receipt', async () => {
    await advanceTo(era('2030-12-02T10:00:00'));
    const input = caseInput([MATTERS[0]]);
    const { handle } = await startCase(env.client, rig.taskQueue, input);
    await advanceTo(era('2030-12-04T10:00:00'));
    await handle.executeUpdate(requestSupplementUpdate, { args: [{ actor: clerk, missing: [{ code: 'survey-map' }] }] });
    await advanceTo(era('2030-12-06T10:00:00'));
    await handle.executeUpdate(receiveSupplementUpdate, { args: [{ actor: clerk, materials: [{ code: 'survey-map' }] }] });

    await advanceTo(era('2030-12-13T17:00:00'));
    expect((await db.getRepository(CaseRecord).findOneByOrFail({ id: input.caseId })).status).to.equal('submitted');
    await advanceTo(era('2030-12-16T09:00:00'));
    const events = await eventually(async () => {
      const rows = await caseEvents(input.caseId);
      expect(rows.map((r) => r.action)).to.include('DEEMED_ACCEPTED');
      return rows;
    });
    expect(events.map((r) => [r.action, minute(r.at)]).slice(0, 4)).to.deep.equal([
      ['REGISTERED', era('2030-12-02T10:00')],
      ['REQUEST_SUPPLEMENT', era('2030-12-04T10:00')],
      ['SUPPLEMENT_RECEIVED', era('2030-12-06T10:00')],
      ['DEEMED_ACCEPTED', era('2030-12-13T17:30')],
    ]);
    expect(minute((await db.getRepository(CaseRecord).findOneByOrFail({ id: input.caseId })).acceptedAt)).to.equal(era('2030-12-06T10:00'));
    await handle.terminate('test finished');
  });
});
