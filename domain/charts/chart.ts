// Pure helpers over XState v5 machines for use inside Temporal workflows. No actor is ever
// started: snapshots are stored as plain `{ value, context }` JSON in workflow state and
// rehydrated with `machine.resolveState` on every call.
import { getNextTransitions, initialTransition, transition, type AnyMachineSnapshot, type AnyStateMachine, type AnyEventObject } from 'xstate';
import type { IllegalTransitionDetails } from '../errors';
import { describeRules, SYSTEM_EVENTS } from './rules';

export interface ChartSnapshot<C> {
  value: string;
  context: C;
}

export class IllegalTransitionError extends Error implements IllegalTransitionDetails {
  override readonly name = 'IllegalTransitionError';
  readonly state: string;
  readonly event: string;
  readonly allowed: string[];
  readonly rules?: string[];

  constructor(details: IllegalTransitionDetails) {
    super(refusalMessage(details));
    this.state = details.state;
    this.event = details.event;
    this.allowed = details.allowed;
    if (details.rules) this.rules = details.rules;
  }
}

function resolve<C>(machine: AnyStateMachine, snap: ChartSnapshot<C>): AnyMachineSnapshot {
  return machine.resolveState({ value: snap.value, context: snap.context });
}

function toChartSnapshot<C>(snapshot: AnyMachineSnapshot): ChartSnapshot<C> {
  // The charts are flat; a nested value would not fit the stored `value: string`.
  if (typeof snapshot.value !== 'string') {
    throw new Error(`chart ${snapshot.machine.id} produced a non-flat state value`);
  }
  return { value: snapshot.value, context: snapshot.context as C };
}

export function initialSnapshot<C>(machine: AnyStateMachine, input?: unknown): ChartSnapshot<C> {
  const [snapshot] = initialTransition(machine, input);
  return toChartSnapshot<C>(snapshot);
}

export function canApply<C>(machine: AnyStateMachine, snap: ChartSnapshot<C>, event: AnyEventObject): boolean {
  return resolve(machine, snap).can(event);
}

/** True once the chart sits in a final state: no event will ever be accepted again. */
export function isFinal<C>(machine: AnyStateMachine, snap: ChartSnapshot<C>): boolean {
  return resolve(machine, snap).status === 'done';
}

/**
 * Event types declared on the current state, guards ignored, that a person can send: what a client
 * may try next. Events only the system sends (SYSTEM_EVENTS) are never offered.
 */
export function allowedEvents<C>(machine: AnyStateMachine, snap: ChartSnapshot<C>): string[] {
  const system = SYSTEM_EVENTS[machine.id] ?? [];
  const types = getNextTransitions(resolve(machine, snap))
    .map((t) => t.eventType)
    .filter((type) => type !== '' && !type.startsWith('xstate.') && !system.includes(type));
  return [...new Set(types)].sort();
}

/**
 * The guards on the current state's transitions for this event type: the rules that refused it
 * when it is declared here and still cannot be taken. Empty when the state does not declare it.
 */
export function refusingGuards<C>(machine: AnyStateMachine, snap: ChartSnapshot<C>, eventType: string): string[] {
  const guards = getNextTransitions(resolve(machine, snap))
    .filter((t) => t.eventType === eventType)
    .map((t) => (typeof t.guard === 'string' ? t.guard : (t.guard as { type?: unknown } | undefined)?.type))
    .filter((guard): guard is string => typeof guard === 'string');
  return [...new Set(guards)];
}

export function applyEvent<C>(machine: AnyStateMachine, snap: ChartSnapshot<C>, event: AnyEventObject): ChartSnapshot<C> {
  const current = resolve(machine, snap);
  if (!current.can(event)) throw new IllegalTransitionError(refusal(machine, snap, event.type));
  const [next] = transition(machine, current, event);
  return toChartSnapshot<C>(next);
}

/**
 * Why an event cannot be taken now: the rules (guards) that refused it, or that the state does
 * not take it at all; `allowed` then offers what a person may send instead (never the refused
 * event itself).
 */
export function refusal<C>(machine: AnyStateMachine, snap: ChartSnapshot<C>, eventType: string): IllegalTransitionDetails {
  const guards = refusingGuards(machine, snap, eventType);
  return {
    state: snap.value,
    event: eventType,
    allowed: allowedEvents(machine, snap).filter((type) => type !== eventType),
    ...(guards.length > 0 ? { rules: guards } : {}),
  };
}

/** The refusal in words: the rule that refused it, or that the state does not take it. */
export function refusalMessage({ state, event, rules }: IllegalTransitionDetails): string {
  if (rules && rules.length > 0) return `${event} 不符合规则（${rules.join('、')}）：${describeRules(rules)}`;
  return `${event} 在当前状态（${state}）不可办理`;
}
