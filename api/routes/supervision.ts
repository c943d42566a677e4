// 电子监察 supervision routes: alerts (yellow and red steps), 督办 orders with 催办 (urge) and 销号
// (close), and the immutable 效能问责 records. The supervision office sees the whole center; a
// leader sees their own department only.
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { contentHash } from '../../activities/content-hash';
import type { SupervisionOrderStatus } from '../../activities/supervision-types';
import { CASE_STATUSES_UNDER_REVIEW, OPEN_STEP_STATUSES } from '../../domain/charts/states';
import { toShanghaiIso } from '../../domain/time';
import type { Actor, Light } from '../../domain/types';
import { AccountabilityRecord, CaseRecord, Step, SupervisionOrder } from '../../entities';
import { accountabilityRecordPageAnswer, alertPageAnswer, supervisionOrderAnswer, supervisionOrderPageAnswer } from '../answers';
import { actorOf } from '../auth';
import type { RouteBook } from '../endpoints';
import { offsetOf, pageOf, pagingShape, skipTake } from '../paging';
import { forbidden, illegalTransition, notFound } from '../problems';

export interface SupervisionNotice {
  /** Idempotency key of the notice: the same key is delivered once. */
  dedupeKey: string;
  recipientRole: 'leader' | 'officer';
  recipient: string;
  template: string;
  payload: Record<string, unknown>;
  caseId?: string;
  stepId?: string;
}

export type Notify = (notice: SupervisionNotice) => Promise<void>;

const OPEN: SupervisionOrderStatus = 'open';
const CLOSED: SupervisionOrderStatus = 'closed';
const ALERT_LIGHTS = ['yellow', 'red'] as const satisfies readonly Light[];

const text = (max: number) => z.string().trim().min(1).max(max);
const alertsQuery = z.object({ light: z.enum(ALERT_LIGHTS).optional(), ...pagingShape });
const ordersQuery = z.object({ status: z.enum([OPEN, CLOSED]).optional(), ...pagingShape });
const recordsQuery = z.object(pagingShape);
const idParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
const urgeBody = z.strictObject({ note: text(2000).optional() });
const closeBody = z.strictObject({ note: text(2000) });

/** null: the whole center (效能办); otherwise the leader's own department. */
export function departmentScope(actor: Actor): string | null {
  if (actor.role === 'supervisor') return null;
  if (!actor.departmentCode) throw forbidden('本账户不属于任何部门');
  return actor.departmentCode;
}

export function orderView(order: SupervisionOrder) {
  return {
    id: order.id,
    caseId: order.caseId,
    stepId: order.stepId,
    matterCode: order.matterCode,
    departmentCode: order.departmentCode,
    status: order.status,
    openedAt: toShanghaiIso(order.openedAt),
    deadlineAt: toShanghaiIso(order.deadlineAt),
    urgeCount: order.urgeCount,
    lastUrgedAt: toShanghaiIso(order.lastUrgedAt),
    closedAt: toShanghaiIso(order.closedAt),
    closedBy: order.closedBy,
    closeNote: order.closeNote,
  };
}

export function accountabilityView(record: AccountabilityRecord) {
  return {
    id: record.id,
    caseId: record.caseId,
    stepId: record.stepId,
    departmentCode: record.departmentCode,
    card: record.card,
    content: record.content,
    contentHash: record.contentHash,
    // Recomputed on every read: false means the stored facts no longer match their hash.
    intact: contentHash(record.content) === record.contentHash,
    createdAt: toShanghaiIso(record.createdAt),
  };
}

export function createSupervisionRouter({ db, notify, book }: { db: DataSource; notify: Notify; book: RouteBook }) {
  const routes = book.router();
  const orders = db.getRepository(SupervisionOrder);

  /** The order, if the actor's scope covers it; otherwise 404 (no hint that it exists). */
  const visibleOrder = async (id: number, actor: Actor): Promise<SupervisionOrder> => {
    const scope = departmentScope(actor);
    const order = await orders.findOneBy({ id });
    if (!order || (scope !== null && order.departmentCode !== scope)) throw notFound(`督办单 ${id}`);
    return order;
  };

  routes.route({
    method: 'get', path: '/api/alerts', tag: 'supervision', summary: 'Open yellow and red steps, most overdue first, paged',
    access: ['supervisor', 'leader'], query: alertsQuery, answer: alertPageAnswer,
    responses: { 200: '`{items:[{stepId, caseId, matterCode, departmentCode, status, light, dueAt}], page, pageSize, total}`' },
  }, async ({ query: { light, ...paging } }, req, res) => {
    const scope = departmentScope(actorOf(req));
    const query = db.getRepository(Step).createQueryBuilder('s')
      .innerJoin(CaseRecord, 'c', 'c.id = s.case_id')
      .where('s.status IN (:...open)', { open: OPEN_STEP_STATUSES })
      .andWhere('c.status IN (:...reviewing)', { reviewing: CASE_STATUSES_UNDER_REVIEW })
      .andWhere('s.light IN (:...lights)', { lights: light ? [light] : [...ALERT_LIGHTS] });
    if (scope !== null) query.andWhere('s.department_code = :scope', { scope });
    // One row per step (a step has one case): LIMIT and OFFSET page the steps themselves.
    const [steps, total] = await Promise.all([
      query.clone()
        .orderBy('CASE WHEN s.due_at IS NULL THEN 1 ELSE 0 END', 'ASC')
        .addOrderBy('s.due_at', 'ASC')
        .addOrderBy('s.id', 'ASC')
        .offset(offsetOf(paging)).limit(paging.pageSize)
        .getMany(),
      query.getCount(),
    ]);
    res.json(pageOf(steps.map((step) => ({
      stepId: step.id,
      caseId: step.caseId,
      matterCode: step.matterCode,
      departmentCode: step.departmentCode,
      status: step.status,
      light: step.light,
      dueAt: toShanghaiIso(step.dueAt),
    })), total, paging));
  });

  routes.route({
    method: 'get', path: '/api/supervision-orders', tag: 'supervision', summary: '督办 orders, nearest deadline first, paged',
    access: ['supervisor', 'leader'], query: ordersQuery, answer: supervisionOrderPageAnswer, responses: { 200: '`{items, page, pageSize, total}`' },
  }, async ({ query: { status, ...paging } }, req, res) => {
    const scope = departmentScope(actorOf(req));
    const [rows, total] = await orders.findAndCount({
      where: { ...(status ? { status } : {}), ...(scope !== null ? { departmentCode: scope } : {}) },
      // Most pressing first: the nearest deadline.
      order: { deadlineAt: 'ASC', id: 'ASC' },
      ...skipTake(paging),
    });
    res.json(pageOf(rows.map(orderView), total, paging));
  });

  routes.route({
    method: 'get', path: '/api/supervision-orders/:id', tag: 'supervision', summary: 'One 督办 order',
    access: ['supervisor', 'leader'], params: idParam, answer: supervisionOrderAnswer, responses: { 200: 'the order' },
  }, async ({ params }, req, res) => {
    res.json(orderView(await visibleOrder(params.id, actorOf(req))));
  });

  routes.route({
    method: 'post', path: '/api/supervision-orders/:id/urge', tag: 'supervision', summary: '催办: urge the department; its leader is notified',
    access: ['supervisor'], params: idParam, body: urgeBody, answer: supervisionOrderAnswer, responses: { 200: 'the order', 409: 'the order is closed' },
  }, async ({ params: { id }, body: { note } }, req, res) => {
    const actor = actorOf(req);
    const order = await db.transaction(async (manager) => {
      // The conditional UPDATE row-locks the order until commit, so the count read back below is
      // this urge's own number even when two supervisors urge at once.
      const result = await manager.createQueryBuilder().update(SupervisionOrder)
        .set({ urgeCount: () => 'urge_count + 1', lastUrgedAt: new Date() })
        .where('id = :id AND status = :open', { id, open: OPEN })
        .execute();
      const row = await manager.findOneBy(SupervisionOrder, { id });
      if (!row) throw notFound(`督办单 ${id}`);
      if (!result.affected) throw illegalTransition('督办单已办结，不能再催办', CLOSED, 'URGE', []);
      return row;
    });
    // After commit: the notice goes to the outbox, keyed by the urge number so a retry of the
    // delivery never repeats it.
    await notify({
      dedupeKey: `order-${order.id}:urge:${order.urgeCount}`,
      recipientRole: 'leader',
      recipient: `dept:${order.departmentCode}`,
      template: 'order.urged',
      payload: {
        orderId: order.id,
        caseId: order.caseId,
        stepId: order.stepId,
        matterCode: order.matterCode,
        departmentCode: order.departmentCode,
        deadlineAt: toShanghaiIso(order.deadlineAt),
        urgeCount: order.urgeCount,
        urgedBy: actor.username,
        ...(note ? { note } : {}),
      },
      caseId: order.caseId,
      stepId: order.stepId,
    });
    res.json(orderView(order));
  });

  routes.route({
    method: 'post', path: '/api/supervision-orders/:id/close', tag: 'supervision', summary: '销号: close the order with a note',
    access: ['supervisor'], params: idParam, body: closeBody, answer: supervisionOrderAnswer, responses: { 200: 'the order', 409: 'already closed' },
  }, async ({ params, body: { note } }, req, res) => {
    const actor = actorOf(req);
    const order = await visibleOrder(params.id, actor);
    // Conditional on status: of two concurrent closes exactly one matches a row.
    const result = await db.createQueryBuilder().update(SupervisionOrder)
      .set({ status: CLOSED, closedAt: new Date(), closedBy: actor.username, closeNote: note })
      .where('id = :id AND status = :open', { id: order.id, open: OPEN })
      .execute();
    if (!result.affected) throw illegalTransition('督办单已经办结', CLOSED, 'CLOSE', []);
    res.json(orderView(await orders.findOneByOrFail({ id: order.id })));
  });

  routes.route({
    method: 'get', path: '/api/accountability-records', tag: 'supervision', summary: '效能问责 records, newest first, with their integrity, paged',
    access: ['supervisor', 'leader'], query: recordsQuery, answer: accountabilityRecordPageAnswer, responses: { 200: '`{items, page, pageSize, total}`' },
  }, async ({ query: paging }, req, res) => {
    const scope = departmentScope(actorOf(req));
    const [records, total] = await db.getRepository(AccountabilityRecord).findAndCount({
      where: scope !== null ? { departmentCode: scope } : {},
      order: { createdAt: 'DESC', id: 'DESC' },
      ...skipTake(paging),
    });
    res.json(pageOf(records.map(accountabilityView), total, paging));
  });

  return routes.express;
}
