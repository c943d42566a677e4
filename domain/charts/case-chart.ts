// The case (办件) chart. State names are the case status values (domain/types.ts CASE_STATUSES).
import { assign, setup } from 'xstate';
import { initialSnapshot, type ChartSnapshot } from './chart';

export interface CaseContext {
  supplementRounds: number;
}

export type CaseOutcome = 'approved' | 'partiallyApproved' | 'denied';

export type CaseEvent =
  | { type: 'ACCEPT' }
  | { type: 'REFUSE'; reason: string }
  | { type: 'REQUEST_SUPPLEMENT'; missing: { code: string; note?: string }[] }
  | { type: 'SUPPLEMENT_RECEIVED'; materials: { code: string }[] }
  | { type: 'WITHDRAW'; reason?: string }
  | { type: 'STEPS_DISPATCHED' }
  | { type: 'STEPS_CONCLUDED'; outcome: CaseOutcome }
  | { type: 'SUSPEND'; reason: string }
  | { type: 'RESUME' }
  | { type: 'DELIVER' };

export const CASE_EVENT_TYPES = [
  'ACCEPT', 'REFUSE', 'REQUEST_SUPPLEMENT', 'SUPPLEMENT_RECEIVED', 'WITHDRAW',
  'STEPS_DISPATCHED', 'STEPS_CONCLUDED', 'SUSPEND', 'RESUME', 'DELIVER',
] as const satisfies readonly CaseEvent['type'][];

// Fails to compile if an event type is added to CaseEvent but not to CASE_EVENT_TYPES.
const _allCaseEventsListed: [Exclude<CaseEvent['type'], (typeof CASE_EVENT_TYPES)[number]>] extends [never] ? true : never = true;

// Payloads arrive from signals/updates, so guards check shapes at runtime rather than trust the type.
const isNonBlank = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';
const concludedWith = (event: CaseEvent, outcome: CaseOutcome): boolean =>
  event.type === 'STEPS_CONCLUDED' && event.outcome === outcome;

export const caseChart = setup({
  types: {
    context: {} as CaseContext,
    events: {} as CaseEvent,
  },
  guards: {
    hasRefusalReason: ({ event }) => event.type === 'REFUSE' && isNonBlank(event.reason),
    hasMissingMaterials: ({ event }) =>
      event.type === 'REQUEST_SUPPLEMENT' && Array.isArray(event.missing) && event.missing.length > 0,
    concludedApproved: ({ event }) => concludedWith(event, 'approved'),
    concludedPartiallyApproved: ({ event }) => concludedWith(event, 'partiallyApproved'),
    concludedDenied: ({ event }) => concludedWith(event, 'denied'),
  },
  actions: {
    countSupplementRound: assign({ supplementRounds: ({ context }) => context.supplementRounds + 1 }),
  },
}).createMachine({
  id: 'case',
  initial: 'submitted',
  context: { supplementRounds: 0 },
  states: {
    submitted: {
      on: {
        ACCEPT: 'accepted',
        REFUSE: { target: 'refused', guard: 'hasRefusalReason' },
        REQUEST_SUPPLEMENT: { target: 'supplementRequested', guard: 'hasMissingMaterials', actions: 'countSupplementRound' },
        WITHDRAW: 'withdrawn',
      },
    },
    supplementRequested: {
      on: {
        SUPPLEMENT_RECEIVED: 'submitted',
        REFUSE: { target: 'refused', guard: 'hasRefusalReason' },
        WITHDRAW: 'withdrawn',
      },
    },
    accepted: {
      on: {
        STEPS_DISPATCHED: 'inReview',
        WITHDRAW: 'withdrawn',
      },
    },
    // Tag `reviewing`: the departments' steps are live (inboxes show them).
    inReview: {
      tags: ['reviewing'],
      on: {
        STEPS_CONCLUDED: [
          { target: 'approved', guard: 'concludedApproved' },
          { target: 'partiallyApproved', guard: 'concludedPartiallyApproved' },
          { target: 'denied', guard: 'concludedDenied' },
        ],
        SUSPEND: 'suspended',
        WITHDRAW: 'withdrawn',
      },
    },
    suspended: {
      tags: ['reviewing'],
      on: {
        RESUME: 'inReview',
        WITHDRAW: 'withdrawn',
      },
    },
    approved: { on: { DELIVER: 'delivered' } },
    partiallyApproved: { on: { DELIVER: 'delivered' } },
    denied: { on: { DELIVER: 'delivered' } },
    delivered: { type: 'final' },
    refused: { type: 'final' },
    withdrawn: { type: 'final' },
  },
});

export function caseInitialSnapshot(): ChartSnapshot<CaseContext> {
  return initialSnapshot<CaseContext>(caseChart);
}
