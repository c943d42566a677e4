// Reads of the MySQL projection for lists, inboxes and case pages. Returns plain objects; never
// writes (the projection activities are the only writers of case state).
import { Brackets, In, type DataSource, type WhereExpressionBuilder } from 'typeorm';
import { AuditEvent, CaseCount, CaseDepartment, CaseRecord, CENTER_SCOPE, Project, Step } from '../entities';
import { caseChart } from '../domain/charts/case-chart';
import { projectChart } from '../domain/charts/project-chart';
import { nonFinalStates, OPEN_STEP_STATUSES, CASE_STATUSES_UNDER_REVIEW } from '../domain/charts/states';
import type { Actor, CaseStatus, Channel, Light } from '../domain/types';
import { offsetOf } from './paging';

export interface CaseDetails {
  record: CaseRecord;
  steps: Step[];
  timeline: AuditEvent[];
}

/** An inbox line: the step and its case's channel (green-channel steps come first). */
export interface InboxItem {
  step: Step;
  channel: Channel;
}

export interface CaseFilter {
  status?: CaseStatus;
  light?: Light;
  channel?: Channel;
  /** Words to find: a tracking code, an acceptance number, an applicant's name or a project code. */
  q?: string;
  page: number;
  pageSize: number;
}

/** The escape character of every LIKE below (the same in MySQL and SQLite, unlike a backslash). */
const LIKE_ESCAPE = '|';
/** The user's words as a LIKE pattern that finds them anywhere, wildcards taken literally. */
export const containing = (words: string): string => `%${words.replace(/[|%_]/g, (c) => `${LIKE_ESCAPE}${c}`)}%`;

/** 受理编号 SL + the Shanghai acceptance date + the tracking code (domain/window acceptanceNumber). */
const ACCEPTANCE_NUMBER = /^SL(\d{4})(\d{2})(\d{2})([0-9A-Z]+)$/;
function acceptanceNumberParts(words: string): { trackingCode: string; start: Date; end: Date } | null {
  const match = ACCEPTANCE_NUMBER.exec(words.toUpperCase());
  if (!match) return null;
  const start = new Date(`${match[1]}-${match[2]}-${match[3]}T00:00:00+08:00`);
  if (Number.isNaN(start.getTime())) return null;
  return { trackingCode: match[4], start, end: new Date(start.getTime() + 86_400_000) };
}

/** The list filters (status, light, channel) on the case aliased `c`. */
export function filterCases<Q extends WhereExpressionBuilder>(query: Q, filter: Pick<CaseFilter, 'status' | 'light' | 'channel'>): Q {
  if (filter.status) query.andWhere('c.status = :status', { status: filter.status });
  if (filter.light) query.andWhere('c.light = :light', { light: filter.light });
  if (filter.channel) query.andWhere('c.channel = :channel', { channel: filter.channel });
  return query;
}

/**
 * 办件查询's words on the case aliased `c` and its project aliased `p` (the caller left-joins it):
 * a tracking code, an applicant's name or a project code containing them, or an acceptance number.
 */
export function matchWords<Q extends WhereExpressionBuilder>(query: Q, q: string): Q {
  const like = containing(q);
  const accepted = acceptanceNumberParts(q);
  query.andWhere(new Brackets((words) => {
    words.where(`c.tracking_code LIKE :like ESCAPE '${LIKE_ESCAPE}'`, { like })
      .orWhere(`c.applicant_name LIKE :like ESCAPE '${LIKE_ESCAPE}'`)
      .orWhere(`p.code LIKE :like ESCAPE '${LIKE_ESCAPE}'`);
    if (accepted) {
      words.orWhere('(c.tracking_code = :acceptedCode AND c.accepted_at >= :acceptedFrom AND c.accepted_at < :acceptedTo)', {
        acceptedCode: accepted.trackingCode, acceptedFrom: accepted.start, acceptedTo: accepted.end,
      });
    }
  }));
  return query;
}

export function createReadModel(db: DataSource) {
  const cases = db.getRepository(CaseRecord);
  const steps = db.getRepository(Step);
  const events = db.getRepository(AuditEvent);

  const departmentCases = db.getRepository(CaseDepartment);
  const counts = db.getRepository(CaseCount);

  /** The count scope an actor lists (DESIGN §4): the whole center, one department, or nothing. */
  const listScope = (actor: Actor): string | null => {
    if (actor.role === 'clerk' || actor.role === 'supervisor') return CENTER_SCOPE;
    if ((actor.role === 'officer' || actor.role === 'leader') && actor.departmentCode) return actor.departmentCode;
    return null;
  };

  /** The list total from the maintained counts: O(number of (status, light, channel) keys). */
  const total = async (scope: string, filter: CaseFilter): Promise<number> => {
    const where = { scope, ...(filter.status ? { status: filter.status } : {}), ...(filter.light ? { light: filter.light } : {}), ...(filter.channel ? { channel: filter.channel } : {}) };
    return Number((await counts.sum('cases', where)) ?? 0);
  };

  /** One page of case ids, newest first: each filter has an index that ends in (submitted_at, id). */
  const pageIds = async (scope: string, filter: CaseFilter): Promise<string[]> => {
    const center = scope === CENTER_SCOPE;
    const query = center
      ? cases.createQueryBuilder('c').select('c.id', 'id').where('1 = 1')
      : departmentCases.createQueryBuilder('c').select('c.case_id', 'id').where('c.department_code = :scope', { scope });
    filterCases(query, filter);
    const rows = await query
      .orderBy('c.submitted_at', 'DESC').addOrderBy(center ? 'c.id' : 'c.case_id', 'DESC')
      .offset(offsetOf(filter)).limit(filter.pageSize)
      .getRawMany<{ id: string }>();
    return rows.map((row) => row.id);
  };

  /** A proxy agent's own cases: a handful each, counted directly (index on agent_id). */
  const agentCases = async (agentId: number, filter: CaseFilter): Promise<{ items: CaseRecord[]; total: number }> => {
    const query = cases.createQueryBuilder('c').where('c.agent_id = :agentId', { agentId });
    filterCases(query, filter);
    const [items, total] = await query.orderBy('c.submitted_at', 'DESC').addOrderBy('c.id', 'DESC')
      .skip(offsetOf(filter)).take(filter.pageSize).getManyAndCount();
    return { items, total };
  };

  /**
   * 办件查询 in the actor's scope: each word-search scans the scope's cases (no count is kept for
   * words), so it runs on the same scope rules as the lists without the maintained counts.
   */
  const searchCases = async (actor: Actor, filter: CaseFilter & { q: string }): Promise<{ items: CaseRecord[]; total: number }> => {
    const scope = actor.role === 'agent' ? null : listScope(actor);
    if (actor.role !== 'agent' && scope === null) return { items: [], total: 0 };
    const query = cases.createQueryBuilder('c').leftJoin(Project, 'p', 'p.id = c.project_id');
    if (actor.role === 'agent') query.where('c.agent_id = :agentId', { agentId: actor.id });
    else if (scope !== CENTER_SCOPE) query.innerJoin(CaseDepartment, 'd', 'd.case_id = c.id AND d.department_code = :scope', { scope }).where('1 = 1');
    else query.where('1 = 1');
    filterCases(query, filter);
    matchWords(query, filter.q);
    // One row per case: the department join is on its key, a case has at most one project.
    const [items, total] = await Promise.all([
      query.clone().orderBy('c.submitted_at', 'DESC').addOrderBy('c.id', 'DESC').offset(offsetOf(filter)).limit(filter.pageSize).getMany(),
      query.getCount(),
    ]);
    return { items, total };
  };

  return {
    findCase: (id: string): Promise<CaseRecord | null> => cases.findOneBy({ id }),
    findStep: (id: string): Promise<Step | null> => steps.findOneBy({ id }),
    /** The status of a step's case (null if the case is not projected yet). */
    async caseStatusOf(caseId: string): Promise<CaseRecord['status'] | null> {
      return (await cases.findOne({ where: { id: caseId }, select: { id: true, status: true } }))?.status ?? null;
    },
    stepsOf: (caseId: string): Promise<Step[]> => steps.find({ where: { caseId }, order: { matterCode: 'ASC' } }),

    async caseDetails(id: string): Promise<CaseDetails | null> {
      const record = await cases.findOneBy({ id });
      if (!record) return null;
      const [caseSteps, timeline] = await Promise.all([
        steps.find({ where: { caseId: id }, order: { matterCode: 'ASC' } }),
        events.find({ where: { caseId: id }, order: { at: 'ASC', workflowId: 'ASC', seq: 'ASC' } }),
      ]);
      return { record, steps: caseSteps, timeline };
    },

    async listCases(actor: Actor, filter: CaseFilter): Promise<{ items: CaseRecord[]; total: number }> {
      if (filter.q) return searchCases(actor, { ...filter, q: filter.q });
      if (actor.role === 'agent') return agentCases(actor.id, filter);
      const scope = listScope(actor);
      if (scope === null) return { items: [], total: 0 };
      const [ids, count] = await Promise.all([pageIds(scope, filter), total(scope, filter)]);
      const rows = ids.length === 0 ? [] : await cases.findBy({ id: In(ids) });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return { items: ids.flatMap((id) => byId.get(id) ?? []), total: count };
    },

    /** The department's open steps of cases under review, most urgent first. */
    async inbox(departmentCode: string): Promise<InboxItem[]> {
      const { entities, raw } = await steps.createQueryBuilder('s')
        .innerJoin(CaseRecord, 'c', 'c.id = s.case_id')
        .addSelect('c.channel', 'case_channel')
        .where('s.department_code = :departmentCode', { departmentCode })
        .andWhere('s.status IN (:...open)', { open: OPEN_STEP_STATUSES })
        .andWhere('c.status IN (:...reviewing)', { reviewing: CASE_STATUSES_UNDER_REVIEW })
        // 绿色通道 first (key projects have priority), then the nearest due instant.
        .orderBy("CASE WHEN c.channel = 'green' THEN 0 ELSE 1 END", 'ASC')
        .addOrderBy('CASE WHEN s.due_at IS NULL THEN 1 ELSE 0 END', 'ASC')
        .addOrderBy('s.due_at', 'ASC')
        .addOrderBy('c.submitted_at', 'ASC')
        .addOrderBy('s.id', 'ASC')
        .getRawAndEntities<{ case_channel: Channel }>();
      return entities.map((step, i) => ({ step, channel: raw[i].case_channel }));
    },

    /**
     * Ids of dispatched steps still open (their clocks run or are paused). Filtered on the step
     * alone: its case's own projection may lag a moment behind the dispatch.
     */
    /** Cases not yet ended: their own deadlines (容缺, §32) follow the calendar. */
    async openCaseIds(): Promise<string[]> {
      const rows = await cases.createQueryBuilder('c').select('c.id', 'id')
        .where('c.status IN (:...open)', { open: nonFinalStates(caseChart) })
        .getRawMany<{ id: string }>();
      return rows.map((row) => row.id);
    },

    /** Projects not yet completed: their whole-project clock follows the calendar. */
    async openProjectIds(): Promise<string[]> {
      const rows = await db.getRepository(Project).createQueryBuilder('p').select('p.id', 'id')
        .where('p.status IN (:...open)', { open: nonFinalStates(projectChart) })
        .getRawMany<{ id: string }>();
      return rows.map((row) => row.id);
    },

    async openStepIds(): Promise<string[]> {
      const rows = await steps.createQueryBuilder('s')
        .select('s.id', 'id')
        .where('s.status IN (:...open)', { open: OPEN_STEP_STATUSES })
        .andWhere('s.version > 0')
        .getRawMany<{ id: string }>();
      return rows.map((row) => row.id);
    },

    async findByTrackingCode(trackingCode: string): Promise<{ record: CaseRecord; steps: Step[] } | null> {
      const record = await cases.findOneBy({ trackingCode });
      if (!record) return null;
      return { record, steps: await steps.find({ where: { caseId: record.id }, order: { matterCode: 'ASC' } }) };
    },
  };
}

export type ReadModel = ReturnType<typeof createReadModel>;
