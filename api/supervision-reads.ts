// Reads for the supervision office (效能办): metric rows from the daily rollups plus the live
// part (open steps that are overdue, steps of withdrawn cases), and the live board. Plain
// objects out; never writes.
import { In, type DataSource } from 'typeorm';
import { addTotals, EMPTY_TOTALS, metricRow, type MetricRow, type MetricTotals } from '../domain/metrics/rates';
import { LIGHTS, type Light } from '../domain/types';
import { Department, Matter, MetricRollup, Step, StepMetric } from '../entities';
import type { Period } from './period';

export const METRIC_GROUPS = ['department', 'matter'] as const;
export type MetricGroup = (typeof METRIC_GROUPS)[number];

export type NamedMetricRow = MetricRow & { name: string | null };

const RED: Light = 'red';

/** SUM() and COUNT() come back as strings (DECIMAL, BIGINT) from mysql2 and as numbers from sql.js. */
const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));

export interface OpenStepsByLight {
  departmentCode: string;
  green: number;
  yellow: number;
  red: number;
  open: number;
}

export function createSupervisionReads(db: DataSource) {
  /** Catalogue names of the group's keys, in key order. */
  const catalogue = async (groupBy: MetricGroup): Promise<Map<string, string>> => {
    const rows = groupBy === 'department'
      ? await db.getRepository(Department).find({ select: { code: true, name: true } })
      : await db.getRepository(Matter).find({ select: { code: true, name: true } });
    return new Map(rows.map((row) => [row.code, row.name]));
  };

  /** Counted facts per key: the rollups of the period, corrected by the live open steps. */
  const totals = async (period: Period, groupBy: MetricGroup): Promise<Map<string, MetricTotals>> => {
    const column = groupBy === 'department' ? 'department_code' : 'matter_code';
    const [sums, open] = await Promise.all([
      db.createQueryBuilder().from(MetricRollup, 'r')
        .select(`r.${column}`, 'key')
        .addSelect('SUM(r.accepted)', 'accepted')
        .addSelect('SUM(r.completed)', 'completed')
        .addSelect('SUM(r.early)', 'early')
        .addSelect('SUM(r.late)', 'late')
        .addSelect('SUM(r.working_seconds)', 'workingSeconds')
        .addSelect('SUM(r.committed_days)', 'committedDays')
        .addSelect('SUM(r.legal_days)', 'legalDays')
        .where('r.accepted_on BETWEEN :from AND :to', period)
        .groupBy(`r.${column}`)
        .getRawMany<Record<string, unknown>>(),
      // Undecided steps of the period: few (the open backlog and withdrawn cases), read live
      // from one covering index.
      db.createQueryBuilder().from(StepMetric, 'm')
        .select(`m.${column}`, 'key')
        .addSelect('SUM(CASE WHEN m.withdrawn = 1 THEN 1 ELSE 0 END)', 'withdrawn')
        .addSelect(`SUM(CASE WHEN m.withdrawn = 0 AND m.light = '${RED}' THEN 1 ELSE 0 END)`, 'overdue')
        .where('m.decided = 0')
        .andWhere('m.accepted_on BETWEEN :from AND :to', period)
        .groupBy(`m.${column}`)
        .getRawMany<Record<string, unknown>>(),
    ]);
    const byKey = new Map<string, MetricTotals>();
    for (const row of sums) {
      byKey.set(String(row.key), {
        ...EMPTY_TOTALS,
        accepted: num(row.accepted),
        completed: num(row.completed),
        early: num(row.early),
        lateCompleted: num(row.late),
        workingSeconds: num(row.workingSeconds),
        committedDays: num(row.committedDays),
        legalDays: num(row.legalDays),
      });
    }
    for (const row of open) {
      const key = String(row.key);
      // A step of a case withdrawn before its decision leaves the population: it was never the department's to finish.
      const live = { ...EMPTY_TOTALS, accepted: -num(row.withdrawn), openOverdue: num(row.overdue) };
      byKey.set(key, addTotals(byKey.get(key) ?? EMPTY_TOTALS, live));
    }
    return byKey;
  };

  return {
    /**
     * One row per department (or matter) of the catalogue, plus any key found only in the
     * facts, ordered by key; the last argument is the length of an office day in seconds.
     */
    async metrics(period: Period, groupBy: MetricGroup, officeDaySeconds: number): Promise<NamedMetricRow[]> {
      const [names, byKey] = await Promise.all([catalogue(groupBy), totals(period, groupBy)]);
      const keys = [...new Set([...names.keys(), ...byKey.keys()])].sort();
      return keys.map((key) => {
        const { key: _key, ...figures } = metricRow(key, byKey.get(key) ?? EMPTY_TOTALS, officeDaySeconds);
        return { key, name: names.get(key) ?? null, ...figures };
      });
    },

    /**
     * Open steps by department and light, every department listed: steps accepted and not yet
     * decided, of cases not withdrawn (the facts mirror each open step's light).
     */
    async openStepsByLight(departmentCode: string | null): Promise<OpenStepsByLight[]> {
      const query = db.createQueryBuilder().from(StepMetric, 'm')
        .select('m.department_code', 'departmentCode')
        .addSelect('m.light', 'light')
        .addSelect('COUNT(*)', 'n')
        .where('m.decided = 0 AND m.withdrawn = 0');
      if (departmentCode !== null) query.andWhere('m.department_code = :departmentCode', { departmentCode });
      const [rows, departments] = await Promise.all([
        query.groupBy('m.department_code').addGroupBy('m.light').getRawMany<{ departmentCode: string; light: Light; n: unknown }>(),
        db.getRepository(Department).find({ select: { code: true } }),
      ]);
      const codes = departmentCode !== null ? [departmentCode] : [...new Set([...departments.map((d) => d.code), ...rows.map((r) => r.departmentCode)])].sort();
      return codes.map((code) => {
        const counts = Object.fromEntries(LIGHTS.map((light) => [light, num(rows.find((r) => r.departmentCode === code && r.light === light)?.n)])) as Record<Light, number>;
        return { departmentCode: code, ...counts, open: counts.green + counts.yellow + counts.red };
      });
    },

    /** The longest-overdue open steps: red, due earliest first. */
    async oldestOverdue(departmentCode: string | null, limit: number): Promise<Step[]> {
      const query = db.createQueryBuilder().from(StepMetric, 'm')
        .select('m.step_id', 'stepId')
        .where('m.decided = 0 AND m.withdrawn = 0 AND m.light = :red', { red: RED })
        .andWhere('m.due_at IS NOT NULL');
      if (departmentCode !== null) query.andWhere('m.department_code = :departmentCode', { departmentCode });
      const ids = (await query.orderBy('m.due_at', 'ASC').addOrderBy('m.step_id', 'ASC').limit(limit).getRawMany<{ stepId: string }>())
        .map((row) => row.stepId);
      if (ids.length === 0) return [];
      const steps = await db.getRepository(Step).findBy({ id: In(ids) });
      return ids.flatMap((id) => steps.filter((step) => step.id === id));
    },
  };
}

export type SupervisionReads = ReturnType<typeof createSupervisionReads>;
