// 消息中心 writer: every outbox row a person or a department should read also lands, in the same
// transaction and under the same dedupe key, in the in-app `notices` table, one row per person.
// Applicants have no account: their SMS stays in the outbox only.
import { In, type EntityManager } from 'typeorm';
import { noticeText } from '../domain/notice-text';
import { Notice, Notification, User } from '../entities';
import type { NotificationRequest } from './notification-types';
import { toRow } from './notifications';

const DEPARTMENT = 'dept:';
/** The supervision office as the workflows name it; any other recipient is one account. */
const SUPERVISION_OFFICE = new Set(['office', 'supervision-office']);
/** The window (一窗受理): every clerk. */
const WINDOW = 'window';

/** Who reads a notice in the app: a department's leader and officers, the office's every supervisor, every clerk of the window, or the named account. */
async function readers(manager: EntityManager, request: NotificationRequest): Promise<number[]> {
  if (request.recipientRole === 'applicant') return [];
  const users = manager.getRepository(User);
  const select = { id: true } as const;
  let found: { id: number }[];
  if (request.recipientRole === 'supervisor' && SUPERVISION_OFFICE.has(request.recipient)) {
    found = await users.find({ select, where: { role: 'supervisor', active: true } });
  } else if (request.recipientRole === 'clerk' && request.recipient === WINDOW) {
    found = await users.find({ select, where: { role: 'clerk', active: true } });
  } else if (request.recipient.startsWith(DEPARTMENT)) {
    found = await users.find({ select, where: { role: In(['leader', 'officer']), departmentCode: request.recipient.slice(DEPARTMENT.length), active: true } });
  } else {
    found = await users.find({ select, where: { username: request.recipient, active: true } });
  }
  return found.map(({ id }) => id);
}

/** The in-app rows of these notices; a (person, dedupe key) already there is skipped. */
export async function writeNotices(manager: EntityManager, requests: NotificationRequest[], now: Date): Promise<number> {
  const rows: Omit<Notice, 'id'>[] = [];
  for (const request of requests) {
    const { title, body } = noticeText(request.template, request.payload);
    const projectId = typeof request.payload.projectId === 'string' ? request.payload.projectId : null;
    for (const userId of await readers(manager, request)) {
      rows.push({
        userId, dedupeKey: request.dedupeKey, kind: request.template, title: title.slice(0, 200), body,
        caseId: request.caseId ?? null, stepId: request.stepId ?? null, projectId, createdAt: now, readAt: null,
      });
    }
  }
  if (rows.length === 0) return 0;
  await manager.createQueryBuilder().insert().into(Notice).orIgnore().values(rows as never).execute();
  return rows.length;
}

/**
 * The outbox rows and their in-app copies, inside the caller's transaction. Answers the outbox
 * rows inserted: a dedupe key already in the outbox counts zero.
 */
export async function enqueueWithNotices(manager: EntityManager, requests: NotificationRequest[], now: Date): Promise<number> {
  if (requests.length === 0) return 0;
  const [sql, parameters] = manager.createQueryBuilder().insert().into(Notification).orIgnore()
    .values(requests.map((request) => toRow(request, now)) as never)
    .getQueryAndParameters();
  // The structured result: its `affected` counts inserted rows on both MySQL and sql.js.
  const result = await manager.queryRunner!.query(sql, parameters, true);
  await writeNotices(manager, requests, now);
  return result.affected ?? 0;
}
