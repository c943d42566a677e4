// A workflow's chart snapshot plus the bookkeeping every transition needs: a version for the
// idempotent projection and the timeline entries it produced. The chart decides legality; this
// class turns a refusal into the typed failure the API maps to 409.
import { ApplicationFailure } from '@temporalio/workflow';
import type { AnyStateMachine } from 'xstate';
import { allowedEvents, applyEvent, canApply, isFinal, refusal, refusalMessage, type ChartSnapshot } from '../domain/charts/chart';
import { ErrorCode, type IllegalTransitionDetails } from '../domain/errors';
import type { Actor, TimelineEntry } from '../domain/types';

export interface ChartEvent {
  type: string;
}

export class ChartedState<C, E extends ChartEvent> {
  private seq = 0;
  version = 0;

  constructor(
    private readonly machine: AnyStateMachine,
    private snapshot: ChartSnapshot<C>,
    private readonly stepId?: string,
    /** Counters handed over by continue-as-new, so entries keep their order across runs. */
    carried?: { seq: number; version: number },
  ) {
    if (carried) {
      this.seq = carried.seq;
      this.version = carried.version;
    }
  }

  /** What a following run needs to resume exactly here. */
  carryOver(): { snapshot: ChartSnapshot<C>; seq: number; version: number } {
    return { snapshot: this.snapshot, seq: this.seq, version: this.version };
  }

  get status(): string {
    return this.snapshot.value;
  }

  get context(): C {
    return this.snapshot.context;
  }

  get done(): boolean {
    return isFinal(this.machine, this.snapshot);
  }

  can(event: E): boolean {
    return canApply(this.machine, this.snapshot, event);
  }

  allowed(): string[] {
    return allowedEvents(this.machine, this.snapshot);
  }

  /** For update validators: throws the failure that becomes a 409 with the allowed events. */
  assertCan(event: E): void {
    if (this.can(event)) return;
    const details: IllegalTransitionDetails = refusal(this.machine, this.snapshot, event.type);
    throw ApplicationFailure.create({
      type: ErrorCode.IllegalTransition,
      message: refusalMessage(details),
      details: [details],
      nonRetryable: true,
    });
  }

  /** Applies a legal event and records who did it; returns the timeline entry it produced. */
  apply(event: E, actor: Actor | null, detail?: Record<string, unknown>): TimelineEntry {
    this.assertCan(event);
    const fromState = this.status;
    this.snapshot = applyEvent(this.machine, this.snapshot, event);
    this.version += 1;
    this.seq += 1;
    return {
      seq: this.seq,
      at: new Date().toISOString(),
      action: event.type,
      fromState,
      toState: this.status,
      actor,
      ...(this.stepId ? { stepId: this.stepId } : {}),
      ...(detail ? { detail } : {}),
    };
  }

  /** A timeline entry that records a fact without a transition (e.g. registration). */
  note(action: string, actor: Actor | null, detail?: Record<string, unknown>): TimelineEntry {
    this.version += 1;
    this.seq += 1;
    return {
      seq: this.seq,
      at: new Date().toISOString(),
      action,
      fromState: null,
      toState: this.status,
      actor,
      ...(this.stepId ? { stepId: this.stepId } : {}),
      ...(detail ? { detail } : {}),
    };
  }
}

/** An event's payload without its type, for the timeline. */
export function eventDetail(event: ChartEvent): Record<string, unknown> | undefined {
  const { type: _type, ...rest } = event as ChartEvent & Record<string, unknown>;
  return Object.keys(rest).length > 0 ? rest : undefined;
}
