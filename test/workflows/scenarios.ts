// Drives case and step workflows directly through the Temporal client, the way the API does,
// for workflow tests and for recording the histories the replay test keeps.
import type { Client, WorkflowHandle } from '@temporalio/client';
import type { Actor, MatterSnapshot } from '../../domain/types';
import {
  acceptCaseUpdate, acceptWithDeficiencyUpdate, addSignersUpdate, approveStepUpdate, sendBackStepUpdate, supplementStepUpdate, receiveSupplementUpdate, registerCaseUpdate, caseStateQuery, caseWorkflowId, claimStepUpdate, deliverCaseUpdate, stepIdFor, stepWorkflowId,
  type CaseWorkflowInput,
} from '../../workflows/messages';
import { caseWorkflow } from '../../workflows';
import { uniqueId } from '../support/temporal';

export const clerk: Actor = { id: 1, username: 'clerk1', role: 'clerk', departmentCode: null };
export const officer = (departmentCode: string, id = 10): Actor => ({ id, username: `officer-${departmentCode}`, role: 'officer', departmentCode });

export const MATTERS: MatterSnapshot[] = [
  { code: 'ZRJ-001', name: '建设项目用地预审与选址意见书核发', departmentCode: 'zrj', legalDays: 20, committedDays: 12 },
  { code: 'HBJ-001', name: '建设项目环境影响报告书审批', departmentCode: 'hbj', legalDays: 60, committedDays: 30 },
];

/** The same matters with a 会签 panel on the first: both zrj reviewers must approve. */
export const PANEL_MATTERS: MatterSnapshot[] = [
  { ...MATTERS[0], approval: { mode: 'all', approvers: ['officer-zrj', 'officer2-zrj'] } },
  MATTERS[1],
];

export function caseInput(matters: MatterSnapshot[] = MATTERS): CaseWorkflowInput {
  return {
    caseId: uniqueId('c'),
    trackingCode: 'TRACK12345',
    applicant: { name: '星河建设有限公司', phone: '13912345678' },
    channel: 'standard',
    matters,
    materials: [{ code: 'application-form' }],
    registeredBy: clerk,
  };
}

export async function startCase(client: Client, taskQueue: string, input = caseInput()) {
  const handle = await client.workflow.start(caseWorkflow, { taskQueue, workflowId: caseWorkflowId(input.caseId), args: [input] });
  // As the API does: the registration is recorded before anyone may act on the case.
  await handle.executeUpdate(registerCaseUpdate, { args: [{ actor: clerk }] });
  return { handle, input };
}

/** Waits until the step workflow runs (the case starts it after acceptance). */
export async function stepHandle(client: Client, caseId: string, matterCode: string) {
  const id = stepWorkflowId(stepIdFor(caseId, matterCode));
  for (let i = 0; i < 200; i += 1) {
    try {
      await client.workflow.getHandle(id).describe();
      return client.workflow.getHandle(id);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`step workflow ${id} never started`);
}

/** The happy path: accept, every department claims and approves (each panel member signs), deliver. */
export async function runApprovedCase(client: Client, taskQueue: string, start = caseInput()) {
  const { handle, input } = await startCase(client, taskQueue, start);
  await handle.executeUpdate(acceptCaseUpdate, { args: [{ actor: clerk }] });
  for (const matter of input.matters) {
    const step = await stepHandle(client, input.caseId, matter.code);
    const reviewer = officer(matter.departmentCode);
    await step.executeUpdate(claimStepUpdate, { args: [{ actor: reviewer }] });
    const signers = matter.approval?.approvers.map((username, i): Actor => ({ ...reviewer, id: reviewer.id + i, username })) ?? [reviewer];
    for (const signer of signers) await step.executeUpdate(approveStepUpdate, { args: [{ actor: signer, opinion: '同意' }] });
  }
  await waitForStatus(handle, 'approved');
  const result = await handle.executeUpdate(deliverCaseUpdate, { args: [{ actor: clerk }] });
  return { handle, input, result };
}

/**
 * Window channels: an instant matter beside an ordinary one, accepted 容缺; the owed material
 * arrives before its deadline, the department approves, the results are delivered.
 */
export async function runToleratedCase(client: Client, taskQueue: string) {
  const input = {
    ...caseInput([{ code: 'SCJ-001', name: '市场主体设立登记', departmentCode: 'scj', legalDays: 3, committedDays: 0, instant: true }, MATTERS[1]]),
    // Its own tracking code: recorded beside runApprovedCase's case in one database.
    trackingCode: 'TRACK54321',
    agent: { id: 40, username: 'agent1' },
  };
  const { handle } = await startCase(client, taskQueue, input);
  await handle.executeUpdate(acceptWithDeficiencyUpdate, { args: [{ actor: clerk, owed: [{ code: 'public-participation', name: '公众参与说明' }], workingDays: 5 }] });
  await handle.executeUpdate(receiveSupplementUpdate, { args: [{ actor: clerk, materials: [{ code: 'public-participation' }] }] });
  const step = await stepHandle(client, input.caseId, MATTERS[1].code);
  const reviewer = officer(MATTERS[1].departmentCode);
  await step.executeUpdate(claimStepUpdate, { args: [{ actor: reviewer }] });
  await step.executeUpdate(approveStepUpdate, { args: [{ actor: reviewer, opinion: '同意' }] });
  await waitForStatus(handle, 'approved');
  const result = await handle.executeUpdate(deliverCaseUpdate, { args: [{ actor: clerk }] });
  return { handle, input, result };
}

/**
 * Reviewers' verbs: the assignee sends the step back to the window (退回, 补正) and the window
 * records the supplement; the assignee adds a second signer after themself (加签), signs, the
 * leader sends the step back to them (退回 to the previous signer), they sign again, the added
 * member decides, and the results are delivered.
 */
export async function runReviewedCase(client: Client, taskQueue: string) {
  const input = { ...caseInput([MATTERS[0]]), trackingCode: 'TRACK24680' };
  const { handle } = await startCase(client, taskQueue, input);
  await handle.executeUpdate(acceptCaseUpdate, { args: [{ actor: clerk }] });
  const step = await stepHandle(client, input.caseId, MATTERS[0].code);
  const reviewer = officer('zrj');
  const second: Actor = { ...reviewer, id: reviewer.id + 1, username: 'officer2-zrj' };
  const leader: Actor = { id: 20, username: 'leader-zrj', role: 'leader', departmentCode: 'zrj' };
  await step.executeUpdate(claimStepUpdate, { args: [{ actor: reviewer }] });
  await step.executeUpdate(sendBackStepUpdate, { args: [{ actor: reviewer, to: 'window', reason: '缺选址论证报告', missing: [{ code: 'site-selection-report', name: '建设项目选址论证报告' }] }] });
  await step.executeUpdate(supplementStepUpdate, { args: [{ actor: clerk, materials: [{ code: 'site-selection-report' }] }] });
  await step.executeUpdate(addSignersUpdate, { args: [{ actor: reviewer, position: 'after', usernames: [second.username], reason: '重大事项需复核' }] });
  await step.executeUpdate(approveStepUpdate, { args: [{ actor: reviewer, opinion: '材料齐全' }] });
  await step.executeUpdate(sendBackStepUpdate, { args: [{ actor: leader, to: 'previous', reason: '意见需写明用地面积' }] });
  await step.executeUpdate(approveStepUpdate, { args: [{ actor: reviewer, opinion: '材料齐全，用地 2.3 公顷' }] });
  await step.executeUpdate(approveStepUpdate, { args: [{ actor: second, opinion: '同意' }] });
  await waitForStatus(handle, 'approved');
  await handle.executeUpdate(deliverCaseUpdate, { args: [{ actor: clerk }] });
  return { handle, step, input };
}

export async function waitForStatus(handle: WorkflowHandle<typeof caseWorkflow>, status: string): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    const view = await handle.query(caseStateQuery);
    if (view.status === status) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`case never reached ${status}`);
}
