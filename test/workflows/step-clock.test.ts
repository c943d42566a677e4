// A step's working-day clock on the time-skipping server: a holiday week with make-up days, two
// overlapping pauses, and the whole escalation ladder, each instant asserted exactly.
//
// The calendar of 2030 is declared as a whole, as an admin's import (weekends, 元旦, 劳动节, and a
// Golden Week Mon 09-30 – Sun 10-06 with make-up working days Sun 09-29 and Sat 10-12; no lunar
// holiday), and the instants run in the test's era (test/support/test-era.ts: 28 years later once
// 2030 is past), so the expected instants below can be worked out by hand and do not depend on the
// day the suite runs:
//   accepted Wed 09-25 09:00, limit 6 working days (the acceptance day is not counted)
//   counted closes (17:30): Thu 09-26 (1), Fri 09-27 (2) …
//   pause A 现场踏勘 Fri 09-27 10:00 → consumed 1 (09-26); pause B 专家评审 Sun 09-29 11:00 overlaps
//   resume A Tue 10-08 10:00 (B still open: the clock stays stopped); resume B Wed 10-09 15:00
//   remaining 5 from Wed 10-09 15:00: Wed 10-09 (1), Thu 10-10 (2), Fri 10-11 (3), Sat 10-12 (4), Mon 10-14 (5)
//   warning: ≤ max(2, ⌊6/3⌋) = 2 days left → after close 3 → Fri 10-11 17:30
//   overdue:  Mon 10-14 17:30 → leader notified
//   督办 order: 2 working days later → Wed 10-16 17:30, its deadline 2 more → Fri 10-18 17:30
//   accountability record at Fri 10-18 17:30 (the order is still open)
import { expect } from 'chai';
import { verifyAuditChain } from '../../activities/audit-log';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { DataSource } from 'typeorm';
import { createCalendarService } from '../../activities/calendar-service';
import { AccountabilityRecord, AuditEvent, AuditLogEntry, CaseRecord, Notification, Step, SupervisionOrder } from '../../entities';
import { toShanghaiIso } from '../../domain/time';
import type { CalendarDay } from '../../domain/calendar';
import { acceptCaseUpdate, claimStepUpdate, resumeStepUpdate, stepStateQuery, suspendStepUpdate } from '../../workflows/messages';
import { eventually } from '../support/eventually';
import { startWorkflowRig, type WorkflowRig, advanceTo as advanceServerTo } from '../support/temporal';
import { declaredYear, testEra } from '../support/test-era';
import { startBatch } from './batch';
import { caseInput, clerk, officer, startCase, stepHandle } from './scenarios';

const era = testEra('2030-09-25T09:00:00');
const GOLDEN_WEEK: CalendarDay[] = [
  { date: '2030-09-29', kind: 'workday', name: '国庆节调休' },
  ...['2030-09-30', '2030-10-01', '2030-10-02', '2030-10-03', '2030-10-04', '2030-10-05', '2030-10-06']
    .map((date): CalendarDay => ({ date, kind: 'holiday', name: '国庆节' })),
  { date: '2030-10-12', kind: 'workday', name: '国庆节调休' },
];
const declare2030 = (db: DataSource): Promise<void> => declaredYear(db, era, 2030);

const at = (shanghai: string): number => Date.parse(`${shanghai}+08:00`);
const minute = (instant: Date | string | null): string | undefined => toShanghaiIso(instant)?.slice(0, 16);

describe('step clock and escalation ladder (time-skipping server)', function () {
  this.timeout(180_000);
  let rig: WorkflowRig;
  let env: TestWorkflowEnvironment;
  let db: DataSource;
  let taskQueue: string;

  before(async () => {
    rig = await startWorkflowRig({
      prepare: (database) => declaredYear(database, era, 2030, GOLDEN_WEEK),
    });
    ({ env, db, taskQueue } = rig);
  });
  after(async () => {
    await rig?.stop();
  });

  /** Lets the server's clock run forward to a Shanghai wall-clock instant, firing timers on the way. */
  const advanceTo = (shanghai: string): Promise<void> => advanceServerTo(env, shanghai);

  it('when the calendar is read, then the declared golden week and make-up days are in force', async () => {
    const calendar = await createCalendarService({ db }).current();
    expect(['2030-09-27', '2030-09-28', '2030-09-29', '2030-09-30', '2030-10-06', '2030-10-07', '2030-10-12', '2030-10-13']
      .map((date) => calendar.isWorkingDay(era(date)))).to.deep.equal([true, false, true, false, false, true, true, false]);
  });

  it('when a step crosses the holiday week with two overlapping pauses, then every warning, overdue and escalation fires once at its exact instant', async () => {
    await advanceTo(era('2030-09-25T09:00:00'));
    const input = caseInput([{ code: 'ZRJ-009', name: '建设用地规划许可证核发', departmentCode: 'zrj', legalDays: 20, committedDays: 6 }]);
    const { handle } = await startCase(env.client, taskQueue, input);
    await handle.executeUpdate(acceptCaseUpdate, { args: [{ actor: clerk }] });
    const step = await stepHandle(env.client, input.caseId, 'ZRJ-009');
    const reviewer = officer('zrj');
    await step.executeUpdate(claimStepUpdate, { args: [{ actor: reviewer }] });
    const stepId = `${input.caseId}-ZRJ-009`;
    const stepRow = () => db.getRepository(Step).findOneByOrFail({ id: stepId });
    await eventually(async () => expect(minute((await stepRow()).dueAt)).to.equal(era('2030-10-09T17:30')));

    await advanceTo(era('2030-09-27T10:00:00'));
    await step.executeUpdate(suspendStepUpdate, { args: [{ actor: reviewer, kind: '现场踏勘', reason: '核实用地范围', expectedWorkingDays: 3 }] });
    await advanceTo(era('2030-09-29T11:00:00'));
    await step.executeUpdate(suspendStepUpdate, { args: [{ actor: reviewer, kind: '专家评审', reason: '组织专家论证' }] });
    await advanceTo(era('2030-10-08T10:00:00'));
    expect((await step.executeUpdate(resumeStepUpdate, { args: [{ actor: reviewer }] })).status).to.equal('suspended');
    await advanceTo(era('2030-10-09T15:00:00'));
    expect((await step.executeUpdate(resumeStepUpdate, { args: [{ actor: reviewer }] })).status).to.equal('inReview');
    await eventually(async () => expect(minute((await stepRow()).dueAt)).to.equal(era('2030-10-14T17:30')));

    await advanceTo(era('2030-10-21T09:00:00'));
    const events = await eventually(async () => {
      const rows = await db.getRepository(AuditEvent).find({ where: { stepId }, order: { seq: 'ASC' } });
      expect(rows.map((row) => row.action)).to.include('ACCOUNTABILITY_RECORDED');
      return rows;
    });
    const ladder = events.filter((e) => ['WARNING', 'OVERDUE', 'SUPERVISION_ORDER_OPENED', 'ACCOUNTABILITY_RECORDED'].includes(e.action));
    expect(ladder.map((e) => [e.action, minute(e.at)])).to.deep.equal([
      ['WARNING', era('2030-10-11T17:30')],
      ['OVERDUE', era('2030-10-14T17:30')],
      ['SUPERVISION_ORDER_OPENED', era('2030-10-16T17:30')],
      ['ACCOUNTABILITY_RECORDED', era('2030-10-18T17:30')],
    ]);

    const row = await stepRow();
    expect((await step.query(stepStateQuery)).clock?.fired).to.deep.equal({ warning: true, overdue: true, supervise: true, accountability: true });
    expect(row).to.include({ light: 'red', card: 'red', limitDays: 6, status: 'inReview' });
    const order = await db.getRepository(SupervisionOrder).findOneByOrFail({ stepId });
    expect(order).to.include({ status: 'open', departmentCode: 'zrj' });
    expect(minute(order.deadlineAt)).to.equal(era('2030-10-18T17:30'));
    const records = await db.getRepository(AccountabilityRecord).findBy({ stepId });
    expect(records).to.have.length(1);
    expect(records[0].contentHash).to.match(/^[0-9a-f]{64}$/);

    const notices = await db.getRepository(Notification).find({ where: { stepId }, order: { id: 'ASC' } });
    expect(notices.map((n) => [n.template, n.recipientRole, n.recipient])).to.deep.equal([
      ['step.suspended', 'applicant', '13912345678'],
      ['step.suspended', 'applicant', '13912345678'],
      ['step.warning', 'officer', 'officer-zrj'],
      ['step.overdue', 'leader', 'dept:zrj'],
      ['order.opened', 'supervisor', 'office'],
      ['order.opened', 'leader', 'dept:zrj'],
      ['accountability.recorded', 'supervisor', 'office'],
      ['accountability.recorded', 'leader', 'dept:zrj'],
    ]);
    expect(notices[0].payload).to.deep.include({ kind: '现场踏勘', expectedWorkingDays: 3 });

    // What the system did by itself is in the hash-chained audit log too, once each, at its instant.
    const audited = await db.getRepository(AuditLogEntry).find({ where: { objectType: 'steps', objectId: stepId, actorName: 'system' }, order: { id: 'ASC' } });
    const rungs = audited.filter((row) => /WARNING|OVERDUE|SUPERVISION_ORDER_OPENED|ACCOUNTABILITY_RECORDED/.test(row.action));
    expect(rungs.map((row) => [row.action, minute(row.at)])).to.deep.equal(ladder.map((e) => [`SYSTEM ${e.action}`, minute(e.at)]));
    expect(await verifyAuditChain(db)).to.deep.include({ intact: true });

    const kase = await db.getRepository(CaseRecord).findOneByOrFail({ id: input.caseId });
    expect(kase.light).to.equal('red');
    expect(minute(kase.dueAt)).to.equal(era('2030-10-14T17:30'));
    await handle.terminate('test finished');
  });

});

describe('many steps due in the same minute (time-skipping server)', function () {
  this.timeout(600_000);
  let rig: WorkflowRig;
  let env: TestWorkflowEnvironment;
  let db: DataSource;
  let taskQueue: string;

  before(async () => {
    rig = await startWorkflowRig({ prepare: declare2030, worker: { maxConcurrentActivityTaskExecutions: 200, maxCachedWorkflows: 2000 } });
    ({ env, db, taskQueue } = rig);
  });
  after(async () => {
    await rig?.stop();
  });

  // Accepted Mon 2030-10-21 09:00 with a limit of 1 working day: due Tue 10-22 17:30 (warning at
  // once: fewer than 2 days left), 督办 Thu 10-24 17:30, order deadline Mon 10-28 17:30.
  it('when 1,000 steps fall due in the same minute, then each climbs the whole ladder exactly once', async () => {
    await env.sleep(at(era('2030-10-21T09:00:00')) - (await env.currentTimeMs()));
    const acceptedAt = new Date(await env.currentTimeMs()).toISOString();
    const ids = await startBatch(env.client, db, taskQueue, { steps: 1000, mattersPerCase: 10, committedDays: 1, acceptedAt });
    expect(ids).to.have.length(1000);
    await env.sleep(at(era('2030-10-29T09:00:00')) - (await env.currentTimeMs()));
    const count = async (action: string): Promise<number> => db.getRepository(AuditEvent).countBy({ action });
    await eventually(async () => expect(await count('ACCOUNTABILITY_RECORDED')).to.equal(1000), 120_000);
    for (const action of ['DISPATCHED', 'WARNING', 'OVERDUE', 'SUPERVISION_ORDER_OPENED', 'ACCOUNTABILITY_RECORDED']) {
      expect(await count(action), action).to.equal(1000);
    }
    const dues = await db.getRepository(Step).createQueryBuilder('s').select('DISTINCT s.due_at', 'due').getRawMany<{ due: string | Date }>();
    expect(dues.map((row) => minute(row.due instanceof Date ? row.due : new Date(`${String(row.due).replace(' ', 'T')}Z`)))).to.deep.equal([era('2030-10-22T17:30')]);
    const orders = await db.getRepository(SupervisionOrder).find();
    expect(orders).to.have.length(1000);
    expect(new Set(orders.map((order) => minute(order.deadlineAt)))).to.deep.equal(new Set([era('2030-10-28T17:30')]));
    expect(await db.getRepository(AccountabilityRecord).count()).to.equal(1000);
    // warning, overdue, two order and two accountability notices per step, each with its own dedupe key
    expect(await db.getRepository(Notification).count()).to.equal(6000);
    expect(await db.getRepository(Step).countBy({ light: 'red', card: 'red' })).to.equal(1000);
});
});

describe('pauses and the due instant (time-skipping server)', function () {
  this.timeout(180_000);
  let rig: WorkflowRig;
  let env: TestWorkflowEnvironment;
  let taskQueue: string;

  before(async () => {
    rig = await startWorkflowRig({ prepare: declare2030 });
    ({ env, taskQueue } = rig);
  });
  after(async () => {
    await rig?.stop();
  });

  const advanceTo = (shanghai: string): Promise<void> => advanceServerTo(env, shanghai);

  // Accepted Mon 2030-11-04 10:00, limit 6 (the declared 2030 has no holiday in November): counted closes
  // Tue 11-05 (1) … Fri 11-08 (4), Mon 11-11 (5), Tue 11-12 (6) → due Tue 11-12 17:30.
  // Pauses over no counted close: within the acceptance day, from its afternoon to the next
  // morning, over the weekend, after close on Mon 11-11 → still 11-12. A pause from Tue 11-12
  // 09:00 to Wed 11-13 09:00 stops the clock over one close (Tue 11-12) → due Wed 11-13 17:30.
  it('when a step is paused over no working-day close, then its due instant stays; over one close, it moves one working day', async () => {
    await advanceTo(era('2030-11-04T10:00:00'));
    const input = caseInput([{ code: 'ZRJ-009', name: '建设用地规划许可证核发', departmentCode: 'zrj', legalDays: 20, committedDays: 6 }]);
    const { handle } = await startCase(env.client, taskQueue, input);
    await handle.executeUpdate(acceptCaseUpdate, { args: [{ actor: clerk }] });
    const step = await stepHandle(env.client, input.caseId, 'ZRJ-009');
    const reviewer = officer('zrj');
    await step.executeUpdate(claimStepUpdate, { args: [{ actor: reviewer }] });
    const due = async (): Promise<string | undefined> => minute((await step.query(stepStateQuery)).clock?.dueAt ?? null);
    expect(await due()).to.equal(era('2030-11-12T17:30'));
    const pauses: Array<[string, string, string]> = [
      [era('2030-11-04T11:00:00'), era('2030-11-04T14:00:00'), era('2030-11-12T17:30')],
      [era('2030-11-04T16:00:00'), era('2030-11-05T09:00:00'), era('2030-11-12T17:30')],
      [era('2030-11-08T18:00:00'), era('2030-11-11T08:30:00'), era('2030-11-12T17:30')],
      [era('2030-11-11T18:00:00'), era('2030-11-12T08:00:00'), era('2030-11-12T17:30')],
      [era('2030-11-12T09:00:00'), era('2030-11-13T09:00:00'), era('2030-11-13T17:30')],
    ];
    for (const [from, to, expected] of pauses) {
      await advanceTo(from);
      await step.executeUpdate(suspendStepUpdate, { args: [{ actor: reviewer, kind: '补正', reason: '补充材料' }] });
      await advanceTo(to);
      await step.executeUpdate(resumeStepUpdate, { args: [{ actor: reviewer }] });
      expect(await due(), `paused ${from} → ${to}`).to.equal(expected);
    }
  });
});
