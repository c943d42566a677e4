// 效能监察 facts, written by the projection inside its own transactions: a step is counted as
// accepted when its case's acceptance is projected, and its facts are frozen (actual working time,
// early / late, limits) when its decision is projected. Each count flips a guard column of
// step_metrics with a conditional UPDATE and adds to metric_rollups in the same transaction, so
// it happens exactly once however often an activity is retried or replayed.
import { In, type EntityManager } from 'typeorm';
import type { WorkingCalendar } from '../domain/calendar';
import { shanghaiDate } from '../domain/calendar';
import { DECIDED_STEP_STATUSES } from '../domain/charts/states';
import { DEFAULT_OFFICE_OPENS, pausesFromTimeline, stepWorkingTime } from '../domain/metrics/working-time';
import { AuditEvent, CaseRecord, Matter, MetricRollup, Step, StepMetric } from '../entities';
import type { PlannedStep, StepProjection } from './projection-types';

interface RollupKey {
  acceptedOn: string;
  departmentCode: string;
  matterCode: string;
}

type RollupDelta = Partial<Record<'accepted' | 'completed' | 'early' | 'late' | 'workingSeconds' | 'committedDays' | 'legalDays', number>>;

const ROLLUP_COLUMNS: Record<keyof RollupDelta, string> = {
  accepted: 'accepted',
  completed: 'completed',
  early: 'early',
  late: 'late',
  workingSeconds: 'working_seconds',
  committedDays: 'committed_days',
  legalDays: 'legal_days',
};

/** Adds to a rollup row, creating it first if the key is new. */
async function addToRollup(manager: EntityManager, key: RollupKey, delta: RollupDelta): Promise<void> {
  const set: Record<string, () => string> = {};
  for (const [field, amount] of Object.entries(delta) as Array<[keyof RollupDelta, number]>) {
    // Integers only ever: safe to write into the SQL text.
    if (!Number.isInteger(amount)) throw new RangeError(`rollup amounts are integers, got ${field}=${amount}`);
    set[field] = () => `${ROLLUP_COLUMNS[field]} + ${amount}`;
  }
  const update = () => manager.createQueryBuilder().update(MetricRollup).set(set as never)
    .where('accepted_on = :acceptedOn AND department_code = :departmentCode AND matter_code = :matterCode', key)
    .execute();
  // Update first: the row of a busy day exists, and an UPDATE takes its row lock directly.
  if ((await update()).affected) return;
  await manager.createQueryBuilder().insert().into(MetricRollup).orIgnore().values({ ...key }).execute();
  await update();
}

/** Flips a boolean guard of one step's facts; true only for the call that flipped it. */
async function flip(manager: EntityManager, stepId: string, guard: 'counted' | 'decided', values: Partial<StepMetric> = {}): Promise<boolean> {
  const result = await manager.createQueryBuilder().update(StepMetric).set({ ...values, [guard]: true } as never)
    .where(`step_id = :stepId AND ${guard} = 0`, { stepId })
    .execute();
  return result.affected === 1;
}

const keyOf = (metric: Pick<StepMetric, 'acceptedOn' | 'departmentCode' | 'matterCode'>): RollupKey =>
  ({ acceptedOn: metric.acceptedOn, departmentCode: metric.departmentCode, matterCode: metric.matterCode });

/** Creates the facts rows of steps accepted at `acceptedAt` and counts each once. */
async function accept(manager: EntityManager, caseId: string, acceptedAt: Date, steps: PlannedStep[]): Promise<StepMetric[]> {
  const ids = steps.map((step) => step.id);
  const [matters, projected] = await Promise.all([
    manager.find(Matter, { where: { code: In(steps.map((step) => step.matterCode)) }, select: { code: true, legalDays: true } }),
    // A step projected before its case's acceptance (rare) lends its light and due instant.
    manager.find(Step, { where: { id: In(ids) }, select: { id: true, light: true, dueAt: true } }),
  ]);
  const legalDays = new Map(matters.map((matter) => [matter.code, matter.legalDays]));
  const live = new Map(projected.map((step) => [step.id, step]));
  const acceptedOn = shanghaiDate(acceptedAt.toISOString());
  const rows = steps.map((step): StepMetric => ({
    stepId: step.id, caseId, departmentCode: step.departmentCode, matterCode: step.matterCode, acceptedAt, acceptedOn,
    // A matter missing from the catalogue (never deleted in practice) has no legal limit to compare with.
    legalDays: legalDays.get(step.matterCode) ?? 0,
    counted: false, decided: false, decidedAt: null, outcome: null, limitDays: null, workingSeconds: null, early: null, late: null,
    light: live.get(step.id)?.light ?? 'green', dueAt: live.get(step.id)?.dueAt ?? null, withdrawn: false,
  }));
  await manager.createQueryBuilder().insert().into(StepMetric).orIgnore().values(rows).execute();
  for (const row of rows) {
    if (await flip(manager, row.stepId, 'counted')) await addToRollup(manager, keyOf(row), { accepted: 1 });
  }
  return manager.find(StepMetric, { where: { stepId: In(ids) } });
}

export interface MetricFacts {
  /** In the case projection's transaction: its steps were accepted at `acceptedAt`. */
  recordAcceptance(manager: EntityManager, input: { caseId: string; acceptedAt: string | null; steps: PlannedStep[] }): Promise<void>;
  /** In the case projection's transaction: the case was withdrawn. */
  recordWithdrawal(manager: EntityManager, caseId: string): Promise<void>;
  /** In the step projection's transaction, for its newest projection: the light and due instant of an open step. */
  followStep(manager: EntityManager, record: StepProjection): Promise<void>;
  /**
   * In the step projection's transaction, after its timeline rows were appended: freezes the
   * facts of a decided step. `calendar` is read before the transaction opens.
   */
  recordDecision(manager: EntityManager, input: { workflowId: string; record: StepProjection; calendar: WorkingCalendar }): Promise<void>;
}

/** Whether a step projection carries a decision the metrics must record. */
export const isDecision = (record: StepProjection): boolean =>
  record.decidedAt !== null && DECIDED_STEP_STATUSES.includes(record.status);

export function createMetricFacts({ opensAt = DEFAULT_OFFICE_OPENS }: { opensAt?: string } = {}): MetricFacts {
  return {
    async recordAcceptance(manager, { caseId, acceptedAt, steps }) {
      if (acceptedAt === null || steps.length === 0) return;
      // Every later projection of the case passes here too: one indexed read when all is counted.
      const known = await manager.find(StepMetric, { where: { caseId }, select: { stepId: true, counted: true } });
      if (steps.every((step) => known.some((row) => row.stepId === step.id && row.counted))) return;
      await accept(manager, caseId, new Date(acceptedAt), steps);
    },

    async recordWithdrawal(manager, caseId) {
      await manager.update(StepMetric, { caseId }, { withdrawn: true });
    },

    async followStep(manager, record) {
      // Absolute values, written only for the newest projection: retries change nothing.
      await manager.createQueryBuilder().update(StepMetric)
        .set({ light: record.light, dueAt: record.dueAt === null ? null : new Date(record.dueAt) })
        .where('step_id = :stepId AND decided = 0', { stepId: record.id })
        .execute();
    },

    async recordDecision(manager, { workflowId, record, calendar }) {
      if (!isDecision(record)) return;
      let metric = await manager.findOneBy(StepMetric, { stepId: record.id });
      if (!metric) {
        // The case's acceptance projection always lands first in practice; should it not have,
        // the case row's acceptance instant (whole seconds) stands in.
        const kase = await manager.findOne(CaseRecord, { where: { id: record.caseId }, select: { id: true, acceptedAt: true } });
        if (!kase?.acceptedAt) return;
        [metric] = await accept(manager, record.caseId, kase.acceptedAt,
          [{ id: record.id, matterCode: record.matterCode, departmentCode: record.departmentCode }]);
      }
      if (metric.decided) return;
      const events = await manager.find(AuditEvent, {
        where: { workflowId }, order: { seq: 'ASC' }, select: { seq: true, at: true, fromState: true, toState: true },
      });
      const pauses = pausesFromTimeline(events.map((event) => ({ at: event.at.toISOString(), fromState: event.fromState, toState: event.toState })));
      const decidedAt = record.decidedAt!;
      const { seconds } = stepWorkingTime(calendar, { acceptedAt: metric.acceptedAt.toISOString(), decidedAt, pauses }, opensAt);
      const decided = Date.parse(decidedAt);
      const due = record.dueAt === null ? null : Date.parse(record.dueAt);
      const facts = {
        light: record.light,
        decidedAt: new Date(decidedAt),
        outcome: record.status as 'approved' | 'rejected',
        dueAt: due === null ? null : new Date(due),
        // Steps recorded before clocks existed have no limit and no due instant: never early, never late.
        limitDays: record.limitDays ?? null,
        workingSeconds: seconds,
        early: due !== null && decided < due,
        late: due !== null && decided > due,
      };
      if (!(await flip(manager, record.id, 'decided', facts))) return;
      await addToRollup(manager, keyOf(metric), {
        completed: 1,
        early: facts.early ? 1 : 0,
        late: facts.late ? 1 : 0,
        workingSeconds: seconds,
        committedDays: facts.limitDays ?? 0,
        legalDays: metric.legalDays,
      });
    },
  };
}
