// 办件 routes: registration at the window, the clerk's case actions, case pages and lists.
import { randomUUID, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { Matter, User, type AuditEvent } from '../../entities';
import { acceptanceShortfall, notOneTime, precheck, type SupplementItem } from '../../domain/window';
import { DEFICIENCY_POLICY, toleranceProblems } from '../../domain/deficiency';
import type { NotificationRequest } from '../../activities/notification-types';
import { CASE_STATUSES, CHANNELS, LIGHTS, type Actor, type Role } from '../../domain/types';
import { OPEN_STEP_STATUSES } from '../../domain/charts/states';
import { canSeeCase } from '../../domain/scope';
import { isPanel } from '../../domain/approval-panel';
import {
  acceptCaseUpdate, acceptWithDeficiencyUpdate, deliverCaseUpdate, openStageUpdate, receiveSupplementUpdate, refuseCaseUpdate, requestSupplementUpdate,
  withdrawCaseUpdate, supplementStepUpdate, type CaseActionResult,
} from '../../workflows/messages';
import type { UpdateDefinition } from '@temporalio/common';
import { actorOf } from '../auth';
import { caseAnswer, caseListAnswer, registeredAnswer, urgedAnswer } from '../answers';
import type { RouteBook } from '../endpoints';
import { pageOf, pagingShape } from '../paging';
import { badRequest, illegalTransition, materialsOutstanding, notFound } from '../problems';
import { idFromKey, uuidFromKey } from '../guards';
import type { CaseDetails, ReadModel } from '../read-model';
import { caseSummaryView, caseView, copiedCaseView } from '../views';
import { requirementsOf } from './window';
import { materialsHandedIn } from '../receipt';
import { NotRunning, type WorkflowGateway } from '../workflow-gateway';
import type { ProjectReads } from '../project-reads';
import { stageApplication } from './projects';
import { recordCaseUrge } from '../case-urges';
import { stepsAwaitingWindow } from '../step-send-backs';
import { createCaseCopies } from '../case-copies';

const text = (max: number) => z.string().trim().min(1).max(max);
const registerBody = z.strictObject({
  applicant: z.strictObject({
    name: text(100),
    phone: z.string().regex(/^\+?[0-9-]{7,20}$/, '应为 7–20 位电话号码'),
    idNumber: z.string().regex(/^[0-9]{17}[0-9Xx]$/, '应为 18 位居民身份证号码').optional(),
  }),
  matterCodes: z.array(text(32)).min(1).max(20).refine((codes) => new Set(codes).size === codes.length, '事项代码不能重复'),
  channel: z.enum(CHANNELS),
  materials: z.array(z.strictObject({ code: text(64) })).max(200).default([]),
  projectName: text(200).optional(),
  /** The proxy agent (代办员) who follows the case for the applicant. */
  agentUsername: text(64).optional(),
  /** A stage application of this project (工程建设项目): its matters must be on the stage's form. */
  projectId: z.uuid().optional(),
});
const refuseBody = z.strictObject({ reason: text(2000) });
const deficiencyBody = z.strictObject({
  /** The materials accepted as missing (容缺); never core ones. */
  missing: z.array(z.strictObject({ code: text(64), note: z.string().max(500).optional() })).min(1).max(200),
  /** Working days to hand them in, after the acceptance day. */
  workingDays: z.number().int().min(1).max(DEFICIENCY_POLICY.maxSupplementWorkingDays).default(DEFICIENCY_POLICY.supplementWorkingDays),
});
const supplementRequestBody = z.strictObject({
  missing: z.array(z.strictObject({
    code: text(64),
    note: z.string().max(500).optional(),
    /** Arose after the first request (一次告知 is not breached by it). */
    newlyArising: z.boolean().optional(),
  })).min(1).max(200),
});
const supplementBody = z.strictObject({ materials: z.array(z.strictObject({ code: text(64) })).min(1).max(200) });
const withdrawBody = z.strictObject({ reason: z.string().max(2000).optional() });
const emptyBody = z.strictObject({});
const urgeBody = z.strictObject({ note: text(2000).optional() });
const listQuery = z.object({
  status: z.enum(CASE_STATUSES).optional(),
  light: z.enum(LIGHTS).optional(),
  channel: z.enum(CHANNELS).optional(),
  /** 办件查询: a tracking code, an acceptance number, an applicant's name or a project code (blank: no search). */
  q: z.string().trim().max(100).optional(),
  /** 抄送我的: only the cases copied to the caller (by name, or to the department they review for). */
  copied: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
  ...pagingShape,
});
const idParam = z.object({ id: z.uuid() });

const TRACKING_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
function newTrackingCode(): string {
  return [...randomBytes(10)].map((byte) => TRACKING_ALPHABET[byte % TRACKING_ALPHABET.length]).join('');
}

export interface CasesRouterDependencies {
  db: DataSource;
  readModel: ReadModel;
  workflows: WorkflowGateway;
  book: RouteBook;
  /** Puts notices into the outbox (e.g. the supervision office's 一次告知 flag). */
  notify: (notice: NotificationRequest) => Promise<void>;
  projects: ProjectReads;
}

/** The items of every supplement request made so far, oldest first. */
const supplementRequests = (timeline: AuditEvent[]): SupplementItem[][] => timeline
  .filter((event) => event.action === 'REQUEST_SUPPLEMENT' && Array.isArray(event.detail?.missing))
  .map((event) => event.detail!.missing as SupplementItem[]);

export function createCasesRouter({ db, readModel, workflows, book, notify, projects }: CasesRouterDependencies) {
  const routes = book.router();
  const VIEWERS = ['clerk', 'officer', 'leader', 'agent', 'supervisor'] as const;
  const copies = createCaseCopies(db);

  /** The case, if the actor may see it; otherwise 404 (no hint that it exists). */
  const visibleCase = async (id: string, actor: Actor) => {
    const details = await readModel.caseDetails(id);
    if (!details || !canSeeCase(actor, { stepDepartments: details.steps.map((step) => step.departmentCode), agentId: details.record.agentId })) {
      throw notFound(`办件 ${id}`);
    }
    return details;
  };

  routes.route({
    method: 'post', path: '/api/cases', tag: 'cases', summary: '一窗受理: register an application', access: ['clerk'],
    body: registerBody, idempotent: true, answer: registeredAnswer,
    responses: { 201: 'registered: `{id, trackingCode, status, precheck}`' },
  }, async ({ body }, req, res) => {
    const actor = actorOf(req);
    const { matters, requirements } = await requirementsOf(db, body.matterCodes);
    const unknown = body.matterCodes.flatMap((code, i) => (matters.some((m) => m.code === code) ? [] : [{ path: `matterCodes.${i}`, message: `事项 ${code} 不存在` }]));
    const knownMaterials = new Set(matters.flatMap((m) => m.materials ?? []).map((material) => material.code));
    const strangers = body.materials.flatMap((material, i) => (knownMaterials.has(material.code) ? [] : [{ path: `materials.${i}.code`, message: `${material.code} 不是所选事项的材料` }]));
    const agent = body.agentUsername ? await db.getRepository(User).findOneBy({ username: body.agentUsername, role: 'agent', active: true }) : null;
    const noAgent = body.agentUsername && !agent ? [{ path: 'agentUsername', message: `${body.agentUsername} 不是代办员` }] : [];
    if (unknown.length + strangers.length + noAgent.length > 0) throw badRequest([...unknown, ...strangers, ...noAgent]);

    const ordered = body.matterCodes.map((code) => matters.find((m) => m.code === code) as Matter);
    // A retry with the same Idempotency-Key derives the same case id: it finds the case it made.
    const caseId = uuidFromKey(res, 'case') ?? randomUUID();
    const staged = body.projectId ? await stageApplication(db, projects, actor, { ...body, projectId: body.projectId }, ordered) : null;
    if (staged && staged.problems.length > 0) throw badRequest(staged.problems);
    const project = staged?.application;
    // The project takes the stage first (409 if another application holds it), so two clerks
    // never start two applications for one stage.
    if (project) await workflows.projectAction(project.projectId, openStageUpdate, { actor, stage: project.stage, caseId }, idFromKey(res, 'open-stage'));
    const caseAgent = agent ?? project?.agent;
    const result = await workflows.registerCase({
      caseId,
      trackingCode: newTrackingCode(),
      applicant: body.applicant,
      channel: body.channel,
      matters: ordered.map(({ code, name, departmentCode, legalDays, committedDays, requires, approval, instant }) => ({
        code, name, departmentCode, legalDays, committedDays, requires: requires ?? [], ...(instant ? { instant: true } : {}),
        // Frozen with the case: a later change to the catalogue's panel does not reach running steps.
        ...(isPanel(approval) ? { approval: { mode: approval.mode, approvers: [...approval.approvers] } } : {}),
      })),
      materials: body.materials,
      ...(body.projectName ? { projectName: body.projectName } : {}),
      ...(caseAgent ? { agent: { id: caseAgent.id, username: caseAgent.username } } : {}),
      ...(project ? { project: { id: project.projectId, stage: project.stage, code: project.projectCode } } : {}),
      registeredBy: actor,
    }, { actor }, idFromKey(res, 'register')).catch(async (err: unknown) => {
      if (project) await workflows.releaseStage(project.projectId, { caseId, passed: false, caseStatus: 'withdrawn' });
      throw err;
    });
    res.locals.auditObject = { type: 'cases', id: result.id };
    res.status(201).location(`/api/cases/${result.id}`).json({
      id: result.id, trackingCode: result.trackingCode, status: result.status,
      precheck: precheck(requirements, body.materials.map((material) => material.code)),
    });
  });

  routes.route({
    method: 'get', path: '/api/cases', tag: 'cases',
    summary: 'Cases in the caller\'s scope, newest first, paged; `q` finds by tracking code, acceptance number, applicant name or project code; '
      + '`copied=true` lists instead the cases copied to the caller (抄送我的), newest copy first, each with its latest `copy` `{at, by, note}`',
    access: VIEWERS, query: listQuery, answer: caseListAnswer, responses: { 200: '`{items, page, pageSize, total}`' },
  }, async ({ query }, req, res) => {
    if (query.copied) {
      const copied = await copies.copiedTo(actorOf(req), query);
      res.json(pageOf(copied.items.map(({ record, copy }) => copiedCaseView(record, copy)), copied.total, query));
      return;
    }
    const { items, total } = await readModel.listCases(actorOf(req), query);
    res.json(pageOf(items.map(caseSummaryView), total, query));
  });

  routes.route({
    method: 'get', path: '/api/cases/:id', tag: 'cases', summary: 'A case with its steps and timeline', access: VIEWERS,
    params: idParam, answer: caseAnswer, responses: { 200: 'the case' },
  }, async ({ params }, req, res) => {
    const actor = actorOf(req);
    // 抄送: a recipient of a copy reads the case (and only reads it).
    const copied = await copies.isCopiedTo(params.id, actor) ? await readModel.caseDetails(params.id) : null;
    const { record, steps, timeline } = copied ?? await visibleCase(params.id, actor);
    res.json(caseView(record, steps, timeline));
  });

  /** One clerk action: validated body → workflow update → the case as the read model now shows it. */
  const action = <S extends z.ZodType, A extends { actor: Actor }>(
    path: string, event: string, summary: string, schema: S, update: UpdateDefinition<CaseActionResult, [A]>, toArgs: (body: z.infer<S>, actor: Actor) => A,
    /** Runs after the workflow took the action, with the timeline as it was before. */
    after?: (body: z.infer<S>, details: CaseDetails, actor: Actor) => Promise<void>,
    access: Role[] = ['clerk'],
    /** Checks the body against the case before anything is sent (400 naming the field). */
    check?: (body: z.infer<S>, details: CaseDetails) => Promise<z.infer<S>>,
    /** Takes the action somewhere else instead (e.g. the steps a 退回 left waiting); true: the case takes no update. */
    instead?: (body: z.infer<S>, details: CaseDetails, actor: Actor, updateId: (purpose: string) => string | undefined) => Promise<boolean>,
  ): void => {
    routes.route({
      method: 'post', path: `/api/cases/:id/${path}`, tag: 'cases', summary, access,
      params: idParam, body: schema, idempotent: true, answer: caseAnswer,
      responses: { 200: 'the case after the action', 409: 'illegal in the case\'s state; `allowed` lists the legal events' },
    }, async ({ params, body }, req, res) => {
      const actor = actorOf(req);
      const before = await visibleCase(params.id, actor);
      const { record } = before;
      const checked = check ? await check(body as z.infer<S>, before) : body as z.infer<S>;
      if (!(await instead?.(checked, before, actor, (purpose) => idFromKey(res, purpose)))) {
        try {
          await workflows.caseAction(record.id, update, toArgs(checked, actor), idFromKey(res, 'update'));
        } catch (err) {
          if (err instanceof NotRunning) throw illegalTransition(`本件当前状态为 ${record.status}，不能再办理`, record.status, event, []);
          throw err;
        }
      }
      await after?.(body as z.infer<S>, before, actor);
      const details = await readModel.caseDetails(record.id);
      res.json(caseView(details!.record, details!.steps, details!.timeline));
    });
  };
  /** 409 naming the materials while a required one is neither handed in nor owed (only a case that awaits its decision). */
  const materialsComplete = async ({ record, timeline }: Pick<CaseDetails, 'record' | 'timeline'>, event: string, owed: string[]): Promise<void> => {
    if (record.status !== 'submitted') return;
    const { requirements } = await requirementsOf(db, record.matterCodes);
    const shortfall = acceptanceShortfall(requirements, materialsHandedIn(timeline), owed);
    if (shortfall.length > 0) throw materialsOutstanding(record.status, event, shortfall);
  };
  action('accept', 'ACCEPT', "受理: accept; every department's step starts, in parallel. 409 naming them while required materials are missing",
    emptyBody, acceptCaseUpdate, (_body, actor) => ({ actor }), undefined, ['clerk'],
    async (body, details) => {
      await materialsComplete(details, 'ACCEPT', []);
      return body;
    });
  // 容缺受理: the owed materials are named (with the catalogue's names) and checked against the case.
  action('accept-with-deficiency', 'ACCEPT_WITH_DEFICIENCY', '容缺受理: accept with non-core materials owed by a deadline in working days (default 5)', deficiencyBody,
    acceptWithDeficiencyUpdate, ({ missing, workingDays }, actor) => ({ actor, owed: missing, workingDays }), undefined, ['clerk'],
    async (body, { record, timeline }) => {
      const { requirements } = await requirementsOf(db, record.matterCodes);
      const problems = toleranceProblems(requirements, materialsHandedIn(timeline), body.missing);
      if (problems.length > 0) throw badRequest(problems.map(({ index, message }) => ({ path: `missing.${index}.code`, message })));
      await materialsComplete({ record, timeline }, 'ACCEPT_WITH_DEFICIENCY', body.missing.map(({ code }) => code));
      const named = body.missing.map(({ code, note }) => ({ code, name: requirements.find((material) => material.code === code)!.name, ...(note ? { note } : {}) }));
      return { ...body, missing: named };
    });
  action('refuse', 'REFUSE', '不予受理: refuse with a reason', refuseBody, refuseCaseUpdate, ({ reason }, actor) => ({ actor, reason }));
  action('supplement-requests', 'REQUEST_SUPPLEMENT', '一次告知: request every missing material at once', supplementRequestBody, requestSupplementUpdate, ({ missing }, actor) => ({ actor, missing }),
    // A later request naming what the first should have named is reported to the supervision office.
    async ({ missing }, { record, timeline }, actor) => {
      const earlier = supplementRequests(timeline);
      const breach = notOneTime(earlier, missing);
      if (breach.length === 0) return;
      await notify({
        dedupeKey: `case-${record.id}:supplement-round-${earlier.length + 1}:not-one-time`,
        channel: 'log', recipientRole: 'supervisor', recipient: 'office', template: 'supplement.not-one-time',
        payload: { caseId: record.id, trackingCode: record.trackingCode, round: earlier.length + 1, items: breach.map((item) => item.code), clerk: actor.username },
        caseId: record.id,
      });
    });
  // The proxy agent hands in supplements on the applicant's behalf (全程代办).
  // After a 容缺 acceptance it takes the owed materials (a lapsed case resumes once all are in).
  action('supplements', 'SUPPLEMENT_RECEIVED', '补正 / 容缺补齐: record the supplemented materials (the clerk, or the assigned agent)', supplementBody, receiveSupplementUpdate,
    ({ materials }, actor) => ({ actor, materials }), undefined, ['clerk', 'agent'],
    async (body, { record }) => {
      const owed = record.deficiency?.owed.map((item) => item.code) ?? [];
      if (owed.length === 0) return body;
      const strangers = body.materials.flatMap(({ code }, i) => (owed.includes(code) ? [] : [{ path: `materials.${i}.code`, message: `${code} 不是容缺待补的材料（待补：${owed.join('、')}）` }]));
      if (strangers.length > 0) throw badRequest(strangers);
      return body;
    },
    // 退回 to the window: the supplement resumes every step waiting on it (the case owes nothing itself).
    async ({ materials }, { record, timeline }, actor, updateId) => {
      const waiting = stepsAwaitingWindow(timeline);
      if (waiting.length === 0 || (record.deficiency?.owed.length ?? 0) > 0) return false;
      for (const stepId of waiting) await workflows.stepAction(stepId, supplementStepUpdate, { actor, materials }, updateId(`supplement:${stepId}`));
      return true;
    });

  routes.route({
    method: 'post', path: '/api/cases/:id/urge', tag: 'cases', summary: '催办 by the proxy agent or the supervision office: each open step\'s department leader is notified',
    access: ['agent', 'supervisor'], params: idParam, body: urgeBody, answer: urgedAnswer,
    responses: { 200: '`{urged: [stepId]}`', 409: 'no step of the case is open' },
  }, async ({ params, body }, req, res) => {
    const actor = actorOf(req);
    const { record, steps } = await visibleCase(params.id, actor);
    const open = steps.filter((step) => (OPEN_STEP_STATUSES as readonly string[]).includes(step.status) && step.version > 0);
    if (open.length === 0) throw illegalTransition(`本件当前状态为 ${record.status}，没有正在办理的环节可以催办`, record.status, 'URGE', []);
    // The notices and the timeline's URGED rows, in one transaction.
    await recordCaseUrge(db, { record, open, actor, requestId: String(req.id), ...(body.note ? { note: body.note } : {}) });
    res.json({ urged: open.map((step) => step.id) });
  });
  action('deliver', 'DELIVER', '统一出件: deliver every result together', emptyBody, deliverCaseUpdate, (_body, actor) => ({ actor }));
  action('withdraw', 'WITHDRAW', 'Withdraw at the applicant\'s request', withdrawBody, withdrawCaseUpdate, ({ reason }, actor) => ({ actor, ...(reason ? { reason } : {}) }));

  return routes.express;
}
