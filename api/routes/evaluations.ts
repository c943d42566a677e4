// 好差评 for the supervision office: the ratings, the follow-ups (回访整改) that bad ratings open,
// and the figures per department. Applicants rate with their tracking code
// (routes/feedback-public.ts).
import { In, type DataSource } from 'typeorm';
import { z } from 'zod';
import { allowedEvents, applyEvent, canApply } from '../../domain/charts/chart';
import { FOLLOW_UP_STATUSES, followUpChart, followUpSnapshot, type FollowUpStatus } from '../../domain/charts/follow-up-chart';
import { EVALUATION_LEVEL_NAMES, isBadRating, isGoodRating, type EvaluationLevel } from '../../domain/feedback-policy';
import { roundRate } from '../../domain/metrics/rates';
import { toShanghaiIso } from '../../domain/time';
import type { Clock } from '../../config/clock';
import { CaseRecord, Department, Evaluation, Matter, Step } from '../../entities';
import { actorOf } from '../auth';
import type { RouteBook } from '../endpoints';
import { evaluationAnswer, evaluationFiguresAnswer, page } from '../answers';
import { offsetOf, pageOf, pagingShape } from '../paging';
import { checkPeriod, periodShape, withResolvedPeriod } from '../period';
import { illegalTransition, notFound } from '../problems';

const idParam = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
const closeBody = z.strictObject({ note: z.string().trim().min(1).max(4000) });
const listQuery = z.object({
  ...periodShape,
  level: z.coerce.number().int().min(1).max(5).optional(),
  followUp: z.enum(FOLLOW_UP_STATUSES).optional(),
  ...pagingShape,
});
const figuresQuery = z.object(periodShape).transform(withResolvedPeriod).superRefine(checkPeriod);

/** No follow-up to act on: a good or middling rating. */
const NO_FOLLOW_UP = 'none';

export function evaluationView(evaluation: Evaluation, now: Date) {
  const followUp = evaluation.followUpStatus === null ? null : {
    status: evaluation.followUpStatus,
    deadlineAt: toShanghaiIso(evaluation.followUpDeadlineAt),
    closedAt: toShanghaiIso(evaluation.followUpClosedAt),
    closedBy: evaluation.followUpClosedBy,
    note: evaluation.followUpNote,
    overdue: (evaluation.followUpClosedAt ?? now).getTime() > (evaluation.followUpDeadlineAt?.getTime() ?? Infinity),
    allowed: allowedEvents(followUpChart, followUpSnapshot(evaluation.followUpStatus)),
  };
  return {
    id: evaluation.id,
    caseId: evaluation.caseId,
    level: evaluation.level,
    levelName: EVALUATION_LEVEL_NAMES[evaluation.level as EvaluationLevel],
    bad: isBadRating(evaluation.level),
    comment: evaluation.comment,
    createdAt: toShanghaiIso(evaluation.createdAt),
    followUp,
  };
}

interface DepartmentFigures {
  evaluations: number;
  good: number;
  neutral: number;
  bad: number;
  levelSum: number;
  followUpsOpen: number;
  followUpsClosed: number;
  followUpsOverdue: number;
}

const EMPTY: DepartmentFigures = { evaluations: 0, good: 0, neutral: 0, bad: 0, levelSum: 0, followUpsOpen: 0, followUpsClosed: 0, followUpsOverdue: 0 };

function count(figures: DepartmentFigures, row: { level: number; followUpStatus: string | null; overdue: boolean }): DepartmentFigures {
  return {
    evaluations: figures.evaluations + 1,
    good: figures.good + (isGoodRating(row.level) ? 1 : 0),
    neutral: figures.neutral + (!isGoodRating(row.level) && !isBadRating(row.level) ? 1 : 0),
    bad: figures.bad + (isBadRating(row.level) ? 1 : 0),
    levelSum: figures.levelSum + row.level,
    followUpsOpen: figures.followUpsOpen + (row.followUpStatus === 'open' ? 1 : 0),
    followUpsClosed: figures.followUpsClosed + (row.followUpStatus === 'closed' ? 1 : 0),
    followUpsOverdue: figures.followUpsOverdue + (row.overdue ? 1 : 0),
  };
}

function rates({ levelSum, ...figures }: DepartmentFigures) {
  const share = (part: number): number | null => (figures.evaluations === 0 ? null : roundRate(part / figures.evaluations));
  return {
    ...figures,
    goodRate: share(figures.good),
    badRate: share(figures.bad),
    avgLevel: figures.evaluations === 0 ? null : Math.round((levelSum / figures.evaluations) * 100) / 100,
  };
}

export function createEvaluationsRouter({ db, clock, book }: { db: DataSource; clock: Clock; book: RouteBook }) {
  const routes = book.router();
  const evaluations = db.getRepository(Evaluation);

  routes.route({
    method: 'get', path: '/api/evaluations', tag: 'ratings', summary: '好差评 ratings, newest first, paged', access: ['supervisor'],
    query: listQuery, answer: page(evaluationAnswer), responses: { 200: '`{items, page, pageSize, total}`' },
  }, async ({ query: filter }, _req, res) => {
    const query = evaluations.createQueryBuilder('e').where('1 = 1');
    if (filter.level !== undefined) query.andWhere('e.level = :level', { level: filter.level });
    if (filter.followUp) query.andWhere('e.follow_up_status = :followUp', { followUp: filter.followUp });
    if (filter.from) query.andWhere('e.created_on >= :from', { from: filter.from });
    if (filter.to) query.andWhere('e.created_on <= :to', { to: filter.to });
    const [items, total] = await query.orderBy('e.created_at', 'DESC').addOrderBy('e.id', 'DESC')
      .skip(offsetOf(filter)).take(filter.pageSize)
      .getManyAndCount();
    const now = clock.now();
    res.json(pageOf(items.map((item) => evaluationView(item, now)), total, filter));
  });

  /** The departments of each case's matters, for cases without steps (即办件 decided at the window). */
  const departmentsOfMatters = async (caseIds: string[]): Promise<Map<string, string[]>> => {
    if (caseIds.length === 0) return new Map();
    const cases = await db.getRepository(CaseRecord).find({ where: { id: In(caseIds) }, select: { id: true, matterCodes: true } });
    const matters = await db.getRepository(Matter).find({ where: { code: In([...new Set(cases.flatMap((kase) => kase.matterCodes))]) }, select: { code: true, departmentCode: true } });
    const departmentOf = new Map(matters.map((matter) => [matter.code, matter.departmentCode]));
    return new Map(cases.map((kase) => [kase.id, [...new Set(kase.matterCodes.flatMap((code) => departmentOf.get(code) ?? []))]]));
  };

  // Before /:id, which would read "figures" as an id.
  routes.route({
    method: 'get', path: '/api/evaluations/figures', tag: 'ratings', summary: 'Ratings per department: counts, good and bad rates, follow-ups',
    access: ['supervisor'], query: figuresQuery, answer: evaluationFiguresAnswer, responses: { 200: 'figures' },
  }, async ({ query: period }, _req, res) => {
    const now = clock.now();
    // One row per (rating, department of the rated case): a case with two matters of one
    // department counts once for it. A case of 即办件 only has no step (decided at the window):
    // its row comes without a department, taken below from the case's matters.
    const rows = await evaluations.createQueryBuilder('e')
      .leftJoin(Step, 's', 's.case_id = e.case_id')
      .select('e.id', 'id')
      .addSelect('MAX(e.case_id)', 'caseId')
      .addSelect('s.department_code', 'departmentCode')
      .addSelect('MAX(e.level)', 'level')
      .addSelect('MAX(e.follow_up_status)', 'followUpStatus')
      .addSelect('MAX(CASE WHEN e.follow_up_status IS NOT NULL AND COALESCE(e.follow_up_closed_at, :now) > e.follow_up_deadline_at THEN 1 ELSE 0 END)', 'overdue')
      .where('e.created_on BETWEEN :from AND :to', period)
      .setParameter('now', now)
      .groupBy('e.id')
      .addGroupBy('s.department_code')
      .getRawMany<{ id: unknown; caseId: string; departmentCode: string | null; level: unknown; followUpStatus: string | null; overdue: unknown }>();
    const stepless = [...new Set(rows.filter((row) => row.departmentCode === null).map((row) => row.caseId))];
    const windowDepartments = await departmentsOfMatters(stepless);
    const departments = await db.getRepository(Department).find({ order: { code: 'ASC' } });
    const byDepartment = new Map<string, DepartmentFigures>(departments.map((d) => [d.code, EMPTY]));
    const total = new Map<number, { level: number; followUpStatus: string | null; overdue: boolean }>();
    for (const raw of rows) {
      const row = { level: Number(raw.level), followUpStatus: raw.followUpStatus, overdue: Number(raw.overdue) === 1 };
      for (const code of raw.departmentCode !== null ? [raw.departmentCode] : windowDepartments.get(raw.caseId) ?? []) {
        byDepartment.set(code, count(byDepartment.get(code) ?? EMPTY, row));
      }
      total.set(Number(raw.id), row);
    }
    const names = new Map(departments.map((d) => [d.code, d.name]));
    res.json({
      ...period,
      ...rates([...total.values()].reduce(count, EMPTY)),
      byDepartment: [...byDepartment.entries()].sort(([a], [b]) => a.localeCompare(b))
        .map(([departmentCode, figures]) => ({ departmentCode, name: names.get(departmentCode) ?? null, ...rates(figures) })),
    });
  });

  routes.route({
    method: 'get', path: '/api/evaluations/:id', tag: 'ratings', summary: 'One rating with its follow-up', access: ['supervisor'],
    params: idParam, answer: evaluationAnswer, responses: { 200: 'the rating' },
  }, async ({ params: { id } }, _req, res) => {
    const evaluation = await evaluations.findOneBy({ id });
    if (!evaluation) throw notFound(`评价 ${id}`);
    res.json(evaluationView(evaluation, clock.now()));
  });

  routes.route({
    method: 'post', path: '/api/evaluations/:id/follow-up/close', tag: 'ratings', summary: '回访整改 done: close the follow-up of a bad rating',
    access: ['supervisor'], params: idParam, body: closeBody, answer: evaluationAnswer, responses: { 200: 'the rating', 409: 'no open follow-up' },
  }, async ({ params: { id }, body: { note } }, req, res) => {
    const actor = actorOf(req);
    const evaluation = await evaluations.findOneBy({ id });
    if (!evaluation) throw notFound(`评价 ${id}`);
    const refuse = (status: FollowUpStatus | null) => illegalTransition(
      status === null ? '非差评不需要整改回访' : `整改回访当前状态为 ${status}`,
      status ?? NO_FOLLOW_UP, 'CLOSE', status === null ? [] : allowedEvents(followUpChart, followUpSnapshot(status)),
    );
    const event = { type: 'CLOSE' as const, note };
    if (evaluation.followUpStatus === null || !canApply(followUpChart, followUpSnapshot(evaluation.followUpStatus), event)) {
      throw refuse(evaluation.followUpStatus);
    }
    const next = applyEvent(followUpChart, followUpSnapshot(evaluation.followUpStatus), event).value as FollowUpStatus;
    // Conditional on the status read: of two concurrent closes exactly one matches a row.
    const result = await db.createQueryBuilder().update(Evaluation)
      .set({ followUpStatus: next, followUpClosedAt: clock.now(), followUpClosedBy: actor.username, followUpNote: note })
      .where('id = :id AND follow_up_status = :status', { id, status: evaluation.followUpStatus })
      .execute();
    const updated = await evaluations.findOneByOrFail({ id });
    if (!result.affected) throw refuse(updated.followUpStatus);
    res.json(evaluationView(updated, clock.now()));
  });

  return routes.express;
}
