// 催办 of a case: each open step's department is notified (outbox and 消息中心) and the case
// timeline shows the urge, all in one transaction. Keyed by the request, so a retried request
// neither notifies nor records twice.
import { In, type DataSource } from 'typeorm';
import { enqueueWithNotices } from '../activities/inbox-notices';
import type { NotificationRequest } from '../activities/notification-types';
import { toShanghaiIso } from '../domain/time';
import type { Actor } from '../domain/types';
import { AuditEvent, Matter, type CaseRecord, type Step } from '../entities';

export interface CaseUrge {
  record: CaseRecord;
  open: Step[];
  actor: Actor;
  requestId: string;
  note?: string;
}

export async function recordCaseUrge(db: DataSource, { record, open, actor, requestId, note }: CaseUrge): Promise<void> {
  const at = new Date();
  const matters = await db.getRepository(Matter).find({ where: { code: In(open.map((step) => step.matterCode)) }, select: { code: true, name: true } });
  const nameOf = (code: string) => matters.find((matter) => matter.code === code)?.name;
  const requests: NotificationRequest[] = open.map((step) => ({
    dedupeKey: `case-${record.id}:urge:${requestId}:${step.id}`,
    channel: 'log', recipientRole: 'leader', recipient: `dept:${step.departmentCode}`, template: 'case.urged',
    payload: {
      caseId: record.id, stepId: step.id, trackingCode: record.trackingCode, matterCode: step.matterCode, matterName: nameOf(step.matterCode),
      dueAt: toShanghaiIso(step.dueAt), urgedBy: actor.username, ...(note ? { note } : {}),
    },
    caseId: record.id, stepId: step.id,
  }));
  await db.transaction(async (manager) => {
    await enqueueWithNotices(manager, requests, at);
    await manager.createQueryBuilder().insert().into(AuditEvent).orIgnore().values(open.map((step, i) => ({
      workflowId: `urge-${record.id}-${requestId}`, seq: i + 1, caseId: record.id, stepId: step.id, at, action: 'URGED',
      fromState: null, toState: step.status, actorId: actor.id, actorName: actor.username, actorRole: actor.role,
      detail: { departmentCode: step.departmentCode, matterCode: step.matterCode, ...(note ? { note } : {}) },
    })) as never).execute();
  });
}
