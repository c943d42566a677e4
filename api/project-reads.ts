// Project reads: the project page, lists in the caller's scope and the ledger (工作台帐) that
// puts every stage, case, step, pause, report and escalation of a project on one page.
import { In, type DataSource } from 'typeorm';
import { PROJECT_STAGES, PROJECT_STAGE_CODES, type ProjectStage } from '../domain/projects';
import { canSeeProject } from '../domain/scope';
import { toShanghaiIso, withShanghaiInstants } from '../domain/time';
import type { Actor } from '../domain/types';
import { AccountabilityRecord, AuditEvent, CaseRecord, Project, ProjectEvent, Step, SupervisionOrder, User } from '../entities';
import { offsetOf, pageOf, type Page, type Paging } from './paging';
import { notFound } from './problems';

/** Step actions that pause or restart a clock (特别程序). */
const PAUSE_ACTIONS = ['SUSPEND', 'RESUME'];

export function projectView(project: Project, agent: User | null) {
  return {
    id: project.id,
    code: project.code,
    name: project.name,
    key: project.key,
    channel: project.key ? 'green' : 'standard',
    status: project.status,
    stage: PROJECT_STAGE_CODES.includes(project.status as ProjectStage) ? project.status : null,
    agent: agent ? { username: agent.username, displayName: agent.displayName } : null,
    openCaseId: project.openCaseId,
    light: project.light,
    limitWorkingDays: project.limitWorkingDays,
    warnAt: toShanghaiIso(project.warnAt),
    dueAt: toShanghaiIso(project.dueAt),
    provisional: project.provisional,
    lastReportPeriod: project.lastReportPeriod,
    registeredAt: toShanghaiIso(project.registeredAt),
    completedAt: toShanghaiIso(project.completedAt),
    version: project.version,
  };
}

const eventView = (event: ProjectEvent) => ({
  seq: event.seq,
  at: toShanghaiIso(event.at),
  action: event.action,
  fromState: event.fromState,
  toState: event.toState,
  actor: event.actorName ? { username: event.actorName, role: event.actorRole } : null,
  detail: withShanghaiInstants(event.detail) as ProjectEvent['detail'],
});

export function createProjectReads(db: DataSource) {
  const agentOf = (project: Project) => (project.agentId === null ? null : db.getRepository(User).findOneBy({ id: project.agentId }));

  const departmentsOf = async (projectIds: string[]): Promise<Map<string, string[]>> => {
    if (projectIds.length === 0) return new Map();
    const rows = await db.getRepository(Step).createQueryBuilder('step')
      .innerJoin(CaseRecord, 'kase', 'kase.id = step.case_id')
      .select('kase.project_id', 'projectId').addSelect('step.department_code', 'departmentCode').distinct(true)
      .where('kase.project_id IN (:...projectIds)', { projectIds })
      .getRawMany<{ projectId: string; departmentCode: string }>();
    const byProject = new Map<string, string[]>();
    for (const row of rows) byProject.set(row.projectId, [...(byProject.get(row.projectId) ?? []), row.departmentCode]);
    return byProject;
  };

  /** The project if the actor may see it; otherwise 404 (no hint that it exists). */
  const visible = async (id: string, actor: Actor): Promise<Project> => {
    const project = await db.getRepository(Project).findOneBy({ id });
    const departments = project ? (await departmentsOf([id])).get(id) ?? [] : [];
    if (!project || !canSeeProject(actor, { stepDepartments: departments, agentId: project.agentId })) throw notFound(`项目 ${id}`);
    return project;
  };

  return {
    visible,

    async details(id: string, actor: Actor) {
      const project = await visible(id, actor);
      const events = await db.getRepository(ProjectEvent).find({ where: { projectId: id }, order: { seq: 'ASC' } });
      return { ...projectView(project, await agentOf(project)), timeline: events.map(eventView) };
    },

    /**
     * One page, newest first, of the projects the actor may see (canSeeProject, in SQL): center
     * roles every project, reviewers those whose cases have a step of their department, the
     * proxy agent their own.
     */
    async list(actor: Actor, filter: { key?: boolean; status?: string } & Paging): Promise<Page<ReturnType<typeof projectView>>> {
      const query = db.getRepository(Project).createQueryBuilder('p').where('1 = 1');
      if (filter.key !== undefined) query.andWhere('p.is_key = :key', { key: filter.key });
      if (filter.status) query.andWhere('p.status = :status', { status: filter.status });
      if (actor.role === 'agent') query.andWhere('p.agent_id = :agentId', { agentId: actor.id });
      else if (actor.role === 'officer' || actor.role === 'leader') {
        if (!actor.departmentCode) return pageOf([], 0, filter);
        query.andWhere(`EXISTS (${db.getRepository(Step).createQueryBuilder('step').select('1')
          .innerJoin(CaseRecord, 'kase', 'kase.id = step.case_id')
          .where('kase.project_id = p.id').andWhere('step.department_code = :departmentCode').getQuery()})`, { departmentCode: actor.departmentCode });
      } else if (actor.role !== 'clerk' && actor.role !== 'supervisor') return pageOf([], 0, filter);
      const [rows, total] = await query.orderBy('p.registered_at', 'DESC').addOrderBy('p.id', 'DESC')
        .skip(offsetOf(filter)).take(filter.pageSize).getManyAndCount();
      const agentIds = [...new Set(rows.map((row) => row.agentId).filter((a): a is number => a !== null))];
      const agents = agentIds.length === 0 ? [] : await db.getRepository(User).findBy({ id: In(agentIds) });
      return pageOf(rows.map((row) => projectView(row, agents.find((agent) => agent.id === row.agentId) ?? null)), total, filter);
    },

    /** 工作台帐: every stage with its cases, their steps and pauses; reports; escalations. */
    async ledger(id: string, actor: Actor) {
      const project = await visible(id, actor);
      const cases = await db.getRepository(CaseRecord).find({ where: { projectId: id }, order: { submittedAt: 'ASC' } });
      const caseIds = cases.map((kase) => kase.id);
      const [steps, pauses, orders, records, events] = caseIds.length === 0
        ? [[], [], [], [], await db.getRepository(ProjectEvent).find({ where: { projectId: id }, order: { seq: 'ASC' } })]
        : await Promise.all([
          db.getRepository(Step).find({ where: { caseId: In(caseIds) }, order: { id: 'ASC' } }),
          db.getRepository(AuditEvent).find({ where: { caseId: In(caseIds), action: In(PAUSE_ACTIONS) }, order: { at: 'ASC', id: 'ASC' } }),
          db.getRepository(SupervisionOrder).find({ where: { caseId: In(caseIds) }, order: { openedAt: 'ASC' } }),
          db.getRepository(AccountabilityRecord).find({ where: { caseId: In(caseIds) }, order: { createdAt: 'ASC' } }),
          db.getRepository(ProjectEvent).find({ where: { projectId: id }, order: { seq: 'ASC' } }),
        ]);
      // A closed project stopped in the stage its CLOSE entry names.
      const closedIn = events.find((event) => event.action === 'CLOSE')?.fromState;
      const stageIndex = PROJECT_STAGE_CODES.indexOf((closedIn ?? project.status) as ProjectStage);
      const current = stageIndex === -1 ? PROJECT_STAGE_CODES.length : stageIndex;
      return {
        project: projectView(project, await agentOf(project)),
        stages: PROJECT_STAGES.map(({ code, name }, index) => ({
          code,
          name,
          status: index < current ? 'passed' : index > current ? 'pending' : closedIn ? 'closed' : 'current',
          cases: cases.filter((kase) => kase.projectStage === code).map((kase) => ({
            id: kase.id,
            trackingCode: kase.trackingCode,
            status: kase.status,
            channel: kase.channel,
            light: kase.light,
            dueAt: toShanghaiIso(kase.dueAt),
            acceptedAt: toShanghaiIso(kase.acceptedAt),
            decidedAt: toShanghaiIso(kase.decidedAt),
            deliveredAt: toShanghaiIso(kase.deliveredAt),
            steps: steps.filter((step) => step.caseId === kase.id).map((step) => ({
              id: step.id, matterCode: step.matterCode, departmentCode: step.departmentCode, status: step.status, light: step.light,
              dueAt: toShanghaiIso(step.dueAt), decidedAt: toShanghaiIso(step.decidedAt), assignee: step.assigneeName, card: step.card,
            })),
            pauses: pauses.filter((pause) => pause.caseId === kase.id).map((pause) => ({
              stepId: pause.stepId, action: pause.action, at: toShanghaiIso(pause.at), actor: pause.actorName, detail: withShanghaiInstants(pause.detail),
            })),
          })),
        })),
        reports: events.filter((event) => event.action === 'REPORT').map((event) => ({
          period: event.detail?.period, at: toShanghaiIso(event.at), by: event.actorName, progress: event.detail?.progress, problems: event.detail?.problems ?? null,
        })),
        escalations: {
          project: events.filter((event) => ['REPORT_URGED', 'PROJECT_WARNING', 'PROJECT_OVERDUE'].includes(event.action)).map(eventView),
          supervisionOrders: orders.map((order) => ({
            id: order.id, caseId: order.caseId, stepId: order.stepId, departmentCode: order.departmentCode, status: order.status,
            openedAt: toShanghaiIso(order.openedAt), deadlineAt: toShanghaiIso(order.deadlineAt), closedAt: toShanghaiIso(order.closedAt),
          })),
          accountabilityRecords: records.map((record) => ({
            id: record.id, caseId: record.caseId, stepId: record.stepId, departmentCode: record.departmentCode, card: record.card,
            createdAt: toShanghaiIso(record.createdAt),
          })),
        },
        timeline: events.map(eventView),
      };
    },
  };
}

export type ProjectReads = ReturnType<typeof createProjectReads>;
