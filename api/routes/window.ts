// 一窗受理 at the window: the materials pre-check before registering. The papers handed out after
// the clerk's decision (the receipt among them) are in documents.ts.
import { In, type DataSource } from 'typeorm';
import { z } from 'zod';
import { precheck, type MaterialRequirement } from '../../domain/window';
import { Matter } from '../../entities';
import type { RouteBook } from '../endpoints';
import { precheckAnswer } from '../answers';
import { badRequest } from '../problems';

const text = (max: number) => z.string().trim().min(1).max(max);
export const precheckBody = z.strictObject({
  matterCodes: z.array(text(32)).min(1).max(20),
  materials: z.array(z.strictObject({ code: text(64) })).max(200).default([]),
});

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

export function createWindowRouter({ db, book }: { db: DataSource; book: RouteBook }) {
  const routes = book.router();

  routes.route({
    method: 'post', path: '/api/cases/precheck', tag: 'cases', summary: '材料预审: which required materials are missing, before registering',
    access: ['clerk', 'agent'], body: precheckBody, answer: precheckAnswer,
    responses: { 200: '`{complete, missing[], deferrable[], coreMissing[]}`' },
  }, async ({ body }, _req, res) => {
    const { requirements, unknown } = await requirementsOf(db, body.matterCodes);
    if (unknown.length > 0) throw badRequest(unknown.map((code) => ({ path: `matterCodes.${body.matterCodes.indexOf(code)}`, message: `事项 ${code} 不存在` })));
    res.json(precheck(requirements, body.materials.map((material) => material.code)));
  });

  return routes.express;
}
