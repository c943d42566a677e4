// 会签 / 或签 / 依次 on the step chart: which approval decides the step, which records a
// signature, and which the chart refuses (non-members, second signatures, out of turn).
import { expect } from 'chai';
import { allowedEvents, applyEvent, canApply, type ChartSnapshot } from '../../domain/charts/chart';
import { STEP_EVENT_TYPES, stepChart, stepInitialSnapshot, type StepContext, type StepEvent } from '../../domain/charts/step-chart';
import { awaitedSigners, isPanel, remainingSigners, type ApprovalMode, type ApprovalPanel } from '../../domain/approval-panel';
import { STEP_STATUSES, type StepStatus } from '../../domain/types';

const alice = { id: 7, username: 'alice' };
const bob = { id: 8, username: 'bob' };
const carol = { id: 9, username: 'carol' };
const mallory = { id: 66, username: 'mallory' };
type Who = typeof alice;

const panelOf = (mode: ApprovalMode): ApprovalPanel => ({ mode, approvers: ['alice', 'bob', 'carol'] });
const at = (value: StepStatus, mode: ApprovalMode, signed: Who[] = []): ChartSnapshot<StepContext> => ({
  value,
  context: {
    assignee: alice, openPauses: value === 'suspended' ? 1 : 0, panel: panelOf(mode),
    signatures: signed.map((who) => ({ username: who.username, opinion: '同意' })),
  },
});
const approve = (by: Who): StepEvent => ({ type: 'APPROVE', opinion: '同意', by });
const reject = (by: Who): StepEvent => ({ type: 'REJECT', reason: '不符合条件', legalBasis: '《医疗机构管理条例》第十五条', by });
const signaturesOf = (snap: ChartSnapshot<StepContext>) => snap.context.signatures?.map((s) => s.username);

/** A panel step's decision: the next state and the signatures it holds, or refused. */
type Outcome = { to: StepStatus; signed: string[] } | 'refused';

interface Row {
  mode: ApprovalMode;
  signed: Who[];
  event: 'APPROVE' | 'REJECT';
  by: Who;
  outcome: Outcome;
}

// Every (mode, signatures so far, event, decider) case the chart distinguishes.
const ROWS: Row[] = [
  // 会签 (all): every member signs, in any order; the last signature approves; any rejection ends it.
  { mode: 'all', signed: [], event: 'APPROVE', by: bob, outcome: { to: 'inReview', signed: ['bob'] } },
  { mode: 'all', signed: [bob], event: 'APPROVE', by: alice, outcome: { to: 'inReview', signed: ['bob', 'alice'] } },
  { mode: 'all', signed: [bob, alice], event: 'APPROVE', by: carol, outcome: { to: 'approved', signed: ['bob', 'alice', 'carol'] } },
  { mode: 'all', signed: [bob], event: 'APPROVE', by: bob, outcome: 'refused' },
  { mode: 'all', signed: [], event: 'APPROVE', by: mallory, outcome: 'refused' },
  { mode: 'all', signed: [bob], event: 'REJECT', by: carol, outcome: { to: 'rejected', signed: ['bob'] } },
  { mode: 'all', signed: [bob], event: 'REJECT', by: bob, outcome: 'refused' },
  { mode: 'all', signed: [], event: 'REJECT', by: mallory, outcome: 'refused' },
  // 或签 (any): the first member's decision decides.
  { mode: 'any', signed: [], event: 'APPROVE', by: carol, outcome: { to: 'approved', signed: ['carol'] } },
  { mode: 'any', signed: [], event: 'REJECT', by: bob, outcome: { to: 'rejected', signed: [] } },
  { mode: 'any', signed: [], event: 'APPROVE', by: mallory, outcome: 'refused' },
  { mode: 'any', signed: [], event: 'REJECT', by: mallory, outcome: 'refused' },
  // 依次 (sequence): in the listed order; each approval passes to the next; any rejection ends it.
  { mode: 'sequential', signed: [], event: 'APPROVE', by: alice, outcome: { to: 'inReview', signed: ['alice'] } },
  { mode: 'sequential', signed: [], event: 'APPROVE', by: bob, outcome: 'refused' },
  { mode: 'sequential', signed: [alice], event: 'APPROVE', by: bob, outcome: { to: 'inReview', signed: ['alice', 'bob'] } },
  { mode: 'sequential', signed: [alice], event: 'APPROVE', by: carol, outcome: 'refused' },
  { mode: 'sequential', signed: [alice, bob], event: 'APPROVE', by: carol, outcome: { to: 'approved', signed: ['alice', 'bob', 'carol'] } },
  { mode: 'sequential', signed: [alice], event: 'REJECT', by: bob, outcome: { to: 'rejected', signed: ['alice'] } },
  { mode: 'sequential', signed: [alice], event: 'REJECT', by: carol, outcome: 'refused' },
  { mode: 'sequential', signed: [], event: 'APPROVE', by: mallory, outcome: 'refused' },
];

describe('step chart with an approval panel', () => {
  for (const state of ['claimed', 'inReview'] as const) {
    for (const row of ROWS) {
      const before = row.signed.map((who) => who.username).join('+') || 'nobody';
      const expected = row.outcome === 'refused' ? 'it is refused' : `it moves to ${row.outcome.to === 'inReview' ? state : row.outcome.to}`;
      it(`when a ${row.mode} panel ${state} (signed: ${before}) receives ${row.event} by ${row.by.username}, then ${expected}`, () => {
        const snap = at(state, row.mode, row.signed);
        const event = row.event === 'APPROVE' ? approve(row.by) : reject(row.by);
        if (row.outcome === 'refused') {
          expect(canApply(stepChart, snap, event)).to.equal(false);
          // The state takes the decision: the panel's rule refused it, and says so.
          expect(() => applyEvent(stepChart, snap, event)).to.throw(/不符合规则.*(审批组|不予批准)/);
          return;
        }
        expect(canApply(stepChart, snap, event)).to.equal(true);
        const next = applyEvent(stepChart, snap, event);
        // A signature that does not decide the panel keeps the step where it was.
        expect(next.value).to.equal(row.outcome.to === 'inReview' ? state : row.outcome.to);
        expect(signaturesOf(next)).to.deep.equal(row.outcome.signed);
        expect(next.context.panel).to.deep.equal(panelOf(row.mode));
      });
    }
  }

  for (const mode of ['all', 'any', 'sequential'] as const) {
    it(`when a ${mode} panel step is approved without naming who decides, then it is refused`, () => {
      expect(canApply(stepChart, at('inReview', mode), { type: 'APPROVE', opinion: '同意' })).to.equal(false);
      expect(canApply(stepChart, at('inReview', mode), { type: 'REJECT', reason: '不符合', legalBasis: '第十五条' })).to.equal(false);
    });

    it(`when a ${mode} panel member signs with a blank opinion or rejects without grounds, then it is refused`, () => {
      expect(canApply(stepChart, at('inReview', mode), { type: 'APPROVE', opinion: '  ', by: alice })).to.equal(false);
      expect(canApply(stepChart, at('inReview', mode, [alice, bob].slice(0, mode === 'all' || mode === 'sequential' ? 2 : 0)), { type: 'APPROVE', opinion: '  ', by: carol }))
        .to.equal(false, 'nor may the deciding approval');
      expect(canApply(stepChart, at('inReview', mode), { type: 'REJECT', reason: ' ', legalBasis: '第十五条', by: alice })).to.equal(false);
    });

    for (const state of STEP_STATUSES.filter((s) => s !== 'claimed' && s !== 'inReview')) {
      it(`when a ${mode} panel step is ${state}, then a member's APPROVE and REJECT are refused`, () => {
        expect(canApply(stepChart, at(state, mode), approve(alice))).to.equal(false);
        expect(canApply(stepChart, at(state, mode), reject(alice))).to.equal(false);
      });
    }

    it(`when a ${mode} panel step is in review, then the allowed events are those of any step in review`, () => {
      expect(allowedEvents(stepChart, at('inReview', mode))).to.deep.equal(['ADD_SIGNERS', 'APPROVE', 'DELEGATE', 'EXTEND', 'REJECT', 'RELEASE', 'RETURN_DELEGATION', 'SEND_BACK', 'SUSPEND', 'TRANSFER']);
    });
  }

  it('when a step starts with a panel, then its context carries the panel and no signatures', () => {
    expect(stepInitialSnapshot({ mode: 'all', approvers: ['alice', 'bob'] })).to.deep.equal({
      value: 'pending', context: { assignee: null, openPauses: 0, panel: { mode: 'all', approvers: ['alice', 'bob'] }, signatures: [] },
    });
  });

  for (const panel of [undefined, null, { mode: 'single', approvers: ['alice'] }, { mode: 'all', approvers: [] }] as const) {
    it(`when a step starts with ${JSON.stringify(panel)}, then it starts exactly as steps always did`, () => {
      expect(stepInitialSnapshot(panel as ApprovalPanel | null | undefined)).to.deep.equal({ value: 'pending', context: { assignee: null, openPauses: 0 } });
    });
  }

  it('when a single step is approved by anyone named, then it is approved and keeps no signatures', () => {
    const snap: ChartSnapshot<StepContext> = { value: 'inReview', context: { assignee: alice, openPauses: 0 } };
    expect(applyEvent(stepChart, snap, approve(mallory))).to.deep.equal({ value: 'approved', context: { assignee: alice, openPauses: 0 } });
  });

  it('when every event type is tried on a fresh panel step, then only CLAIM is possible, as on any step', () => {
    const snap = stepInitialSnapshot({ mode: 'all', approvers: ['alice', 'bob'] });
    expect(allowedEvents(stepChart, snap)).to.deep.equal(['CLAIM']);
    expect(STEP_EVENT_TYPES).to.include('APPROVE');
  });
});

describe('approval panel rules', () => {
  it('when members sign, then remaining and awaited follow the mode', () => {
    const sig = (...names: string[]) => names.map((username) => ({ username, opinion: '同意' }));
    expect(remainingSigners(panelOf('all'), sig('bob'))).to.deep.equal(['alice', 'carol']);
    expect(awaitedSigners(panelOf('all'), sig('bob'))).to.deep.equal(['alice', 'carol']);
    expect(awaitedSigners(panelOf('sequential'), sig('alice'))).to.deep.equal(['bob']);
    expect(remainingSigners(panelOf('sequential'), sig('alice'))).to.deep.equal(['bob', 'carol']);
    expect(awaitedSigners(panelOf('any'), sig())).to.deep.equal(['alice', 'bob', 'carol']);
    expect(remainingSigners(panelOf('any'), sig('carol'))).to.deep.equal([]);
  });

  it('when a panel is single or empty, then it is no panel', () => {
    expect(isPanel({ mode: 'single', approvers: ['alice'] })).to.equal(false);
    expect(isPanel({ mode: 'all', approvers: [] })).to.equal(false);
    expect(isPanel(null)).to.equal(false);
    expect(isPanel(panelOf('any'))).to.equal(true);
  });
});
