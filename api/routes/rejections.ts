// 否定报备 register: every rejection of a step, with its reason, legal basis, who and when, read
// from the case timelines. The supervision office sees every department; a leader their own.
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { toShanghaiIso } from '../../domain/time';
import { AuditEvent } from '../../entities';
import { actorOf } from '../auth';
import type { RouteBook } from '../endpoints';
import { rejectionsAnswer } from '../answers';
import { offsetOf, pagingShape } from '../paging';
import { checkPeriod, periodInstants, periodShape, withResolvedPeriod } from '../period';
import { forbidden } from '../problems';
import { departmentScope } from './supervision';

const listQuery = z.strictObject({
  ...periodShape,
  departmentCode: z.string().trim().min(1).max(32).optional(),
  ...pagingShape,
}).transform(withResolvedPeriod).superRefine(checkPeriod);

interface Row {
  caseId: string; stepId: string; at: Date | string; actorName: string | null; actorRole: string | null; detail: string | null;
  matterCode: string; departmentCode: string; trackingCode: string; matterName: string | null;
}

/** MySQL answers a Date; sql.js the stored UTC text without a zone. */
const instantOf = (value: Date | string): Date => (value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`));

const detailOf = (raw: string | null): Record<string, unknown> => {
  try {
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

export function createRejectionsRouter({ db, book }: { db: DataSource; book: RouteBook }) {
  const routes = book.router();

  routes.route({
    method: 'get', path: '/api/rejections', tag: 'supervision', summary: '否定报备 register: rejections with reason, legal basis, who and when, newest first',
    access: ['supervisor', 'leader'], query: listQuery,
    answer: rejectionsAnswer,
    responses: { 200: '`{items:[{caseId, stepId, trackingCode, matterCode, matterName, departmentCode, reason, legalBasis, rejectedBy:{username, role}, at}], page, pageSize, total, from, to}`' },
  }, async ({ query }, req, res) => {
    const own = departmentScope(actorOf(req));
    if (own !== null && query.departmentCode && query.departmentCode !== own) throw forbidden(`部门负责人只能查看本部门（${own}）的否定报备`);
    const departmentCode = own ?? query.departmentCode;
    const { start, end } = periodInstants(query);
    const base = db.getRepository(AuditEvent).createQueryBuilder('e')
      .innerJoin('steps', 's', 's.id = e.step_id')
      .innerJoin('cases', 'c', 'c.id = e.case_id')
      .leftJoin('matters', 'm', 'm.code = s.matter_code')
      .where('e.action = :action', { action: 'REJECT' })
      .andWhere('e.at >= :start AND e.at < :end', { start, end });
    if (departmentCode) base.andWhere('s.department_code = :departmentCode', { departmentCode });
    const total = await base.clone().getCount();
    const rows = await base
      .select(['e.case_id AS "caseId"', 'e.step_id AS "stepId"', 'e.at AS "at"', 'e.actor_name AS "actorName"', 'e.actor_role AS "actorRole"', 'e.detail AS "detail"'])
      .addSelect(['s.matter_code AS "matterCode"', 's.department_code AS "departmentCode"', 'c.tracking_code AS "trackingCode"', 'm.name AS "matterName"'])
      .orderBy('e.at', 'DESC').addOrderBy('e.id', 'DESC')
      .offset(offsetOf(query)).limit(query.pageSize)
      .getRawMany<Row>();
    res.json({
      items: rows.map((row) => {
        const detail = detailOf(row.detail);
        return {
          caseId: row.caseId, stepId: row.stepId, trackingCode: row.trackingCode, matterCode: row.matterCode, matterName: row.matterName,
          departmentCode: row.departmentCode, reason: detail.reason ?? null, legalBasis: detail.legalBasis ?? null,
          rejectedBy: { username: row.actorName, role: row.actorRole }, at: toShanghaiIso(instantOf(row.at)),
        };
      }),
      page: query.page, pageSize: query.pageSize, total, from: query.from, to: query.to,
    });
  });

  return routes.express;
}
