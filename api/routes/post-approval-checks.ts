// 告知承诺制 事后核查: the checks a department owes after approving on the applicant's commitment.
// Reviewers see and complete their own department's; the supervision office sees all.
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { allowedEvents, applyEvent, canApply } from '../../domain/charts/chart';
import { CHECK_STATUSES, checkChart, checkSnapshot, type CheckStatus } from '../../domain/charts/post-approval-check-chart';
import { toShanghaiIso } from '../../domain/time';
import type { Actor } from '../../domain/types';
import { PostApprovalCheck } from '../../entities';
import { actorOf } from '../auth';
import type { RouteBook } from '../endpoints';
import { illegalTransition, notFound } from '../problems';

const idParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
const listQuery = z.object({ status: z.enum(CHECK_STATUSES).optional() });
const completeBody = z.strictObject({ compliant: z.boolean(), finding: z.string().trim().min(1).max(4000) });

function checkView(check: PostApprovalCheck, now = new Date()) {
  return {
    id: check.id,
    stepId: check.stepId,
    caseId: check.caseId,
    departmentCode: check.departmentCode,
    matterCode: check.matterCode,
    items: check.items,
    status: check.status,
    dueAt: toShanghaiIso(check.dueAt),
    overdue: check.status === 'open' && check.dueAt.getTime() < now.getTime(),
    createdAt: toShanghaiIso(check.createdAt),
    completedAt: toShanghaiIso(check.completedAt),
    completedBy: check.completedBy,
    finding: check.finding,
  };
}

/** null: every department (效能办); otherwise the reviewer's own. */
const scopeOf = (actor: Actor): string | null => (actor.role === 'supervisor' ? null : actor.departmentCode ?? '');

export function createPostApprovalChecksRouter({ db, book }: { db: DataSource; book: RouteBook }) {
  const routes = book.router();
  const checks = db.getRepository(PostApprovalCheck);

  routes.route({
    method: 'get', path: '/api/post-approval-checks', tag: 'steps', summary: '告知承诺制 事后核查 owed, nearest deadline first',
    access: ['officer', 'leader', 'supervisor'], query: listQuery, responses: { 200: 'checks' },
  }, async ({ query }, req, res) => {
    const scope = scopeOf(actorOf(req));
    const rows = await checks.find({
      where: { ...(query.status ? { status: query.status } : {}), ...(scope !== null ? { departmentCode: scope } : {}) },
      order: { dueAt: 'ASC', id: 'ASC' },
    });
    const now = new Date();
    res.json(rows.map((row) => checkView(row, now)));
  });

  routes.route({
    method: 'post', path: '/api/post-approval-checks/:id/complete', tag: 'steps', summary: 'Record the check: commitment kept (passed) or broken (failed)',
    access: ['officer', 'leader'], params: idParam, body: completeBody, responses: { 200: 'the check', 409: 'already completed' },
  }, async ({ params: { id }, body }, req, res) => {
    const actor = actorOf(req);
    const check = await checks.findOneBy({ id });
    if (!check || check.departmentCode !== scopeOf(actor)) throw notFound(`post-approval check ${id}`);
    const event = { type: 'COMPLETE' as const, ...body };
    const refuse = (status: CheckStatus) => illegalTransition(`the check is ${status}`, status, 'COMPLETE', allowedEvents(checkChart, checkSnapshot(status)));
    if (!canApply(checkChart, checkSnapshot(check.status), event)) throw refuse(check.status);
    const next = applyEvent(checkChart, checkSnapshot(check.status), event).value as CheckStatus;
    // Conditional on the status read: of two concurrent completions exactly one matches a row.
    const result = await db.createQueryBuilder().update(PostApprovalCheck)
      .set({ status: next, completedAt: new Date(), completedBy: actor.username, finding: body.finding })
      .where('id = :id AND status = :status', { id, status: check.status })
      .execute();
    const updated = await checks.findOneByOrFail({ id });
    if (!result.affected) throw refuse(updated.status);
    res.json(checkView(updated));
  });

  return routes.express;
}
