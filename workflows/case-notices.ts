// The notices a case sends by itself: 容缺受理 (what is owed and by when at acceptance, and the
// escalation when the deadline passes with materials still owed), §32 acceptance by law, and
// 统一出件. Dedupe keys make each go once.
import type { NotificationRequest } from '../activities/notification-types';
import { leadDepartmentOf } from '../domain/deficiency';
import type { CaseProjection } from '../activities/projection-types';
import type { CaseDeficiency } from '../domain/deficiency';
import { caseWorkflowId, type CaseWorkflowInput } from './messages';

type Notice = Omit<NotificationRequest, 'caseId' | 'channel' | 'dedupeKey'> & { key: string };

function requests(input: CaseWorkflowInput, notices: Notice[]): NotificationRequest[] {
  return notices.map(({ key, ...notice }) => ({
    ...notice,
    dedupeKey: `${caseWorkflowId(input.caseId)}:${key}`,
    // Applicants are told by SMS; staff and agents through the log/webhook channel.
    channel: notice.recipientRole === 'applicant' ? 'sms' : 'log',
    caseId: input.caseId,
  }));
}

const facts = (input: CaseWorkflowInput, deficiency: CaseDeficiency) => ({
  trackingCode: input.trackingCode,
  owed: deficiency.owed.map(({ code, name }) => ({ code, ...(name ? { name } : {}) })),
  dueAt: deficiency.dueAt,
});

/** 容缺受理 告知: the applicant and the proxy agent learn what is owed and by when. */
export function owedNotices(input: CaseWorkflowInput, deficiency: CaseDeficiency): NotificationRequest[] {
  const payload = { ...facts(input, deficiency), workingDays: deficiency.workingDays };
  return requests(input, [
    { key: 'deficiency:owed:applicant', recipientRole: 'applicant', recipient: input.applicant.phone, template: 'deficiency.owed', payload },
    ...(input.agent ? [{ key: 'deficiency:owed:agent', recipientRole: 'agent', recipient: input.agent.username, template: 'deficiency.owed', payload } satisfies Notice] : []),
  ]);
}

/** 容缺 deadline missed: the supervision office and the lead department's leader are alerted; the applicant and agent told. */
export function lapseNotices(input: CaseWorkflowInput, deficiency: CaseDeficiency, status: string): NotificationRequest[] {
  const payload = { ...facts(input, deficiency), status, leadDepartmentCode: leadDepartmentOf(input.matters) };
  const template = 'deficiency.lapsed';
  return requests(input, [
    { key: 'deficiency:lapsed:supervisor', recipientRole: 'supervisor', recipient: 'office', template, payload },
    { key: 'deficiency:lapsed:leader', recipientRole: 'leader', recipient: `dept:${leadDepartmentOf(input.matters)}`, template, payload },
    { key: 'deficiency:lapsed:applicant', recipientRole: 'applicant', recipient: input.applicant.phone, template, payload },
    ...(input.agent ? [{ key: 'deficiency:lapsed:agent', recipientRole: 'agent', recipient: input.agent.username, template, payload } satisfies Notice] : []),
  ]);
}

/** 统一出件: the applicant (and the proxy agent) hear that every result is ready at once. */
export function deliveryNotices(input: CaseWorkflowInput, record: CaseProjection): NotificationRequest[] {
  const payload = { trackingCode: input.trackingCode, deliveredAt: record.deliveredAt, matterCodes: record.matterCodes };
  const key = `${caseWorkflowId(input.caseId)}:delivered`;
  return [
    { dedupeKey: `${key}:applicant`, channel: 'sms', recipientRole: 'applicant', recipient: input.applicant.phone, template: 'case.delivered', payload, caseId: input.caseId },
    ...(input.agent ? [{
      dedupeKey: `${key}:agent`, channel: 'log', recipientRole: 'agent', recipient: input.agent.username, template: 'case.delivered', payload, caseId: input.caseId,
    } satisfies NotificationRequest] : []),
  ];
}

/**
 * §32 deadline passed at the window: the case counts as accepted from receipt. The supervision
 * office hears of the window's lapse; the applicant and the proxy agent that the case is accepted.
 */
export function deemedAcceptedNotices(input: CaseWorkflowInput, receivedAt: string, deadline: string): NotificationRequest[] {
  const payload = { trackingCode: input.trackingCode, receivedAt, deadline, matterCodes: input.matters.map((matter) => matter.code) };
  const template = 'case.deemed-accepted';
  return requests(input, [
    { key: `deemed:${receivedAt}:supervisor`, recipientRole: 'supervisor', recipient: 'office', template, payload },
    { key: `deemed:${receivedAt}:applicant`, recipientRole: 'applicant', recipient: input.applicant.phone, template, payload },
    ...(input.agent ? [{ key: `deemed:${receivedAt}:agent`, recipientRole: 'agent', recipient: input.agent.username, template, payload } satisfies Notice] : []),
  ]);
}
