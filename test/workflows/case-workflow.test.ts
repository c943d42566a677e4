// Case and step workflows on the time-skipping test server, with the real projection
// activities writing to an in-memory database.
import { expect } from 'chai';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { DataSource } from 'typeorm';
import { AuditEvent, CaseRecord, Step } from '../../entities';
import { ErrorCode } from '../../domain/errors';
import {
  acceptCaseUpdate, approveStepUpdate, claimStepUpdate, rejectStepUpdate, resumeStepUpdate, stepStateQuery,
  suspendStepUpdate, withdrawCaseUpdate,
} from '../../workflows/messages';
import { CONSOLIDATION_PATCH } from '../../workflows/patches';
import { startWorkflowRig, type WorkflowRig } from '../support/temporal';
import { caseInput, clerk, MATTERS, officer, runApprovedCase, startCase, stepHandle, waitForStatus } from './scenarios';

async function updateFailure(promise: Promise<unknown>): Promise<ApplicationFailure> {
  try {
    await promise;
  } catch (err) {
    expect(err).to.be.instanceOf(WorkflowUpdateFailedError);
    const cause = (err as WorkflowUpdateFailedError).cause;
    expect(cause).to.be.instanceOf(ApplicationFailure);
    return cause as ApplicationFailure;
  }
  throw new Error('the update was expected to fail');
}

/** The patches a run recorded, from its history's patch markers. */
async function patchMarkers(handle: { fetchHistory(): Promise<{ events?: Array<{ markerRecordedEventAttributes?: { markerName?: string | null; details?: Record<string, { payloads?: Array<{ data?: Uint8Array | null }> | null }> | null } | null }> | null }> }): Promise<string[]> {
  const { events } = await handle.fetchHistory();
  return (events ?? [])
    .map((event) => event.markerRecordedEventAttributes)
    .filter((marker) => marker?.markerName === 'core_patch')
    .map((marker) => JSON.parse(Buffer.from(marker!.details!['patch-data'].payloads![0].data!).toString('utf8')).id as string);
}

/** Polls instead of awaiting result(), which would switch time skipping on for the whole server. */
async function waitUntilClosed(handle: { describe(): Promise<{ status: { name: string } }> }): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if ((await handle.describe()).status.name !== 'RUNNING') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the workflow did not close');
}

describe('case and step workflows (time-skipping server)', function () {
  this.timeout(120_000);
  let rig: WorkflowRig;
  let env: TestWorkflowEnvironment;
  let db: DataSource;

  // A fresh server per test: the time-skipping server stops answering updates for new
  // workflows once an earlier workflow on it has taken updates.
  beforeEach(async () => {
    rig = await startWorkflowRig();
    ({ env, db } = rig);
  });
  afterEach(async () => {
    await rig?.stop();
  });
  const withWorker = <T>(body: (queue: string) => Promise<T>): Promise<T> => body(rig.taskQueue);

  it('when every step is approved and the case delivered, then the workflow ends delivered and the read model agrees', async () => {
    const { handle, input, result } = await withWorker(async (taskQueue) => {
      const run = await runApprovedCase(env.client, taskQueue);
      await waitUntilClosed(run.handle);
      return run;
    });
    expect(result).to.include({ id: input.caseId, status: 'delivered' });
    expect((await handle.describe()).status.name).to.equal('COMPLETED');
    const row = await db.getRepository(CaseRecord).findOneByOrFail({ id: input.caseId });
    expect(row).to.include({ status: 'delivered', version: result.version });
    const steps = await db.getRepository(Step).find({ where: { caseId: input.caseId }, order: { matterCode: 'ASC' } });
    expect(steps.map((s) => [s.matterCode, s.status, s.assigneeName])).to.deep.equal([
      ['HBJ-001', 'approved', 'officer-hbj'], ['ZRJ-001', 'approved', 'officer-zrj'],
    ]);
    const events = await db.getRepository(AuditEvent).find({ where: { caseId: input.caseId, stepId: undefined }, order: { at: 'ASC', workflowId: 'ASC', seq: 'ASC' } });
    expect(events.filter((e) => e.stepId === null).map((e) => `${e.seq}:${e.action}:${e.toState}`)).to.deep.equal([
      '1:REGISTERED:submitted', '2:ACCEPT:accepted', '3:STEPS_DISPATCHED:inReview', '4:STEPS_CONCLUDED:approved', '5:DELIVER:delivered',
    ]);
    // Born on today's code, each run asks one patch for every change made before it (workflows/patches.ts).
    expect(await patchMarkers(handle)).to.deep.equal([CONSOLIDATION_PATCH]);
    for (const matter of ['ZRJ-001', 'HBJ-001']) expect(await patchMarkers(await stepHandle(env.client, input.caseId, matter))).to.deep.equal([CONSOLIDATION_PATCH]);
    // Under review only once every step runs: STEPS_DISPATCHED is projected after each child started.
    const caseEvents = (await handle.fetchHistory()).events ?? [];
    const started = caseEvents.flatMap((event, i) => (event.childWorkflowExecutionStartedEventAttributes ? [i] : []));
    const projectedDispatch = caseEvents.findIndex((event) => Buffer.from(event.activityTaskScheduledEventAttributes?.input?.payloads?.[0]?.data ?? [])
      .toString('utf8').includes('"STEPS_DISPATCHED"'));
    expect(started).to.have.length(2);
    expect(projectedDispatch).to.be.greaterThan(Math.max(...started));
  });

  it('when an illegal action arrives, then the validator rejects it before it reaches history', async () => {
    await withWorker(async (taskQueue) => {
      const { handle, input } = await startCase(env.client, taskQueue);
      await handle.executeUpdate(acceptCaseUpdate, { args: [{ actor: clerk }] });
      const step = await stepHandle(env.client, input.caseId, 'ZRJ-001');
      const failure = await updateFailure(step.executeUpdate(approveStepUpdate, { args: [{ actor: officer('zrj'), opinion: '同意' }] }));
      expect(failure.type).to.equal(ErrorCode.IllegalTransition);
      expect(failure.details?.[0]).to.deep.equal({ state: 'pending', event: 'APPROVE', allowed: ['CLAIM'] });
      const history = await step.fetchHistory();
      const accepted = (history.events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes);
      expect(accepted).to.have.length(0);
      await handle.executeUpdate(withdrawCaseUpdate, { args: [{ actor: clerk }] });
    });
  });

  it('when someone other than the assignee decides, then it is refused as forbidden', async () => {
    await withWorker(async (taskQueue) => {
      const { handle, input } = await startCase(env.client, taskQueue);
      await handle.executeUpdate(acceptCaseUpdate, { args: [{ actor: clerk }] });
      const step = await stepHandle(env.client, input.caseId, 'HBJ-001');
      await step.executeUpdate(claimStepUpdate, { args: [{ actor: officer('hbj', 10) }] });
      const failure = await updateFailure(step.executeUpdate(rejectStepUpdate, {
        args: [{ actor: officer('hbj', 11), reason: '不符合', legalBasis: '某法第一条' }],
      }));
      expect(failure.type).to.equal(ErrorCode.Forbidden);
      expect((await step.query(stepStateQuery)).status).to.equal('claimed');
      await handle.executeUpdate(withdrawCaseUpdate, { args: [{ actor: clerk }] });
    });
  });

  it('when two pauses overlap, then the step stays suspended until both are resumed', async () => {
    await withWorker(async (taskQueue) => {
      const { handle, input } = await startCase(env.client, taskQueue);
      await handle.executeUpdate(acceptCaseUpdate, { args: [{ actor: clerk }] });
      const step = await stepHandle(env.client, input.caseId, 'ZRJ-001');
      const reviewer = officer('zrj');
      await step.executeUpdate(claimStepUpdate, { args: [{ actor: reviewer }] });
      await step.executeUpdate(suspendStepUpdate, { args: [{ actor: reviewer, kind: '现场踏勘', reason: '需现场核实用地范围' }] });
      await step.executeUpdate(suspendStepUpdate, { args: [{ actor: reviewer, kind: '公示', reason: '选址公示十日' }] });
      expect((await step.executeUpdate(resumeStepUpdate, { args: [{ actor: reviewer }] })).status).to.equal('suspended');
      expect((await step.executeUpdate(resumeStepUpdate, { args: [{ actor: reviewer }] })).status).to.equal('inReview');
      await handle.executeUpdate(withdrawCaseUpdate, { args: [{ actor: clerk }] });
    });
  });

  it('when one department rejects a matter the other builds on, then the case is denied once every step has decided', async () => {
    await withWorker(async (taskQueue) => {
      // The environmental approval is declared to build on the site selection here.
      const { handle, input } = await startCase(env.client, taskQueue, caseInput([MATTERS[0], { ...MATTERS[1], requires: ['ZRJ-001'] }]));
      await handle.executeUpdate(acceptCaseUpdate, { args: [{ actor: clerk }] });
      const zrj = await stepHandle(env.client, input.caseId, 'ZRJ-001');
      await zrj.executeUpdate(claimStepUpdate, { args: [{ actor: officer('zrj') }] });
      await zrj.executeUpdate(rejectStepUpdate, { args: [{ actor: officer('zrj'), reason: '选址不符合国土空间规划', legalBasis: '《土地管理法》第五十二条' }] });
      expect((await handle.query('caseState') as { status: string }).status).to.equal('inReview');
      const hbj = await stepHandle(env.client, input.caseId, 'HBJ-001');
      await hbj.executeUpdate(claimStepUpdate, { args: [{ actor: officer('hbj') }] });
      await hbj.executeUpdate(approveStepUpdate, { args: [{ actor: officer('hbj'), opinion: '同意' }] });
      await waitForStatus(handle, 'denied');
      const rejected = await db.getRepository(Step).findOneByOrFail({ caseId: input.caseId, matterCode: 'ZRJ-001' });
      expect(rejected).to.include({ status: 'rejected', legalBasis: '《土地管理法》第五十二条' });
      await handle.executeUpdate(withdrawCaseUpdate, { args: [{ actor: clerk }] }).catch(() => undefined);
    });
  });
});
