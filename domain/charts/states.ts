// State lists derived from a chart, for read-model filters ("open steps") that must agree with
// the chart rather than with a hand-written list of status strings.
import type { AnyStateMachine } from 'xstate';
import { caseChart } from './case-chart';
import { stepChart } from './step-chart';

export function nonFinalStates(machine: AnyStateMachine): string[] {
  return Object.values(machine.root.states)
    .filter((node) => node.type !== 'final')
    .map((node) => node.key);
}

/** Steps a department still has to work on. */
export const OPEN_STEP_STATUSES = nonFinalStates(stepChart);
/** Steps the department decided (办结): approved or rejected. */
export const DECIDED_STEP_STATUSES = Object.values(stepChart.root.states).filter((node) => node.type === 'final').map((node) => node.key);
export function statesTagged(machine: AnyStateMachine, tag: string): string[] {
  return Object.values(machine.root.states)
    .filter((node) => node.tags.includes(tag))
    .map((node) => node.key);
}

/** Cases whose steps are live: dispatched and not yet concluded. */
export const CASE_STATUSES_UNDER_REVIEW = statesTagged(caseChart, 'reviewing');

/** States an event leads to from anywhere in the chart (guards ignored). */
export function statesReachedBy(machine: AnyStateMachine, eventType: string): string[] {
  const targets = Object.values(machine.root.states).flatMap((node) =>
    (node.transitions.get(eventType) ?? []).flatMap((transition) => (transition.target ?? []).map((target) => target.key)));
  return [...new Set(targets)].sort();
}

/** Cases whose results were handed over (统一出件): the applicant may rate them (好差评). */
export const DELIVERED_CASE_STATUSES = statesReachedBy(caseChart, 'DELIVER');

/** Cases the applicant withdrew: their undecided steps leave the figures and the board. */
export const WITHDRAWN_CASE_STATUSES = statesReachedBy(caseChart, 'WITHDRAW');
