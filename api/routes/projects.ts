// 工程建设项目 and 重点项目: registration, pages, the ledger (工作台帐) and the proxy agent's
// half-monthly progress reports. Stage applications are registered as cases (POST /api/cases with
// `projectId`), checked here by `stageApplication`.
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { shanghaiDate } from '../../domain/calendar';
import { PROJECT_STATUSES } from '../../domain/charts/project-chart';
import { PROJECT_POLICY, PROJECT_STAGE_CODES, stageName, type ProjectStage } from '../../domain/projects';
import type { Actor, Channel } from '../../domain/types';
import { type Matter, User } from '../../entities';
import { closeProjectUpdate, submitReportUpdate } from '../../workflows/messages';
import { projectAnswer, projectLedgerAnswer, projectListAnswer } from '../answers';
import { actorOf } from '../auth';
import { nextDailyNumber } from '../complaints-store';
import type { RouteBook } from '../endpoints';
import { pagingShape } from '../paging';
import { badRequest, HttpProblem, illegalTransition, type FieldProblem } from '../problems';
import { idFromKey, uuidFromKey } from '../guards';
import type { ProjectReads } from '../project-reads';
import { NotRunning, type WorkflowGateway } from '../workflow-gateway';

const text = (max: number) => z.string().trim().min(1).max(max);
const registerBody = z.strictObject({
  name: text(200),
  /** 重点项目: green channel, dedicated proxy agent, half-monthly reports. */
  key: z.boolean().default(false),
  agentUsername: text(64).optional(),
  limitWorkingDays: z.number().int().min(1).max(PROJECT_POLICY.maxLimitWorkingDays).default(PROJECT_POLICY.limitWorkingDays),
});
const reportBody = z.strictObject({ progress: text(4000), problems: z.string().trim().max(4000).optional() });
const closeBody = z.strictObject({ reason: text(2000) });
const listQuery = z.object({
  key: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
  status: z.enum(PROJECT_STATUSES).optional(),
  ...pagingShape,
});
const idParam = z.object({ id: z.uuid() });

const PROJECT_COUNTER = 'project';
const projectCode = (day: string, sequence: number): string => `XM-${day.replaceAll('-', '')}-${String(sequence).padStart(4, '0')}`;

export interface ProjectsRouterDependencies {
  db: DataSource;
  projects: ProjectReads;
  workflows: WorkflowGateway;
  book: RouteBook;
}

export function createProjectsRouter({ db, projects, workflows, book }: ProjectsRouterDependencies) {
  const routes = book.router();
  const VIEWERS = ['clerk', 'officer', 'leader', 'agent', 'supervisor'] as const;

  routes.route({
    method: 'post', path: '/api/projects', tag: 'projects', summary: 'Register a construction project (重点项目 when `key`)',
    access: ['clerk', 'supervisor'], body: registerBody, idempotent: true, answer: projectAnswer,
    responses: { 201: 'the project, at its first stage' },
  }, async ({ body }, req, res) => {
    const actor = actorOf(req);
    const agent = body.agentUsername ? await db.getRepository(User).findOneBy({ username: body.agentUsername, role: 'agent', active: true }) : null;
    if (body.agentUsername && !agent) throw badRequest([{ path: 'agentUsername', message: `${body.agentUsername} 不是代办员` }]);
    if (body.key && !agent) throw badRequest([{ path: 'agentUsername', message: '重点项目须指定代办员（全程代办）' }]);
    const registeredOn = shanghaiDate(new Date().toISOString());
    const sequence = await db.transaction((manager) => nextDailyNumber(manager, PROJECT_COUNTER, registeredOn));
    const result = await workflows.registerProject({
      projectId: uuidFromKey(res, 'project') ?? randomUUID(),
      code: projectCode(registeredOn, sequence),
      name: body.name,
      key: body.key,
      ...(agent ? { agent: { id: agent.id, username: agent.username } } : {}),
      registeredBy: actor,
      limitWorkingDays: body.limitWorkingDays,
    }, { actor }, idFromKey(res, 'register'));
    res.locals.auditObject = { type: 'projects', id: result.id };
    res.status(201).location(`/api/projects/${result.id}`).json(await projects.details(result.id, actor));
  });

  routes.route({
    method: 'get', path: '/api/projects', tag: 'projects', summary: 'Projects in the caller\'s scope, newest first, paged',
    access: VIEWERS, query: listQuery, answer: projectListAnswer, responses: { 200: '`{items, page, pageSize, total}`' },
  }, async ({ query }, req, res) => {
    res.json(await projects.list(actorOf(req), query));
  });

  routes.route({
    method: 'get', path: '/api/projects/:id', tag: 'projects', summary: 'A project with its timeline',
    access: VIEWERS, params: idParam, answer: projectAnswer, responses: { 200: 'the project', 404: 'not in scope' },
  }, async ({ params }, req, res) => {
    res.json(await projects.details(params.id, actorOf(req)));
  });

  routes.route({
    method: 'get', path: '/api/projects/:id/ledger', tag: 'projects', summary: '工作台帐: stages, cases, steps, pauses, reports, escalations',
    access: VIEWERS, params: idParam, answer: projectLedgerAnswer, responses: { 200: 'the ledger', 404: 'not in scope' },
  }, async ({ params }, req, res) => {
    res.json(await projects.ledger(params.id, actorOf(req)));
  });

  routes.route({
    method: 'post', path: '/api/projects/:id/reports', tag: 'projects', summary: '半月汇报: the proxy agent reports the project\'s progress',
    access: ['agent'], params: idParam, body: reportBody, idempotent: true, answer: projectAnswer,
    responses: { 201: 'the project', 404: 'not the agent\'s project', 409: 'the project is completed' },
  }, async ({ params, body }, req, res) => {
    const actor = actorOf(req);
    const project = await projects.visible(params.id, actor);
    await workflows.projectAction(project.id, submitReportUpdate, { actor, ...body }, idFromKey(res, 'update')).catch((err: unknown) => {
      // Only a completed project's workflow has closed.
      if (err instanceof NotRunning) throw illegalTransition(`项目 ${project.code} 当前状态为 ${project.status}，不能办理`, project.status, 'REPORT', []);
      throw err;
    });
    res.locals.auditObject = { type: 'projects', id: project.id };
    res.status(201).json(await projects.details(project.id, actor));
  });

  routes.route({
    method: 'post', path: '/api/projects/:id/close', tag: 'projects', summary: '项目终止: end the project before its last stage, with a reason',
    access: ['supervisor'], params: idParam, body: closeBody, idempotent: true, answer: projectAnswer,
    responses: { 200: 'the project, closed', 409: 'an application is under way, or the project has ended' },
  }, async ({ params, body }, req, res) => {
    const actor = actorOf(req);
    const project = await projects.visible(params.id, actor);
    await workflows.projectAction(project.id, closeProjectUpdate, { actor, ...body }, idFromKey(res, 'update')).catch((err: unknown) => {
      if (err instanceof NotRunning) throw illegalTransition(`项目 ${project.code} 当前状态为 ${project.status}，不能办理`, project.status, 'CLOSE', []);
      throw err;
    });
    res.locals.auditObject = { type: 'projects', id: project.id };
    res.json(await projects.details(project.id, actor));
  });

  return routes.express;
}

/** What a stage application inherits from its project. */
export interface StageApplication {
  projectId: string;
  /** `XM-YYYYMMDD-NNNN` */
  projectCode: string;
  stage: ProjectStage;
  channel: Channel;
  agent: { id: number; username: string } | null;
}

/**
 * Checks a case registered for a project: the project is in scope and not completed, every
 * matter belongs to the stage under way (one form per stage), a key project's application
 * travels the green channel with the project's proxy agent. Field problems name the body paths.
 */
export async function stageApplication(
  db: DataSource, projects: ProjectReads, actor: Actor,
  body: { projectId: string; channel: Channel; agentUsername?: string | undefined },
  matters: Matter[],
): Promise<{ application?: StageApplication; problems: FieldProblem[] }> {
  const project = await projects.visible(body.projectId, actor).catch((err: unknown) => {
    if (err instanceof HttpProblem && err.status === 404) return null;
    throw err;
  });
  if (!project) return { problems: [{ path: 'projectId', message: `项目 ${body.projectId} 不存在` }] };
  const stage = PROJECT_STAGE_CODES.find((code) => code === project.status);
  if (!stage) return { problems: [{ path: 'projectId', message: `项目 ${project.code} 已结束（${project.status}）` }] };
  const agent = project.agentId === null ? null : await db.getRepository(User).findOneBy({ id: project.agentId });
  const problems: FieldProblem[] = [
    ...matters.flatMap((matter, i) => (matter.stage === stage ? [] : [{
      path: `matterCodes.${i}`, message: `${matter.code} 不属于当前阶段（${stageName(stage)}）的申报事项`,
    }])),
    ...(project.key && body.channel !== 'green' ? [{ path: 'channel', message: '重点项目的申请须走绿色通道（green）' }] : []),
    ...(agent && body.agentUsername && body.agentUsername !== agent.username
      ? [{ path: 'agentUsername', message: `本项目的代办员是 ${agent.username}` }] : []),
  ];
  return {
    problems,
    application: { projectId: project.id, projectCode: project.code, stage, channel: body.channel, agent: agent ? { id: agent.id, username: agent.username } : null },
  };
}
