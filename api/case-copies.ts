// 抄送: copies of a case to people and departments, their notices, the one question scope asks of
// them (may this person read the case because it was copied to them?) and the list of the cases
// copied to a person (抄送我的).
import { In, type DataSource } from 'typeorm';
import { enqueueWithNotices } from '../activities/inbox-notices';
import type { NotificationRecipientRole, NotificationRequest } from '../activities/notification-types';
import type { Actor } from '../domain/types';
import { CaseCopy, CaseRecord } from '../entities';
import { offsetOf } from './paging';
import { filterCases, matchWords, wordTargets, type CaseFilter } from './read-model';

export interface CopyRecipients {
  users: { id: number; username: string; role: NotificationRecipientRole }[];
  departmentCodes: string[];
}

/** The latest copy of a case to its reader. */
export interface CopyFacts {
  at: Date;
  by: string;
  note: string | null;
}

/** A copy reaches the actor by name, or through the department they review for (officer, leader). */
const departmentOf = (actor: Actor): string | null =>
  ((actor.role === 'officer' || actor.role === 'leader') && actor.departmentCode ? actor.departmentCode : null);

export function createCaseCopies(db: DataSource) {
  const copies = db.getRepository(CaseCopy);
  const cases = db.getRepository(CaseRecord);
  return {
    async isCopiedTo(caseId: string, actor: Actor): Promise<boolean> {
      const department = departmentOf(actor);
      const found = await copies.findOne({
        where: [{ caseId, userId: actor.id }, ...(department ? [{ caseId, departmentCode: In([department]) }] : [])],
        select: { id: true },
      });
      return found !== null;
    },

    /**
     * 抄送我的: the cases copied to the actor, newest copy first, each with its latest copy to them,
     * under the list filters. Copies are few, so the total is counted directly.
     */
    async copiedTo(actor: Actor, filter: CaseFilter): Promise<{ items: { record: CaseRecord; copy: CopyFacts }[]; total: number }> {
      const department = departmentOf(actor);
      const toActor = (alias: string) => (department ? `(${alias}.user_id = :userId OR ${alias}.department_code = :department)` : `${alias}.user_id = :userId`);
      const query = copies.createQueryBuilder('cc')
        .innerJoin(CaseRecord, 'c', 'c.id = cc.case_id')
        .where(toActor('cc'), { userId: actor.id, ...(department ? { department } : {}) })
        // One row per case: a later copy to the same reader stands for the earlier ones.
        .andWhere(`NOT EXISTS (SELECT 1 FROM case_copies later WHERE later.case_id = cc.case_id AND ${toActor('later')} AND later.id > cc.id)`);
      filterCases(query, filter);
      if (filter.q) matchWords(query, filter.q, await wordTargets(db, filter.q));
      const [latest, total] = await Promise.all([
        query.clone().orderBy('cc.created_at', 'DESC').addOrderBy('cc.id', 'DESC').offset(offsetOf(filter)).limit(filter.pageSize).getMany(),
        query.getCount(),
      ]);
      const records = latest.length === 0 ? [] : await cases.findBy({ id: In(latest.map((copy) => copy.caseId)) });
      const byId = new Map(records.map((record) => [record.id, record]));
      const items = latest.flatMap((copy) => {
        const record = byId.get(copy.caseId);
        return record ? [{ record, copy: { at: copy.createdAt, by: copy.copiedBy, note: copy.note } }] : [];
      });
      return { items, total };
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
