// Pure helpers over XState v5 machines for use inside Temporal workflows. No actor is ever
// started: snapshots are stored as plain `{ value, context }` JSON in workflow state and
// rehydrated with `machine.resolveState` on every call.
import { getNextTransitions, initialTransition, transition, type AnyMachineSnapshot, type AnyStateMachine, type AnyEventObject } from 'xstate';
import type { IllegalTransitionDetails } from '../errors';

export interface ChartSnapshot<C> {
  value: string;
  context: C;
}

export class IllegalTransitionError extends Error implements IllegalTransitionDetails {
  override readonly name = 'IllegalTransitionError';
  readonly state: string;
  readonly event: string;
  readonly allowed: string[];

  constructor(details: IllegalTransitionDetails) {
    super(`event ${details.event} is not allowed in state ${details.state} (allowed: ${details.allowed.join(', ') || 'none'})`);
    this.state = details.state;
    this.event = details.event;
    this.allowed = details.allowed;
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

/** Event types declared on the current state, guards ignored: what a client may try next. */
export function allowedEvents<C>(machine: AnyStateMachine, snap: ChartSnapshot<C>): string[] {
  const types = getNextTransitions(resolve(machine, snap))
    .map((t) => t.eventType)
    .filter((type) => type !== '' && !type.startsWith('xstate.'));
  return [...new Set(types)].sort();
}

export function applyEvent<C>(machine: AnyStateMachine, snap: ChartSnapshot<C>, event: AnyEventObject): ChartSnapshot<C> {
  const current = resolve(machine, snap);
  if (!current.can(event)) {
    throw new IllegalTransitionError({ state: snap.value, event: event.type, allowed: allowedEvents(machine, snap) });
  }
  const [next] = transition(machine, current, event);
  return toChartSnapshot<C>(next);
}
