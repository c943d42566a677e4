// The case (办件) chart. State names are the case status values (domain/types.ts CASE_STATUSES).
import { assign, setup } from 'xstate';
import { initialSnapshot, type ChartSnapshot } from './chart';

export interface CaseContext {
  supplementRounds: number;
  /** 容缺受理: codes of the materials still owed after acceptance. */
  owed: string[];
  /** The supplement deadline passed with materials still owed (容缺 lapsed). */
  lapsed: boolean;
}

export type CaseOutcome = 'approved' | 'partiallyApproved' | 'denied';

/** One material accepted as missing (容缺), owed by the applicant. */
export interface OwedMaterial {
  code: string;
  name?: string;
  note?: string;
}

export type CaseEvent =
  | { type: 'ACCEPT' }
  /** §32: the window neither accepted, refused nor asked for materials in time; accepted by law. */
  | { type: 'DEEMED_ACCEPTED'; deadline: string }
  | { type: 'ACCEPT_WITH_DEFICIENCY'; owed: OwedMaterial[]; workingDays: number }
  | { type: 'REFUSE'; reason: string }
  | { type: 'REQUEST_SUPPLEMENT'; missing: { code: string; note?: string }[] }
  | { type: 'SUPPLEMENT_RECEIVED'; materials: { code: string }[] }
  | { type: 'WITHDRAW'; reason?: string }
  | { type: 'DECIDED_AT_WINDOW'; matterCodes: string[] }
  | { type: 'STEPS_DISPATCHED' }
  | { type: 'STEPS_CONCLUDED'; outcome: CaseOutcome }
  | { type: 'SUSPEND'; reason: string }
  | { type: 'TOLERANCE_LAPSED'; owed: string[]; dueAt: string }
  | { type: 'RESUME' }
  | { type: 'DELIVER' };

export const CASE_EVENT_TYPES = [
  'ACCEPT', 'DEEMED_ACCEPTED', 'ACCEPT_WITH_DEFICIENCY', 'REFUSE', 'REQUEST_SUPPLEMENT', 'SUPPLEMENT_RECEIVED', 'WITHDRAW',
  'DECIDED_AT_WINDOW', 'STEPS_DISPATCHED', 'STEPS_CONCLUDED', 'SUSPEND', 'TOLERANCE_LAPSED', 'RESUME', 'DELIVER',
] as const satisfies readonly CaseEvent['type'][];

// Fails to compile if an event type is added to CaseEvent but not to CASE_EVENT_TYPES.
const _allCaseEventsListed: [Exclude<CaseEvent['type'], (typeof CASE_EVENT_TYPES)[number]>] extends [never] ? true : never = true;

// Payloads arrive from signals/updates, so guards check shapes at runtime rather than trust the type.
const isNonBlank = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';
const isNonEmptyList = (value: unknown): value is unknown[] => Array.isArray(value) && value.length > 0;
const concludedWith = (event: CaseEvent, outcome: CaseOutcome): boolean =>
  event.type === 'STEPS_CONCLUDED' && event.outcome === outcome;
/** The material codes an event hands in. */
const handedIn = (event: CaseEvent): string[] =>
  event.type === 'SUPPLEMENT_RECEIVED' && Array.isArray(event.materials) ? event.materials.map((material) => material?.code) : [];
const paysOwed = (context: CaseContext, event: CaseEvent): boolean =>
  handedIn(event).some((code) => context.owed.includes(code));
const settlesOwed = (context: CaseContext, event: CaseEvent): boolean =>
  context.owed.length > 0 && context.owed.every((code) => handedIn(event).includes(code));

/** A supplement after acceptance: clears the owed materials it hands in (容缺 补齐). */
const supplementWhileOwing = { guard: 'paysOwed', actions: 'settleOwed' } as const;
/** Deadline passed in a concluded state: recorded (delivery waits for the materials), no move. */
const lapseRecorded = { guard: 'owesMaterials', actions: 'markLapsed' } as const;
/** 统一出件 only once nothing is owed. */
const deliver = { target: 'delivered', guard: 'nothingOwed' } as const;

export const caseChart = setup({
  types: {
    context: {} as CaseContext,
    events: {} as CaseEvent,
  },
  guards: {
    hasRefusalReason: ({ event }) => event.type === 'REFUSE' && isNonBlank(event.reason),
    hasMissingMaterials: ({ event }) => event.type === 'REQUEST_SUPPLEMENT' && isNonEmptyList(event.missing),
    hasOwedMaterials: ({ event }) =>
      event.type === 'ACCEPT_WITH_DEFICIENCY' && isNonEmptyList(event.owed)
      && event.owed.every((item) => isNonBlank((item as OwedMaterial | undefined)?.code)),
    hasWindowMatters: ({ event }) => event.type === 'DECIDED_AT_WINDOW' && isNonEmptyList(event.matterCodes),
    concludedApproved: ({ event }) => concludedWith(event, 'approved'),
    concludedPartiallyApproved: ({ event }) => concludedWith(event, 'partiallyApproved'),
    concludedDenied: ({ event }) => concludedWith(event, 'denied'),
    owesMaterials: ({ context }) => context.owed.length > 0,
    nothingOwed: ({ context }) => context.owed.length === 0,
    paysOwed: ({ context, event }) => paysOwed(context, event),
    settlesLapse: ({ context, event }) => context.lapsed && settlesOwed(context, event),
  },
  actions: {
    countSupplementRound: assign({ supplementRounds: ({ context }) => context.supplementRounds + 1 }),
    recordOwed: assign({
      owed: ({ event }) => (event.type === 'ACCEPT_WITH_DEFICIENCY' ? [...new Set(event.owed.map((item) => item.code))] : []),
    }),
    settleOwed: assign({ owed: ({ context, event }) => context.owed.filter((code) => !handedIn(event).includes(code)) }),
    markLapsed: assign({ lapsed: true }),
    clearLapse: assign({ lapsed: false }),
  },
}).createMachine({
  id: 'case',
  initial: 'submitted',
  context: { supplementRounds: 0, owed: [], lapsed: false },
  states: {
    submitted: {
      on: {
        ACCEPT: 'accepted',
        DEEMED_ACCEPTED: 'accepted',
        // 容缺受理: accepted with non-core materials owed; a supplement deadline runs.
        ACCEPT_WITH_DEFICIENCY: { target: 'accepted', guard: 'hasOwedMaterials', actions: 'recordOwed' },
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
        // 即办件: every matter is instant, so the clerk concludes the case at the window.
        DECIDED_AT_WINDOW: { target: 'approved', guard: 'hasWindowMatters' },
        SUPPLEMENT_RECEIVED: supplementWhileOwing,
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
        SUPPLEMENT_RECEIVED: supplementWhileOwing,
        SUSPEND: 'suspended',
        // 容缺 deadline passed with materials still owed: the case stops until they arrive.
        TOLERANCE_LAPSED: { target: 'suspended', guard: 'owesMaterials', actions: 'markLapsed' },
        WITHDRAW: 'withdrawn',
      },
    },
    suspended: {
      tags: ['reviewing'],
      on: {
        RESUME: 'inReview',
        SUPPLEMENT_RECEIVED: [
          // The last owed material of a lapsed 容缺 resumes the case.
          { target: 'inReview', guard: 'settlesLapse', actions: ['settleOwed', 'clearLapse'] },
          supplementWhileOwing,
        ],
        WITHDRAW: 'withdrawn',
      },
    },
    approved: { on: { DELIVER: deliver, SUPPLEMENT_RECEIVED: supplementWhileOwing, TOLERANCE_LAPSED: lapseRecorded } },
    partiallyApproved: { on: { DELIVER: deliver, SUPPLEMENT_RECEIVED: supplementWhileOwing, TOLERANCE_LAPSED: lapseRecorded } },
    denied: { on: { DELIVER: deliver, SUPPLEMENT_RECEIVED: supplementWhileOwing, TOLERANCE_LAPSED: lapseRecorded } },
    delivered: { type: 'final' },
    refused: { type: 'final' },
    withdrawn: { type: 'final' },
  },
});

export function caseInitialSnapshot(): ChartSnapshot<CaseContext> {
  return initialSnapshot<CaseContext>(caseChart);
}
