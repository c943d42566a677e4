// What the run must show, from the read model, the audit log, Temporal and the clients' answers.
import type { Client } from '@temporalio/client';
import { In, type DataSource } from 'typeorm';
import { verifyAuditChain } from '../../activities/audit-log';
import { AuditEvent, AuditLogEntry, CaseRecord, Step } from '../../entities';
import { caseStateQuery, caseWorkflowId, stepStateQuery, stepWorkflowId } from '../../workflows/messages';
import type { ChaosClient } from './client';
import type { CaseRun, Intent, Verb } from './driver';

export interface Findings {
  casesLost: number;
  casesDuplicated: number;
  /** Case workflows in Temporal beyond one per intended case. */
  orphanWorkflows: number;
  actionsMisreported: number;
  casesStuck: number;
  duplicateTimelineEntries: number;
  duplicateNotices: number;
  auditRowsMissing: number;
  auditChainBroken: number;
  projectionMismatches: number;
  /** One line per finding, for the report. */
  details: string[];
  figures: {
    casesDelivered: number;
    actionsTakenEffect: number;
    auditRows: number;
    longestCaseWaitS: number;
    longestWriteS: number;
    writesRetried: number;
    /** Writes whose connection dropped with the request sent (the API died under them). */
    writesCut: number;
    /** Of those, the ones whose effect was already in the timeline when the API died. */
    effectsBeforeLostAnswer: number;
  };
}

/** The timeline entry each verb leaves, and the audited route of its request. */
const EFFECT: Record<Verb, { action: string; route: string; objectType: string }> = {
  register: { action: 'REGISTERED', route: 'POST /api/cases', objectType: 'cases' },
  accept: { action: 'ACCEPT', route: 'POST /api/cases/:id/accept', objectType: 'cases' },
  claim: { action: 'CLAIM', route: 'POST /api/steps/:id/claim', objectType: 'steps' },
  approve: { action: 'APPROVE', route: 'POST /api/steps/:id/approve', objectType: 'steps' },
  deliver: { action: 'DELIVER', route: 'POST /api/cases/:id/deliver', objectType: 'cases' },
};
const STUCK_MS = 5 * 60_000;

const ok = (status: number) => status >= 200 && status < 300;

export interface CheckDeps {
  db: DataSource;
  temporal: Client;
  clerk: ChaosClient;
  /** When the API was killed (epoch ms). */
  apiKills: number[];
}

export async function check(runs: CaseRun[], deps: CheckDeps): Promise<Findings> {
  const { db } = deps;
  const details: string[] = [];
  const note = (line: string) => { if (details.length < 200) details.push(line); };

  // Cases: exactly one per intended case, found by its unique applicant name.
  const rows = await db.getRepository(CaseRecord).findBy({ applicantName: In(runs.map((run) => run.applicant)) });
  const byApplicant = new Map<string, CaseRecord[]>();
  for (const row of rows) byApplicant.set(row.applicantName, [...(byApplicant.get(row.applicantName) ?? []), row]);
  let casesLost = 0;
  let casesDuplicated = 0;
  for (const run of runs) {
    const found = byApplicant.get(run.applicant) ?? [];
    if (found.length === 0) { casesLost += 1; note(`lost: case ${run.index} (${run.applicant})`); }
    if (found.length > 1) { casesDuplicated += found.length - 1; note(`duplicated: case ${run.index} has ${found.length} cases`); }
    if (found.length === 1 && run.caseId && run.caseId !== found[0].id) note(`case ${run.index}: the client was told ${run.caseId}, the case is ${found[0].id}`);
    run.caseId ??= found[0]?.id;
  }
  const workflows = await deps.temporal.workflow.count("WorkflowType = 'caseWorkflow'");
  const orphanWorkflows = Math.max(0, workflows.count - runs.length);
  if (orphanWorkflows > 0) note(`${workflows.count} case workflows for ${runs.length} cases`);

  const caseIds = rows.map((row) => row.id);
  const events = caseIds.length ? await db.getRepository(AuditEvent).findBy({ caseId: In(caseIds) }) : [];

  // Timeline: no (case, step, action) twice.
  const seen = new Map<string, number>();
  for (const event of events) {
    const key = `${event.caseId} ${event.stepId ?? '-'} ${event.action}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  let duplicateTimelineEntries = 0;
  for (const [key, count] of seen) if (count > 1) { duplicateTimelineEntries += count - 1; note(`timeline twice: ${key} ×${count}`); }

  // Notices and outbox rows: none twice for one person (or address), kind, case and step.
  const duplicates = caseIds.length ? [
    ...await db.query(
      `SELECT user_id AS who, kind, case_id, step_id, COUNT(*) AS n FROM notices WHERE case_id IN (?) GROUP BY user_id, kind, case_id, step_id HAVING COUNT(*) > 1`, [caseIds]),
    ...await db.query(
      `SELECT recipient AS who, template AS kind, case_id, step_id, COUNT(*) AS n FROM notifications WHERE case_id IN (?) GROUP BY channel, recipient, template, case_id, step_id HAVING COUNT(*) > 1`, [caseIds]),
  ] as Array<{ who: string; kind: string; case_id: string; step_id: string | null; n: number | string }> : [];
  let duplicateNotices = 0;
  for (const row of duplicates) {
    duplicateNotices += Number(row.n) - 1;
    note(`notice twice: ${row.kind} to ${row.who} for ${row.step_id ?? row.case_id} ×${row.n}`);
  }

  // Answers against effects, and an audit row for every effect.
  const audit = caseIds.length ? await db.getRepository(AuditLogEntry).createQueryBuilder('a')
    .where('a.outcome = :outcome', { outcome: 'succeeded' })
    .andWhere('a.objectId IN (:...ids)', { ids: [...caseIds, ...events.filter((e) => e.stepId).map((e) => e.stepId!)] })
    .getMany() : [];
  const audited = new Set(audit.map((row) => `${row.action} ${row.objectType} ${row.objectId}`));
  let actionsMisreported = 0;
  let auditRowsMissing = 0;
  let actionsTakenEffect = 0;
  let effectsBeforeLostAnswer = 0;
  for (const run of runs) {
    for (const intent of run.intents) {
      const effect = EFFECT[intent.verb];
      const objectId = intent.stepId ?? run.caseId;
      const effects = events.filter((e) => e.caseId === run.caseId && e.action === effect.action && e.stepId === (intent.stepId ?? null));
      const happened = effects.length;
      const cutAt = intent.writes.filter((write) => write.retriedOn.includes('cut'))
        .flatMap((write) => deps.apiKills.filter((at) => at >= write.startedAt && at <= write.answeredAt));
      if (happened > 0 && cutAt.some((at) => effects[0].at.getTime() <= at)) effectsBeforeLostAnswer += 1;
      const answers = intent.writes.map((write) => write.status);
      const told = misreport(intent, happened);
      if (told) { actionsMisreported += 1; note(`misreported: case ${run.index} ${intent.verb} ${objectId ?? ''}: ${told} (answers ${answers.join(', ')})`); }
      if (happened > 0) {
        actionsTakenEffect += 1;
        if (!audited.has(`${effect.route} ${effect.objectType} ${objectId}`)) {
          auditRowsMissing += 1;
          note(`no audit row: ${effect.route} ${objectId} (case ${run.index}; answers ${answers.join(', ')})`);
        }
      }
    }
  }
  const chain = await verifyAuditChain(db);
  if (!chain.intact) note(`audit chain broken at row ${chain.brokenAt?.id}: ${chain.brokenAt?.reason}`);

  // Stuck: not delivered, or a wait of more than 5 minutes without progress.
  let casesStuck = 0;
  for (const run of runs) {
    if (!run.delivered || run.longestWaitMs > STUCK_MS) {
      casesStuck += 1;
      note(`stuck: case ${run.index} ${run.caseId ?? ''} delivered=${run.delivered} longest wait ${(run.longestWaitMs / 1000).toFixed(0)} s ${run.problems.join('; ')}`);
    }
  }

  const projectionMismatches = await compareProjection(runs, deps, note);

  const writes = runs.flatMap((run) => run.intents.flatMap((intent) => intent.writes));
  return {
    casesLost, casesDuplicated, orphanWorkflows, actionsMisreported, casesStuck, duplicateTimelineEntries, duplicateNotices,
    auditRowsMissing, auditChainBroken: chain.intact ? 0 : 1, projectionMismatches, details,
    figures: {
      casesDelivered: runs.filter((run) => run.delivered).length,
      actionsTakenEffect,
      auditRows: chain.rows,
      longestCaseWaitS: Math.round(Math.max(0, ...runs.map((run) => run.longestWaitMs)) / 1000),
      longestWriteS: Math.round(Math.max(0, ...writes.map((write) => write.answeredAt - write.startedAt)) / 1000),
      writesRetried: writes.filter((write) => write.tries > 1).length,
      writesCut: writes.filter((write) => write.retriedOn.includes('cut')).length,
      effectsBeforeLostAnswer,
    },
  };
}

/**
 * Told the opposite of what happened: a 2xx for an action not in the timeline, or only refusals
 * for one that is. Undecided writes (no answer before the client gave up) count too.
 */
function misreport(intent: Intent, happened: number): string | null {
  const statuses = intent.writes.map((write) => write.status);
  if (statuses.includes(0)) return 'no definitive answer';
  if (happened === 0 && statuses.some(ok)) return 'answered 2xx, not in the timeline';
  if (happened > 0 && !statuses.some(ok)) return 'refused, but in the timeline';
  return null;
}

/** The read model (as GET /api/cases/:id shows it) against the workflows' own state. */
async function compareProjection(runs: CaseRun[], deps: CheckDeps, note: (line: string) => void): Promise<number> {
  let mismatches = 0;
  const ids = runs.flatMap((run) => (run.caseId ? [run.caseId] : []));
  const records = new Map((ids.length ? await deps.db.getRepository(CaseRecord).findBy({ id: In(ids) }) : []).map((row) => [row.id, row]));
  const stepRows = new Map((ids.length ? await deps.db.getRepository(Step).findBy({ caseId: In(ids) }) : []).map((row) => [row.id, row]));
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < ids.length) {
      const caseId = ids[next++];
      const problems: string[] = [];
      const view = (await deps.clerk.get(`/api/cases/${caseId}`)).body as { status: string; steps: { id: string; status: string }[] };
      const state = await deps.temporal.workflow.getHandle(caseWorkflowId(caseId)).query(caseStateQuery);
      if (view.status !== state.status) problems.push(`status ${view.status} ≠ ${state.status}`);
      if (records.get(caseId)?.version !== state.version) problems.push(`version ${records.get(caseId)?.version} ≠ ${state.version}`);
      if (view.steps.length !== state.steps.length) problems.push(`${view.steps.length} steps ≠ ${state.steps.length}`);
      for (const step of view.steps) {
        const stepState = await deps.temporal.workflow.getHandle(stepWorkflowId(step.id)).query(stepStateQuery);
        if (step.status !== stepState.status) problems.push(`${step.id} ${step.status} ≠ ${stepState.status}`);
        if (stepRows.get(step.id)?.version !== stepState.version) problems.push(`${step.id} version ${stepRows.get(step.id)?.version} ≠ ${stepState.version}`);
        const outcome = state.steps.find((s) => s.id === step.id)?.outcome;
        if (outcome && outcome !== step.status) problems.push(`${step.id} outcome ${outcome} ≠ ${step.status}`);
      }
      if (problems.length) {
        mismatches += 1;
        note(`projection ≠ workflow: ${caseId}: ${problems.join('; ')}`);
      }
    }
  };
  await Promise.all(Array.from({ length: 4 }, lane));
  return mismatches;
}
