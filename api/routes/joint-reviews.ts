// 联合审查 / 会商会审 routes. The case's lead department (the department of its first matter)
// convenes a meeting on a case under review; every department with a step in the case records
// its opinion once; the lead department's leader concludes with one consolidated opinion once
// every opinion is in. Whoever can see the case can read its meetings.
import { z } from 'zod';
import { isCalendarDate } from '../../domain/calendar';
import { CASE_STATUSES_UNDER_REVIEW } from '../../domain/charts/states';
import { canSeeCase } from '../../domain/scope';
import type { Actor } from '../../domain/types';
import { actorOf } from '../auth';
import type { RouteBook } from '../endpoints';
import { jointReviewAnswer } from '../answers';
import { jointReviewView, type JointReviewStore } from '../joint-reviews-store';
import { forbidden, illegalTransition, notFound } from '../problems';
import type { CaseDetails, ReadModel } from '../read-model';

const text = (max: number) => z.string().trim().min(1).max(max);
const caseParam = z.object({ id: z.uuid() });
const reviewParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
const conveneBody = z.strictObject({
  topic: text(500),
  heldOn: z.string().refine(isCalendarDate, '应为日期，格式 YYYY-MM-DD').optional(),
});
const opinionBody = z.strictObject({ opinion: text(4000) });
const concludeBody = z.strictObject({ consolidatedOpinion: text(8000) });

const VIEWERS = ['clerk', 'officer', 'leader', 'agent', 'supervisor'] as const;

/** 牵头部门: the department of the case's first matter. */
function leadDepartmentOf({ record, steps }: CaseDetails): string | null {
  return steps.find((step) => step.matterCode === record.matterCodes[0])?.departmentCode ?? null;
}

const stepDepartments = ({ steps }: CaseDetails): string[] => [...new Set(steps.map((step) => step.departmentCode))];

export function createJointReviewsRouter({ readModel, store, book }: { readModel: ReadModel; store: JointReviewStore; book: RouteBook }) {
  const routes = book.router();

  /** The case, if the actor may see it. */
  const caseSeenBy = async (id: string, actor: Actor): Promise<CaseDetails | null> => {
    const details = await readModel.caseDetails(id);
    return details && canSeeCase(actor, { stepDepartments: stepDepartments(details), agentId: details.record.agentId }) ? details : null;
  };
  /** The case, if the actor may see it; otherwise 404 (no hint that it exists). */
  const visibleCase = async (id: string, actor: Actor): Promise<CaseDetails> => {
    const details = await caseSeenBy(id, actor);
    if (!details) throw notFound(`办件 ${id}`);
    return details;
  };
  /** The meeting, if the actor may see its case; otherwise 404. */
  const visibleReview = async (id: number, actor: Actor) => {
    const stored = await store.find(id);
    if (!stored || !(await caseSeenBy(stored.review.caseId, actor))) throw notFound(`联合审查 ${id}`);
    return stored;
  };

  routes.route({
    method: 'post', path: '/api/cases/:id/joint-reviews', tag: 'joint reviews', summary: '联合审查: the lead department convenes a meeting on a case under review',
    access: ['leader'], params: caseParam, body: conveneBody, idempotent: true, answer: jointReviewAnswer,
    responses: { 201: 'the meeting', 409: 'the case is not under review' },
  }, async ({ params, body }, req, res) => {
    const actor = actorOf(req);
    const details = await visibleCase(params.id, actor);
    const lead = leadDepartmentOf(details);
    if (lead === null || actor.departmentCode !== lead) throw forbidden(`联合审查由牵头部门${lead ? `（${lead}）` : ''}召集`);
    const { record } = details;
    if (!CASE_STATUSES_UNDER_REVIEW.includes(record.status)) {
      throw illegalTransition(`本件当前状态为 ${record.status}，审查期间才能召开联合审查`, record.status, 'CONVENE_JOINT_REVIEW', []);
    }
    const stored = await store.convene({
      caseId: record.id, topic: body.topic, heldOn: body.heldOn ?? null, leadDepartmentCode: lead, departments: stepDepartments(details),
    }, actor);
    res.locals.auditObject = { type: 'joint-reviews', id: String(stored.review.id) };
    res.status(201).location(`/api/joint-reviews/${stored.review.id}`).json(jointReviewView(stored));
  });

  routes.route({
    method: 'get', path: '/api/cases/:id/joint-reviews', tag: 'joint reviews', summary: 'The joint reviews of a case, oldest first',
    access: VIEWERS, params: caseParam, answer: z.array(jointReviewAnswer), responses: { 200: 'meetings' },
  }, async ({ params }, req, res) => {
    await visibleCase(params.id, actorOf(req));
    res.json((await store.listForCase(params.id)).map(jointReviewView));
  });

  routes.route({
    method: 'get', path: '/api/joint-reviews/:id', tag: 'joint reviews', summary: 'One joint review with every opinion given',
    access: VIEWERS, params: reviewParam, answer: jointReviewAnswer, responses: { 200: 'the meeting' },
  }, async ({ params }, req, res) => {
    res.json(jointReviewView(await visibleReview(params.id, actorOf(req))));
  });

  routes.route({
    method: 'post', path: '/api/joint-reviews/:id/opinions', tag: 'joint reviews', summary: 'Record the caller\'s department\'s opinion (once per department)',
    access: ['officer', 'leader'], params: reviewParam, body: opinionBody, idempotent: true, answer: jointReviewAnswer,
    responses: { 201: 'the meeting', 409: 'the department has given its opinion, or the meeting is concluded; `allowed` lists the legal events' },
  }, async ({ params, body }, req, res) => {
    const actor = actorOf(req);
    const stored = await visibleReview(params.id, actor);
    // Visible to an officer or leader means their department has a step in the case.
    const updated = await store.recordOpinion(stored, actor.departmentCode!, body.opinion, actor);
    res.status(201).json(jointReviewView(updated));
  });

  routes.route({
    method: 'post', path: '/api/joint-reviews/:id/conclude', tag: 'joint reviews', summary: 'The lead department concludes with one consolidated opinion, once every department\'s is in',
    access: ['leader'], params: reviewParam, body: concludeBody, idempotent: true, answer: jointReviewAnswer,
    responses: { 200: 'the concluded meeting', 409: 'an opinion is missing or the meeting is concluded; `allowed` lists the legal events' },
  }, async ({ params, body }, req, res) => {
    const actor = actorOf(req);
    const stored = await visibleReview(params.id, actor);
    if (actor.departmentCode !== stored.review.leadDepartmentCode) throw forbidden(`联合审查由召集部门（${stored.review.leadDepartmentCode}）作出结论`);
    res.json(jointReviewView(await store.conclude(stored, body.consolidatedOpinion, actor)));
  });

  return routes.express;
}
