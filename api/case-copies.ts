// 抄送: copies of a case to people and departments, their notices, and the one question scope
// asks of them: may this person read the case because it was copied to them?
import { In, type DataSource } from 'typeorm';
import { enqueueWithNotices } from '../activities/inbox-notices';
import type { NotificationRecipientRole, NotificationRequest } from '../activities/notification-types';
import type { Actor } from '../domain/types';
import { CaseCopy, type CaseRecord } from '../entities';

export interface CopyRecipients {
  users: { id: number; username: string; role: NotificationRecipientRole }[];
  departmentCodes: string[];
}

export function createCaseCopies(db: DataSource) {
  const copies = db.getRepository(CaseCopy);
  return {
    /** A copy names the actor, or the actor's department if they review for it. */
    async isCopiedTo(caseId: string, actor: Actor): Promise<boolean> {
      const department = (actor.role === 'officer' || actor.role === 'leader') && actor.departmentCode ? [actor.departmentCode] : [];
      const found = await copies.findOne({
        where: [{ caseId, userId: actor.id }, ...(department.length > 0 ? [{ caseId, departmentCode: In(department) }] : [])],
        select: { id: true },
      });
      return found !== null;
    },

    /** The copies and their notices, in one transaction. */
    async copy(record: CaseRecord, recipients: CopyRecipients, actor: Actor, requestId: string, note?: string): Promise<void> {
      const at = new Date();
      const payload = { caseId: record.id, trackingCode: record.trackingCode, copiedBy: actor.username, ...(note ? { note } : {}) };
      const base = { channel: 'log' as const, template: 'case.copied', payload, caseId: record.id };
      const requests: NotificationRequest[] = [
        ...recipients.users.map(({ id, username, role }) => ({ ...base, dedupeKey: `case-${record.id}:cc:${requestId}:user-${id}`, recipientRole: role, recipient: username })),
        ...recipients.departmentCodes.map((code) => ({ ...base, dedupeKey: `case-${record.id}:cc:${requestId}:dept-${code}`, recipientRole: 'leader' as const, recipient: `dept:${code}` })),
      ];
      await db.transaction(async (manager) => {
        const rows = [
          ...recipients.users.map(({ id }) => ({ userId: id, departmentCode: null })),
          ...recipients.departmentCodes.map((code) => ({ userId: null, departmentCode: code })),
        ].map((who) => ({ ...who, caseId: record.id, copiedBy: actor.username, note: note ?? null, createdAt: at }));
        await manager.insert(CaseCopy, rows);
        await enqueueWithNotices(manager, requests, at);
      });
    },
  };
}

export type CaseCopies = ReturnType<typeof createCaseCopies>;
