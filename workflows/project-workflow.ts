// A construction project (工程建设项目), and for key projects (重点项目) the green channel's
// obligations around it. The project walks its four stages in order, each stage one case
// registered at the window; a whole-project clock runs above the stage and step clocks; a key
// project's proxy agent reports progress every half-month, and a missing report is urged
// (催办) at the period's end. Projects live for months, so the workflow continues as new before
// its history grows large, handing its state to the next run.
import {
  allHandlersFinished, condition, continueAsNew, setHandler, workflowInfo,
} from '@temporalio/workflow';
import { projectChart, projectInitialSnapshot, type ProjectContext, type ProjectEvent, type ProjectStatus } from '../domain/charts/project-chart';
import { followingPeriod, nextStage, PROJECT_POLICY, reportPeriodAt, type ProjectStage, type ReportPeriod } from '../domain/projects';
import type { Actor, Light, TimelineEntry } from '../domain/types';
import type { ClockActivities } from '../activities/clock-types';
import type { NotificationActivities, NotificationRequest } from '../activities/notification-types';
import type { ProjectActivities } from '../activities/project-types';
import { activityProxies, localActivities } from './activity-proxies';
import { runPatches } from './patches';
import { ChartedState } from './charted-state';
import { ApprovalStatusAttribute, indexWorkflow, LightAttribute, projectSearchAttributes } from './search-attributes';
import {
  calendarChangedSignal, closeProjectUpdate, openStageUpdate, projectStateQuery, projectWorkflowId, registerProjectUpdate, stageConcludedSignal, submitReportUpdate,
  type ProjectActionResult, type ProjectClockState, type ProjectStageRecord, type ProjectWorkflowInput, type SubmitReportInput,
} from './messages';

const proxies = activityProxies<ProjectActivities & ClockActivities & NotificationActivities>();

/** Well below the server's limits; the server's own suggestion to continue as new counts too. */
const DEFAULT_HISTORY_LIMIT = 2_000;

export async function projectWorkflow(input: ProjectWorkflowInput): Promise<ProjectActionResult> {
  const patches = runPatches();
  // Calendar answers run as local activities, the record and notices as regular ones (activity-proxies.ts).
  const local = localActivities(patches);
  const { recordProject, enqueueNotifications } = local.writes ? proxies.local : proxies.regular;
  const { planStepClock } = local.calendar ? proxies.local : proxies.regular;
  const { carried } = input;
  const workflowId = projectWorkflowId(input.projectId);
  const project = new ChartedState<ProjectContext, ProjectEvent>(
    projectChart, carried?.snapshot ?? projectInitialSnapshot(), undefined, carried && { seq: carried.seq, version: carried.version },
  );
  const registeredAt = carried?.registeredAt ?? new Date().toISOString();
  const stages: ProjectStageRecord[] = carried?.stages ?? [];
  const runs = (carried?.runs ?? 0) + 1;
  let clock: ProjectClockState | null = carried?.clock ?? null;
  // The registration half-month is exempt: the first report is owed for the first full period.
  let nextReport: ReportPeriod | null = carried ? carried.nextReportPeriod : (input.key ? followingPeriod(reportPeriodAt(registeredAt)) : null);
  let projections = carried?.projections ?? 0;
  let completedAt: string | null = null;
  let registered = carried !== undefined;
  let revision = 0;

  const status = (): ProjectStatus => project.status as ProjectStatus;
  const light = (): Light => (project.done || !clock ? 'green' : clock.overdue ? 'red' : clock.warned ? 'yellow' : 'green');
  const result = (): ProjectActionResult => ({ id: input.projectId, status: status(), version: projections });

  const record = async (entries: TimelineEntry[]): Promise<ProjectActionResult> => {
    projections += 1;
    const version = projections;
    const now = new Date().toISOString();
    // Upserts only what differs, so a run after continue-as-new restores anything not carried over.
    if (patches.has('search-attributes')) {
      indexWorkflow([...projectSearchAttributes(input), { key: ApprovalStatusAttribute, value: status() }, { key: LightAttribute, value: light() }]);
    }
    await recordProject({
      workflowId,
      version,
      record: {
        id: input.projectId, code: input.code, name: input.name, key: input.key, status: status(),
        agentId: input.agent?.id ?? null, openCaseId: project.context.openCaseId, light: light(),
        limitWorkingDays: input.limitWorkingDays, warnAt: clock?.warnAt ?? null, dueAt: clock?.dueAt ?? null,
        provisional: clock?.provisional ?? false, lastReportPeriod: project.context.reportedPeriods.at(-1) ?? null,
        registeredById: input.registeredBy.id, registeredAt, completedAt, updatedAt: now,
      },
      timeline: entries,
    });
    return { ...result(), version };
  };

  const apply = (event: ProjectEvent, actor: Actor | null, detail: Record<string, unknown>): Promise<ProjectActionResult> => {
    const entry = project.apply(event, actor, detail);
    if (project.done) completedAt = entry.at;
    revision += 1;
    return record([entry]);
  };

  setHandler(registerProjectUpdate, async () => {
    await condition(() => registered);
    return result();
  });
  setHandler(openStageUpdate, ({ actor, stage, caseId }) => {
    stages.push({ stage, caseId });
    return apply({ type: 'OPEN_STAGE', stage, caseId }, actor, { stage, caseId });
  }, { validator: ({ stage, caseId }) => project.assertCan({ type: 'OPEN_STAGE', stage, caseId }) });
  setHandler(submitReportUpdate, ({ actor, progress, problems }) => {
    const { period } = reportPeriodAt(new Date().toISOString());
    return apply({ type: 'REPORT', period }, actor, { period, progress, ...(problems ? { problems } : {}) });
  }, { validator: (_report: SubmitReportInput) => project.assertCan({ type: 'REPORT', period: reportPeriodAt(new Date().toISOString()).period }) });
  setHandler(closeProjectUpdate, ({ actor, reason }) => apply({ type: 'CLOSE', reason }, actor, { reason, stage: status() }), {
    validator: ({ reason }) => project.assertCan({ type: 'CLOSE', reason }),
  });
  setHandler(stageConcludedSignal, async ({ caseId, passed, caseStatus }) => {
    const event: ProjectEvent = { type: 'STAGE_CONCLUDED', caseId, passed };
    // A case of an earlier registration attempt, or one told twice: nothing to conclude.
    if (!project.can(event)) return;
    const stage = status() as ProjectStage;
    const entry = stages.find((candidate) => candidate.caseId === caseId);
    if (entry) Object.assign(entry, { passed, caseStatus });
    await apply(event, null, { stage, caseId, passed, caseStatus, nextStage: passed ? nextStage(stage) : stage });
  });
  setHandler(projectStateQuery, () => ({
    ...result(),
    allowedEvents: project.allowed(),
    openCaseId: project.context.openCaseId,
    reportedPeriods: project.context.reportedPeriods,
    stages,
    clock: clock!,
    light: light(),
    runs,
  }));

  /** The whole-project clock on today's calendar, counted from registration. */
  const planClock = () => planStepClock({
    from: registeredAt, fromAcceptance: true, remainingDays: input.limitWorkingDays, legalRemainingDays: input.limitWorkingDays,
    warningDays: PROJECT_POLICY.warningDays,
  });
  // A calendar change re-plans the milestones still ahead; those that fired stay fired.
  setHandler(calendarChangedSignal, async ({ date }) => {
    if (!clock || project.done) return;
    const plan = await planClock();
    const before = clock.dueAt;
    clock = { ...clock, warnAt: plan.warnAt, dueAt: plan.dueAt, provisional: plan.provisional };
    revision += 1;
    if (plan.dueAt !== before) await record([project.note('CLOCK_RECOMPUTED', null, { calendarDate: date, dueAtBefore: before, dueAt: plan.dueAt })]);
  });

  if (!carried) {
    const plan = await planClock();
    clock = { warnAt: plan.warnAt, dueAt: plan.dueAt, provisional: plan.provisional, warned: false, overdue: false };
    await record([project.note('REGISTERED', input.registeredBy, {
      code: input.code, name: input.name, key: input.key, agent: input.agent?.username ?? null,
      limitWorkingDays: input.limitWorkingDays, dueAt: clock.dueAt, firstReportPeriod: nextReport?.period ?? null,
    })]);
    registered = true;
  }

  const notices = (key: string, template: string, payload: Record<string, unknown>): NotificationRequest[] => [
    { dedupeKey: `${workflowId}:${key}:supervisor`, channel: 'log', recipientRole: 'supervisor', recipient: 'supervision-office', template, payload },
    ...(input.agent ? [{
      dedupeKey: `${workflowId}:${key}:agent`, channel: 'log', recipientRole: 'agent', recipient: input.agent.username, template, payload,
    } satisfies NotificationRequest] : []),
  ];

  /** Fires whatever fell due by now: the project's warning and overdue, a missing report's 催办. */
  const fireDue = async (now: number): Promise<void> => {
    const entries: TimelineEntry[] = [];
    const facts = { projectId: input.projectId, code: input.code, name: input.name, dueAt: clock!.dueAt };
    if (!clock!.warned && Date.parse(clock!.warnAt) <= now) {
      clock!.warned = true;
      await enqueueNotifications({ notifications: notices('warning', 'project.warning', facts) });
      entries.push(project.note('PROJECT_WARNING', null, { dueAt: clock!.dueAt }));
    }
    if (!clock!.overdue && Date.parse(clock!.dueAt) <= now) {
      clock!.overdue = true;
      await enqueueNotifications({ notifications: notices('overdue', 'project.overdue', facts) });
      entries.push(project.note('PROJECT_OVERDUE', null, { dueAt: clock!.dueAt }));
    }
    if (nextReport && Date.parse(nextReport.endsAt) <= now) {
      const { period } = nextReport;
      if (!project.context.reportedPeriods.includes(period)) {
        await enqueueNotifications({ notifications: notices(`report:${period}`, 'project.report-missing', { ...facts, period }) });
        entries.push(project.note('REPORT_URGED', null, { period, deadline: nextReport.endsAt }));
      }
      nextReport = followingPeriod(nextReport);
    }
    if (entries.length > 0) await record(entries);
  };

  const nextInstant = (): number | null => {
    const instants = [
      clock && !clock.warned ? Date.parse(clock.warnAt) : null,
      clock && !clock.overdue ? Date.parse(clock.dueAt) : null,
      nextReport ? Date.parse(nextReport.endsAt) : null,
    ].filter((at): at is number => at !== null);
    return instants.length > 0 ? Math.min(...instants) : null;
  };

  const historyLimit = input.historyLimit ?? DEFAULT_HISTORY_LIMIT;
  while (!project.done) {
    const info = workflowInfo();
    if (info.continueAsNewSuggested || info.historyLength >= historyLimit) {
      await condition(allHandlersFinished);
      const { snapshot, seq, version } = project.carryOver();
      await continueAsNew<typeof projectWorkflow>({
        ...input,
        carried: { snapshot, seq, version, projections, registeredAt, clock: clock!, stages, nextReportPeriod: nextReport, runs },
      });
    }
    const seen = revision;
    const at = nextInstant();
    const changed = (): boolean => revision !== seen || project.done;
    if (at === null) {
      await condition(changed);
      continue;
    }
    const wait = at - Date.now();
    if (wait > 0 && (await condition(changed, wait))) continue;
    if (!project.done) await fireDue(Date.now());
  }
  await condition(allHandlersFinished);
  return result();
}
