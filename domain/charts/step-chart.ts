// The step (审批环节) chart: one department's review of one matter. State names are the step
// status values (domain/types.ts STEP_STATUSES).
import { assign, setup } from 'xstate';
import {
  completesPanel, isPanel, mayDecide, withAddedSigners, type ApprovalPanel, type Signature, type SignerPosition,
} from '../approval-panel';
import { initialSnapshot, type ChartSnapshot } from './chart';

export interface StepAssignee {
  id: number;
  username: string;
}

export interface ApprovalCommitment {
  /** What the applicant committed to. */
  items: string;
  /** Working days the department has for the post-approval check (事后核查). */
  checkWorkingDays: number;
}

export interface StepContext {
  assignee: StepAssignee | null;
  /** Pauses (特别程序) may overlap; the clock restarts only when the last one ends. */
  openPauses: number;
  /** 会签 / 或签 / 依次 panel; absent on single-assignee steps (and on steps started before panels). */
  panel?: ApprovalPanel;
  /** Members' approvals so far, while the panel has not decided. Present with `panel`. */
  signatures?: Signature[];
  /** 委派: the reviewer the assignee delegated to; no decision until they hand the step back. */
  delegation?: { delegate: StepAssignee; reason: string } | null;
  /** 退回 to the window: one of the open pauses is the window's 补正; only the supplement closes it. */
  awaitingWindow?: boolean;
}

/** A material the department found missing during review. */
export interface MissingMaterial {
  code: string;
  name?: string;
  note?: string;
  /** Arose after an earlier 退回 (一次告知 is not breached by it). */
  newlyArising?: boolean;
}

export type StepEvent =
  | { type: 'CLAIM'; assignee: StepAssignee }
  | { type: 'START_REVIEW' }
  /** `commitment`: approved under 告知承诺制; the department owes a check by the deadline. */
  /** `by`: who decides; on a panel step it must be a member whose decision the panel awaits. */
  | { type: 'APPROVE'; opinion: string; commitment?: ApprovalCommitment; by?: StepAssignee }
  | { type: 'REJECT'; reason: string; legalBasis: string; by?: StepAssignee }
  | { type: 'SUSPEND'; kind: string; reason: string }
  | { type: 'RESUME' }
  /** 延期 (§42), approved by the leader; `allowanceDays` is what the statutory bound still allows. */
  | { type: 'EXTEND'; workingDays: number; reason: string; allowanceDays: number }
  /** 转办: hand the step to another reviewer of the same department. */
  | { type: 'TRANSFER'; to: StepAssignee; reason: string }
  /** 退回签收: the assignee gives the step back; it is unclaimed and in the department inbox again. */
  | { type: 'RELEASE'; reason?: string }
  /** 委派: another reviewer of the department reviews for the assignee and hands the step back. */
  | { type: 'DELEGATE'; to: StepAssignee; reason: string }
  /** The delegate hands the step back with their opinion; the assignee decides. */
  | { type: 'RETURN_DELEGATION'; by: StepAssignee; opinion: string }
  /** 加签: more members sign, before, after or beside the one awaited (see withAddedSigners). */
  | { type: 'ADD_SIGNERS'; position: SignerPosition; usernames: string[]; reason: string }
  /** 退回 to the previous signer of a 依次 panel: their signature is withdrawn and they sign again. */
  | { type: 'SEND_BACK'; to: 'previous'; reason: string }
  /** 退回 to the window: the clock stops (补正) until the applicant supplies every listed material. */
  | { type: 'SEND_BACK'; to: 'window'; reason: string; missing: MissingMaterial[] }
  /** The window received the supplement: the window's pause ends. */
  | { type: 'SUPPLEMENTED'; materials: { code: string }[] };

export const STEP_EVENT_TYPES = [
  'CLAIM', 'START_REVIEW', 'APPROVE', 'REJECT', 'SUSPEND', 'RESUME', 'EXTEND', 'TRANSFER', 'RELEASE', 'DELEGATE', 'RETURN_DELEGATION',
  'ADD_SIGNERS', 'SEND_BACK', 'SUPPLEMENTED',
] as const satisfies readonly StepEvent['type'][];

// Fails to compile if an event type is added to StepEvent but not to STEP_EVENT_TYPES.
const _allStepEventsListed: [Exclude<StepEvent['type'], (typeof STEP_EVENT_TYPES)[number]>] extends [never] ? true : never = true;

const isNonBlank = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';
/** Pauses the department opened itself (special procedures), beside the window's 补正. */
const reviewerPauses = (context: StepContext): number => context.openPauses - (context.awaitingWindow ? 1 : 0);

// Shared by `claimed` and `inReview`: the decision and the pause are available from both. On a
// panel step an approval that does not yet decide the panel records a signature and stays: a
// targetless transition, counted by `can` because it has an action. A member the panel does not
// await (not a member, already signed, or out of turn in 依次) is refused by the guards: the API
// answers 409 with the allowed events, like any other illegal action.
const decide = {
  APPROVE: [
    { target: 'approved', guard: 'completesStep', actions: 'recordSignature' },
    { guard: 'addsSignature', actions: 'recordSignature' },
  ],
  REJECT: { target: 'rejected', guard: 'hasRejectionGrounds' },
  SUSPEND: { target: 'suspended', actions: 'openFirstPause' },
} as const;
// A targetless transition without actions does not count as possible for `can`, so an extension
// re-enters its own state.
const extendIn = <S extends string>(state: S) => ({ EXTEND: { target: state, guard: 'withinExtensionBound' } }) as const;
// 退回签收 from a claimed step or one under review; a paused step is resumed first.
const release = { RELEASE: { target: 'pending', guard: 'notDelegated', actions: 'clearAssignee' } } as const;
// 委派, 加签 and 退回 to the previous signer keep the state: each has an action, so `can` counts it.
const reviewerMoves = {
  DELEGATE: { guard: 'hasDelegate', actions: 'openDelegation' },
  RETURN_DELEGATION: { guard: 'isDelegateHandingBack', actions: 'closeDelegation' },
  ADD_SIGNERS: { guard: 'addsSigners', actions: 'addSigners' },
  SEND_BACK: [
    { guard: 'sendsBackToPrevious', actions: 'withdrawLastSignature' },
    { target: 'suspended', guard: 'sendsBackToWindow', actions: 'openWindowPause' },
  ],
} as const;
const transferIn = <S extends string>(state: S) => ({ TRANSFER: { target: state, guard: 'hasTransferee', actions: 'transferAssignee' } }) as const;

export const stepChart = setup({
  types: {
    context: {} as StepContext,
    events: {} as StepEvent,
  },
  guards: {
    hasRejectionGrounds: ({ context, event }) =>
      event.type === 'REJECT' && !context.delegation && isNonBlank(event.reason) && isNonBlank(event.legalBasis)
      && (!isPanel(context.panel) || mayDecide(context.panel, context.signatures ?? [], event.by?.username)),
    // Without a panel the one assignee's approval decides, as before panels existed.
    completesStep: ({ context, event }) =>
      event.type === 'APPROVE' && !context.delegation
      && (!isPanel(context.panel) || (isNonBlank(event.opinion) && completesPanel(context.panel, context.signatures ?? [], event.by?.username))),
    addsSignature: ({ context, event }) =>
      event.type === 'APPROVE' && !context.delegation && isPanel(context.panel) && isNonBlank(event.opinion)
      && mayDecide(context.panel, context.signatures ?? [], event.by?.username),
    hasOtherOpenPauses: ({ context }) => context.openPauses > 1,
    // RESUME ends one of the department's own pauses, never the window's.
    endsOneOfSeveral: ({ context }) => reviewerPauses(context) >= 1 && context.openPauses > 1,
    endsTheLast: ({ context }) => reviewerPauses(context) === 1 && context.openPauses === 1,
    sendsBackToWindow: ({ context, event }) =>
      event.type === 'SEND_BACK' && event.to === 'window' && !context.awaitingWindow && isNonBlank(event.reason)
      && Array.isArray(event.missing) && event.missing.length > 0 && event.missing.every((item) => isNonBlank(item?.code)),
    isAwaitingWindowBesideOthers: ({ context, event }) =>
      event.type === 'SUPPLEMENTED' && context.awaitingWindow === true && Array.isArray(event.materials) && context.openPauses > 1,
    isAwaitingWindow: ({ context, event }) => event.type === 'SUPPLEMENTED' && context.awaitingWindow === true && Array.isArray(event.materials),
    notDelegated: ({ context }) => !context.delegation,
    hasDelegate: ({ context, event }) =>
      event.type === 'DELEGATE' && !context.delegation && Number.isInteger(event.to?.id) && isNonBlank(event.to?.username)
      && isNonBlank(event.reason) && event.to.id !== context.assignee?.id,
    isDelegateHandingBack: ({ context, event }) =>
      event.type === 'RETURN_DELEGATION' && context.delegation != null && event.by?.id === context.delegation.delegate.id && isNonBlank(event.opinion),
    addsSigners: ({ context, event }) =>
      event.type === 'ADD_SIGNERS' && isNonBlank(event.reason)
      && withAddedSigners(context.panel, context.signatures ?? [], context.assignee?.username, event.position, event.usernames) !== null,
    sendsBackToPrevious: ({ context, event }) =>
      event.type === 'SEND_BACK' && event.to === 'previous' && isNonBlank(event.reason)
      && isPanel(context.panel) && context.panel.mode === 'sequential' && (context.signatures ?? []).length > 0,
    hasTransferee: ({ context, event }) =>
      event.type === 'TRANSFER' && Number.isInteger(event.to?.id) && isNonBlank(event.to?.username) && isNonBlank(event.reason)
      && event.to.id !== context.assignee?.id,
    withinExtensionBound: ({ event }) =>
      event.type === 'EXTEND' && Number.isInteger(event.workingDays) && event.workingDays > 0
      && event.workingDays <= event.allowanceDays && isNonBlank(event.reason),
  },
  actions: {
    // Copy only the two fields so the stored snapshot never carries extra payload.
    setAssignee: assign({
      assignee: ({ event }) => (event.type === 'CLAIM' ? { id: event.assignee.id, username: event.assignee.username } : null),
    }),
    clearAssignee: assign({ assignee: null }),
    openDelegation: assign({
      delegation: ({ context, event }) => (event.type === 'DELEGATE' ? { delegate: { id: event.to.id, username: event.to.username }, reason: event.reason } : context.delegation ?? null),
    }),
    closeDelegation: assign({ delegation: null }),
    addSigners: assign(({ context, event }) => {
      if (event.type !== 'ADD_SIGNERS') return {};
      const panel = withAddedSigners(context.panel, context.signatures ?? [], context.assignee?.username, event.position, event.usernames)!;
      return { panel, signatures: context.signatures ?? [] };
    }),
    openWindowPause: assign({ openPauses: ({ context }) => context.openPauses + 1, awaitingWindow: true }),
    closeWindowPause: assign({ openPauses: ({ context }) => context.openPauses - 1, awaitingWindow: false }),
    withdrawLastSignature: assign({ signatures: ({ context }) => (context.signatures ?? []).slice(0, -1) }),
    transferAssignee: assign({
      assignee: ({ context, event }) => (event.type === 'TRANSFER' ? { id: event.to.id, username: event.to.username } : context.assignee),
    }),
    // Only panel steps keep signatures, so a single-assignee context keeps its two fields.
    recordSignature: assign(({ context, event }) => (isPanel(context.panel) && event.type === 'APPROVE' && event.by
      ? { signatures: [...(context.signatures ?? []), { username: event.by.username, opinion: event.opinion }] }
      : {})),
    openFirstPause: assign({ openPauses: 1 }),
    openAnotherPause: assign({ openPauses: ({ context }) => context.openPauses + 1 }),
    closeOnePause: assign({ openPauses: ({ context }) => context.openPauses - 1 }),
    closeLastPause: assign({ openPauses: 0 }),
  },
}).createMachine({
  id: 'step',
  initial: 'pending',
  context: { assignee: null, openPauses: 0 },
  states: {
    pending: {
      on: { CLAIM: { target: 'claimed', actions: 'setAssignee' } },
    },
    claimed: {
      on: { START_REVIEW: 'inReview', ...decide, ...extendIn('claimed'), ...transferIn('claimed'), ...release, ...reviewerMoves },
    },
    inReview: {
      on: { ...decide, ...extendIn('inReview'), ...transferIn('inReview'), ...release, ...reviewerMoves },
    },
    suspended: {
      on: {
        SUSPEND: { actions: 'openAnotherPause' },
        ...extendIn('suspended'),
        // A delegate may hand back while the clock is paused.
        RETURN_DELEGATION: reviewerMoves.RETURN_DELEGATION,
        RESUME: [
          { guard: 'endsOneOfSeveral', actions: 'closeOnePause' },
          { target: 'inReview', guard: 'endsTheLast', actions: 'closeLastPause' },
        ],
        // A reviewer may also send back to the window while a special procedure runs.
        SEND_BACK: { guard: 'sendsBackToWindow', actions: 'openWindowPause' },
        SUPPLEMENTED: [
          { guard: 'isAwaitingWindowBesideOthers', actions: 'closeWindowPause' },
          { target: 'inReview', guard: 'isAwaitingWindow', actions: 'closeWindowPause' },
        ],
      },
    },
    approved: { type: 'final' },
    rejected: { type: 'final' },
  },
});

/** Without a panel (or with mode `single`) the snapshot is the one steps always started from. */
export function stepInitialSnapshot(panel?: ApprovalPanel | null): ChartSnapshot<StepContext> {
  const snapshot = initialSnapshot<StepContext>(stepChart);
  if (!isPanel(panel)) return snapshot;
  return { ...snapshot, context: { ...snapshot.context, panel: { mode: panel.mode, approvers: [...panel.approvers] }, signatures: [] } };
}
