// One application accepted at the window (办件). The case fans out one step workflow per matter
// at acceptance (抄告相关、同步办理), waits for every department's decision, concludes by the
// outcome rule and waits for delivery (统一出件). Every action is an update validated by the
// case chart before it touches history.
import {
  allHandlersFinished, CancellationScope, condition, getExternalWorkflowHandle, ParentClosePolicy, patched, proxyActivities, setHandler, startChild,
  isCancellation,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import { caseChart, caseInitialSnapshot, type CaseContext, type CaseEvent, type CaseOutcome } from '../domain/charts/case-chart';
import { DELIVERED_CASE_STATUSES } from '../domain/charts/states';
import { stepLimitDays } from '../domain/clock-policy';
import { concludeAllOrNothing, concludeCase } from '../domain/outcome';
import type { Actor, CaseStatus, Light, TimelineEntry } from '../domain/types';
import type { CaseProjection, PlannedStep, ProjectionActivities } from '../activities/projection-types';
import type { NotificationActivities, NotificationRequest } from '../activities/notification-types';
import { ChartedState, eventDetail } from './charted-state';
import {
  acceptCaseUpdate, caseStateQuery, caseWorkflowId, deliverCaseUpdate, projectWorkflowId, stageConcludedSignal, receiveSupplementUpdate, refuseCaseUpdate,
  registerCaseUpdate, requestSupplementUpdate, stepClockSignal, stepIdFor, stepWorkflowId, withdrawCaseUpdate,
  type CaseActionResult, type CaseView, type CaseWorkflowInput, type StepClockReport, type StepOutcome,
} from './messages';
import { stepWorkflow } from './step-workflow';

const activityOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
} as const;
const { projectCase } = proxyActivities<ProjectionActivities>(activityOptions);
const { enqueueNotifications } = proxyActivities<NotificationActivities>(activityOptions);

export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseActionResult> {
  const kase = new ChartedState<CaseContext, CaseEvent>(caseChart, caseInitialSnapshot());
  const now = (): string => new Date().toISOString();
  const plannedSteps: PlannedStep[] = input.matters.map((matter) => ({
    id: stepIdFor(input.caseId, matter.code),
    matterCode: matter.code,
    departmentCode: matter.departmentCode,
  }));
  const outcomes = new Map<string, StepOutcome>();
  const timeline: TimelineEntry[] = [];
  const record: CaseProjection = {
    id: input.caseId,
    trackingCode: input.trackingCode,
    status: 'submitted',
    channel: input.channel,
    applicant: input.applicant,
    projectName: input.projectName ?? null,
    matterCodes: input.matters.map((matter) => matter.code),
    light: 'green',
    dueAt: null,
    registeredById: input.registeredBy.id,
    agentId: input.agent?.id ?? null,
    ...(input.project ? { project: input.project } : {}),
    submittedAt: now(),
    acceptedAt: null,
    decidedAt: null,
    deliveredAt: null,
    updatedAt: now(),
  };
  let registered = false;
  let concluded: CaseOutcome | null = null;
  // Case clock: the case is as late as its latest open step (cases started before clocks had none).
  const clocked = patched('case-clock');
  const stepClocks = new Map<string, StepClockReport>();
  let clockRevision = 0;
  setHandler(stepClockSignal, (report) => {
    stepClocks.set(report.stepId, report);
    clockRevision += 1;
  });

  // Each projection carries a higher version than the one before, taken with its snapshot, so a
  // projection that completes late never overwrites a newer one.
  let projections = 0;
  const result = (): CaseActionResult => ({
    id: input.caseId,
    trackingCode: input.trackingCode,
    status: kase.status as CaseStatus,
    version: projections,
  });

  const project = async (entries: TimelineEntry[]): Promise<CaseActionResult> => {
    timeline.push(...entries);
    record.status = kase.status as CaseStatus;
    record.updatedAt = now();
    projections += 1;
    const version = projections;
    await projectCase({ workflowId: caseWorkflowId(input.caseId), version, record: { ...record }, plannedSteps, timeline: entries });
    return { ...result(), version };
  };

  const transition = (event: CaseEvent, actor: Actor | null, stamp?: keyof CaseProjection): Promise<CaseActionResult> => {
    const entry = kase.apply(event, actor, eventDetail(event));
    if (stamp) (record as unknown as Record<string, string>)[stamp] = now();
    return project([entry]);
  };

  /** Registers one clerk action: the chart validates, the handler applies and projects. */
  const on = <A extends { actor: Actor }>(
    update: UpdateDefinition<CaseActionResult, [A]>,
    toEvent: (args: A) => CaseEvent,
    stamp?: keyof CaseProjection,
  ): void => {
    setHandler(update, (args: A) => transition(toEvent(args), args.actor, stamp), {
      validator: (args: A) => kase.assertCan(toEvent(args)),
    });
  };

  setHandler(registerCaseUpdate, async () => {
    await condition(() => registered);
    return result();
  });
  on(acceptCaseUpdate, () => ({ type: 'ACCEPT' }), 'acceptedAt');
  on(refuseCaseUpdate, ({ reason }) => ({ type: 'REFUSE', reason }), 'decidedAt');
  on(requestSupplementUpdate, ({ missing }) => ({ type: 'REQUEST_SUPPLEMENT', missing }));
  on(receiveSupplementUpdate, ({ materials }) => ({ type: 'SUPPLEMENT_RECEIVED', materials }));
  on(withdrawCaseUpdate, ({ reason }) => ({ type: 'WITHDRAW', ...(reason ? { reason } : {}) }));
  on(deliverCaseUpdate, () => ({ type: 'DELIVER' }), 'deliveredAt');
  setHandler(caseStateQuery, (): CaseView => ({
    ...result(),
    allowedEvents: kase.allowed(),
    steps: plannedSteps.map((step) => ({ ...step, outcome: outcomes.get(step.id)?.status })),
    timeline,
  }));

  /** Projects the case's due instant and light whenever a step reports a change. */
  const followStepClocks = async (): Promise<void> => {
    let seen = 0;
    while (!kase.done) {
      await condition(() => clockRevision !== seen || kase.done);
      if (kase.done) return;
      seen = clockRevision;
      const open = [...stepClocks.values()].filter((report) => !outcomes.has(report.stepId));
      const { dueAt, light } = caseClock(open.length > 0 ? open : [...stepClocks.values()], open.length > 0);
      if (dueAt === record.dueAt && light === record.light) continue;
      record.dueAt = dueAt;
      record.light = light;
      await project([]);
    }
  };

  await project([kase.note('REGISTERED', input.registeredBy, {
    matterCodes: record.matterCodes, channel: input.channel, materials: input.materials.map((material) => material.code),
  })]);
  registered = true;

  // Window phase: supplements may go back and forth until the clerk accepts, refuses, or the
  // applicant withdraws.
  await condition(() => kase.can({ type: 'STEPS_DISPATCHED' }) || kase.done);
  if (!kase.done) {
    const reviews = new CancellationScope();
    const decisions = reviews.run(() => Promise.all(input.matters.map((matter) =>
      startChild(stepWorkflow, {
        workflowId: stepWorkflowId(stepIdFor(input.caseId, matter.code)),
        args: [{
          stepId: stepIdFor(input.caseId, matter.code),
          caseId: input.caseId,
          matter,
          channel: input.channel,
          ...(clocked ? {
            acceptedAt: record.acceptedAt!,
            limitDays: stepLimitDays(matter.committedDays, input.channel),
            jointHandling: input.matters.length > 1,
            applicantPhone: input.applicant.phone,
            ...(input.agent ? { agentUsername: input.agent.username } : {}),
          } : {}),
        }],
        parentClosePolicy: ParentClosePolicy.REQUEST_CANCEL,
      }).then(async (child) => {
        const outcome = await child.result();
        outcomes.set(outcome.stepId, outcome);
        return outcome;
      }),
    )));
    await transition({ type: 'STEPS_DISPATCHED' }, null);
    if (clocked) void followStepClocks();

    const finished = await Promise.race([decisions.then(() => true), condition(() => kase.done).then(() => false)]);
    if (finished) {
      clockRevision += 1;
      const decided = [...outcomes.values()];
      // Cases started before matter dependencies keep the all-or-nothing rule.
      const outcome = patched('outcome-dependencies')
        ? concludeCase(decided.map((step) => ({
          matterCode: step.matterCode, decision: step.status, requires: input.matters.find((m) => m.code === step.matterCode)?.requires ?? [],
        })))
        : concludeAllOrNothing(decided.map((step) => step.status));
      await condition(() => kase.can({ type: 'STEPS_CONCLUDED', outcome }) || kase.done);
      if (!kase.done) {
        concluded = outcome;
        await transition({ type: 'STEPS_CONCLUDED', outcome }, null, 'decidedAt');
      }
    } else {
      // Withdrawn during review: the departments stop working on it.
      reviews.cancel();
      await decisions.catch((err) => {
        if (!isCancellation(err)) throw err;
      });
    }
  }

  await condition(() => kase.done);
  if (input.project) await tellProject({ ...input, project: input.project }, concluded, kase.status as CaseStatus);
  // 统一出件: the applicant (and the proxy agent) hear that every result is ready at once.
  if (record.status === 'delivered' && patched('delivery-notice')) {
    await enqueueNotifications({ notifications: deliveryNotices(input, record) });
  }
  await condition(allHandlersFinished);
  return result();
}

/**
 * A stage's case has ended: the project passes the stage when the case was delivered with every
 * matter approved; otherwise the stage stays open for a new application.
 */
async function tellProject(input: CaseWorkflowInput & { project: { id: string } }, outcome: CaseOutcome | null, status: CaseStatus): Promise<void> {
  await getExternalWorkflowHandle(projectWorkflowId(input.project.id)).signal(stageConcludedSignal, {
    caseId: input.caseId, passed: outcome === 'approved' && DELIVERED_CASE_STATUSES.includes(status), caseStatus: status,
  });
}

function deliveryNotices(input: CaseWorkflowInput, record: CaseProjection): NotificationRequest[] {
  const payload = { trackingCode: input.trackingCode, deliveredAt: record.deliveredAt, matterCodes: record.matterCodes };
  const key = `${caseWorkflowId(input.caseId)}:delivered`;
  return [
    { dedupeKey: `${key}:applicant`, channel: 'sms', recipientRole: 'applicant', recipient: input.applicant.phone, template: 'case.delivered', payload, caseId: input.caseId },
    ...(input.agent ? [{
      dedupeKey: `${key}:agent`, channel: 'log', recipientRole: 'agent', recipient: input.agent.username, template: 'case.delivered', payload, caseId: input.caseId,
    } satisfies NotificationRequest] : []),
  ];
}

const LIGHT_ORDER: Light[] = ['green', 'yellow', 'red'];

/** The latest due instant and the worst light among the given steps; green once none is open. */
function caseClock(reports: StepClockReport[], open: boolean): { dueAt: string | null; light: Light } {
  const dues = reports.map((report) => report.dueAt).filter((due): due is string => due !== null).sort();
  const worst = reports.reduce((light, report) => (LIGHT_ORDER.indexOf(report.light) > LIGHT_ORDER.indexOf(light) ? report.light : light), 'green' as Light);
  return { dueAt: dues.at(-1) ?? null, light: open ? worst : 'green' };
}
