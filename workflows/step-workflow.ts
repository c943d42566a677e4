// One department's review of one matter (审批环节). Started by its case at acceptance; every
// action arrives as an update, is validated by the step chart, projected, then answered. Beside
// the actions runs the step's working-day clock and its escalation ladder.
import {
  allHandlersFinished, ApplicationFailure, condition, getExternalWorkflowHandle, setHandler,
} from '@temporalio/workflow';
import { stepChart, stepInitialSnapshot, type MissingMaterial, type StepContext, type StepEvent } from '../domain/charts/step-chart';
import { awaitedSigners, isPanel, remainingSigners, type ApprovalPanel, type StepApproval } from '../domain/approval-panel';
import { maxExtensionDays } from '../domain/clock-policy';
import { ErrorCode } from '../domain/errors';
import { notOneTime } from '../domain/window';
import type { Actor, StepStatus, TimelineEntry } from '../domain/types';
import type { ClockActivities } from '../activities/clock-types';
import type { ProjectionActivities, StepProjection } from '../activities/projection-types';
import { activityProxies, localActivities } from './activity-proxies';
import { runPatches } from './patches';
import { ChartedState, eventDetail } from './charted-state';
import {
  addSignersUpdate, approveStepUpdate, calendarChangedSignal, delegateStepUpdate, returnDelegationUpdate, sendBackStepUpdate, supplementStepUpdate, caseWorkflowId, claimStepUpdate, extendStepUpdate, rejectStepUpdate, releaseStepUpdate,
  resumeStepUpdate, startReviewUpdate, stepClockSignal, stepStateQuery, stepWorkflowId, suspendStepUpdate, transferStepUpdate,
  type AddSignersInput, type ApproveStepInput, type DelegateStepInput, type ExtendStepInput, type ReturnDelegationInput, type SendBackStepInput, type SupplementStepInput, type RejectStepInput, type ReleaseStepInput, type StepActionResult, type StepOutcome,
  type StepWorkflowInput, type SuspendStepInput, type TransferStepInput,
} from './messages';
import { StepClock } from './step-clock';
import { fireMilestone, notify, stepOutbox, type LadderContext } from './step-ladder';
import { ApprovalStatusAttribute, indexWorkflow, LightAttribute } from './search-attributes';

const proxies = activityProxies<ProjectionActivities & ClockActivities>();

export async function stepWorkflow(input: StepWorkflowInput): Promise<StepOutcome> {
  const patches = runPatches();
  // Calendar answers run as local activities, writes as regular ones (activity-proxies.ts).
  const local = localActivities(patches);
  const writes = local.writes ? proxies.local : proxies.regular;
  const calendar = local.calendar ? proxies.local : proxies.regular;
  // Steps started before clocks existed replay without them.
  const clocked = input.acceptedAt !== undefined && patches.has('step-clock');
  // 会签 / 或签 / 依次: several approvals before the step decides, hence more updates and projections.
  const startPanel = isPanel(input.matter.approval) && patches.has('approval-panels') ? input.matter.approval : null;
  const workflowId = stepWorkflowId(input.stepId);
  const step = new ChartedState<StepContext, StepEvent>(stepChart, stepInitialSnapshot(startPanel), input.stepId);
  // The panel lives in the chart's context: 加签 may create or widen it. Until a 加签 it is the
  // panel the step started with, so steps that never had one replay as before.
  const panelNow = (): ApprovalPanel | null => (isPanel(step.context.panel) ? step.context.panel : null);
  /** When each member signed, for the read model (the chart keeps who and what, not when). */
  const signedAt = new Map<string, string>();
  const approval = (panel = panelNow()): StepApproval | undefined => (panel ? {
    mode: panel.mode,
    members: [...panel.approvers],
    signed: (step.context.signatures ?? []).map(({ username, opinion }) => ({ username, opinion, at: signedAt.get(username) ?? '' })),
  } : undefined);
  // A pause on the acceptance day used to resume counting that very day, one day early.
  const resumeNotBeforeCountStart = clocked && patches.has('resume-after-count-start');
  const clock = new StepClock(input.limitDays ?? input.matter.committedDays, input.matter.legalDays, calendar, resumeNotBeforeCountStart);
  let extendedDays = 0;
  let card: 'red' | null = null;
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

  // Each projection carries a higher version than the one before, taken with its snapshot, so a
  // projection that completes late never overwrites a newer one.
  let projections = 0;
  const project = async (entries: TimelineEntry[]): Promise<StepActionResult> => {
    record.status = step.status as StepStatus;
    record.assigneeId = step.context.assignee?.id ?? null;
    record.assigneeName = step.context.assignee?.username ?? null;
    record.updatedAt = new Date().toISOString();
    if (panelNow()) record.approval = approval();
    if (clocked) {
      const view = clock.view();
      Object.assign(record, { light: view.light, dueAt: view.dueAt, legalDueAt: view.legalDueAt, limitDays: view.limitDays, card });
    }
    // The case sets the fixed attributes when it starts the step; status and light follow here.
    if (patches.has('search-attributes')) indexWorkflow([{ key: ApprovalStatusAttribute, value: record.status }, { key: LightAttribute, value: record.light }]);
    projections += 1;
    const version = projections;
    const projected = { ...record };
    await writes.projectStep({ workflowId, version, record: projected, timeline: entries });
    return { id: input.stepId, caseId: input.caseId, status: record.status, version, step: projected };
  };

  // The case keeps each step's last report. Since patch `clock-actions-report` only what can move
  // the due instant or the light reports again: the start, the ladder, a calendar change and the
  // actions that pause, resume or extend the clock. Claims, approvals and the other verbs leave
  // both as they were and cost the case nothing. The rule goes by where the report is made, never
  // by comparing with the last report: local activities may resolve in another order on replay,
  // and the commands must not depend on it. The report goes out beside the projection, in the
  // same workflow task, rather than after it.
  const clockActionsReport = clocked && patches.has('clock-actions-report');
  /** Tells the case where this step's clock stands (the case is as late as its latest step). */
  const reportToCase = async (): Promise<void> => {
    if (!clocked) return;
    const view = clock.view();
    try {
      await getExternalWorkflowHandle(caseWorkflowId(input.caseId)).signal(stepClockSignal, { stepId: input.stepId, dueAt: view.dueAt, light: view.light });
    } catch {
      // The case has closed (e.g. withdrawn): nobody is left to tell.
    }
  };

  /** Projects the entries and, where the clock may have moved, reports to the case. */
  const projectAndReport = async (entries: TimelineEntry[], movedClock = true): Promise<StepActionResult> => {
    if (!clockActionsReport) {
      const result = await project(entries);
      await reportToCase();
      return result;
    }
    const [result] = await Promise.all([project(entries), movedClock ? reportToCase() : undefined]);
    return result;
  };

  const ladder: LadderContext = {
    input, workflowId, clock, enqueue: stepOutbox(local.writes),
    assignee: () => step.context.assignee,
    note: (action, actor, detail) => step.note(action, actor, detail),
  };

  /**
   * Registers one action: the chart validates, the handler applies, adjusts the clock and projects.
   * `movesClock` says whether the action pauses, resumes or re-plans the clock.
   */
  const action = <A extends { actor: Actor }>(
    toEvent: (args: A) => StepEvent,
    before?: (args: A) => void,
    after?: (args: A, entry: TimelineEntry) => Promise<void> | void,
    movesClock: (args: A) => boolean = () => false,
  ) => ({
    handler: async (args: A): Promise<StepActionResult> => {
      const event = toEvent(args);
      const entry = step.apply(event, args.actor, eventDetail(event));
      await after?.(args, entry);
      return projectAndReport([entry], movesClock(args));
    },
    validator: (args: A): void => {
      step.assertCan(toEvent(args));
      before?.(args);
    },
  });

  // On a panel step every member acts on it beside the assignee; whether a member may sign now is
  // the chart's decision.
  const mustBeAssigneeOrLeader = ({ actor }: { actor: Actor }): void => {
    if (panelNow()?.approvers.includes(actor.username)) return;
    const assignee = step.context.assignee;
    if (assignee && assignee.id !== actor.id && actor.role !== 'leader') {
      throw ApplicationFailure.create({ type: ErrorCode.Forbidden, message: `审批环节 ${input.stepId} 已由 ${assignee.username} 签收`, nonRetryable: true });
    }
  };
  const mustBeLeader = ({ actor }: { actor: Actor }): void => {
    if (actor.role !== 'leader') {
      throw ApplicationFailure.create({ type: ErrorCode.Forbidden, message: '延期须由部门负责人办理', nonRetryable: true });
    }
  };
  const decided = (): void => {
    record.decidedAt = new Date().toISOString();
  };
  const always = (): boolean => true;
  /** Pauses overlap: the clock runs only while none is open. */
  const followPauses = async (): Promise<void> => {
    if (!clocked) return;
    const now = new Date().toISOString();
    await (step.context.openPauses > 0 ? clock.pause(now) : clock.resume(now));
  };

  const claim = action(({ actor }) => ({ type: 'CLAIM', assignee: { id: actor.id, username: actor.username } }));
  setHandler(claimStepUpdate, claim.handler, { validator: claim.validator });
  const review = action(() => ({ type: 'START_REVIEW' }), mustBeAssigneeOrLeader);
  setHandler(startReviewUpdate, review.handler, { validator: review.validator });
  /** Panel steps name the decider; the timeline says who signed and who is still to. */
  const decider = (actor: Actor) => (panelNow() ? { by: { id: actor.id, username: actor.username } } : {});
  const signature = (entry: TimelineEntry, actor: Actor): void => {
    const panel = panelNow();
    if (!panel) return;
    if (!step.done) entry.action = 'SIGNED';
    entry.detail = { ...entry.detail, by: actor.username, remaining: remainingSigners(panel, step.context.signatures ?? []) };
  };
  const approve = action<ApproveStepInput>(({ opinion, commitment, actor }) => ({
    type: 'APPROVE', opinion, ...(commitment ? { commitment: { items: commitment.items, checkWorkingDays: commitment.checkWorkingDays } } : {}),
    ...decider(actor),
  }), mustBeAssigneeOrLeader, ({ opinion, actor }, entry) => {
    if (panelNow()) signedAt.set(actor.username, entry.at);
    signature(entry, actor);
    if (!step.done) return;
    record.opinion = opinion;
    decided();
  });
  setHandler(approveStepUpdate, approve.handler, { validator: approve.validator });
  const reject = action<RejectStepInput>(
    ({ reason, legalBasis, actor }) => ({ type: 'REJECT', reason, legalBasis, ...decider(actor) }),
    mustBeAssigneeOrLeader,
    async ({ reason, legalBasis, actor }, entry) => {
      signature(entry, actor);
      record.reason = reason;
      record.legalBasis = legalBasis;
      decided();
      // 否定报备: every rejection, with its reason and legal basis, is filed with the supervision office.
      if (patches.has('rejection-filing')) {
        await notify(ladder, [{
          key: 'rejected:supervisor', recipientRole: 'supervisor', recipient: 'office', template: 'step.rejected',
          payload: {
            matterCode: input.matter.code, matterName: input.matter.name, departmentCode: input.matter.departmentCode, reason, legalBasis, rejectedBy: actor.username,
          },
        }]);
      }
    },
  );
  setHandler(rejectStepUpdate, reject.handler, { validator: reject.validator });
  const suspend = action<SuspendStepInput>(({ kind, reason }) => ({ type: 'SUSPEND', kind, reason }), mustBeAssigneeOrLeader, async ({ kind, reason, expectedWorkingDays }) => {
    await followPauses();
    if (clocked && input.applicantPhone) {
      // §45: the applicant is told in writing that the special procedure does not count.
      const payload = { matterName: input.matter.name, kind, reason, expectedWorkingDays: expectedWorkingDays ?? null };
      // The proxy agent acting for the applicant gets a copy.
      await notify(ladder, [
        { key: `suspended:${step.version}`, recipientRole: 'applicant', recipient: input.applicantPhone, template: 'step.suspended', payload },
        ...(input.agentUsername ? [{
          key: `suspended:${step.version}:agent`, recipientRole: 'agent' as const, recipient: input.agentUsername, template: 'step.suspended', payload,
        }] : []),
      ]);
    }
  }, always);
  setHandler(suspendStepUpdate, suspend.handler, { validator: suspend.validator });
  const resume = action(() => ({ type: 'RESUME' }), mustBeAssigneeOrLeader, followPauses, always);
  setHandler(resumeStepUpdate, resume.handler, { validator: resume.validator });
  const extend = action<ExtendStepInput>(
    ({ workingDays, reason }) => ({ type: 'EXTEND', workingDays, reason, allowanceDays: maxExtensionDays(input.jointHandling ?? false) - extendedDays }),
    mustBeLeader,
    async ({ workingDays }) => {
      extendedDays += workingDays;
      if (clocked) await clock.replan(workingDays);
    },
    always,
  );
  setHandler(extendStepUpdate, extend.handler, { validator: extend.validator });
  // 转办: the assignee (or the leader) hands the step to another reviewer of the department.
  const transfer = action<TransferStepInput>(({ to, reason }) => ({ type: 'TRANSFER', to: { id: to.id, username: to.username }, reason }), mustBeAssigneeOrLeader);
  setHandler(transferStepUpdate, transfer.handler, { validator: transfer.validator });
  // 退回签收: the step is unclaimed and back in the department inbox; its clock runs on. The
  // marker is recorded where a release happens, so a later change to its effect can branch on it.
  const mustHoldStepOrLead = ({ actor }: { actor: Actor }): void => {
    const assignee = step.context.assignee;
    if (assignee && assignee.id !== actor.id && actor.role !== 'leader') {
      throw ApplicationFailure.create({ type: ErrorCode.Forbidden, message: `审批环节 ${input.stepId} 已由 ${assignee.username} 签收`, nonRetryable: true });
    }
  };
  const release = action<ReleaseStepInput>(({ reason }) => ({ type: 'RELEASE', ...(reason ? { reason } : {}) }), mustHoldStepOrLead, () => {
    patches.has('step-release');
  });
  setHandler(releaseStepUpdate, release.handler, { validator: release.validator });

  // 委派, 加签 and 退回 to the previous signer: no clock effect; each tells the people it concerns.
  const staff = (key: string, username: string, template: string, payload: Record<string, unknown>) =>
    ({ key: `${key}:${step.version}:${username}`, recipientRole: 'officer' as const, recipient: username, template, payload });
  const facts = { matterCode: input.matter.code, matterName: input.matter.name };
  const delegate = action<DelegateStepInput>(({ to, reason }) => ({ type: 'DELEGATE', to: { id: to.id, username: to.username }, reason }), mustHoldStepOrLead,
    async ({ to, reason, actor }) => {
      patches.has('reviewer-verbs');
      await notify(ladder, [staff('delegated', to.username, 'step.delegated', { ...facts, reason, delegatedBy: actor.username })]);
    });
  setHandler(delegateStepUpdate, delegate.handler, { validator: delegate.validator });
  const handBack = action<ReturnDelegationInput>(({ actor, opinion }) => ({ type: 'RETURN_DELEGATION', by: { id: actor.id, username: actor.username }, opinion }), undefined,
    async ({ opinion, actor }) => {
      patches.has('reviewer-verbs');
      const assignee = step.context.assignee;
      if (assignee) await notify(ladder, [staff('delegation-returned', assignee.username, 'step.delegation-returned', { ...facts, opinion, returnedBy: actor.username })]);
    });
  setHandler(returnDelegationUpdate, handBack.handler, { validator: handBack.validator });
  const addSigners = action<AddSignersInput>(({ position, usernames, reason }) => ({ type: 'ADD_SIGNERS', position, usernames: [...usernames], reason }), mustHoldStepOrLead,
    async ({ usernames, reason, actor }, entry) => {
      patches.has('reviewer-verbs');
      entry.detail = { ...entry.detail, members: [...(panelNow()?.approvers ?? [])], mode: panelNow()?.mode };
      await notify(ladder, usernames.map((username) => staff('signers-added', username, 'step.signers-added', { ...facts, reason, addedBy: actor.username })));
    });
  setHandler(addSignersUpdate, addSigners.handler, { validator: addSigners.validator });
  /** 退回 to the previous signer: the member awaited now, or the leader, sends it back. */
  const mustBeAwaitedOrLeader = ({ actor }: { actor: Actor }): void => {
    const panel = panelNow();
    if (actor.role === 'leader' || (panel && awaitedSigners(panel, step.context.signatures ?? []).includes(actor.username))) return;
    throw ApplicationFailure.create({ type: ErrorCode.Forbidden, message: '只有当前轮到的审批组成员或部门负责人可以退回', nonRetryable: true });
  };
  /** Every earlier 退回 to the window, for the 一次告知 check. */
  const windowRounds: MissingMaterial[][] = [];
  const sendBack = action<SendBackStepInput>((args) => (args.to === 'window'
    ? { type: 'SEND_BACK', to: 'window', reason: args.reason, missing: args.missing.map(({ code, name, note, newlyArising }) => ({ code, ...(name ? { name } : {}), ...(note ? { note } : {}), ...(newlyArising ? { newlyArising } : {}) })) }
    : { type: 'SEND_BACK', to: 'previous', reason: args.reason }),
  (args) => (args.to === 'window' ? mustHoldStepOrLead(args) : mustBeAwaitedOrLeader(args)),
    async (args, entry) => {
      const { reason, actor } = args;
      if (args.to === 'window') {
        patches.has('send-back-window');
        await followPauses();
        await notify(ladder, windowNotices(args.missing, reason, actor, windowRounds));
        windowRounds.push(args.missing);
        return;
      }
      patches.has('reviewer-verbs');
      const signed = new Set((step.context.signatures ?? []).map((signature) => signature.username));
      const withdrawn = [...signedAt.keys()].filter((username) => !signed.has(username));
      for (const username of withdrawn) signedAt.delete(username);
      entry.detail = { ...entry.detail, withdrawn };
      await notify(ladder, withdrawn.map((username) => staff('sent-back', username, 'step.sent-back-previous', { ...facts, reason, sentBackBy: actor.username })));
    }, (args) => args.to === 'window');
  setHandler(sendBackStepUpdate, sendBack.handler, { validator: sendBack.validator });
  // The clerk's supplement ends the window's 补正 pause; the clock restarts once no pause is open.
  const supplement = action<SupplementStepInput>(({ materials }) => ({ type: 'SUPPLEMENTED', materials: materials.map(({ code }) => ({ code })) }), undefined, followPauses, always);
  setHandler(supplementStepUpdate, supplement.handler, { validator: supplement.validator });

  /**
   * 退回 to the window: the applicant (and the agent) get one 一次性告知书 listing every item, the
   * window a to-do; an item an earlier 退回 could have named is flagged to the supervision office.
   */
  function windowNotices(missing: MissingMaterial[], reason: string, actor: Actor, earlier: MissingMaterial[][]): Parameters<typeof notify>[1] {
    const round = earlier.length + 1;
    const payload = { ...facts, reason, round, missing: missing.map(({ code, name, note }) => ({ code, ...(name ? { name } : {}), ...(note ? { note } : {}) })), sentBackBy: actor.username };
    const breach = notOneTime(earlier, missing);
    return [
      ...(input.applicantPhone ? [{ key: `sent-back:${round}:applicant`, recipientRole: 'applicant' as const, recipient: input.applicantPhone, template: 'step.sent-back', payload }] : []),
      ...(input.agentUsername ? [{ key: `sent-back:${round}:agent`, recipientRole: 'agent' as const, recipient: input.agentUsername, template: 'step.sent-back', payload }] : []),
      { key: `sent-back:${round}:window`, recipientRole: 'clerk' as const, recipient: 'window', template: 'step.sent-back', payload },
      ...(breach.length > 0 ? [{
        key: `sent-back:${round}:not-one-time`, recipientRole: 'supervisor' as const, recipient: 'office', template: 'supplement.not-one-time',
        payload: { ...facts, round, items: breach.map((item) => item.code), clerk: actor.username },
      }] : []),
    ];
  }

  setHandler(calendarChangedSignal, async ({ date }) => {
    if (!clocked || step.done) return;
    const before = clock.view().dueAt;
    await clock.replan();
    await projectAndReport([step.note('CLOCK_RECOMPUTED', null, { calendarDate: date, dueAtBefore: before, dueAt: clock.view().dueAt })]);
  });

  setHandler(stepStateQuery, () => ({
    id: input.stepId,
    caseId: input.caseId,
    status: step.status as StepStatus,
    version: step.version,
    allowedEvents: step.allowed(),
    assignee: step.context.assignee,
    clock: clocked ? clock.view() : null,
    approval: panelNow() ? { ...approval()!, awaiting: awaitedSigners(panelNow()!, step.context.signatures ?? []) } : null,
  }));

  const dispatched = step.note('DISPATCHED', null, { matterCode: input.matter.code, departmentCode: input.matter.departmentCode, ...(clocked ? { limitDays: clock.limit } : {}) });
  if (clocked) await clock.start(input.acceptedAt!);
  await projectAndReport([dispatched]);

  if (clocked) {
    await runLadder(clock, () => step.done, async (milestone) => {
      const entries = await fireMilestone(ladder, milestone);
      if (clock.fired.accountability && entries.some((entry) => entry.action === 'ACCOUNTABILITY_RECORDED')) card = 'red';
      await projectAndReport(entries);
    });
  }
  await condition(() => step.done);
  await condition(allHandlersFinished);
  return {
    stepId: input.stepId,
    matterCode: input.matter.code,
    departmentCode: input.matter.departmentCode,
    status: step.status as StepOutcome['status'],
  };
}

/** Waits for each milestone in turn; any clock change (pause, resume, re-plan) re-reads the plan. */
async function runLadder(clock: StepClock, done: () => boolean, fire: (milestone: NonNullable<ReturnType<StepClock['next']>>['milestone']) => Promise<void>): Promise<void> {
  while (!done()) {
    const seen = clock.revision;
    const changed = (): boolean => clock.revision !== seen || done();
    const next = clock.next();
    if (!next) {
      await condition(changed);
      continue;
    }
    const wait = Date.parse(next.at) - Date.now();
    if (wait > 0 && (await condition(changed, wait))) continue;
    if (done() || clock.revision !== seen) continue;
    await fire(next.milestone);
  }
}
