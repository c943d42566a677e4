// How the steps' decisions become the case's decision (并联审批 outcome rule).
// Every matter of a joint application is needed for the project to proceed, so the case is
// approved only when every step approved it; any rejection denies the case.
import type { CaseOutcome } from './charts/case-chart';

export type StepDecision = 'approved' | 'rejected';

export function concludeCase(decisions: StepDecision[]): CaseOutcome {
  if (decisions.length === 0) throw new Error('a case needs at least one step decision');
  return decisions.every((decision) => decision === 'approved') ? 'approved' : 'denied';
}
