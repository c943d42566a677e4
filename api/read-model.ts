// Reads of the MySQL projection for lists, inboxes and case pages. Returns plain objects; never
// writes (the projection activities are the only writers of case state).
import { Brackets, In, type DataSource, type WhereExpressionBuilder } from 'typeorm';
import { AuditEvent, CaseCount, CaseDepartment, CaseGram, CaseRecord, CENTER_SCOPE, Project, Step } from '../entities';
import { searchGrams } from '../domain/word-grams';
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

/** The index a whole-center count of common words reads instead of the case rows (migration WordSearch). */
export const WORD_SEARCH_INDEX = 'IDX_cases_words';
/** Words whose pieces leave fewer candidates than this are searched among the candidates alone. */
const SEARCH_WINDOW = 1000;

/** What the words name besides codes and names: projects by their code, a case by its acceptance number. */
export interface WordTargets {
  projectIds: string[];
  acceptedCaseIds: string[];
}

/**
 * 办件查询's words on the case aliased `c`: a tracking code or an applicant's name containing them,
 * a project whose code contains them, or the case of an acceptance number. Only columns of
 * `IDX_cases_words` are read, so a count over the whole center can read that index, not the rows.
 */
export function matchWords<Q extends WhereExpressionBuilder>(query: Q, q: string, targets: WordTargets): Q {
  const like = containing(q);
  query.andWhere(new Brackets((words) => {
    words.where(`c.tracking_code LIKE :like ESCAPE '${LIKE_ESCAPE}'`, { like })
      .orWhere(`c.applicant_name LIKE :like ESCAPE '${LIKE_ESCAPE}'`);
    if (targets.projectIds.length > 0) words.orWhere('c.project_id IN (:...wordProjects)', { wordProjects: targets.projectIds });
    if (targets.acceptedCaseIds.length > 0) words.orWhere('c.id IN (:...wordAccepted)', { wordAccepted: targets.acceptedCaseIds });
  }));
  return query;
}

/** The projects and the accepted case the words name: a few rows, each through an index. */
export async function wordTargets(db: DataSource, q: string): Promise<WordTargets> {
  const accepted = acceptanceNumberParts(q);
  const [projects, acceptedCases] = await Promise.all([
    db.getRepository(Project).createQueryBuilder('p').select('p.id', 'id')
      .where(`p.code LIKE :like ESCAPE '${LIKE_ESCAPE}'`, { like: containing(q) }).getRawMany<{ id: string }>(),
    accepted
      ? db.getRepository(CaseRecord).createQueryBuilder('c').select('c.id', 'id').where('c.tracking_code = :code', { code: accepted.trackingCode })
        .andWhere('c.accepted_at >= :from AND c.accepted_at < :to', { from: accepted.start, to: accepted.end }).getRawMany<{ id: string }>()
      : [],
  ]);
  return { projectIds: projects.map((row) => row.id), acceptedCaseIds: acceptedCases.map((row) => row.id) };
}

export function createReadModel(db: DataSource, { searchWindow = SEARCH_WINDOW }: { searchWindow?: number } = {}) {
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
   * The cases holding every piece of the words (domain/word-grams.ts), or null when the pieces
   * cannot narrow the search: the words are one character, or at least `searchWindow` cases hold
   * them all. The database joins the pieces' postings starting from the rarest.
   */
  const gramCandidates = async (q: string): Promise<string[] | null> => {
    const grams = searchGrams(q);
    if (grams.length === 0) return null;
    const postings = db.getRepository(CaseGram).createQueryBuilder('g0').select('g0.case_id', 'id').where('g0.gram = :g0', { g0: grams[0] });
    grams.slice(1).forEach((gram, i) => {
      const alias = `g${i + 1}`;
      postings.innerJoin(CaseGram, alias, `${alias}.case_id = g0.case_id AND ${alias}.gram = :${alias}`, { [alias]: gram });
    });
    const rows = await postings.limit(searchWindow).getRawMany<{ id: string }>();
    return rows.length < searchWindow ? rows.map((row) => row.id) : null;
  };

  /**
   * 办件查询 in the actor's scope, on the same scope rules as the lists but without the maintained
   * counts (none is kept for words). Usually the words' pieces leave a few candidates, and only
   * their rows (with the cases of the projects and the acceptance number the words name) are
   * read: the matches are both the page and the total. Words too common for that page through the
   * newest-first index, which stops at the page, and are counted over `IDX_cases_words` rather
   * than the rows.
   */
  const searchCases = async (actor: Actor, filter: CaseFilter & { q: string }): Promise<{ items: CaseRecord[]; total: number }> => {
    const scope = actor.role === 'agent' ? null : listScope(actor);
    if (actor.role !== 'agent' && scope === null) return { items: [], total: 0 };
    const [targets, candidates] = await Promise.all([wordTargets(db, filter.q), gramCandidates(filter.q)]);
    const query = cases.createQueryBuilder('c');
    if (actor.role === 'agent') query.where('c.agent_id = :agentId', { agentId: actor.id });
    else if (scope !== CENTER_SCOPE) query.innerJoin(CaseDepartment, 'd', 'd.case_id = c.id AND d.department_code = :scope', { scope }).where('1 = 1');
    else query.where('1 = 1');
    filterCases(query, filter);
    matchWords(query, filter.q, targets);
    // One row per case: the department join is on its key.
    const ordered = () => query.clone().select('c.id', 'id').orderBy('c.submitted_at', 'DESC').addOrderBy('c.id', 'DESC');
    const ids = (rows: Array<{ id: string }>): string[] => rows.map((row) => row.id);
    const start = offsetOf(filter);
    if (candidates) {
      const keys = [...candidates, ...targets.acceptedCaseIds];
      if (keys.length === 0 && targets.projectIds.length === 0) return { items: [], total: 0 };
      query.andWhere(new Brackets((within) => {
        within.where(keys.length > 0 ? 'c.id IN (:...candidates)' : '1 = 0', { candidates: keys });
        if (targets.projectIds.length > 0) within.orWhere('c.project_id IN (:...candidateProjects)', { candidateProjects: targets.projectIds });
      }));
      const matches = ids(await ordered().getRawMany<{ id: string }>());
      return { items: await casesInOrder(matches.slice(start, start + filter.pageSize)), total: matches.length };
    }
    const [page, total] = await Promise.all([
      ordered().offset(start).limit(filter.pageSize).getRawMany<{ id: string }>(),
      (scope === CENTER_SCOPE ? query.clone().useIndex(WORD_SEARCH_INDEX) : query).getCount(),
    ]);
    return { items: await casesInOrder(ids(page)), total };
  };

  /** The case rows of the ids, in the ids' order. */
  const casesInOrder = async (ids: string[]): Promise<CaseRecord[]> => {
    const rows = ids.length === 0 ? [] : await cases.findBy({ id: In(ids) });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
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
      return { items: await casesInOrder(ids), total: count };
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
