// The case clock on the time-skipping server: a case is as late as its latest open step. Steps
// tell the case only when their due instant or light moves, and the case re-reads its clock when
// a step decides.
//
// On a declared 2030 in the test's era (test/support/test-era.ts), accepted Mon 11-04 10:00:
//   ZRJ-009, limit 2: closes Tue 11-05 (1), Wed 11-06 (2) → due Wed 11-06 17:30, red from then on
//   HBJ-001, limit 10: due two weeks later, still green on Thu 11-07
import { expect } from 'chai';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { DataSource } from 'typeorm';
import { CaseRecord, Step } from '../../entities';
import { toShanghaiIso } from '../../domain/time';
import { acceptCaseUpdate, approveStepUpdate, claimStepUpdate, stepIdFor } from '../../workflows/messages';
import { eventually } from '../support/eventually';
import { advanceTo, startWorkflowRig, type WorkflowRig } from '../support/temporal';
import { declaredYear, testEra } from '../support/test-era';
import { caseInput, clerk, officer, startCase, stepHandle } from './scenarios';

const era = testEra('2030-11-04T10:00:00');

describe('case clock (time-skipping server)', function () {
  this.timeout(120_000);
  let rig: WorkflowRig;
  let env: TestWorkflowEnvironment;
  let db: DataSource;

  before(async () => {
    rig = await startWorkflowRig({ prepare: (database) => declaredYear(database, era, 2030) });
    ({ env, db } = rig);
  });
  after(async () => {
    await rig?.stop();
  });

  it('when the overdue step is decided while another runs, then the case takes the running step\'s light and due instant, and claims and approvals send the case no clock report', async () => {
    await advanceTo(env, era('2030-11-04T10:00:00'));
    const input = caseInput([
      { code: 'ZRJ-009', name: '建设用地规划许可证核发', departmentCode: 'zrj', legalDays: 20, committedDays: 2 },
      { code: 'HBJ-001', name: '建设项目环境影响报告书审批', departmentCode: 'hbj', legalDays: 60, committedDays: 10 },
    ]);
    const { handle } = await startCase(env.client, rig.taskQueue, input);
    await handle.executeUpdate(acceptCaseUpdate, { args: [{ actor: clerk }] });
    const late = await stepHandle(env.client, input.caseId, 'ZRJ-009');
    const caseRow = () => db.getRepository(CaseRecord).findOneByOrFail({ id: input.caseId });
    const stepRow = (code: string) => db.getRepository(Step).findOneByOrFail({ id: stepIdFor(input.caseId, code) });

    await advanceTo(env, era('2030-11-07T09:00:00'));
    await eventually(async () => {
      expect((await stepRow('ZRJ-009')).light).to.equal('red');
      expect((await caseRow()).light).to.equal('red');
    });
    const running = await stepRow('HBJ-001');
    expect(running.light).to.equal('green');
    expect(toShanghaiIso((await stepRow('ZRJ-009')).dueAt)?.slice(0, 16)).to.equal(era('2030-11-06T17:30'));
    const reports = async (): Promise<number> => (await handle.fetchHistory()).events!
      .filter((event) => event.workflowExecutionSignaledEventAttributes?.signalName === 'stepClock').length;
    const before = await reports();

    const reviewer = officer('zrj');
    await late.executeUpdate(claimStepUpdate, { args: [{ actor: reviewer }] });
    await late.executeUpdate(approveStepUpdate, { args: [{ actor: reviewer, opinion: '同意' }] });

    await eventually(async () => {
      const row = await caseRow();
      expect(row.light).to.equal('green');
      expect(row.dueAt?.getTime()).to.equal(running.dueAt?.getTime());
    });
    expect(await reports()).to.equal(before);
  });
});
