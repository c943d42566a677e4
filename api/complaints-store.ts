// 效能投诉 records: registration under a number unique per day, and the chart-checked
// transitions (assign, resolve). Complaints are not case state: the API writes them directly.
import type { DataSource, EntityManager } from 'typeorm';
import { enqueueWithNotices } from '../activities/inbox-notices';
import type { WorkingCalendar } from '../domain/calendar';
import { shanghaiDate } from '../domain/calendar';
import { allowedEvents, applyEvent, canApply } from '../domain/charts/chart';
import { complaintChart, complaintSnapshot, type ComplaintEvent, type ComplaintStatus } from '../domain/charts/complaint-chart';
import { complaintNumber, FEEDBACK_POLICY } from '../domain/feedback-policy';
import { toShanghaiIso } from '../domain/time';
import { Complaint, DailyCounter, type ComplaintSource } from '../entities';
import { retryOnDeadlock } from '../entities/retry';
import { illegalTransition, notFound } from './problems';

const COMPLAINT_COUNTER = 'complaint';

/**
 * The next number of the day for `name`. The conditional UPDATE row-locks the counter until the
 * transaction commits, so concurrent callers draw distinct, gapless numbers; a rolled-back
 * registration gives its number back.
 */
export async function nextDailyNumber(manager: EntityManager, name: string, day: string): Promise<number> {
  const bump = () => manager.createQueryBuilder().update(DailyCounter).set({ value: () => 'value + 1' })
    .where('name = :name AND day = :day', { name, day }).execute();
  if (!(await bump()).affected) {
    await manager.createQueryBuilder().insert().into(DailyCounter).orIgnore().values({ name, day, value: 0 }).execute();
    await bump();
  }
  return (await manager.findOneByOrFail(DailyCounter, { name, day })).value;
}

export interface ComplaintIntake {
  source: ComplaintSource;
  content: string;
  caseId: string | null;
  departmentCode: string | null;
  complainantName: string | null;
  complainantPhone: string | null;
  registeredBy: string | null;
}

/** Registers a complaint received `receivedAt`, numbered TS-YYYYMMDD-NNNN of that day, due N working days later. */
export async function registerComplaint(db: DataSource, calendar: WorkingCalendar, intake: ComplaintIntake, receivedAt: Date): Promise<Complaint> {
  return retryOnDeadlock(() => db.transaction(async (manager) => {
    const receivedOn = shanghaiDate(receivedAt.toISOString());
    const sequence = await nextDailyNumber(manager, COMPLAINT_COUNTER, receivedOn);
    const row = manager.create(Complaint, {
      ...intake,
      number: complaintNumber(receivedOn, sequence),
      receivedAt,
      receivedOn,
      status: 'received',
      deadlineAt: new Date(calendar.dueAt(receivedAt.toISOString(), FEEDBACK_POLICY.complaintResolutionDays).at),
      assigneeId: null, assigneeName: null, assignedDepartmentCode: null, assignedAt: null,
      resolvedAt: null, resolvedBy: null, outcome: null, substantiated: null,
    });
    await manager.insert(Complaint, row);
    // The supervision office reads of it at once (消息中心), in the transaction that registers it.
    await enqueueWithNotices(manager, [{
      dedupeKey: `complaint-${row.number}:received`, channel: 'log', recipientRole: 'supervisor', recipient: 'office', template: 'complaint.received',
      payload: { complaintId: row.id, number: row.number, content: row.content.slice(0, 500), departmentCode: row.departmentCode, deadlineAt: toShanghaiIso(row.deadlineAt) },
      ...(row.caseId ? { caseId: row.caseId } : {}),
    }], receivedAt);
    return row;
  }));
}

export const complaintAllowedEvents = (status: ComplaintStatus): string[] => allowedEvents(complaintChart, complaintSnapshot(status));

/**
 * Applies a chart event: 409 with the allowed events when the chart refuses, and again when
 * another request changed the complaint in the meantime (the UPDATE is conditional on status).
 */
export async function transitionComplaint(db: DataSource, id: number, event: ComplaintEvent, changes: Partial<Complaint>): Promise<Complaint> {
  const repo = db.getRepository(Complaint);
  const complaint = await repo.findOneBy({ id });
  if (!complaint) throw notFound(`投诉 ${id}`);
  const refuse = (status: ComplaintStatus) =>
    illegalTransition(`投诉当前状态为 ${status}，不能办理 ${event.type}`, status, event.type, complaintAllowedEvents(status));
  const snapshot = complaintSnapshot(complaint.status);
  if (!canApply(complaintChart, snapshot, event)) throw refuse(complaint.status);
  const next = applyEvent(complaintChart, snapshot, event).value as ComplaintStatus;
  const result = await db.createQueryBuilder().update(Complaint).set({ ...changes, status: next })
    .where('id = :id AND status = :status', { id, status: complaint.status })
    .execute();
  const now = await repo.findOneByOrFail({ id });
  if (!result.affected) throw refuse(now.status);
  return now;
}

export function complaintView(complaint: Complaint, now: Date) {
  const resolved = complaint.resolvedAt !== null;
  return {
    id: complaint.id,
    number: complaint.number,
    status: complaint.status,
    source: complaint.source,
    receivedAt: toShanghaiIso(complaint.receivedAt),
    deadlineAt: toShanghaiIso(complaint.deadlineAt),
    caseId: complaint.caseId,
    departmentCode: complaint.departmentCode,
    content: complaint.content,
    complainant: complaint.complainantName === null && complaint.complainantPhone === null
      ? null : { name: complaint.complainantName, phone: complaint.complainantPhone },
    registeredBy: complaint.registeredBy,
    assignee: complaint.assigneeId === null ? null : { id: complaint.assigneeId, username: complaint.assigneeName },
    assignedDepartmentCode: complaint.assignedDepartmentCode,
    assignedAt: toShanghaiIso(complaint.assignedAt),
    resolvedAt: toShanghaiIso(complaint.resolvedAt),
    resolvedBy: complaint.resolvedBy,
    outcome: complaint.outcome,
    substantiated: complaint.substantiated,
    /** Resolved by the deadline; null while open. */
    onTime: resolved ? complaint.resolvedAt!.getTime() <= complaint.deadlineAt.getTime() : null,
    overdue: resolved ? complaint.resolvedAt!.getTime() > complaint.deadlineAt.getTime() : now.getTime() > complaint.deadlineAt.getTime(),
    allowed: complaintAllowedEvents(complaint.status),
  };
}

/** What the complainant learns: the number and the deadline, nothing about handling. */
export function complaintReceipt(complaint: Complaint) {
  return {
    number: complaint.number,
    status: complaint.status,
    receivedAt: toShanghaiIso(complaint.receivedAt),
    deadlineAt: toShanghaiIso(complaint.deadlineAt),
  };
}
