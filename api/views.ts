// Read-model rows → the public JSON of DESIGN §5 (instants in Asia/Shanghai).
import type { AuditEvent, CaseRecord, Step } from '../entities';
import { toShanghaiIso, withShanghaiInstants } from '../domain/time';
import { DECIDED_STEP_STATUSES } from '../domain/charts/states';
import { awaitedSigners, remainingSigners, type StepApproval } from '../domain/approval-panel';
import type { ShownStepStatus } from '../domain/types';

/** 会签 / 或签 / 依次: members, who signed when, who is still to and whose turn it is; `single` without a panel. */
export function approvalView(approval: StepApproval | null, status: string) {
  if (!approval) return { mode: 'single' as const, members: [], signed: [], remaining: [], awaiting: [] };
  const panel = { mode: approval.mode, approvers: approval.members };
  const signatures = approval.signed.map(({ username, opinion }) => ({ username, opinion }));
  // A decided or withdrawn step awaits nobody, whoever had not signed.
  const open = !DECIDED_STEP_STATUSES.includes(status) && status !== 'withdrawn';
  return {
    mode: approval.mode,
    members: approval.members,
    signed: approval.signed.map((signature) => ({ ...signature, at: toShanghaiIso(signature.at || null) })),
    remaining: remainingSigners(panel, signatures),
    awaiting: open ? awaitedSigners(panel, signatures) : [],
  };
}

/** A step not decided when its case was withdrawn ended with the withdrawal: `withdrawn`, no light. */
export function shownStepStatus(step: Pick<Step, 'status'>, caseStatus: string | null): ShownStepStatus {
  return caseStatus === 'withdrawn' && !DECIDED_STEP_STATUSES.includes(step.status) ? 'withdrawn' : step.status;
}

/** `caseStatus`: the step's case's, when the caller knows it (a withdrawn case ends its open steps). */
export function stepView(step: Step, caseStatus: string | null = null) {
  const status = shownStepStatus(step, caseStatus);
  return {
    id: step.id,
    caseId: step.caseId,
    matterCode: step.matterCode,
    departmentCode: step.departmentCode,
    status,
    dueAt: toShanghaiIso(step.dueAt),
    legalDueAt: toShanghaiIso(step.legalDueAt),
    limitDays: step.limitDays,
    light: status === 'withdrawn' ? null : step.light,
    card: step.card,
    assignee: step.assigneeId === null ? null : { id: step.assigneeId, username: step.assigneeName },
    opinion: step.opinion,
    reason: step.reason,
    legalBasis: step.legalBasis,
    decidedAt: toShanghaiIso(step.decidedAt),
    approval: approvalView(step.approval ?? null, status),
  };
}

export function timelineView(event: AuditEvent) {
  return {
    at: toShanghaiIso(event.at),
    action: event.action,
    fromState: event.fromState,
    toState: event.toState,
    stepId: event.stepId,
    actor: event.actorId === null ? null : { id: event.actorId, username: event.actorName, role: event.actorRole },
    detail: withShanghaiInstants(event.detail) as AuditEvent['detail'],
  };
}

export function caseSummaryView(record: CaseRecord) {
  return {
    id: record.id,
    trackingCode: record.trackingCode,
    status: record.status,
    channel: record.channel,
    light: record.light,
    dueAt: toShanghaiIso(record.dueAt),
    projectName: record.projectName,
    project: record.projectId ? { id: record.projectId, stage: record.projectStage } : null,
    applicant: { name: record.applicantName, phone: record.applicantPhone },
    matterCodes: record.matterCodes,
    submittedAt: toShanghaiIso(record.submittedAt),
    acceptedAt: toShanghaiIso(record.acceptedAt),
    decidedAt: toShanghaiIso(record.decidedAt),
    deliveredAt: toShanghaiIso(record.deliveredAt),
  };
}

/** 抄送我的: a case copied to the reader, with who copied it last, when, and the note. */
export function copiedCaseView(record: CaseRecord, copy: { at: Date; by: string; note: string | null }) {
  return { ...caseSummaryView(record), copy: { at: toShanghaiIso(copy.at), by: copy.by, note: copy.note } };
}

/** 容缺受理: what is still owed and by when; null when nothing was tolerated. */
export function deficiencyView(record: CaseRecord) {
  const { deficiency } = record;
  if (!deficiency) return null;
  return { ...deficiency, dueAt: toShanghaiIso(deficiency.dueAt) };
}

export function caseView(record: CaseRecord, steps: Step[], timeline: AuditEvent[]) {
  return { ...caseSummaryView(record), deficiency: deficiencyView(record), steps: steps.map((step) => stepView(step, record.status)), timeline: timeline.map(timelineView) };
}

/** What an applicant sees with a tracking code: progress only, no personal data. */
export function trackingView(record: CaseRecord, steps: Step[]) {
  return {
    trackingCode: record.trackingCode,
    status: record.status,
    submittedAt: toShanghaiIso(record.submittedAt),
    acceptedAt: toShanghaiIso(record.acceptedAt),
    deliveredAt: toShanghaiIso(record.deliveredAt),
    // 容缺: what is still owed and by when (material names only: the clerk's notes stay inside).
    deficiency: record.deficiency ? { ...deficiencyView(record), owed: record.deficiency.owed.map(({ code, name }) => ({ code, name })) } : null,
    steps: steps.map((step) => ({ matterCode: step.matterCode, departmentCode: step.departmentCode, status: shownStepStatus(step, record.status), dueAt: toShanghaiIso(step.dueAt) })),
  };
}
