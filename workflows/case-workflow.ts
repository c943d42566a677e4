// One application accepted at the window (办件). The case fans out one step workflow per matter
// at acceptance (抄告相关、同步办理), waits for every department's decision, concludes by the
// outcome rule and waits for delivery (统一出件). Every action is an update validated by the
// case chart before it touches history.
//
// Window channels (patch `window-channels`): instant matters (即办件) are decided at the window on
// acceptance and get no step — a case of instant matters only is approved in the acceptance
// itself; a case accepted 容缺 owes materials by a deadline, and a durable timer suspends and
// escalates it when they are still owed then.
//
// §32 (patch `window-deadline`): a window that neither accepts, refuses nor asks for materials
// within 5 working days of receiving them has accepted the case, from receipt.
import {
  allHandlersFinished, CancellationScope, condition, getExternalWorkflowHandle, ParentClosePolicy, setHandler, startChild,
  isCancellation,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import { caseChart, caseInitialSnapshot, type CaseContext, type CaseEvent, type CaseOutcome } from '../domain/charts/case-chart';
import { DELIVERED_CASE_STATUSES } from '../domain/charts/states';
import { stepLimitDays } from '../domain/clock-policy';
import { splitInstant, type CaseDeficiency } from '../domain/deficiency';
import { WINDOW_POLICY } from '../domain/window';
import { concludeAllOrNothing, concludeCase, withWindowApprovals } from '../domain/outcome';
import type { Actor, CaseStatus, TimelineEntry } from '../domain/types';
import type { CaseProjection, PlannedStep, ProjectionActivities } from '../activities/projection-types';
import type { NotificationActivities } from '../activities/notification-types';
import type { ClockActivities } from '../activities/clock-types';
import { activityProxies, localActivities } from './activity-proxies';
import { runPatches } from './patches';
import { awaitDeadline } from './calendar-deadline';
import { caseClock } from './case-clock';
import { ChartedState, eventDetail } from './charted-state';
import { deemedAcceptedNotices, deliveryNotices, lapseNotices, owedNotices } from './case-notices';
import {
  acceptCaseUpdate, acceptWithDeficiencyUpdate, calendarChangedSignal, caseStateQuery, caseWorkflowId, deliverCaseUpdate, projectWorkflowId, stageConcludedSignal, receiveSupplementUpdate, refuseCaseUpdate,
  registerCaseUpdate, requestSupplementUpdate, stepClockSignal, stepIdFor, stepWorkflowId, withdrawCaseUpdate,
  type ActorInput, type CaseActionResult, type CaseView, type CaseWorkflowInput, type StepClockReport, type StepOutcome,
} from './messages';
import { stepWorkflow } from './step-workflow';
import { ApprovalStatusAttribute, caseSearchAttributes, indexWorkflow, LightAttribute, stepSearchAttributes, stepSummary } from './search-attributes';

const proxies = activityProxies<ProjectionActivities & NotificationActivities & ClockActivities>();

export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseActionResult> {
  const patches = runPatches();
  // Calendar answers run as local activities, writes as regular ones (activity-proxies.ts).
  const local = localActivities(patches);
  const { projectCase, enqueueNotifications } = local.writes ? proxies.local : proxies.regular;
  const { planSupplementDeadline } = local.calendar ? proxies.local : proxies.regular;
  const kase = new ChartedState<CaseContext, CaseEvent>(caseChart, caseInitialSnapshot());
  const now = (): string => new Date().toISOString();
  const channels = patches.has('window-channels');
  // 即办件 are decided at the window; only the other matters become steps.
  const { atWindow, dispatched } = channels ? splitInstant(input.matters) : { atWindow: [], dispatched: input.matters };
  let decidedAtWindow = false;
  /** 容缺: the materials tolerated at acceptance and their deadline; the chart tracks which are still owed. */
  let tolerated: Omit<CaseDeficiency, 'owed' | 'lapsed'> & { items: CaseDeficiency['owed'] } | null = null;
  const deficiency = (): CaseDeficiency | undefined => (tolerated ? {
    owed: tolerated.items.filter((item) => kase.context.owed.includes(item.code)),
    dueAt: tolerated.dueAt,
    workingDays: tolerated.workingDays,
    lapsed: kase.context.lapsed,
  } : undefined);
  const plannedSteps: PlannedStep[] = dispatched.map((matter) => ({
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
  const clocked = patches.has('case-clock');
  const stepClocks = new Map<string, StepClockReport>();
  let clockRevision = 0;
  // The working-day calendar changed: the case's own deadlines (容缺, §32) are re-planned.
  let calendarRevision = 0;
  setHandler(calendarChangedSignal, () => {
    calendarRevision += 1;
  });
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
    if (tolerated) record.deficiency = deficiency();
    record.updatedAt = now();
    // Asked at each projection, not once at start: a case that was running before the patch is
    // indexed from its next projection on, fixed attributes included.
    if (patches.has('search-attributes')) {
      indexWorkflow([...caseSearchAttributes(input), { key: ApprovalStatusAttribute, value: record.status }, { key: LightAttribute, value: record.light }]);
    }
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
  /** 受理 (plain or 容缺); instant matters are decided at the window in the same action. */
  const accept = async (event: CaseEvent, actor: Actor | null, detail?: Record<string, unknown>, acceptedAt = now()): Promise<CaseActionResult> => {
    const entries = [kase.apply(event, actor, detail ?? eventDetail(event))];
    record.acceptedAt = acceptedAt;
    if (atWindow.length > 0) {
      const decided: CaseEvent = { type: 'DECIDED_AT_WINDOW', matterCodes: atWindow.map((matter) => matter.code) };
      if (dispatched.length === 0) {
        entries.push(kase.apply(decided, actor, eventDetail(decided)));
        record.decidedAt = now();
        decidedAtWindow = true;
        concluded = 'approved';
      } else {
        // Mixed case: the instant matters stand approved from here on; the others go to review.
        entries.push(kase.note('DECIDED_AT_WINDOW', actor, eventDetail(decided)));
      }
    }
    return project(entries);
  };
  if (channels) {
    setHandler(acceptCaseUpdate, ({ actor }) => accept({ type: 'ACCEPT' }, actor), { validator: (_args: ActorInput) => kase.assertCan({ type: 'ACCEPT' }) });
  } else {
    on(acceptCaseUpdate, () => ({ type: 'ACCEPT' }), 'acceptedAt');
  }
  const toleranceEvent = ({ owed, workingDays }: { owed: CaseDeficiency['owed']; workingDays: number }): CaseEvent =>
    ({ type: 'ACCEPT_WITH_DEFICIENCY', owed, workingDays });
  setHandler(acceptWithDeficiencyUpdate, async ({ actor, owed, workingDays }) => {
    // The deadline comes from the calendar (an activity) so history records the instant.
    const { dueAt } = await planSupplementDeadline({ acceptedAt: now(), workingDays });
    const event = toleranceEvent({ owed, workingDays });
    // Checked again after the await (another action may have come first); nothing awaits between here and the transition.
    kase.assertCan(event);
    tolerated = { items: owed, dueAt, workingDays };
    const result = await accept(event, actor, { ...eventDetail(event), dueAt });
    await enqueueNotifications({ notifications: owedNotices(input, deficiency()!) });
    void watchDeficiency(dueAt);
    return result;
  }, { validator: (args) => kase.assertCan(toleranceEvent(args)) });
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
    ...(tolerated ? { deficiency: deficiency() } : {}),
  }));

  /** 容缺 deadline: a durable timer; materials still owed then suspend the case and escalate. */
  const watchDeficiency = async (firstDueAt: string): Promise<void> => {
    const owing = (): boolean => kase.context.owed.length > 0;
    const { settled, dueAt } = await awaitDeadline(firstDueAt, () => !owing() || kase.done, () => calendarRevision, async () => {
      const { dueAt: next } = await planSupplementDeadline({ acceptedAt: record.acceptedAt!, workingDays: tolerated!.workingDays });
      const before = tolerated!.dueAt;
      tolerated!.dueAt = next;
      await noteReplan('deficiency', before, next);
      return next;
    });
    if (settled) return;
    const lapse = (): CaseEvent => ({ type: 'TOLERANCE_LAPSED', owed: [...kase.context.owed], dueAt });
    // The chart takes the lapse in review (suspends) and after the decision (recorded, delivery waits).
    await condition(() => kase.can(lapse()) || !owing() || kase.done);
    if (!owing() || kase.done) return;
    const event = lapse();
    await project([kase.apply(event, null, { ...eventDetail(event), reason: '容缺材料逾期未补齐' })]);
    await enqueueNotifications({ notifications: lapseNotices(input, deficiency()!, kase.status) });
  };

  /**
   * §32: each time the materials are complete at the window (registration, or a supplement
   * received), the window has N working days to accept, refuse or ask again; past that the case
   * counts as accepted from receipt, and its step clocks start from receipt.
   */
  const watchWindowDeadline = async (): Promise<void> => {
    const deemed = (deadline: string): CaseEvent => ({ type: 'DEEMED_ACCEPTED', deadline });
    const atWindowDecision = (): boolean => kase.can(deemed(''));
    while (!kase.done) {
      await condition(() => atWindowDecision() || kase.done);
      if (kase.done) return;
      const receivedAt = now();
      const round = kase.context.supplementRounds;
      const plan = async (): Promise<string> =>
        (await planSupplementDeadline({ acceptedAt: receivedAt, workingDays: WINDOW_POLICY.decisionWorkingDays })).dueAt;
      let planned = await plan();
      const decided = (): boolean => !atWindowDecision() || kase.context.supplementRounds !== round;
      const { settled, dueAt } = await awaitDeadline(planned, decided, () => calendarRevision, async () => {
        const next = await plan();
        await noteReplan('window', planned, next);
        planned = next;
        return next;
      });
      if (settled) continue;
      await accept(deemed(dueAt), null, { deadline: dueAt, receivedAt }, receivedAt);
      await enqueueNotifications({ notifications: deemedAcceptedNotices(input, receivedAt, dueAt) });
      return;
    }
  };

  /** A calendar change moved a deadline of the case itself: the timeline says so. */
  const noteReplan = async (deadline: 'deficiency' | 'window', before: string, after: string): Promise<void> => {
    if (before !== after) await project([kase.note('DEADLINE_RECOMPUTED', null, { deadline, dueAtBefore: before, dueAt: after })]);
  };

  /** Projects the case's due instant and light whenever a step reports a change. */
  const followStepClocks = async (): Promise<void> => {
    // Every step reports as it starts: the first projection waits for all of them, instead of
    // projecting once per report as the due instant moves with each.
    if (patches.has('case-clock-all-reported')) await condition(() => stepClocks.size >= dispatched.length || kase.done);
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
  if (channels && patches.has('window-deadline')) void watchWindowDeadline();

  // Window phase: supplements may go back and forth until the clerk accepts, refuses, or the
  // applicant withdraws.
  await condition(() => kase.can({ type: 'STEPS_DISPATCHED' }) || kase.done || decidedAtWindow);
  if (!kase.done && !decidedAtWindow) {
    // A step's decision moves no clock, so it reports nothing (patch `clock-actions-report`): the
    // case re-reads its clock itself when a step decides, and a decided step no longer makes it late.
    const followOutcomes = clocked && patches.has('case-clock-outcomes');
    const reviews = new CancellationScope();
    let running = 0;
    const decisions = reviews.run(() => Promise.all(dispatched.map((matter) =>
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
            jointHandling: dispatched.length > 1,
            applicantPhone: input.applicant.phone,
            ...(input.agent ? { agentUsername: input.agent.username } : {}),
          } : {}),
        }],
        parentClosePolicy: ParentClosePolicy.REQUEST_CANCEL,
        ...(patches.has('search-attributes') ? { typedSearchAttributes: stepSearchAttributes(input, matter), staticSummary: stepSummary(input, matter) } : {}),
      }).then(async (child) => {
        running += 1;
        const outcome = await child.result();
        outcomes.set(outcome.stepId, outcome);
        if (followOutcomes) clockRevision += 1;
        return outcome;
      }),
    )));
    if (patches.has('review-once-steps-run')) {
      // Under review means every step takes claims: the case says so once each step's workflow runs.
      const dispatchable = (): boolean => kase.can({ type: 'STEPS_DISPATCHED' });
      await Promise.race([condition(() => running === dispatched.length || !dispatchable()), decisions]);
      if (dispatchable()) await transition({ type: 'STEPS_DISPATCHED' }, null);
    } else {
      await transition({ type: 'STEPS_DISPATCHED' }, null);
    }
    if (clocked) void followStepClocks();

    const finished = await Promise.race([decisions.then(() => true), condition(() => kase.done).then(() => false)]);
    if (finished) {
      clockRevision += 1;
      const decided = [...outcomes.values()];
      // Cases started before matter dependencies keep the all-or-nothing rule; instant matters
      // count as approved at the window.
      const outcome = patches.has('outcome-dependencies')
        ? concludeCase(withWindowApprovals(decided.map((step) => ({
          matterCode: step.matterCode, decision: step.status, requires: input.matters.find((m) => m.code === step.matterCode)?.requires ?? [],
        })), atWindow))
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
  if (record.status === 'delivered' && patches.has('delivery-notice')) {
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
  try {
    await getExternalWorkflowHandle(projectWorkflowId(input.project.id)).signal(stageConcludedSignal, {
      caseId: input.caseId, passed: outcome === 'approved' && DELIVERED_CASE_STATUSES.includes(status), caseStatus: status,
    });
  } catch {
    // The project has ended (it cannot while its stage case runs, but a case must never fail on it).
  }
}
