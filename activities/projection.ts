// Read-model projection: the only writer of case and step rows. Idempotent by construction —
// rows carry the workflow's version and are only overwritten by a higher one; timeline rows are
// keyed by (workflowId, seq) and inserted with INSERT IGNORE — so a retried or replayed
// activity changes nothing. What the lists and the 效能监察 read beside the rows — each
// department's list rows and the case counts (activities/case-index.ts), the facts of steps
// (activities/metric-facts.ts) — is written in the same transactions, with the same guarantee.
import type { DataSource, EntityManager } from 'typeorm';
import { AuditEvent, CaseRecord, PostApprovalCheck, Step } from '../entities';
import type { ApprovalCommitment } from '../domain/charts/step-chart';
import { retryOnDeadlock } from '../entities/retry';
import { WITHDRAWN_CASE_STATUSES } from '../domain/charts/states';
import { upsertCase } from './case-index';
import type { WorkingCalendar } from '../domain/calendar';
import type { TimelineEntry } from '../domain/types';
import { createAuditLog, type AuditLog } from './audit-log';
import { createCalendarService } from './calendar-service';
import { createMetricFacts, isDecision } from './metric-facts';
import type { ProjectCaseInput, ProjectionActivities, ProjectStepInput, StepProjection } from './projection-types';

export interface ProjectionDependencies {
  db: DataSource;
  /** The working-day calendar for the actual working time of decided steps. */
  calendar?: { current(): Promise<WorkingCalendar> };
}

export function createProjectionActivities({ db, calendar = createCalendarService({ db }) }: ProjectionDependencies): ProjectionActivities {
  const metrics = createMetricFacts();
  const audit = createAuditLog(db);
  return {
    async projectCase({ workflowId, version, record, plannedSteps, timeline }: ProjectCaseInput): Promise<void> {
      const row: CaseRecord = {
        id: record.id,
        trackingCode: record.trackingCode,
        status: record.status,
        channel: record.channel,
        applicantName: record.applicant.name,
        applicantPhone: record.applicant.phone,
        applicantIdNumber: record.applicant.idNumber ?? null,
        projectName: record.projectName,
        matterCodes: record.matterCodes,
        light: record.light,
        dueAt: toDate(record.dueAt),
        registeredById: record.registeredById,
        agentId: record.agentId ?? null,
        projectId: record.project?.id ?? null,
        projectStage: record.project?.stage ?? null,
        submittedAt: new Date(record.submittedAt),
        acceptedAt: toDate(record.acceptedAt),
        decidedAt: toDate(record.decidedAt),
        deliveredAt: toDate(record.deliveredAt),
        updatedAt: new Date(record.updatedAt),
        deficiency: record.deficiency ?? null,
        version,
      };
      const departments = plannedSteps.map((step) => step.departmentCode);
      await retryOnDeadlock(() => db.transaction(async (manager) => {
        const applied = await upsertCase(manager, row, version, departments);
        if (plannedSteps.length > 0) {
          await manager.createQueryBuilder().insert().into(Step).orIgnore().values(plannedSteps.map((step) => ({
            id: step.id,
            caseId: record.id,
            matterCode: step.matterCode,
            departmentCode: step.departmentCode,
            status: 'pending',
            light: 'green',
            updatedAt: new Date(record.updatedAt),
            version: 0,
          }))).execute();
        }
        await appendTimeline(manager, workflowId, record.id, timeline);
        await metrics.recordAcceptance(manager, { caseId: record.id, acceptedAt: record.acceptedAt, steps: plannedSteps });
        if (applied && WITHDRAWN_CASE_STATUSES.includes(record.status)) await metrics.recordWithdrawal(manager, record.id);
      }), { alsoRetry: ['ER_DUP_ENTRY'] });
      await auditSystemChanges(audit, workflowId, 'cases', record.id, timeline);
    },

    async projectStep({ workflowId, version, record, timeline }: ProjectStepInput): Promise<void> {
      const row = stepRow(record, version);
      // Read before the transaction: sql.js runs one statement stream at a time.
      const workingCalendar = isDecision(record) ? await calendar.current() : null;
      await retryOnDeadlock(() => db.transaction(async (manager) => {
        const newest = await upsertStep(manager, row, version);
        await appendTimeline(manager, workflowId, record.caseId, timeline);
        if (newest) await metrics.followStep(manager, record);
        if (workingCalendar) await metrics.recordDecision(manager, { workflowId, record, calendar: workingCalendar });
        if (workingCalendar) await openPostApprovalChecks(manager, record, timeline, workingCalendar);
      }));
      await auditSystemChanges(audit, workflowId, 'steps', record.id, timeline);
    },
  };
}

/** The step row a projection writes: the workflow's record with its instants as dates. */
export function stepRow(record: StepProjection, version: number): Partial<Step> {
  return {
    ...record,
    dueAt: toDate(record.dueAt),
    decidedAt: toDate(record.decidedAt),
    updatedAt: new Date(record.updatedAt),
    legalDueAt: record.legalDueAt === undefined ? undefined : toDate(record.legalDueAt),
    version,
  };
}

/**
 * Insert if absent, then overwrite only when this version is newer than the stored one. True
 * when the stored step now has this version (it is the newest projection seen).
 */
async function upsertStep(manager: EntityManager, row: Partial<Step>, version: number): Promise<boolean> {
  // A copy: TypeORM writes column defaults back into the object it inserted, which would then
  // overwrite the newer values in the update below.
  await manager.createQueryBuilder().insert().into(Step).orIgnore().values({ ...row } as never).execute();
  await manager.createQueryBuilder().update(Step).set(row as never)
    .where('id = :id AND version < :version', { id: row.id, version })
    .execute();
  const stored = await manager.findOne(Step, { where: { id: row.id }, select: { id: true, version: true } });
  return stored?.version === version;
}

async function appendTimeline(manager: EntityManager, workflowId: string, caseId: string, entries: TimelineEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await manager.createQueryBuilder().insert().into(AuditEvent).orIgnore().values(entries.map((entry) => ({
    workflowId,
    caseId,
    stepId: entry.stepId ?? null,
    ...timelineColumns(entry),
  })) as never).execute();
}

/** The columns a timeline entry fills in any timeline table (case, step or project). */
export function timelineColumns(entry: TimelineEntry) {
  return {
    seq: entry.seq,
    at: new Date(entry.at),
    action: entry.action,
    fromState: entry.fromState,
    toState: entry.toState,
    actorId: entry.actor?.id ?? null,
    actorName: entry.actor?.username ?? null,
    actorRole: entry.actor?.role ?? null,
    detail: entry.detail ?? null,
  };
}

/** 告知承诺制: an approval on commitment opens the department's post-approval check (once per step). */
async function openPostApprovalChecks(manager: EntityManager, record: StepProjection, entries: TimelineEntry[], calendar: WorkingCalendar): Promise<void> {
  for (const entry of entries) {
    const commitment = entry.action === 'APPROVE' ? entry.detail?.commitment as ApprovalCommitment | undefined : undefined;
    if (!commitment) continue;
    await manager.createQueryBuilder().insert().into(PostApprovalCheck).orIgnore().values({
      stepId: record.id,
      caseId: record.caseId,
      departmentCode: record.departmentCode,
      matterCode: record.matterCode,
      items: commitment.items,
      dueAt: new Date(calendar.dueAt(entry.at, commitment.checkWorkingDays).at),
      status: 'open',
      createdAt: new Date(entry.at),
      completedAt: null,
      completedBy: null,
      finding: null,
    }).execute();
  }
}

/**
 * Changes the system made by itself (timers: warnings, overdue, 督办, 问责; clock re-plans) go to
 * the audit log too; people's changes are already there from the request that made them. Keyed
 * by (workflow, seq), so a retried projection appends nothing twice.
 */
/** Appends the changes the system made by itself (no actor) to the audit log, once per entry. */
export async function auditSystemChanges(audit: AuditLog, workflowId: string, objectType: 'cases' | 'steps' | 'projects', objectId: string, entries: TimelineEntry[]): Promise<void> {
  for (const entry of entries.filter((e) => !e.actor)) {
    await audit.appendOnce({
      at: new Date(entry.at),
      requestId: `${workflowId}#${entry.seq}`,
      actorId: null,
      actorName: 'system',
      actorRole: null,
      action: `SYSTEM ${entry.action}`,
      objectType,
      objectId,
      outcome: 'succeeded',
      status: 0,
      detail: entry.fromState === entry.toState ? null : `${entry.fromState ?? '∅'} → ${entry.toState}`,
    });
  }
}

function toDate(iso: string | null): Date | null {
  return iso === null ? null : new Date(iso);
}
