// 一窗受理 at the window: the materials pre-check before registering, and the receipt (受理通知书
// or 不予受理通知书) after the clerk's decision, as JSON or a printable page.
import { In, type DataSource } from 'typeorm';
import { z } from 'zod';
import { canSeeCase } from '../../domain/scope';
import { precheck, type MaterialRequirement } from '../../domain/window';
import { Matter } from '../../entities';
import { actorOf } from '../auth';
import type { RouteBook } from '../endpoints';
import { badRequest, illegalTransition, notFound } from '../problems';
import type { ReadModel } from '../read-model';
import { receiptHtml, receiptOf } from '../receipt';

const text = (max: number) => z.string().trim().min(1).max(max);
export const precheckBody = z.strictObject({
  matterCodes: z.array(text(32)).min(1).max(20),
  materials: z.array(z.strictObject({ code: text(64) })).max(200).default([]),
});
const idParam = z.object({ id: z.uuid() });
const receiptQuery = z.object({ format: z.enum(['json', 'html']).default('json') });

/** Each chosen matter's materials as requirements; unknown matter codes are named. */
export async function requirementsOf(db: DataSource, matterCodes: string[]): Promise<{ matters: Matter[]; requirements: MaterialRequirement[]; unknown: string[] }> {
  const matters = await db.getRepository(Matter).find({ where: { code: In(matterCodes) }, relations: { materials: true } });
  const unknown = matterCodes.filter((code) => !matters.some((m) => m.code === code));
  const requirements = matterCodes.flatMap((code) => {
    const matter = matters.find((m) => m.code === code);
    return (matter?.materials ?? []).sort((a, b) => a.id - b.id)
      .map(({ code: material, name, required, core }) => ({ matterCode: code, code: material, name, required, core }));
  });
  return { matters, requirements, unknown };
}

export function createWindowRouter({ db, readModel, book }: { db: DataSource; readModel: ReadModel; book: RouteBook }) {
  const routes = book.router();

  routes.route({
    method: 'post', path: '/api/cases/precheck', tag: 'cases', summary: '材料预审: which required materials are missing, before registering',
    access: ['clerk', 'agent'], body: precheckBody,
    responses: { 200: '`{complete, missing[], deferrable[], coreMissing[]}`' },
  }, async ({ body }, _req, res) => {
    const { requirements, unknown } = await requirementsOf(db, body.matterCodes);
    if (unknown.length > 0) throw badRequest(unknown.map((code) => ({ path: `matterCodes.${body.matterCodes.indexOf(code)}`, message: `unknown matter ${code}` })));
    res.json(precheck(requirements, body.materials.map((material) => material.code)));
  });

  routes.route({
    method: 'get', path: '/api/cases/:id/receipt', tag: 'cases', summary: '受理通知书 or 不予受理通知书 (JSON, or printable HTML with format=html)',
    access: ['clerk', 'agent', 'supervisor'], params: idParam, query: receiptQuery, produces: 'text/html',
    responses: { 200: 'the receipt', 409: 'the clerk has not accepted or refused the case yet' },
  }, async ({ params, query }, req, res) => {
    const details = await readModel.caseDetails(params.id);
    const actor = actorOf(req);
    if (!details || !canSeeCase(actor, { stepDepartments: details.steps.map((s) => s.departmentCode), agentId: details.record.agentId })) {
      throw notFound(`case ${params.id}`);
    }
    const catalogue = await db.getRepository(Matter).findBy({ code: In(details.record.matterCodes) });
    const receipt = receiptOf(details.record, details.steps, details.timeline, catalogue);
    if (!receipt) throw illegalTransition(`the case is ${details.record.status}: nothing to issue before acceptance or refusal`, details.record.status, 'ISSUE_RECEIPT', []);
    if (query.format === 'html') res.type('html').send(receiptHtml(receipt));
    else res.json(receipt);
  });

  return routes.express;
}
