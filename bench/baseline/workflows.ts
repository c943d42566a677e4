// The bare-Temporal baseline of `npm run bench:e2e`: the same shape of messages as one 5-matter
// case, with nothing else — no database, no charts, no clocks, no projections. A parent is started
// (registration), an accept update starts one child per matter, each child takes a claim and an
// approve update and completes, and a deliver update on the parent waits for every child.
import { ApplicationFailure, allHandlersFinished, condition, defineUpdate, setHandler, startChild } from '@temporalio/workflow';

export interface ParentInput { caseId: string; matterCodes: string[] }
export interface ChildInput { stepId: string }
export interface ActorInput { actor: string; opinion?: string }

export const acceptUpdate = defineUpdate<string, [ActorInput]>('accept');
export const claimUpdate = defineUpdate<string, [ActorInput]>('claim');
export const approveUpdate = defineUpdate<string, [ActorInput]>('approve');
export const deliverUpdate = defineUpdate<string, [ActorInput]>('deliver');

export const baselineStepId = (caseId: string, matterCode: string): string => `baseline-step-${caseId}-${matterCode}`;

const refuse = (state: string, event: string): never => {
  throw ApplicationFailure.create({ type: 'IllegalTransition', message: `${event} is not allowed in ${state}`, nonRetryable: true });
};

export async function baselineCaseWorkflow({ caseId, matterCodes }: ParentInput): Promise<string> {
  let state = 'submitted';
  let concluded = 0;
  const results: Array<Promise<void>> = [];
  setHandler(acceptUpdate, async (_input: ActorInput) => {
    state = 'accepted';
    for (const code of matterCodes) {
      const child = await startChild(baselineStepWorkflow, { workflowId: baselineStepId(caseId, code), args: [{ stepId: `${caseId}-${code}` }] });
      results.push(child.result().then(() => { concluded += 1; }));
    }
    state = 'inReview';
    return state;
  }, { validator: (_input: ActorInput) => { if (state !== 'submitted') refuse(state, 'ACCEPT'); } });
  setHandler(deliverUpdate, async (_input: ActorInput) => {
    await condition(() => concluded === matterCodes.length);
    state = 'delivered';
    return state;
  }, { validator: (_input: ActorInput) => { if (state !== 'inReview') refuse(state, 'DELIVER'); } });
  await condition(() => state === 'delivered' && allHandlersFinished());
  await Promise.all(results);
  return state;
}

export async function baselineStepWorkflow(_input: ChildInput): Promise<string> {
  let state = 'pending';
  setHandler(claimUpdate, async (_input: ActorInput) => {
    state = 'claimed';
    return state;
  }, { validator: (_input: ActorInput) => { if (state !== 'pending') refuse(state, 'CLAIM'); } });
  setHandler(approveUpdate, async (_input: ActorInput) => {
    state = 'approved';
    return state;
  }, { validator: (_input: ActorInput) => { if (state !== 'claimed') refuse(state, 'APPROVE'); } });
  await condition(() => state === 'approved' && allHandlersFinished());
  return state;
}
