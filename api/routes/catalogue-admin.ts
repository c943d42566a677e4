// The catalogue kept by admins (DESIGN §4): departments, and matters with their limits, materials,
// dependencies and approval panels. A matter and its materials are written in one transaction.
// Cases already registered keep the snapshot of their matters taken at registration.
import type { Response } from 'express';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { z } from 'zod';
import { APPROVAL_MODES, type ApprovalPanel } from '../../domain/approval-panel';
import { ErrorCode } from '../../domain/errors';
import { requirementCycle } from '../../domain/matter-graph';
import { PROJECT_STAGE_CODES } from '../../domain/projects';
import { SUSPENSION_KINDS } from '../../domain/types';
import { Department, Matter, MatterMaterial, User } from '../../entities';
import { isUniqueViolation } from '../../entities/unique-violation';
import type { RouteBook } from '../endpoints';
import { departmentAnswer, matterAnswer } from '../answers';
import { badRequest, HttpProblem, notFound, type FieldProblem } from '../problems';
import { matterView } from './catalogue';

/** A limit longer than a year is not a working-day commitment anyone can keep. */
const MAX_DAYS = 365;
const MATTER_CODE = /^[A-Z0-9][A-Z0-9-]{1,31}$/;
const text = (max: number) => z.string().trim().min(1).max(max);
const distinct = <T>(values: readonly T[]) => values.findIndex((value, i) => values.indexOf(value) !== i);

const materialBody = z.strictObject({
  code: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'must be lower-case letters, digits and dashes'),
  name: text(200),
  required: z.boolean(),
  /** Core (核心) materials decide the outcome and can never be 容缺, so they are always required. */
  core: z.boolean(),
}).refine((material) => !material.core || material.required, { path: ['core'], message: 'a core material must be required' });

const approvalBody = z.strictObject({
  mode: z.enum(APPROVAL_MODES),
  approvers: z.array(text(64)).max(20),
}).superRefine((panel, ctx) => {
  if (panel.mode === 'single' && panel.approvers.length > 0) {
    ctx.addIssue({ code: 'custom', path: ['approvers'], message: 'a single decision has no panel; leave approvers empty' });
  }
  if (panel.mode !== 'single' && panel.approvers.length < 2) {
    ctx.addIssue({ code: 'custom', path: ['approvers'], message: `a ${panel.mode} panel needs at least two approvers` });
  }
  const repeated = distinct(panel.approvers);
  if (repeated !== -1) ctx.addIssue({ code: 'custom', path: ['approvers', repeated], message: 'approvers must be distinct' });
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
    ctx.addIssue({ code: 'custom', path: ['committedDays'], message: `the committed limit may not exceed the legal ${body.legalDays} days` });
  }
  if (!body.instant && body.committedDays === 0) {
    ctx.addIssue({ code: 'custom', path: ['committedDays'], message: 'only an instant matter (即办件) has no committed days' });
  }
  const procedure = distinct(body.specialProcedures);
  if (procedure !== -1) ctx.addIssue({ code: 'custom', path: ['specialProcedures', procedure], message: 'special procedures must be distinct' });
  const required = distinct(body.requires);
  if (required !== -1) ctx.addIssue({ code: 'custom', path: ['requires', required], message: 'required matters must be distinct' });
  const material = distinct(body.materials.map((m) => m.code));
  if (material !== -1) ctx.addIssue({ code: 'custom', path: ['materials', material, 'code'], message: 'material codes must be unique within the matter' });
}

const createMatterBody = z.strictObject({ code: z.string().regex(MATTER_CODE, 'must be 2–32 upper-case letters, digits and dashes'), ...matterFields })
  .superRefine(checkMatter);
/** What `GET /api/matters` lists can be sent back as it is: `code`, if given, must be the path's. */
const replaceMatterBody = z.strictObject({ code: z.string().optional(), ...matterFields }).superRefine(checkMatter);
const codeParam = z.strictObject({ code: z.string().regex(MATTER_CODE, 'must be a matter code') });
const departmentBody = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9-]{1,31}$/, 'must be 2–32 lower-case letters, digits and dashes'),
  name: text(100),
});

const conflict = (detail: string, field: string): HttpProblem =>
  new HttpProblem(409, ErrorCode.Conflict, 'Conflict', detail, { errors: [{ path: field, message: detail }] });

/** The checks against the catalogue and the accounts, read through the writing transaction. */
async function catalogueProblems(
  em: EntityManager, code: string, body: MatterFields, matters: readonly Pick<Matter, 'code' | 'requires'>[],
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (!(await em.existsBy(Department, { code: body.departmentCode }))) {
    problems.push({ path: 'departmentCode', message: `no department ${body.departmentCode}` });
  }
  const known = new Set(matters.map((matter) => matter.code));
  body.requires.forEach((required, i) => {
    if (required === code) problems.push({ path: `requires.${i}`, message: 'a matter cannot require itself' });
    else if (!known.has(required)) problems.push({ path: `requires.${i}`, message: `no matter ${required}` });
  });
  if (problems.every((problem) => !problem.path.startsWith('requires'))) {
    const graph = new Map(matters.map((matter) => [matter.code, matter.requires ?? []]));
    const cycle = requirementCycle(code, body.requires, graph);
    if (cycle !== null) problems.push({ path: `requires.${cycle}`, message: `${body.requires[cycle]} already builds on ${code}: a cycle` });
  }
  const approvers = body.approval?.approvers ?? [];
  if (approvers.length > 0) {
    const reviewers = await em.find(User, { where: { username: In(approvers) } });
    approvers.forEach((username, i) => {
      const user = reviewers.find((candidate) => candidate.username === username);
      if (!user?.active || !['officer', 'leader'].includes(user.role) || user.departmentCode !== body.departmentCode) {
        problems.push({ path: `approval.approvers.${i}`, message: `${username} is not an active reviewer of department ${body.departmentCode}` });
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
    if (existing === 'new' && found) throw conflict(`matter ${code} exists`, 'code');
    if (existing === 'replace' && !found) throw notFound(`matter ${code}`);
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
      if (isUniqueViolation(err)) throw conflict(`matter ${code} exists`, 'code');
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
    if (named !== undefined && named !== code) throw badRequest([{ path: 'code', message: `the path names matter ${code}; a matter's code cannot change` }]);
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
      if (isUniqueViolation(err)) throw conflict(`department ${body.code} exists`, 'code');
      throw err;
    }
    res.status(201).location('/api/departments').json(body);
  });

  return routes.express;
}
