// 效能监察 figures from counted facts: 办结率, 提前办结率, 超期率, average days and 提速率. Pure.
// Every definition is written out in docs/supervision.md (Metrics) with a worked example.

/** What the read model counts for one group (a department or a matter) over a period. */
export interface MetricTotals {
  /** Steps accepted in the period, less those of cases withdrawn before the step was decided. */
  accepted: number;
  /** Of those, decided: approved or rejected. */
  completed: number;
  /** Completed strictly before the due instant in force at the decision. */
  early: number;
  /** Completed after the due instant in force at the decision. */
  lateCompleted: number;
  /** Not decided and red on the clock: the due instant passed while the clock ran. */
  openOverdue: number;
  /** Sums over the completed steps. */
  workingSeconds: number;
  committedDays: number;
  legalDays: number;
}

export interface MetricRow {
  key: string;
  accepted: number;
  completed: number;
  completionRate: number | null;
  earlyCompletionRate: number | null;
  overdueRate: number | null;
  avgActualWorkingDays: number | null;
  avgCommittedDays: number | null;
  avgLegalDays: number | null;
  speedupRate: number | null;
}

export const EMPTY_TOTALS: MetricTotals = {
  accepted: 0, completed: 0, early: 0, lateCompleted: 0, openOverdue: 0, workingSeconds: 0, committedDays: 0, legalDays: 0,
};

/** Rates are shares in [0, 1] with 4 decimals (0.6125 = 61.25 %). */
export const roundRate = (value: number): number => Math.round(value * 10_000) / 10_000;
/** Days with 2 decimals (7.75). */
export const roundDays = (value: number): number => Math.round(value * 100) / 100;

const ratio = (numerator: number, denominator: number): number | null => (denominator === 0 ? null : numerator / denominator);
const rounded = (value: number | null, round: (v: number) => number): number | null => (value === null ? null : round(value));

export function addTotals(a: MetricTotals, b: MetricTotals): MetricTotals {
  return {
    accepted: a.accepted + b.accepted,
    completed: a.completed + b.completed,
    early: a.early + b.early,
    lateCompleted: a.lateCompleted + b.lateCompleted,
    openOverdue: a.openOverdue + b.openOverdue,
    workingSeconds: a.workingSeconds + b.workingSeconds,
    committedDays: a.committedDays + b.committedDays,
    legalDays: a.legalDays + b.legalDays,
  };
}

/**
 * One metric row. Ratios are computed from the unrounded values and rounded once; a ratio whose
 * denominator is 0 is null (no step to judge), never 0.
 */
export function metricRow(key: string, totals: MetricTotals, officeDaySeconds: number): MetricRow {
  const { accepted, completed } = totals;
  const avgActual = ratio(totals.workingSeconds / officeDaySeconds, completed);
  const avgLegal = ratio(totals.legalDays, completed);
  return {
    key,
    accepted,
    completed,
    completionRate: rounded(ratio(completed, accepted), roundRate),
    earlyCompletionRate: rounded(ratio(totals.early, completed), roundRate),
    overdueRate: rounded(ratio(totals.lateCompleted + totals.openOverdue, accepted), roundRate),
    avgActualWorkingDays: rounded(avgActual, roundDays),
    avgCommittedDays: rounded(ratio(totals.committedDays, completed), roundDays),
    avgLegalDays: rounded(avgLegal, roundDays),
    speedupRate: avgActual === null || avgLegal === null || avgLegal === 0 ? null : roundRate(1 - avgActual / avgLegal),
  };
}
