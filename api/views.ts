// Read-model rows → the public JSON of DESIGN §5 (instants in Asia/Shanghai).
import type { AuditEvent, CaseRecord, Step } from '../entities';
import { toShanghaiIso } from '../domain/time';

export function stepView(step: Step) {
  return {
    id: step.id,
    caseId: step.caseId,
    matterCode: step.matterCode,
    departmentCode: step.departmentCode,
    status: step.status,
    dueAt: toShanghaiIso(step.dueAt),
    legalDueAt: toShanghaiIso(step.legalDueAt),
    limitDays: step.limitDays,
    light: step.light,
    card: step.card,
    assignee: step.assigneeId === null ? null : { id: step.assigneeId, username: step.assigneeName },
    opinion: step.opinion,
    reason: step.reason,
    legalBasis: step.legalBasis,
    decidedAt: toShanghaiIso(step.decidedAt),
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
    detail: event.detail,
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
    applicant: { name: record.applicantName, phone: record.applicantPhone },
    matterCodes: record.matterCodes,
    submittedAt: toShanghaiIso(record.submittedAt),
    acceptedAt: toShanghaiIso(record.acceptedAt),
    decidedAt: toShanghaiIso(record.decidedAt),
    deliveredAt: toShanghaiIso(record.deliveredAt),
  };
}

/** 容缺受理: what is still owed and by when; null when nothing was tolerated. */
export function deficiencyView(record: CaseRecord) {
  const { deficiency } = record;
  if (!deficiency) return null;
  return { ...deficiency, dueAt: toShanghaiIso(deficiency.dueAt) };
}

export function caseView(record: CaseRecord, steps: Step[], timeline: AuditEvent[]) {
  return { ...caseSummaryView(record), deficiency: deficiencyView(record), steps: steps.map(stepView), timeline: timeline.map(timelineView) };
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
    steps: steps.map((step) => ({ matterCode: step.matterCode, departmentCode: step.departmentCode, status: step.status, dueAt: toShanghaiIso(step.dueAt) })),
  };
}
