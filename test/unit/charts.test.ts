import { expect } from 'chai';
import type { AnyEventObject, AnyStateMachine } from 'xstate';
import {
  CASE_EVENT_TYPES, STEP_EVENT_TYPES, IllegalTransitionError, allowedEvents, applyEvent, canApply, caseChart,
  caseInitialSnapshot, isFinal, stepChart, stepInitialSnapshot,
  type CaseContext, type CaseEvent, type ChartSnapshot, type StepContext, type StepEvent,
} from '../../domain/charts';
import { CASE_STATUSES, STEP_STATUSES, type CaseStatus, type StepStatus } from '../../domain/types';

/** What the chart should do: the target state and, where it changes, the new context. */
interface Expected<S, C> {
  to: S;
  context?: C;
  /** The context the state starts from, where the event's guard needs one (default: the table's). */
  from?: C;
  /** The event, where the state needs another payload than the sample's. */
  event?: AnyEventObject;
}

/** Events only the system sends, by chart: a refusal never offers them. */
const SYSTEM_ONLY: Record<string, string[]> = {
  case: ['DEEMED_ACCEPTED', 'DECIDED_AT_WINDOW', 'STEPS_DISPATCHED', 'STEPS_CONCLUDED', 'SUSPEND', 'TOLERANCE_LAPSED', 'RESUME'],
  project: ['STAGE_CONCLUDED'],
};

/**
 * The event is refused. `declared` are the events the state takes: a person is offered those a
 * person can send, less the refused one; an event the state takes is refused by a named rule.
 */
function expectIllegal<C>(machine: AnyStateMachine, snap: ChartSnapshot<C>, event: AnyEventObject, declared: string[]): void {
  const sendable = declared.filter((type) => !(SYSTEM_ONLY[machine.id] ?? []).includes(type));
  const byRule = declared.includes(event.type);
  const allowed = sendable.filter((type) => type !== event.type);
  expect(canApply(machine, snap, event)).to.equal(false);
  expect(allowedEvents(machine, snap)).to.deep.equal(sendable);
  let thrown: unknown;
  try {
    applyEvent(machine, snap, event);
  } catch (err) {
    thrown = err;
  }
  expect(thrown).to.be.instanceOf(IllegalTransitionError);
  const error = thrown as IllegalTransitionError;
  expect(error.state).to.equal(snap.value);
  expect(error.event).to.equal(event.type);
  expect(error.allowed).to.deep.equal(allowed);
  if (byRule) {
    expect(error.rules, 'the refusing rule is named').to.have.length.above(0);
    expect(error.message).to.match(/不符合规则/);
  } else {
    expect(error.rules).to.equal(undefined);
    expect(error.message).to.equal(`${event.type} 在当前状态（${snap.value}）不可办理`);
  }
}

function expectApplied<C>(machine: AnyStateMachine, snap: ChartSnapshot<C>, event: AnyEventObject, to: string, context: C): ChartSnapshot<C> {
  const before = JSON.stringify(snap);
  expect(canApply(machine, snap, event)).to.equal(true);
  const next = applyEvent(machine, snap, event);
  expect(next).to.deep.equal({ value: to, context });
  expect(JSON.stringify(snap), 'input snapshot is not mutated').to.equal(before);
  return next;
}

function sortedKeys(row: object): string[] {
  return Object.keys(row).sort();
}

describe('case chart', () => {
  const ctx: CaseContext = { supplementRounds: 0, owed: [], lapsed: false };
  const owing = (...owed: string[]): CaseContext => ({ ...ctx, owed });
  const at = (value: CaseStatus, context: CaseContext = ctx): ChartSnapshot<CaseContext> => ({ value, context });

  const sample: { [T in CaseEvent['type']]: Extract<CaseEvent, { type: T }> } = {
    ACCEPT: { type: 'ACCEPT' },
    DEEMED_ACCEPTED: { type: 'DEEMED_ACCEPTED', deadline: '2030-12-09T09:30:00.000Z' },
    ACCEPT_WITH_DEFICIENCY: { type: 'ACCEPT_WITH_DEFICIENCY', owed: [{ code: 'M01', name: '授权委托书' }], workingDays: 5 },
    REFUSE: { type: 'REFUSE', reason: '不属于受理范围' },
    REQUEST_SUPPLEMENT: { type: 'REQUEST_SUPPLEMENT', missing: [{ code: 'M01', note: '营业执照复印件' }] },
    SUPPLEMENT_RECEIVED: { type: 'SUPPLEMENT_RECEIVED', materials: [{ code: 'M01' }] },
    WITHDRAW: { type: 'WITHDRAW', reason: '申请人撤回' },
    DECIDED_AT_WINDOW: { type: 'DECIDED_AT_WINDOW', matterCodes: ['SCJ-001'] },
    STEPS_DISPATCHED: { type: 'STEPS_DISPATCHED' },
    STEPS_CONCLUDED: { type: 'STEPS_CONCLUDED', outcome: 'approved' },
    SUSPEND: { type: 'SUSPEND', reason: '听证' },
    TOLERANCE_LAPSED: { type: 'TOLERANCE_LAPSED', owed: ['M01'], dueAt: '2026-11-27T09:30:00.000Z' },
    RESUME: { type: 'RESUME' },
    DELIVER: { type: 'DELIVER' },
  };

  // While two materials are owed, handing in M01 leaves M02 owed and the state as it was.
  const paysPart = { from: owing('M01', 'M02'), context: owing('M02') };
  const lapseRecorded = { from: owing('M01'), context: { ...owing('M01'), lapsed: true } };
  // The single source of truth for this test: every legal (state, event) pair with the sample event.
  const table: Record<CaseStatus, Partial<Record<CaseEvent['type'], Expected<CaseStatus, CaseContext>>>> = {
    submitted: {
      ACCEPT: { to: 'accepted' },
      DEEMED_ACCEPTED: { to: 'accepted' },
      ACCEPT_WITH_DEFICIENCY: { to: 'accepted', context: owing('M01') },
      REFUSE: { to: 'refused' },
      REQUEST_SUPPLEMENT: { to: 'supplementRequested', context: { ...ctx, supplementRounds: 1 } },
      WITHDRAW: { to: 'withdrawn' },
    },
    supplementRequested: {
      SUPPLEMENT_RECEIVED: { to: 'submitted' },
      REFUSE: { to: 'refused' },
      WITHDRAW: { to: 'withdrawn' },
    },
    accepted: {
      STEPS_DISPATCHED: { to: 'inReview' },
      DECIDED_AT_WINDOW: { to: 'approved' },
      SUPPLEMENT_RECEIVED: { to: 'accepted', ...paysPart },
      WITHDRAW: { to: 'withdrawn' },
    },
    inReview: {
      STEPS_CONCLUDED: { to: 'approved' },
      SUPPLEMENT_RECEIVED: { to: 'inReview', ...paysPart },
      SUSPEND: { to: 'suspended' },
      TOLERANCE_LAPSED: { to: 'suspended', ...lapseRecorded },
      WITHDRAW: { to: 'withdrawn' },
    },
    suspended: {
      RESUME: { to: 'inReview' },
      SUPPLEMENT_RECEIVED: { to: 'inReview', from: { ...owing('M01'), lapsed: true }, context: ctx },
      WITHDRAW: { to: 'withdrawn' },
    },
    approved: { DELIVER: { to: 'delivered' }, SUPPLEMENT_RECEIVED: { to: 'approved', ...paysPart }, TOLERANCE_LAPSED: { to: 'approved', ...lapseRecorded } },
    partiallyApproved: {
      DELIVER: { to: 'delivered' }, SUPPLEMENT_RECEIVED: { to: 'partiallyApproved', ...paysPart }, TOLERANCE_LAPSED: { to: 'partiallyApproved', ...lapseRecorded },
    },
    denied: { DELIVER: { to: 'delivered' }, SUPPLEMENT_RECEIVED: { to: 'denied', ...paysPart }, TOLERANCE_LAPSED: { to: 'denied', ...lapseRecorded } },
    delivered: {},
    refused: {},
    withdrawn: {},
  };

  it('when the chart is built, then its states are exactly the case statuses and its events are CASE_EVENT_TYPES', () => {
    expect(Object.keys(caseChart.states).sort()).to.deep.equal([...CASE_STATUSES].sort());
    expect([...CASE_EVENT_TYPES].sort()).to.deep.equal(sortedKeys(sample));
  });

  it('when a case starts, then it is submitted with no supplement rounds', () => {
    expect(caseInitialSnapshot()).to.deep.equal({ value: 'submitted', context: ctx });
  });

  for (const state of CASE_STATUSES) {
    const row = table[state];
    for (const type of CASE_EVENT_TYPES) {
      const expected = row[type];
      if (expected) {
        it(`when ${state} receives ${type}, then it moves to ${expected.to}`, () => {
          expectApplied(caseChart, at(state, expected.from ?? ctx), sample[type], expected.to, expected.context ?? expected.from ?? ctx);
        });
      } else {
        it(`when ${state} receives ${type}, then it is refused as illegal`, () => {
          expectIllegal(caseChart, at(state), sample[type], sortedKeys(row));
        });
      }
    }
  }

  it('when a final state is reached, then isFinal says so and only then', () => {
    for (const state of CASE_STATUSES) {
      expect(isFinal(caseChart, at(state)), state).to.equal(['delivered', 'refused', 'withdrawn'].includes(state));
    }
  });

  for (const outcome of ['approved', 'partiallyApproved', 'denied'] as const) {
    it(`when review concludes ${outcome}, then the case becomes ${outcome}`, () => {
      expectApplied(caseChart, at('inReview'), { type: 'STEPS_CONCLUDED', outcome }, outcome, ctx);
    });
  }

  it('when review concludes with an unknown outcome, then it is illegal', () => {
    expectIllegal(caseChart, at('inReview'), { type: 'STEPS_CONCLUDED', outcome: 'maybe' }, sortedKeys(table.inReview));
  });

  for (const state of ['submitted', 'supplementRequested'] as const) {
    for (const reason of ['', '   ']) {
      it(`when ${state} receives REFUSE with reason ${JSON.stringify(reason)}, then the guard refuses it`, () => {
        expectIllegal(caseChart, at(state), { type: 'REFUSE', reason }, sortedKeys(table[state]));
      });
    }
  }

  it('when a supplement is requested with an empty missing list, then the guard refuses it', () => {
    expectIllegal(caseChart, at('submitted'), { type: 'REQUEST_SUPPLEMENT', missing: [] }, sortedKeys(table.submitted));
  });

  describe('容缺 and 即办件 guards', () => {
    it('when nothing is owed, then ACCEPT_WITH_DEFICIENCY, TOLERANCE_LAPSED and a review-phase supplement are refused', () => {
      expectIllegal(caseChart, at('submitted'), { ...sample.ACCEPT_WITH_DEFICIENCY, owed: [] }, sortedKeys(table.submitted));
      expectIllegal(caseChart, at('submitted'), { ...sample.ACCEPT_WITH_DEFICIENCY, owed: [{ code: ' ' }] }, sortedKeys(table.submitted));
      expectIllegal(caseChart, at('inReview'), sample.TOLERANCE_LAPSED, sortedKeys(table.inReview));
      expectIllegal(caseChart, at('inReview'), sample.SUPPLEMENT_RECEIVED, sortedKeys(table.inReview));
    });

    it('when a supplement hands in nothing that is owed, then it is refused', () => {
      expectIllegal(caseChart, at('inReview', owing('M02')), sample.SUPPLEMENT_RECEIVED, sortedKeys(table.inReview));
    });

    it('when materials are still owed, then the results are not delivered', () => {
      for (const state of ['approved', 'partiallyApproved', 'denied'] as const) {
        expectIllegal(caseChart, at(state, owing('M01')), sample.DELIVER, sortedKeys(table[state]));
      }
    });

    it('when a lapsed case receives only part of what it owes, then it stays suspended owing the rest', () => {
      expectApplied(caseChart, at('suspended', { ...owing('M01', 'M02'), lapsed: true }), sample.SUPPLEMENT_RECEIVED, 'suspended', { ...owing('M02'), lapsed: true });
    });

    it('when a case suspended for another reason receives what it owes, then it stays suspended', () => {
      expectApplied(caseChart, at('suspended', owing('M01')), sample.SUPPLEMENT_RECEIVED, 'suspended', ctx);
    });

    it('when no matter is named, then DECIDED_AT_WINDOW is refused', () => {
      expectIllegal(caseChart, at('accepted'), { type: 'DECIDED_AT_WINDOW', matterCodes: [] }, sortedKeys(table.accepted));
    });

    it('when a case is accepted 容缺, goes to review, lapses and is supplied, then it resumes and can be delivered after approval', () => {
      let snap = caseInitialSnapshot();
      for (const event of [sample.ACCEPT_WITH_DEFICIENCY, sample.STEPS_DISPATCHED, sample.TOLERANCE_LAPSED, sample.SUPPLEMENT_RECEIVED, sample.STEPS_CONCLUDED, sample.DELIVER]) {
        snap = applyEvent(caseChart, snap, event);
      }
      expect(snap).to.deep.equal({ value: 'delivered', context: ctx });
    });
  });

  it('when supplements go round twice, then supplementRounds counts both rounds', () => {
    let snap = caseInitialSnapshot();
    for (const event of [sample.REQUEST_SUPPLEMENT, sample.SUPPLEMENT_RECEIVED, sample.REQUEST_SUPPLEMENT]) {
      snap = applyEvent(caseChart, snap, event);
    }
    expect(snap).to.deep.equal({ value: 'supplementRequested', context: { ...ctx, supplementRounds: 2 } });
  });

  it('when a snapshot goes through JSON, then it round-trips and can be applied again', () => {
    const snap = applyEvent(caseChart, caseInitialSnapshot(), sample.REQUEST_SUPPLEMENT);
    const revived = JSON.parse(JSON.stringify(snap)) as ChartSnapshot<CaseContext>;
    expect(revived).to.deep.equal(snap);
    expect(Object.keys(revived).sort()).to.deep.equal(['context', 'value']);
    expect(applyEvent(caseChart, revived, sample.SUPPLEMENT_RECEIVED))
      .to.deep.equal({ value: 'submitted', context: { ...ctx, supplementRounds: 1 } });
  });
});

describe('step chart', () => {
  const alice = { id: 7, username: 'alice' };
  const bob = { id: 8, username: 'bob' };
  const contextIn: Record<StepStatus, StepContext> = {
    pending: { assignee: null, openPauses: 0 },
    claimed: { assignee: alice, openPauses: 0 },
    inReview: { assignee: alice, openPauses: 0 },
    suspended: { assignee: alice, openPauses: 1 },
    approved: { assignee: alice, openPauses: 0 },
    rejected: { assignee: alice, openPauses: 0 },
  };
  const at = (value: StepStatus, context: StepContext = contextIn[value]): ChartSnapshot<StepContext> => ({ value, context });

  const sample: { [T in StepEvent['type']]: Extract<StepEvent, { type: T }> } = {
    CLAIM: { type: 'CLAIM', assignee: bob },
    START_REVIEW: { type: 'START_REVIEW' },
    APPROVE: { type: 'APPROVE', opinion: '同意' },
    REJECT: { type: 'REJECT', reason: '选址不符合规划', legalBasis: '《城乡规划法》第三十八条' },
    SUSPEND: { type: 'SUSPEND', kind: '现场踏勘', reason: '需现场核查' },
    RESUME: { type: 'RESUME' },
    EXTEND: { type: 'EXTEND', workingDays: 5, reason: '需组织专家论证', allowanceDays: 10 },
    TRANSFER: { type: 'TRANSFER', to: bob, reason: '工作调整' },
    RELEASE: { type: 'RELEASE', reason: '不属于本人分工' },
    DELEGATE: { type: 'DELEGATE', to: bob, reason: '请协助审查' },
    RETURN_DELEGATION: { type: 'RETURN_DELEGATION', by: bob, opinion: '材料齐全，建议同意' },
    ADD_SIGNERS: { type: 'ADD_SIGNERS', position: 'after', usernames: ['bob'], reason: '需分管领导会签' },
    SEND_BACK: { type: 'SEND_BACK', to: 'previous', reason: '意见需补充' },
    SUPPLEMENTED: { type: 'SUPPLEMENTED', materials: [{ code: 'site-plan' }] },
  };
  const toWindow: StepEvent = { type: 'SEND_BACK', to: 'window', reason: '缺少宗地图', missing: [{ code: 'site-plan', name: '宗地图' }] };
  const atWindow = (openPauses: number): StepContext => ({ assignee: alice, openPauses, awaitingWindow: true });

  // Contexts the guards of 委派 and 退回 to the previous signer need.
  const delegated = (openPauses: number): StepContext => ({ assignee: alice, openPauses, delegation: { delegate: bob, reason: '请协助审查' } });
  const returned = (openPauses: number): StepContext => ({ assignee: alice, openPauses, delegation: null });
  const sequentialPanel = { mode: 'sequential' as const, approvers: ['carol', 'alice'] };
  const carolSigned: StepContext = { assignee: alice, openPauses: 0, panel: sequentialPanel, signatures: [{ username: 'carol', opinion: '同意' }] };
  const reviewerMoves = {
    DELEGATE: { to: 'claimed', context: delegated(0) },
    RETURN_DELEGATION: { to: 'claimed', from: delegated(0), context: returned(0) },
    ADD_SIGNERS: { to: 'claimed', context: { assignee: alice, openPauses: 0, panel: { mode: 'sequential', approvers: ['alice', 'bob'] }, signatures: [] } },
    SEND_BACK: { to: 'claimed', from: carolSigned, context: { ...carolSigned, signatures: [] } },
  } as const;
  const movesIn = (state: 'claimed' | 'inReview') => Object.fromEntries(Object.entries(reviewerMoves).map(([type, expected]) => [type, { ...expected, to: state }]));

  const decisions = {
    APPROVE: { to: 'approved' },
    REJECT: { to: 'rejected' },
    SUSPEND: { to: 'suspended', context: { assignee: alice, openPauses: 1 } },
  } as const;

  const table: Record<StepStatus, Partial<Record<StepEvent['type'], Expected<StepStatus, StepContext>>>> = {
    pending: { CLAIM: { to: 'claimed', context: { assignee: bob, openPauses: 0 } } },
    claimed: {
      START_REVIEW: { to: 'inReview' }, EXTEND: { to: 'claimed' }, TRANSFER: { to: 'claimed', context: { assignee: bob, openPauses: 0 } }, ...decisions,
      RELEASE: { to: 'pending', context: { assignee: null, openPauses: 0 } }, ...movesIn('claimed'),
    },
    inReview: {
      EXTEND: { to: 'inReview' }, TRANSFER: { to: 'inReview', context: { assignee: bob, openPauses: 0 } }, ...decisions,
      RELEASE: { to: 'pending', context: { assignee: null, openPauses: 0 } }, ...movesIn('inReview'),
    },
    suspended: {
      SUSPEND: { to: 'suspended', context: { assignee: alice, openPauses: 2 } },
      RESUME: { to: 'inReview', context: { assignee: alice, openPauses: 0 } },
      EXTEND: { to: 'suspended' },
      RETURN_DELEGATION: { to: 'suspended', from: delegated(1), context: returned(1) },
      SEND_BACK: { to: 'suspended', event: toWindow, context: atWindow(2) },
      SUPPLEMENTED: { to: 'inReview', from: atWindow(1), context: { assignee: alice, openPauses: 0, awaitingWindow: false } },
    },
    approved: {},
    rejected: {},
  };

  it('when the chart is built, then its states are exactly the step statuses and its events are STEP_EVENT_TYPES', () => {
    expect(Object.keys(stepChart.states).sort()).to.deep.equal([...STEP_STATUSES].sort());
    expect([...STEP_EVENT_TYPES].sort()).to.deep.equal(sortedKeys(sample));
  });

  it('when a step starts, then it is pending, unassigned and unpaused', () => {
    expect(stepInitialSnapshot()).to.deep.equal({ value: 'pending', context: { assignee: null, openPauses: 0 } });
  });

  for (const state of STEP_STATUSES) {
    const row = table[state];
    for (const type of STEP_EVENT_TYPES) {
      const expected = row[type];
      if (expected) {
        it(`when ${state} receives ${type}, then it moves to ${expected.to}`, () => {
          expectApplied(stepChart, at(state, expected.from), expected.event ?? sample[type], expected.to, expected.context ?? expected.from ?? contextIn[state]);
        });
      } else {
        it(`when ${state} receives ${type}, then it is refused as illegal`, () => {
          expectIllegal(stepChart, at(state), sample[type], sortedKeys(row));
        });
      }
    }
  }

  it('when a step is approved or rejected, then isFinal says so and only then', () => {
    for (const state of STEP_STATUSES) {
      expect(isFinal(stepChart, at(state)), state).to.equal(state === 'approved' || state === 'rejected');
    }
  });

  for (const state of ['claimed', 'inReview'] as const) {
    const blanks = [
      { reason: '', legalBasis: sample.REJECT.legalBasis },
      { reason: '  ', legalBasis: sample.REJECT.legalBasis },
      { reason: sample.REJECT.reason, legalBasis: '' },
      { reason: sample.REJECT.reason, legalBasis: ' \t ' },
    ];
    for (const payload of blanks) {
      it(`when ${state} receives REJECT with ${JSON.stringify(payload)}, then the guard refuses it`, () => {
        expectIllegal(stepChart, at(state), { type: 'REJECT', ...payload }, sortedKeys(table[state]));
      });
    }
  }

  for (const [label, event] of [
    ['to the reviewer who holds it', { type: 'TRANSFER', to: alice, reason: '工作调整' }],
    ['without a reason', { type: 'TRANSFER', to: bob, reason: ' ' }],
    ['to nobody', { type: 'TRANSFER', to: { id: Number.NaN, username: '' }, reason: '工作调整' }],
  ] as const) {
    it(`when a claimed step is transferred ${label}, then the guard refuses it`, () => {
      expectIllegal(stepChart, at('claimed'), event as StepEvent, sortedKeys(table.claimed));
    });
  }

  for (const [label, snap, event] of [
    ['to the assignee', at('claimed'), { type: 'DELEGATE', to: alice, reason: '请协助' }],
    ['without a reason', at('claimed'), { type: 'DELEGATE', to: bob, reason: ' ' }],
    ['while a delegation is open', at('claimed', delegated(0)), sample.DELEGATE],
    ['handed back by someone other than the delegate', at('claimed', delegated(0)), { type: 'RETURN_DELEGATION', by: alice, opinion: '同意' }],
    ['handed back without an opinion', at('claimed', delegated(0)), { type: 'RETURN_DELEGATION', by: bob, opinion: '' }],
    ['handed back with no delegation open', at('claimed'), sample.RETURN_DELEGATION],
    ['adding nobody', at('claimed'), { ...sample.ADD_SIGNERS, usernames: [] }],
    ['adding the assignee', at('claimed'), { ...sample.ADD_SIGNERS, usernames: ['alice'] }],
    ['adding a member twice', at('claimed'), { ...sample.ADD_SIGNERS, usernames: ['bob', 'bob'] }],
    ['adding a member already on the panel', at('claimed', carolSigned), { ...sample.ADD_SIGNERS, usernames: ['carol'] }],
    ['adding in parallel to a 依次 panel', at('claimed', carolSigned), { ...sample.ADD_SIGNERS, position: 'parallel' }],
    ['adding without a reason', at('claimed'), { ...sample.ADD_SIGNERS, reason: '' }],
    ['sending back with no panel', at('claimed'), sample.SEND_BACK],
    ['sending back before anyone signed', at('claimed', { ...carolSigned, signatures: [] }), sample.SEND_BACK],
    ['sending back in a 会签 panel', at('claimed', { ...carolSigned, panel: { mode: 'all', approvers: ['carol', 'alice'] } }), sample.SEND_BACK],
    ['sending back without a reason', at('claimed', carolSigned), { ...sample.SEND_BACK, reason: ' ' }],
  ] as const) {
    it(`when a claimed step gets ${(event as StepEvent).type} ${label}, then the guard refuses it`, () => {
      expectIllegal(stepChart, snap as ChartSnapshot<StepContext>, event as StepEvent, sortedKeys(table.claimed));
    });
  }

  it('when a step is delegated, then neither the assignee nor the delegate decides until the delegate hands it back', () => {
    let snap = applyEvent(stepChart, at('inReview'), sample.DELEGATE);
    for (const event of [sample.APPROVE, sample.REJECT, sample.RELEASE]) expect(canApply(stepChart, snap, event), event.type).to.equal(false);
    expect(canApply(stepChart, snap, sample.SUSPEND)).to.equal(true);
    snap = applyEvent(stepChart, snap, sample.RETURN_DELEGATION);
    expect(applyEvent(stepChart, snap, sample.APPROVE).value).to.equal('approved');
  });

  it('when signers are added, then a step without a panel gets one and a 依次 panel inserts them around the awaited member', () => {
    const before = applyEvent(stepChart, at('claimed'), { ...sample.ADD_SIGNERS, position: 'before' });
    expect(before.context.panel).to.deep.equal({ mode: 'sequential', approvers: ['bob', 'alice'] });
    const parallel = applyEvent(stepChart, at('claimed'), { ...sample.ADD_SIGNERS, position: 'parallel' });
    expect(parallel.context.panel).to.deep.equal({ mode: 'all', approvers: ['alice', 'bob'] });
    // carol signed, alice is awaited: before → bob signs before alice; after → right after her.
    expect(applyEvent(stepChart, at('inReview', carolSigned), { ...sample.ADD_SIGNERS, position: 'before' }).context.panel!.approvers).to.deep.equal(['carol', 'bob', 'alice']);
    const after = applyEvent(stepChart, at('inReview', { ...carolSigned, panel: { mode: 'sequential', approvers: ['carol', 'alice', 'dave'] } }), sample.ADD_SIGNERS);
    expect(after.context.panel!.approvers).to.deep.equal(['carol', 'alice', 'bob', 'dave']);
    // The added member signs in turn: alice's approval no longer decides.
    const signed = applyEvent(stepChart, parallel, { type: 'APPROVE', opinion: '同意', by: alice });
    expect(signed.value).to.equal('claimed');
    expect(applyEvent(stepChart, signed, { type: 'APPROVE', opinion: '同意', by: bob }).value).to.equal('approved');
  });

  it('when a step is sent back to the window, then its clock pauses until the supplement, and the reviewer cannot resume it', () => {
    for (const state of ['claimed', 'inReview'] as const) {
      expect(applyEvent(stepChart, at(state), toWindow)).to.deep.equal({ value: 'suspended', context: atWindow(1) });
    }
    const waiting = at('suspended', atWindow(1));
    expect(canApply(stepChart, waiting, sample.RESUME), 'RESUME does not end the window\'s pause').to.equal(false);
    expect(canApply(stepChart, waiting, toWindow), 'one 退回 at a time').to.equal(false);
    // A special procedure beside it: RESUME ends that one; the supplement ends the window's.
    let snap = applyEvent(stepChart, waiting, sample.SUSPEND);
    expect(snap.context).to.deep.equal(atWindow(2));
    snap = applyEvent(stepChart, snap, sample.SUPPLEMENTED);
    expect(snap).to.deep.equal({ value: 'suspended', context: { assignee: alice, openPauses: 1, awaitingWindow: false } });
    expect(applyEvent(stepChart, snap, sample.RESUME).value).to.equal('inReview');
    expect(canApply(stepChart, at('suspended'), sample.SUPPLEMENTED), 'nothing was sent back').to.equal(false);
    for (const bad of [{ ...toWindow, missing: [] }, { ...toWindow, reason: ' ' }, { ...toWindow, missing: [{ code: '' }] }]) {
      expect(canApply(stepChart, at('inReview'), bad as StepEvent), JSON.stringify(bad)).to.equal(false);
    }
  });

  it('when a 依次 step is sent back to the previous signer, then that member is awaited again', () => {
    const back = applyEvent(stepChart, at('inReview', carolSigned), sample.SEND_BACK);
    expect(canApply(stepChart, back, { type: 'APPROVE', opinion: '同意', by: alice })).to.equal(false);
    expect(canApply(stepChart, back, { type: 'APPROVE', opinion: '同意', by: { id: 9, username: 'carol' } })).to.equal(true);
  });

  it('when the CLAIM payload carries extra fields, then only id and username are stored', () => {
    const next = applyEvent(stepChart, at('pending'), { type: 'CLAIM', assignee: { ...bob, role: 'officer' } as typeof bob });
    expect(next.context.assignee).to.deep.equal(bob);
  });

  it('when an extension exceeds the allowance, is not a positive whole number or has no reason, then it is illegal', () => {
    for (const payload of [
      { workingDays: 11, reason: '延期', allowanceDays: 10 },
      { workingDays: 0, reason: '延期', allowanceDays: 10 },
      { workingDays: 2.5, reason: '延期', allowanceDays: 10 },
      { workingDays: 3, reason: '  ', allowanceDays: 10 },
    ]) {
      expect(canApply(stepChart, at('inReview'), { type: 'EXTEND', ...payload }), JSON.stringify(payload)).to.equal(false);
    }
    expect(canApply(stepChart, at('inReview'), { type: 'EXTEND', workingDays: 10, reason: '延期', allowanceDays: 10 })).to.equal(true);
  });

  it('when pauses overlap, then the step resumes review only after the last one ends', () => {
    let snap = applyEvent(stepChart, at('inReview'), sample.SUSPEND);
    expect(snap).to.deep.equal({ value: 'suspended', context: { assignee: alice, openPauses: 1 } });
    snap = applyEvent(stepChart, snap, { type: 'SUSPEND', kind: '专家评审', reason: '需专家论证' });
    expect(snap).to.deep.equal({ value: 'suspended', context: { assignee: alice, openPauses: 2 } });
    snap = applyEvent(stepChart, snap, sample.RESUME);
    expect(snap).to.deep.equal({ value: 'suspended', context: { assignee: alice, openPauses: 1 } });
    snap = applyEvent(stepChart, snap, sample.RESUME);
    expect(snap).to.deep.equal({ value: 'inReview', context: { assignee: alice, openPauses: 0 } });
  });

  it('when a snapshot goes through JSON, then it round-trips and can be applied again', () => {
    let snap = stepInitialSnapshot();
    for (const event of [sample.CLAIM, sample.START_REVIEW, sample.SUSPEND, sample.SUSPEND]) {
      snap = applyEvent(stepChart, JSON.parse(JSON.stringify(snap)) as ChartSnapshot<StepContext>, event);
    }
    const revived = JSON.parse(JSON.stringify(snap)) as ChartSnapshot<StepContext>;
    expect(revived).to.deep.equal({ value: 'suspended', context: { assignee: bob, openPauses: 2 } });
    expect(Object.keys(revived).sort()).to.deep.equal(['context', 'value']);
    expect(applyEvent(stepChart, revived, sample.RESUME))
      .to.deep.equal({ value: 'suspended', context: { assignee: bob, openPauses: 1 } });
  });
});
