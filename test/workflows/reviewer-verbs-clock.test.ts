// The reviewers' verbs on the step clock, on the time-skipping server: 委派 and 加签 leave it
// running; 退回 to the window stops it (补正, §45) until the window records the supplement.
//
// 2030 is declared (weekends, 元旦, 劳动节, 国庆节; no lunar holiday) and runs in the test's era
// (test/support/test-era.ts): March has no holiday or make-up day, so the instants are worked out
// by hand:
//   accepted Mon 03-04 09:00, limit 5 working days → closes Tue 03-05 (1), Wed 03-06 (2),
//   Thu 03-07 (3), Fri 03-08 (4), Mon 03-11 (5): due Mon 03-11 17:30
//   委派 Tue 03-05 10:00, handed back Wed 03-06 10:00, 加签 Wed 03-06 10:30: due unchanged
//   退回 to the window Thu 03-07 10:00 (2 closes consumed), supplement Tue 03-12 15:00: the pause
//   stopped the clock over 3 closes (Thu 03-07, Fri 03-08, Mon 03-11) → due Thu 03-14 17:30
//   warning: ≤ max(2, ⌊5/3⌋) = 2 days left → after the 3rd counted close → Tue 03-12 17:30
import { expect } from 'chai';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { DataSource } from 'typeorm';
import type { Actor } from '../../domain/types';
import { toShanghaiIso } from '../../domain/time';
import { AuditEvent, Step } from '../../entities';
import {
  acceptCaseUpdate, addSignersUpdate, claimStepUpdate, delegateStepUpdate, returnDelegationUpdate, sendBackStepUpdate, stepStateQuery, supplementStepUpdate,
} from '../../workflows/messages';
import { eventually } from '../support/eventually';
import { advanceTo as advanceServerTo, startWorkflowRig, type WorkflowRig } from '../support/temporal';
import { declaredYear, testEra } from '../support/test-era';
import { caseInput, clerk, officer, startCase, stepHandle } from './scenarios';

const era = testEra('2030-03-04T09:00:00');
const minute = (instant: Date | string | null | undefined): string | undefined => toShanghaiIso(instant ?? null)?.slice(0, 16);

describe('reviewers\' verbs on the step clock (time-skipping server)', function () {
  this.timeout(180_000);
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

  it('when a step is delegated, gets a signer and is sent back to the window, then only the 退回 moves its due instant, by exactly the closes it stopped', async () => {
    await advanceServerTo(env, era('2030-03-04T09:00:00'));
    const input = caseInput([{ code: 'ZRJ-009', name: '建设用地规划许可证核发', departmentCode: 'zrj', legalDays: 20, committedDays: 5 }]);
    const { handle } = await startCase(env.client, rig.taskQueue, input);
    await handle.executeUpdate(acceptCaseUpdate, { args: [{ actor: clerk }] });
    const step = await stepHandle(env.client, input.caseId, 'ZRJ-009');
    const stepId = `${input.caseId}-ZRJ-009`;
    const reviewer = officer('zrj');
    const second: Actor = { ...reviewer, id: reviewer.id + 1, username: 'officer2-zrj' };
    const due = async () => minute((await step.query(stepStateQuery)).clock?.dueAt);
    await step.executeUpdate(claimStepUpdate, { args: [{ actor: reviewer }] });
    expect(await due()).to.equal(era('2030-03-11T17:30'));

    await advanceServerTo(env, era('2030-03-05T10:00:00'));
    await step.executeUpdate(delegateStepUpdate, { args: [{ actor: reviewer, to: { id: second.id, username: second.username }, reason: '请协助审查' }] });
    await advanceServerTo(env, era('2030-03-06T10:00:00'));
    await step.executeUpdate(returnDelegationUpdate, { args: [{ actor: second, opinion: '建议同意' }] });
    await advanceServerTo(env, era('2030-03-06T10:30:00'));
    await step.executeUpdate(addSignersUpdate, { args: [{ actor: reviewer, position: 'after', usernames: [second.username], reason: '重大事项' }] });
    expect(await due(), '委派 and 加签 leave the clock running').to.equal(era('2030-03-11T17:30'));

    await advanceServerTo(env, era('2030-03-07T10:00:00'));
    const sent = await step.executeUpdate(sendBackStepUpdate, {
      args: [{ actor: reviewer, to: 'window', reason: '缺宗地图', missing: [{ code: 'site-plan', name: '宗地图' }] }],
    });
    expect(sent.status).to.equal('suspended');
    await advanceServerTo(env, era('2030-03-12T15:00:00'));
    expect((await step.executeUpdate(supplementStepUpdate, { args: [{ actor: clerk, materials: [{ code: 'site-plan' }] }] })).status).to.equal('inReview');
    expect(await due()).to.equal(era('2030-03-14T17:30'));
    await eventually(async () => expect(minute((await db.getRepository(Step).findOneByOrFail({ id: stepId })).dueAt)).to.equal(era('2030-03-14T17:30')));

    await advanceServerTo(env, era('2030-03-13T09:00:00'));
    const warning = await eventually(async () => {
      const row = await db.getRepository(AuditEvent).findOneBy({ stepId, action: 'WARNING' });
      expect(row).to.not.equal(null);
      return row!;
    });
    expect(minute(warning.at), 'no warning while the window held the step').to.equal(era('2030-03-12T17:30'));
    const actions = (await db.getRepository(AuditEvent).find({ where: { stepId }, order: { seq: 'ASC' } })).map((row) => row.action);
    const verbs = ['DELEGATE', 'RETURN_DELEGATION', 'ADD_SIGNERS', 'SEND_BACK', 'SUPPLEMENTED', 'WARNING'];
    expect(actions.filter((action) => verbs.includes(action))).to.deep.equal(verbs);
  });
});
