// 容缺受理 on the time-skipping server: the supplement deadline is counted on the working-day
// calendar and its timer is durable; materials still owed then suspend the case and escalate,
// and the last owed material resumes it. Instants are worked out by hand, on a declared 2030 (weekends,
// 元旦, 劳动节, 国庆节; no lunar holiday) in the test's era (test/support/test-era.ts):
//   accepted Wed 2030-11-20 09:00, 5 working days, Fri 11-22 declared a holiday
//   counted closes (17:30): Thu 11-21 (1), Mon 11-25 (2), Tue 11-26 (3), Wed 11-27 (4), Thu 11-28 (5)
//   → due Thu 2030-11-28 17:30 Shanghai; still owed then → TOLERANCE_LAPSED at that instant
import { expect } from 'chai';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { DataSource } from 'typeorm';
import { applyCalendarOverride } from '../../activities/calendar-service';
import { AuditEvent, CaseRecord, Notification, Step } from '../../entities';
import { toShanghaiIso } from '../../domain/time';
import {
  acceptWithDeficiencyUpdate, caseStateQuery, deliverCaseUpdate, receiveSupplementUpdate, withdrawCaseUpdate,
} from '../../workflows/messages';
import { eventually } from '../support/eventually';
import { startWorkflowRig, type WorkflowRig, advanceTo as advanceServerTo } from '../support/temporal';
import { declaredYear, testEra } from '../support/test-era';
import { caseInput, clerk, MATTERS, startCase, waitForStatus } from './scenarios';

const era = testEra('2030-11-20T09:00:00');
const minute = (instant: Date | string | null): string | undefined => toShanghaiIso(instant)?.slice(0, 16);
const agent = { id: 40, username: 'agent1' };
const agentActor = { ...agent, role: 'agent' as const, departmentCode: null };
const OWED = [{ code: 'public-participation', name: '公众参与说明' }, { code: 'confidentiality-statement', name: '删除涉密信息的说明', note: '三日内补交' }];

describe('容缺 supplement deadline (time-skipping server)', function () {
  this.timeout(180_000);
  let rig: WorkflowRig;
  let env: TestWorkflowEnvironment;
  let db: DataSource;
  let taskQueue: string;

  beforeEach(async () => {
    rig = await startWorkflowRig({
      prepare: async (database) => {
        await declaredYear(database, era, 2030);
        await applyCalendarOverride(database, { date: era('2030-11-22'), kind: 'holiday', name: '测试休息日', by: 'admin1' });
      },
    });
    ({ env, db, taskQueue } = rig);
  });
  afterEach(async () => {
    await rig?.stop();
  });

  const advanceTo = (shanghai: string): Promise<void> => advanceServerTo(env, shanghai);

  it('when owed materials are still missing at the deadline, then the case is suspended and escalated at that instant, and the last one resumes it', async () => {
    await advanceTo(era('2030-11-20T09:00:00'));
    // 生态环境局 report: 30 working days, so no step milestone falls inside the 容缺 week.
    const input = { ...caseInput([MATTERS[1]]), agent };
    const { handle } = await startCase(env.client, taskQueue, input);
    const accepted = await handle.executeUpdate(acceptWithDeficiencyUpdate, { args: [{ actor: clerk, owed: OWED, workingDays: 5 }] });
    expect(accepted.status).to.be.oneOf(['accepted', 'inReview']);
    await waitForStatus(handle, 'inReview');
    const record = () => db.getRepository(CaseRecord).findOneByOrFail({ id: input.caseId });
    await eventually(async () => expect((await record()).deficiency?.owed.map((item) => item.code)).to.deep.equal(['public-participation', 'confidentiality-statement']));
    expect(minute((await record()).deficiency!.dueAt)).to.equal(era('2030-11-28T17:30'));
    expect(await db.getRepository(Step).countBy({ caseId: input.caseId })).to.equal(1);

    // One of the two arrives in time: only the other is still owed.
    await advanceTo(era('2030-11-25T10:00:00'));
    const partly = await handle.executeUpdate(receiveSupplementUpdate, { args: [{ actor: agentActor, materials: [{ code: 'confidentiality-statement' }] }] });
    expect(partly.status).to.equal('inReview');
    await advanceTo(era('2030-11-28T17:29:00'));
    expect((await handle.query(caseStateQuery)).status).to.equal('inReview');

    await advanceTo(era('2030-11-29T09:00:00'));
    await waitForStatus(handle, 'suspended');
    const view = await handle.query(caseStateQuery);
    expect(view.deficiency).to.deep.include({ lapsed: true, workingDays: 5 });
    expect(view.deficiency?.owed.map((item) => item.code)).to.deep.equal(['public-participation']);
    expect(view.allowedEvents).to.include.members(['SUPPLEMENT_RECEIVED', 'WITHDRAW']);

    const timeline = () => db.getRepository(AuditEvent).find({ where: { caseId: input.caseId, stepId: undefined }, order: { seq: 'ASC' } });
    const lapsed = await eventually(async () => {
      const entry = (await timeline()).find((event) => event.action === 'TOLERANCE_LAPSED');
      expect(entry).to.not.equal(undefined);
      return entry!;
    });
    expect(lapsed).to.include({ fromState: 'inReview', toState: 'suspended', actorId: null });
    expect(minute(lapsed.at)).to.equal(era('2030-11-28T17:30'));
    expect(lapsed.detail).to.deep.include({ owed: ['public-participation'], reason: '容缺材料逾期未补齐' });
    await eventually(async () => expect((await record())).to.deep.include({ status: 'suspended' }));

    const notices = await eventually(async () => {
      const rows = await db.getRepository(Notification).find({ where: { caseId: input.caseId }, order: { id: 'ASC' } });
      expect(rows.filter((row) => row.template === 'deficiency.lapsed')).to.have.length(4);
      return rows;
    });
    expect(notices.map((n) => [n.template, n.recipientRole, n.recipient, n.channel])).to.deep.equal([
      ['deficiency.owed', 'applicant', '13912345678', 'sms'],
      ['deficiency.owed', 'agent', 'agent1', 'log'],
      ['deficiency.lapsed', 'supervisor', 'office', 'log'],
      ['deficiency.lapsed', 'leader', 'dept:hbj', 'log'],
      ['deficiency.lapsed', 'applicant', '13912345678', 'sms'],
      ['deficiency.lapsed', 'agent', 'agent1', 'log'],
    ]);
    expect(notices[0].payload).to.deep.include({ trackingCode: 'TRACK12345', workingDays: 5 });
    expect(minute(String(notices[0].payload.dueAt))).to.equal(era('2030-11-28T17:30'));
    expect(notices[2].payload).to.deep.include({ owed: [{ code: 'public-participation', name: '公众参与说明' }], leadDepartmentCode: 'hbj' });

    // The last owed material resumes the review.
    await advanceTo(era('2030-12-02T10:00:00'));
    const resumed = await handle.executeUpdate(receiveSupplementUpdate, { args: [{ actor: agentActor, materials: [{ code: 'public-participation' }] }] });
    expect(resumed.status).to.equal('inReview');
    expect((await handle.query(caseStateQuery)).deficiency).to.deep.include({ owed: [], lapsed: false });
    const back = await eventually(async () => {
      const entry = (await timeline()).filter((event) => event.action === 'SUPPLEMENT_RECEIVED').at(-1);
      expect(entry?.fromState).to.equal('suspended');
      return entry!;
    });
    expect(back).to.include({ toState: 'inReview', actorName: 'agent1' });
    expect(minute(back.at)).to.equal(era('2030-12-02T10:00'));
    await handle.executeUpdate(withdrawCaseUpdate, { args: [{ actor: clerk, reason: '测试结束' }] });
  });

  it('when everything owed arrives before the deadline, then nothing lapses and delivery waits only for the decision', async () => {
    await advanceTo(era('2030-11-20T09:00:00'));
    const input = caseInput([{ code: 'SCJ-001', name: '市场主体设立登记', departmentCode: 'scj', legalDays: 3, committedDays: 0, instant: true }]);
    const { handle } = await startCase(env.client, taskQueue, input);
    // 即办件 accepted 容缺: approved at the window, but the results wait for the owed material.
    const accepted = await handle.executeUpdate(acceptWithDeficiencyUpdate, { args: [{ actor: clerk, owed: [OWED[0]], workingDays: 5 }] });
    expect(accepted.status).to.equal('approved');
    const refused = await handle.executeUpdate(deliverCaseUpdate, { args: [{ actor: clerk }] }).then(() => null, (err: Error) => err);
    expect(refused?.cause).to.deep.include({ type: 'illegal-transition' });
    await handle.executeUpdate(receiveSupplementUpdate, { args: [{ actor: clerk, materials: [{ code: 'public-participation' }] }] });
    await advanceTo(era('2030-12-02T09:00:00'));
    const delivered = await handle.executeUpdate(deliverCaseUpdate, { args: [{ actor: clerk }] });
    expect(delivered.status).to.equal('delivered');
    const actions = (await db.getRepository(AuditEvent).find({ where: { caseId: input.caseId }, order: { seq: 'ASC' } })).map((event) => event.action);
    expect(actions).to.deep.equal(['REGISTERED', 'ACCEPT_WITH_DEFICIENCY', 'DECIDED_AT_WINDOW', 'SUPPLEMENT_RECEIVED', 'DELIVER']);
    expect(await db.getRepository(Step).countBy({ caseId: input.caseId })).to.equal(0);
  });
});
