// 告知承诺制 事后核查: the checks a department owes after approving on the applicant's commitment.
// Reviewers see and complete their own department's; the supervision office sees all.
import type { DataSource, EntityManager } from 'typeorm';
import { enqueueWithNotices } from '../../activities/inbox-notices';
import { z } from 'zod';
import { allowedEvents, applyEvent, canApply } from '../../domain/charts/chart';
import { CHECK_STATUSES, checkChart, checkSnapshot, type CheckStatus } from '../../domain/charts/post-approval-check-chart';
import { toShanghaiIso } from '../../domain/time';
import type { Actor } from '../../domain/types';
import { AuditEvent, PostApprovalCheck } from '../../entities';
import { postApprovalCheckAnswer, postApprovalCheckPageAnswer } from '../answers';
import { actorOf } from '../auth';
import type { RouteBook } from '../endpoints';
import { pageOf, pagingShape, skipTake } from '../paging';
import { illegalTransition, notFound } from '../problems';

const idParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
const listQuery = z.object({ status: z.enum(CHECK_STATUSES).optional(), ...pagingShape });
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

/** 告知承诺 broken: a timeline row on the case, notices to the supervision office and the department. */
async function recordFailure(manager: EntityManager, check: PostApprovalCheck, finding: string, actor: Actor, at: Date): Promise<void> {
  await manager.insert(AuditEvent, {
    workflowId: `post-approval-check-${check.id}`, seq: 1, caseId: check.caseId, stepId: check.stepId, at, action: 'COMMITMENT_CHECK_FAILED',
    fromState: 'open', toState: 'failed', actorId: actor.id, actorName: actor.username, actorRole: actor.role,
    detail: { checkId: check.id, matterCode: check.matterCode, items: check.items, finding },
  });
  const payload = { checkId: check.id, matterCode: check.matterCode, items: check.items, finding, checkedBy: actor.username };
  const base = { channel: 'log' as const, template: 'commitment.check-failed', payload, caseId: check.caseId, stepId: check.stepId };
  await enqueueWithNotices(manager, [
    { ...base, dedupeKey: `post-approval-check-${check.id}:failed:supervisor`, recipientRole: 'supervisor', recipient: 'office' },
    { ...base, dedupeKey: `post-approval-check-${check.id}:failed:leader`, recipientRole: 'leader', recipient: `dept:${check.departmentCode}` },
  ], at);
}

export function createPostApprovalChecksRouter({ db, book }: { db: DataSource; book: RouteBook }) {
  const routes = book.router();
  const checks = db.getRepository(PostApprovalCheck);

  routes.route({
    method: 'get', path: '/api/post-approval-checks', tag: 'steps', summary: '告知承诺制 事后核查 owed, nearest deadline first, paged',
    access: ['officer', 'leader', 'supervisor'], query: listQuery, answer: postApprovalCheckPageAnswer, responses: { 200: '`{items, page, pageSize, total}`' },
  }, async ({ query: { status, ...paging } }, req, res) => {
    const scope = scopeOf(actorOf(req));
    const [rows, total] = await checks.findAndCount({
      where: { ...(status ? { status } : {}), ...(scope !== null ? { departmentCode: scope } : {}) },
      order: { dueAt: 'ASC', id: 'ASC' },
      ...skipTake(paging),
    });
    const now = new Date();
    res.json(pageOf(rows.map((row) => checkView(row, now)), total, paging));
  });

  routes.route({
    method: 'post', path: '/api/post-approval-checks/:id/complete', tag: 'steps', summary: 'Record the check: commitment kept (passed) or broken (failed)',
    access: ['officer', 'leader'], params: idParam, body: completeBody, answer: postApprovalCheckAnswer, responses: { 200: 'the check', 409: 'already completed' },
  }, async ({ params: { id }, body }, req, res) => {
    const actor = actorOf(req);
    const check = await checks.findOneBy({ id });
    if (!check || check.departmentCode !== scopeOf(actor)) throw notFound(`事后核查 ${id}`);
    const event = { type: 'COMPLETE' as const, ...body };
    const refuse = (status: CheckStatus) => illegalTransition(`事后核查当前状态为 ${status}`, status, 'COMPLETE', allowedEvents(checkChart, checkSnapshot(status)));
    if (!canApply(checkChart, checkSnapshot(check.status), event)) throw refuse(check.status);
    const next = applyEvent(checkChart, checkSnapshot(check.status), event).value as CheckStatus;
    const at = new Date();
    // Conditional on the status read: of two concurrent completions exactly one matches a row.
    // A broken commitment has consequences in the same transaction: the case timeline shows it,
    // the supervision office and the department read of it.
    const affected = await db.transaction(async (manager) => {
      const result = await manager.createQueryBuilder().update(PostApprovalCheck)
        .set({ status: next, completedAt: at, completedBy: actor.username, finding: body.finding })
        .where('id = :id AND status = :status', { id, status: check.status })
        .execute();
      if (result.affected && next === 'failed') await recordFailure(manager, check, body.finding, actor, at);
      return result.affected;
    });
    const updated = await checks.findOneByOrFail({ id });
    if (!affected) throw refuse(updated.status);
    res.json(checkView(updated));
  });

  return routes.express;
}
