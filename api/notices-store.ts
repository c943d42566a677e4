// 消息中心 reads and marks: always one person's own notices, newest first.
import { IsNull, MoreThan, Not, type DataSource } from 'typeorm';
import { toShanghaiIso } from '../domain/time';
import { Notice } from '../entities';

export function noticeView(notice: Notice) {
  return {
    id: notice.id,
    kind: notice.kind,
    title: notice.title,
    ...(notice.body ? { body: notice.body } : {}),
    ...(notice.caseId ? { caseId: notice.caseId } : {}),
    ...(notice.stepId ? { stepId: notice.stepId } : {}),
    ...(notice.projectId ? { projectId: notice.projectId } : {}),
    at: toShanghaiIso(notice.createdAt),
    readAt: toShanghaiIso(notice.readAt),
  };
}
export type NoticeView = ReturnType<typeof noticeView>;

export function createNoticeStore(db: DataSource) {
  const notices = db.getRepository(Notice);
  const unreadOf = (userId: number): Promise<number> => notices.countBy({ userId, readAt: IsNull() });

  return {
    unreadOf,

    async page(userId: number, { unread, page, pageSize }: { unread?: boolean; page: number; pageSize: number }) {
      const where = { userId, ...(unread === true ? { readAt: IsNull() } : {}), ...(unread === false ? { readAt: Not(IsNull()) } : {}) };
      const [rows, total] = await notices.findAndCount({ where, order: { id: 'DESC' }, skip: (page - 1) * pageSize, take: pageSize });
      return { items: rows.map(noticeView), page, pageSize, total, unread: await unreadOf(userId) };
    },

    /** Notices that arrived after `afterId`, oldest first (what a stream has not yet sent). */
    async since(userId: number, afterId: number, limit = 50): Promise<NoticeView[]> {
      const rows = await notices.find({ where: { userId, id: MoreThan(afterId) }, order: { id: 'ASC' }, take: limit });
      return rows.map(noticeView);
    },

    async latestId(userId: number): Promise<number> {
      const row = await notices.findOne({ where: { userId }, order: { id: 'DESC' }, select: { id: true } });
      return row?.id ?? 0;
    },

    /** Marks one of the person's notices read (the first reading stays); null when it is not theirs. */
    async markRead(userId: number, id: number): Promise<NoticeView | null> {
      await notices.update({ id, userId, readAt: IsNull() }, { readAt: new Date() });
      const row = await notices.findOneBy({ id, userId });
      return row ? noticeView(row) : null;
    },

    async markAllRead(userId: number): Promise<number> {
      const result = await notices.update({ userId, readAt: IsNull() }, { readAt: new Date() });
      return result.affected ?? 0;
    },
  };
}

export type NoticeStore = ReturnType<typeof createNoticeStore>;
