// How the steps' decisions become the case's decision (并联审批 outcome rule).
//
// Every step approved → `approved`. Otherwise a matter's approval stands only when every matter
// it requires (its prerequisites in the catalogue, followed transitively) that is part of the
// same case was approved too: a 建设工程规划许可 cannot stand when the 用地预审 it builds on was
// rejected. Some approvals stand → `partiallyApproved` (the applicant receives those results);
// none → `denied`.
import type { CaseOutcome } from './charts/case-chart';

export type StepDecision = 'approved' | 'rejected';

export interface MatterDecision {
  matterCode: string;
  decision: StepDecision;
  /** Matter codes this matter builds on (catalogue `requires`). */
  requires?: readonly string[];
}

/** The approvals that stand: approved, with every in-case prerequisite standing too. */
export function standingApprovals(results: readonly MatterDecision[]): Set<string> {
  const inCase = new Set(results.map((result) => result.matterCode));
  const standing = new Set(results.filter((result) => result.decision === 'approved').map((result) => result.matterCode));
  for (let changed = true; changed;) {
    changed = false;
    for (const result of results) {
      if (!standing.has(result.matterCode)) continue;
      const fallen = (result.requires ?? []).some((code) => inCase.has(code) && !standing.has(code));
      if (fallen) {
        standing.delete(result.matterCode);
        changed = true;
      }
    }
  }
  return standing;
}

export function concludeCase(results: readonly MatterDecision[]): CaseOutcome {
  if (results.length === 0) throw new Error('a case needs at least one step decision');
  if (results.every((result) => result.decision === 'approved')) return 'approved';
  return standingApprovals(results).size > 0 ? 'partiallyApproved' : 'denied';
}

/** The rule cases started before dependencies keep: every step approved, or denied. */
export function concludeAllOrNothing(decisions: readonly StepDecision[]): CaseOutcome {
  if (decisions.length === 0) throw new Error('a case needs at least one step decision');
  return decisions.every((decision) => decision === 'approved') ? 'approved' : 'denied';
}

/**
 * The decisions the outcome rule weighs: the departments' step decisions plus the instant matters
 * (即办件), which the window approved at acceptance.
 */
export function withWindowApprovals(stepDecisions: readonly MatterDecision[], instant: readonly { code: string; requires?: readonly string[] }[]): MatterDecision[] {
  return [
    ...instant.map((matter) => ({ matterCode: matter.code, decision: 'approved' as const, requires: matter.requires ?? [] })),
    ...stepDecisions,
  ];
}
