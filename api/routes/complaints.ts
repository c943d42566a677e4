// 效能投诉 for the supervision office: registration of complaints received by phone, letter or
// in person, assignment, resolution with an outcome, lists and figures. Applicants file their
// own with a tracking code (routes/feedback-public.ts).
import type { DataSource } from 'typeorm';
import { toShanghaiIso } from '../../domain/time';
import { enqueueWithNotices } from '../../activities/inbox-notices';
import { z } from 'zod';
import type { WorkingCalendar } from '../../domain/calendar';
import { COMPLAINT_STATUSES } from '../../domain/charts/complaint-chart';
import { roundRate } from '../../domain/metrics/rates';
import { CaseRecord, Complaint, Department, User } from '../../entities';
import { actorOf } from '../auth';
import type { RouteBook } from '../endpoints';
import { complaintAnswer, complaintFiguresAnswer, page } from '../answers';
import { offsetOf, pageOf, pagingShape } from '../paging';
import type { Clock } from '../../config/clock';
import { complaintView, registerComplaint, transitionComplaint } from '../complaints-store';
import { checkPeriod, periodShape, withResolvedPeriod } from '../period';
import { badRequest, notFound } from '../problems';

const text = (max: number) => z.string().trim().min(1).max(max);
const registerBody = z.strictObject({
  content: text(4000),
  caseId: z.string().uuid().optional(),
  departmentCode: text(32).optional(),
  complainant: z.strictObject({
    name: text(100).optional(),
    phone: z.string().regex(/^\+?[0-9-]{7,20}$/, '应为 7–20 位电话号码').optional(),
  }).optional(),
});
const assignBody = z.strictObject({
  assigneeId: z.number().int().positive().max(2_147_483_647).optional(),
  departmentCode: text(32).optional(),
}).refine((body) => body.assigneeId !== undefined || body.departmentCode !== undefined, {
  message: '请指定承办人（assigneeId）或承办部门（departmentCode）', path: ['assigneeId'],
});
const resolveBody = z.strictObject({ outcome: text(4000), substantiated: z.boolean() });
const idParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
const listQuery = z.object({
  ...periodShape,
  status: z.enum(COMPLAINT_STATUSES).optional(),
  ...pagingShape,
});
const figuresQuery = z.object(periodShape).transform(withResolvedPeriod).superRefine(checkPeriod);

const num = (value: unknown): number => Number(value ?? 0);
const share = (part: number, whole: number): number | null => (whole === 0 ? null : roundRate(part / whole));

export function createComplaintsRouter({ db, calendar, clock, book }: { db: DataSource; calendar: { current(): Promise<WorkingCalendar> }; clock: Clock; book: RouteBook }) {
  const routes = book.router();
  const complaints = db.getRepository(Complaint);

  const knownDepartment = async (code: string | undefined, path: string) => {
    if (code !== undefined && !(await db.getRepository(Department).existsBy({ code }))) {
      throw badRequest([{ path, message: `部门 ${code} 不存在` }]);
    }
  };

  routes.route({
    method: 'post', path: '/api/complaints', tag: 'complaints', summary: '效能投诉 received by phone, letter or in person: registered with a number and a deadline',
    access: ['supervisor'], body: registerBody, answer: complaintAnswer, responses: { 201: 'the complaint' },
  }, async ({ body }, req, res) => {
    const actor = actorOf(req);
    if (body.caseId && !(await db.getRepository(CaseRecord).existsBy({ id: body.caseId }))) {
      throw badRequest([{ path: 'caseId', message: `办件 ${body.caseId} 不存在` }]);
    }
    await knownDepartment(body.departmentCode, 'departmentCode');
    const complaint = await registerComplaint(db, await calendar.current(), {
      source: 'office',
      content: body.content,
      caseId: body.caseId ?? null,
      departmentCode: body.departmentCode ?? null,
      complainantName: body.complainant?.name ?? null,
      complainantPhone: body.complainant?.phone ?? null,
      registeredBy: actor.username,
    }, clock.now());
    res.status(201).location(`/api/complaints/${complaint.id}`).json(complaintView(complaint, clock.now()));
  });

  routes.route({
    method: 'get', path: '/api/complaints', tag: 'complaints', summary: 'Complaints, newest first, paged', access: ['supervisor'],
    query: listQuery, answer: page(complaintAnswer), responses: { 200: '`{items, page, pageSize, total}`' },
  }, async ({ query: filter }, _req, res) => {
    const query = complaints.createQueryBuilder('t').where('1 = 1');
    if (filter.status) query.andWhere('t.status = :status', { status: filter.status });
    if (filter.from) query.andWhere('t.received_on >= :from', { from: filter.from });
    if (filter.to) query.andWhere('t.received_on <= :to', { to: filter.to });
    const [items, total] = await query.orderBy('t.received_at', 'DESC').addOrderBy('t.id', 'DESC')
      .skip(offsetOf(filter)).take(filter.pageSize)
      .getManyAndCount();
    const now = clock.now();
    res.json(pageOf(items.map((item) => complaintView(item, now)), total, filter));
  });

  // Before /:id, which would read "figures" as an id.
  routes.route({
    method: 'get', path: '/api/complaints/figures', tag: 'complaints', summary: 'Received, resolved, resolution rate (and on time), per department',
    access: ['supervisor'], query: figuresQuery, answer: complaintFiguresAnswer, responses: { 200: 'figures' },
  }, async ({ query: period }, _req, res) => {
    const now = clock.now();
    const rows = await complaints.createQueryBuilder('t')
      .select('t.department_code', 'departmentCode')
      .addSelect('COUNT(*)', 'received')
      .addSelect('SUM(CASE WHEN t.resolved_at IS NOT NULL THEN 1 ELSE 0 END)', 'resolved')
      .addSelect('SUM(CASE WHEN t.resolved_at IS NOT NULL AND t.resolved_at <= t.deadline_at THEN 1 ELSE 0 END)', 'resolvedOnTime')
      .addSelect('SUM(CASE WHEN t.substantiated = 1 THEN 1 ELSE 0 END)', 'substantiated')
      .addSelect('SUM(CASE WHEN t.resolved_at IS NULL AND t.deadline_at < :now THEN 1 ELSE 0 END)', 'openOverdue')
      .where('t.received_on BETWEEN :from AND :to', period)
      .setParameter('now', now)
      .groupBy('t.department_code')
      .getRawMany<Record<string, unknown>>();
    const figures = (row: { received: number; resolved: number; resolvedOnTime: number; substantiated: number; openOverdue: number }) => ({
      ...row,
      open: row.received - row.resolved,
      resolutionRate: share(row.resolved, row.received),
      onTimeRate: share(row.resolvedOnTime, row.resolved),
    });
    const counted = rows.map((row) => ({
      departmentCode: row.departmentCode === null ? null : String(row.departmentCode),
      received: num(row.received), resolved: num(row.resolved), resolvedOnTime: num(row.resolvedOnTime),
      substantiated: num(row.substantiated), openOverdue: num(row.openOverdue),
    }));
    const sum = (field: 'received' | 'resolved' | 'resolvedOnTime' | 'substantiated' | 'openOverdue') =>
      counted.reduce((total, row) => total + row[field], 0);
    res.json({
      ...period,
      ...figures({ received: sum('received'), resolved: sum('resolved'), resolvedOnTime: sum('resolvedOnTime'), substantiated: sum('substantiated'), openOverdue: sum('openOverdue') }),
      byDepartment: counted
        .sort((a, b) => (a.departmentCode ?? '~').localeCompare(b.departmentCode ?? '~'))
        .map(({ departmentCode, ...row }) => ({ departmentCode, ...figures(row) })),
    });
  });

  routes.route({
    method: 'get', path: '/api/complaints/:id', tag: 'complaints', summary: 'One complaint', access: ['supervisor'],
    params: idParam, answer: complaintAnswer, responses: { 200: 'the complaint' },
  }, async ({ params: { id } }, _req, res) => {
    const complaint = await complaints.findOneBy({ id });
    if (!complaint) throw notFound(`投诉 ${id}`);
    res.json(complaintView(complaint, clock.now()));
  });

  routes.route({
    method: 'post', path: '/api/complaints/:id/assign', tag: 'complaints', summary: 'Assign to a member of staff or a department',
    access: ['supervisor'], params: idParam, body: assignBody, answer: complaintAnswer, responses: { 200: 'the complaint', 409: 'not assignable in its state' },
  }, async ({ params: { id }, body }, _req, res) => {
    await knownDepartment(body.departmentCode, 'departmentCode');
    let assignee: User | null = null;
    if (body.assigneeId !== undefined) {
      assignee = await db.getRepository(User).findOneBy({ id: body.assigneeId });
      if (!assignee || assignee.role === 'admin' || assignee.role === 'agent') {
        throw badRequest([{ path: 'assigneeId', message: '应为可承办投诉的工作人员（clerk、officer、leader 或 supervisor）' }]);
      }
      if (body.departmentCode && assignee.departmentCode && assignee.departmentCode !== body.departmentCode) {
        throw badRequest([{ path: 'departmentCode', message: `${assignee.username} 属于部门 ${assignee.departmentCode}` }]);
      }
    }
    const departmentCode = body.departmentCode ?? assignee?.departmentCode ?? null;
    const complaint = await transitionComplaint(db, id, { type: 'ASSIGN', ...body }, {
      assigneeId: assignee?.id ?? null,
      assigneeName: assignee?.username ?? null,
      assignedDepartmentCode: departmentCode,
      assignedAt: clock.now(),
    });
    // The assignee, or the department (its leader and officers), reads it in the 消息中心.
    await db.transaction((manager) => enqueueWithNotices(manager, [{
      dedupeKey: `complaint-${complaint.number}:assigned:${complaint.assignedAt!.getTime()}`, channel: 'log',
      recipientRole: assignee ? assignee.role as Exclude<typeof assignee.role, 'admin'> : 'leader', recipient: assignee ? assignee.username : `dept:${departmentCode}`, template: 'complaint.assigned',
      payload: { complaintId: complaint.id, number: complaint.number, content: complaint.content.slice(0, 500), deadlineAt: toShanghaiIso(complaint.deadlineAt) },
      ...(complaint.caseId ? { caseId: complaint.caseId } : {}),
    }], clock.now()));
    res.json(complaintView(complaint, clock.now()));
  });

  routes.route({
    method: 'post', path: '/api/complaints/:id/resolve', tag: 'complaints', summary: 'Resolve with an outcome', access: ['supervisor'],
    params: idParam, body: resolveBody, answer: complaintAnswer, responses: { 200: 'the complaint', 409: 'not resolvable in its state' },
  }, async ({ params: { id }, body: { outcome, substantiated } }, req, res) => {
    const actor = actorOf(req);
    const complaint = await transitionComplaint(db, id, { type: 'RESOLVE', outcome, substantiated }, {
      outcome, substantiated, resolvedAt: clock.now(), resolvedBy: actor.username,
    });
    res.json(complaintView(complaint, clock.now()));
  });

  return routes.express;
}
