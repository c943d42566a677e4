// One department's review of one matter (审批环节). Started by its case at acceptance; every
// action arrives as an update, is validated by the step chart, projected, then answered.
import { allHandlersFinished, ApplicationFailure, condition, proxyActivities, setHandler } from '@temporalio/workflow';
import { stepChart, stepInitialSnapshot, type StepContext, type StepEvent } from '../domain/charts/step-chart';
import { ErrorCode } from '../domain/errors';
import type { Actor, StepStatus, TimelineEntry } from '../domain/types';
import type { ProjectionActivities, StepProjection } from '../activities/projection-types';
import { ChartedState, eventDetail } from './charted-state';
import {
  approveStepUpdate, claimStepUpdate, rejectStepUpdate, resumeStepUpdate, startReviewUpdate, stepStateQuery,
  stepWorkflowId, suspendStepUpdate, type ApproveStepInput, type RejectStepInput, type StepActionResult,
  type SuspendStepInput, type StepOutcome, type StepWorkflowInput,
} from './messages';

const { projectStep } = proxyActivities<ProjectionActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

export async function stepWorkflow(input: StepWorkflowInput): Promise<StepOutcome> {
  const step = new ChartedState<StepContext, StepEvent>(stepChart, stepInitialSnapshot(), input.stepId);
  const record: StepProjection = {
    id: input.stepId,
    caseId: input.caseId,
    matterCode: input.matter.code,
    departmentCode: input.matter.departmentCode,
    status: 'pending',
    assigneeId: null,
    assigneeName: null,
    light: 'green',
    dueAt: null,
    opinion: null,
    reason: null,
    legalBasis: null,
    decidedAt: null,
    updatedAt: new Date().toISOString(),
  };

  const project = async (entries: TimelineEntry[]): Promise<StepActionResult> => {
    record.status = step.status as StepStatus;
    record.assigneeId = step.context.assignee?.id ?? null;
    record.assigneeName = step.context.assignee?.username ?? null;
    record.updatedAt = new Date().toISOString();
    const version = step.version;
    await projectStep({ workflowId: stepWorkflowId(input.stepId), version, record: { ...record }, timeline: entries });
    return { id: input.stepId, caseId: input.caseId, status: record.status, version };
  };

  /** Registers one action: the chart validates, the handler applies and projects. */
  const action = <A extends { actor: Actor }>(
    toEvent: (args: A) => StepEvent,
    before?: (args: A) => void,
    after?: (args: A) => void,
  ) => ({
    handler: async (args: A): Promise<StepActionResult> => {
      const event = toEvent(args);
      const entry = step.apply(event, args.actor, eventDetail(event));
      after?.(args);
      return project([entry]);
    },
    validator: (args: A): void => {
      step.assertCan(toEvent(args));
      before?.(args);
    },
  });

  const mustBeAssigneeOrLeader = ({ actor }: { actor: Actor }): void => {
    const assignee = step.context.assignee;
    if (assignee && assignee.id !== actor.id && actor.role !== 'leader') {
      throw ApplicationFailure.create({
        type: ErrorCode.Forbidden,
        message: `step ${input.stepId} is claimed by ${assignee.username}`,
        nonRetryable: true,
      });
    }
  };
  const decided = (): void => {
    record.decidedAt = new Date().toISOString();
  };

  const claim = action(({ actor }) => ({ type: 'CLAIM', assignee: { id: actor.id, username: actor.username } }));
  setHandler(claimStepUpdate, claim.handler, { validator: claim.validator });
  const review = action(() => ({ type: 'START_REVIEW' }), mustBeAssigneeOrLeader);
  setHandler(startReviewUpdate, review.handler, { validator: review.validator });
  const approve = action<ApproveStepInput>(
    ({ opinion }) => ({ type: 'APPROVE', opinion }),
    mustBeAssigneeOrLeader,
    ({ opinion }) => {
      record.opinion = opinion;
      decided();
    },
  );
  setHandler(approveStepUpdate, approve.handler, { validator: approve.validator });
  const reject = action<RejectStepInput>(
    ({ reason, legalBasis }) => ({ type: 'REJECT', reason, legalBasis }),
    mustBeAssigneeOrLeader,
    ({ reason, legalBasis }) => {
      record.reason = reason;
      record.legalBasis = legalBasis;
      decided();
    },
  );
  setHandler(rejectStepUpdate, reject.handler, { validator: reject.validator });
  const suspend = action<SuspendStepInput>(({ kind, reason }) => ({ type: 'SUSPEND', kind, reason }), mustBeAssigneeOrLeader);
  setHandler(suspendStepUpdate, suspend.handler, { validator: suspend.validator });
  const resume = action(() => ({ type: 'RESUME' }), mustBeAssigneeOrLeader);
  setHandler(resumeStepUpdate, resume.handler, { validator: resume.validator });

  setHandler(stepStateQuery, () => ({
    id: input.stepId,
    caseId: input.caseId,
    status: step.status as StepStatus,
    version: step.version,
    allowedEvents: step.allowed(),
    assignee: step.context.assignee,
  }));

  await project([step.note('DISPATCHED', null, { matterCode: input.matter.code, departmentCode: input.matter.departmentCode })]);
  await condition(() => step.done);
  await condition(allHandlersFinished);
  return {
    stepId: input.stepId,
    matterCode: input.matter.code,
    departmentCode: input.matter.departmentCode,
    status: step.status as StepOutcome['status'],
  };
}
