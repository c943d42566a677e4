// The catalogue kept by admins (DESIGN §4): departments, and matters with their limits, materials,
// dependencies and approval panels. A matter and its materials are written in one transaction.
// Cases already registered keep the snapshot of their matters taken at registration.
import type { Response } from 'express';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { APPROVAL_MODES, type ApprovalPanel } from '../../domain/approval-panel';
import { requirementCycle } from '../../domain/matter-graph';
import { PROJECT_STAGE_CODES } from '../../domain/projects';
import { SUSPENSION_KINDS } from '../../domain/types';
import { Department, Matter, MatterMaterial, User } from '../../entities';
import { isUniqueViolation } from '../../entities/unique-violation';
import type { RouteBook } from '../endpoints';
import { departmentAnswer, matterAnswer } from '../answers';
import { badRequest, conflict, notFound, type FieldProblem } from '../problems';
import { matterView } from './catalogue';

/** A limit longer than a year is not a working-day commitment anyone can keep. */
const MAX_DAYS = 365;
const MATTER_CODE = /^[A-Z0-9][A-Z0-9-]{1,31}$/;
const text = (max: number) => z.string().trim().min(1).max(max);
const distinct = <T>(values: readonly T[]) => values.findIndex((value, i) => values.indexOf(value) !== i);

const materialBody = z.strictObject({
  code: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, '应为小写字母、数字和连字符'),
  name: text(200),
  required: z.boolean(),
  /** Core (核心) materials decide the outcome and can never be 容缺, so they are always required. */
  core: z.boolean(),
}).refine((material) => !material.core || material.required, { path: ['core'], message: '核心材料必须是必交材料' });

const approvalBody = z.strictObject({
  mode: z.enum(APPROVAL_MODES),
  approvers: z.array(text(64)).max(20),
}).superRefine((panel, ctx) => {
  if (panel.mode === 'single' && panel.approvers.length > 0) {
    ctx.addIssue({ code: 'custom', path: ['approvers'], message: '单人审批没有审批组，approvers 应留空' });
  }
  if (panel.mode !== 'single' && panel.approvers.length < 2) {
    ctx.addIssue({ code: 'custom', path: ['approvers'], message: `${panel.mode} 方式的审批组至少需要两名审批人` });
  }
  const repeated = distinct(panel.approvers);
  if (repeated !== -1) ctx.addIssue({ code: 'custom', path: ['approvers', repeated], message: '审批人不能重复' });
});

const matterFields = {
  name: text(200),
  departmentCode: text(32),
  legalDays: z.number().int().min(1).max(MAX_DAYS),
  committedDays: z.number().int().min(0).max(MAX_DAYS),
  /** 即办件: decided at the window; the only kind of matter with no committed review days. */
  instant: z.boolean().default(false),
  specialProcedures: z.array(z.enum(SUSPENSION_KINDS)).max(SUSPENSION_KINDS.length).default([]),
  requires: z.array(text(32)).max(20).default([]),
  /** The project stage whose form lists it; null or absent: none. */
  stage: z.enum(PROJECT_STAGE_CODES).nullable().optional(),
  approval: approvalBody.optional(),
  materials: z.array(materialBody).min(1).max(100),
};

type MatterFields = z.infer<z.ZodObject<typeof matterFields>>;

/** The checks that need nothing but the body. */
function checkMatter(body: MatterFields, ctx: z.RefinementCtx): void {
  if (body.committedDays > body.legalDays) {
    ctx.addIssue({ code: 'custom', path: ['committedDays'], message: `承诺时限不能超过法定时限 ${body.legalDays} 个工作日` });
  }
  if (!body.instant && body.committedDays === 0) {
    ctx.addIssue({ code: 'custom', path: ['committedDays'], message: '只有即办件的承诺时限可以为 0' });
  }
  const procedure = distinct(body.specialProcedures);
  if (procedure !== -1) ctx.addIssue({ code: 'custom', path: ['specialProcedures', procedure], message: '特别程序不能重复' });
  const required = distinct(body.requires);
  if (required !== -1) ctx.addIssue({ code: 'custom', path: ['requires', required], message: '前置事项不能重复' });
  const material = distinct(body.materials.map((m) => m.code));
  if (material !== -1) ctx.addIssue({ code: 'custom', path: ['materials', material, 'code'], message: '同一事项内材料代码不能重复' });
}

const createMatterBody = z.strictObject({ code: z.string().regex(MATTER_CODE, '应为 2–32 个大写字母、数字和连字符'), ...matterFields })
  .superRefine(checkMatter);
/** What `GET /api/matters` lists can be sent back as it is: `code`, if given, must be the path's. */
const replaceMatterBody = z.strictObject({ code: z.string().optional(), ...matterFields }).superRefine(checkMatter);
const codeParam = z.strictObject({ code: z.string().regex(MATTER_CODE, '应为事项代码') });
const departmentBody = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9-]{1,31}$/, '应为 2–32 个小写字母、数字和连字符，以字母开头'),
  name: text(100),
});

/** The checks against the catalogue and the accounts, read through the writing transaction. */
async function catalogueProblems(
  em: EntityManager, code: string, body: MatterFields, matters: readonly Pick<Matter, 'code' | 'requires'>[],
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (!(await em.existsBy(Department, { code: body.departmentCode }))) {
    problems.push({ path: 'departmentCode', message: `部门 ${body.departmentCode} 不存在` });
  }
  const known = new Set(matters.map((matter) => matter.code));
  body.requires.forEach((required, i) => {
    if (required === code) problems.push({ path: `requires.${i}`, message: '事项不能以自身为前置事项' });
    else if (!known.has(required)) problems.push({ path: `requires.${i}`, message: `事项 ${required} 不存在` });
  });
  if (problems.every((problem) => !problem.path.startsWith('requires'))) {
    const graph = new Map(matters.map((matter) => [matter.code, matter.requires ?? []]));
    const cycle = requirementCycle(code, body.requires, graph);
    if (cycle !== null) problems.push({ path: `requires.${cycle}`, message: `${body.requires[cycle]} 已经以 ${code} 为前置事项，不能循环依赖` });
  }
  const approvers = body.approval?.approvers ?? [];
  if (approvers.length > 0) {
    const reviewers = await em.find(User, { where: { username: In(approvers) } });
    approvers.forEach((username, i) => {
      const user = reviewers.find((candidate) => candidate.username === username);
      if (!user?.active || !['officer', 'leader'].includes(user.role) || user.departmentCode !== body.departmentCode) {
        problems.push({ path: `approval.approvers.${i}`, message: `${username} 不是部门 ${body.departmentCode} 在岗的审批人员` });
      }
    });
  }
  return problems;
}

function matterRow(code: string, body: MatterFields): Omit<Matter, 'department' | 'materials'> {
  return {
    code, name: body.name, departmentCode: body.departmentCode, legalDays: body.legalDays, committedDays: body.committedDays,
    stage: body.stage ?? null, instant: body.instant, specialProcedures: body.specialProcedures,
    requires: body.requires.length > 0 ? body.requires : null,
    // A single decision is stored as no panel, as the seed does.
    approval: body.approval && body.approval.mode !== 'single' ? body.approval as ApprovalPanel : null,
  };
}

export function createCatalogueAdminRouter({ db, book }: { db: DataSource; book: RouteBook }) {
  const routes = book.router();

  const answer = async (code: string, res: Response, status: number): Promise<void> => {
    const matter = await db.getRepository(Matter).findOneOrFail({ where: { code }, relations: { materials: true } });
    res.status(status).json(matterView(matter));
  };

  /** Validates against the catalogue and writes the matter with its materials, all in one transaction. */
  const write = (code: string, body: MatterFields, existing: 'new' | 'replace') => db.transaction(async (em) => {
    // Locks the catalogue's matters: two concurrent writes cannot each close half a cycle. The
    // embedded sql.js database runs one transaction at a time and knows no row locks.
    const locking = em.connection.options.type === 'mysql';
    const matters = await em.find(Matter, { select: { code: true, requires: true }, ...(locking ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    const found = matters.some((matter) => matter.code === code);
    if (existing === 'new' && found) throw conflict(`事项 ${code} 已存在`, 'code');
    if (existing === 'replace' && !found) throw notFound(`事项 ${code}`);
    const problems = await catalogueProblems(em, code, body, matters);
    if (problems.length > 0) throw badRequest(problems);
    if (existing === 'new') await em.insert(Matter, matterRow(code, body));
    else await em.update(Matter, { code }, matterRow(code, body));
    await em.delete(MatterMaterial, { matterCode: code });
    await em.insert(MatterMaterial, body.materials.map((material) => ({ ...material, matterCode: code })));
  });

  routes.route({
    method: 'post', path: '/api/matters', tag: 'catalogue', summary: 'Add a matter with its materials, dependencies and approval panel',
    access: ['admin'], body: createMatterBody, answer: matterAnswer,
    responses: { 201: 'the matter as `GET /api/matters` lists it', 409: 'the code is taken (`errors[0].path` = `code`)' },
  }, async ({ body: { code, ...body } }, _req, res) => {
    res.locals.auditObject = { type: 'matters', id: code };
    try {
      await write(code, body, 'new');
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict(`事项 ${code} 已存在`, 'code');
      throw err;
    }
    res.location(`/api/matters/${code}`);
    await answer(code, res, 201);
  });

  routes.route({
    method: 'put', path: '/api/matters/:code', tag: 'catalogue',
    summary: 'Replace a matter and its materials; registered cases keep their snapshot, the next registration takes this',
    access: ['admin'], params: codeParam, body: replaceMatterBody, answer: matterAnswer, responses: { 200: 'the matter as `GET /api/matters` lists it' },
  }, async ({ params: { code }, body: { code: named, ...body } }, _req, res) => {
    res.locals.auditObject = { type: 'matters', id: code };
    if (named !== undefined && named !== code) throw badRequest([{ path: 'code', message: `路径中的事项是 ${code}，事项代码不能修改` }]);
    await write(code, body, 'replace');
    await answer(code, res, 200);
  });

  routes.route({
    method: 'post', path: '/api/departments', tag: 'catalogue', summary: 'Add a department',
    access: ['admin'], body: departmentBody, answer: departmentAnswer, responses: { 201: '`{code, name}`', 409: 'the code is taken (`errors[0].path` = `code`)' },
  }, async ({ body }, _req, res) => {
    res.locals.auditObject = { type: 'departments', id: body.code };
    try {
      await db.getRepository(Department).insert(body);
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict(`部门 ${body.code} 已存在`, 'code');
      throw err;
    }
    res.status(201).location('/api/departments').json(body);
  });

  return routes.express;
}
