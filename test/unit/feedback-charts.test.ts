// The 效能投诉 and 回访整改 charts over every (state, event) pair, and the rating levels.
import { expect } from 'chai';
import {
  COMPLAINT_EVENT_TYPES, COMPLAINT_STATUSES, FOLLOW_UP_STATUSES, allowedEvents, applyEvent, canApply, complaintChart,
  complaintSnapshot, followUpChart, followUpSnapshot, type ComplaintEvent, type ComplaintStatus, type FollowUpStatus,
} from '../../domain/charts';
import { DECIDED_STEP_STATUSES, DELIVERED_CASE_STATUSES, WITHDRAWN_CASE_STATUSES } from '../../domain/charts/states';
import { complaintNumber, isBadRating, isGoodRating } from '../../domain/feedback-policy';

describe('complaint chart', () => {
  const sample: { [T in ComplaintEvent['type']]: Extract<ComplaintEvent, { type: T }> } = {
    ASSIGN: { type: 'ASSIGN', departmentCode: 'hbj' },
    RESOLVE: { type: 'RESOLVE', outcome: '已整改', substantiated: true },
  };
  const table: Record<ComplaintStatus, Partial<Record<ComplaintEvent['type'], ComplaintStatus>>> = {
    received: { ASSIGN: 'assigned' },
    assigned: { ASSIGN: 'assigned', RESOLVE: 'resolved' },
    resolved: {},
  };

  for (const state of COMPLAINT_STATUSES) {
    for (const type of COMPLAINT_EVENT_TYPES) {
      const to = table[state][type];
      it(`when ${type} arrives in ${state}, then ${to ? `it moves to ${to}` : 'it is refused'}`, () => {
        const snap = complaintSnapshot(state);
        expect(canApply(complaintChart, snap, sample[type])).to.equal(to !== undefined);
        if (to) expect(applyEvent(complaintChart, snap, sample[type]).value).to.equal(to);
        expect(allowedEvents(complaintChart, snap)).to.deep.equal(Object.keys(table[state]).sort());
      });
    }
  }

  it('when an assignment names nobody or a resolution has no outcome, then the guards refuse it', () => {
    expect(canApply(complaintChart, complaintSnapshot('received'), { type: 'ASSIGN' })).to.equal(false);
    expect(canApply(complaintChart, complaintSnapshot('received'), { type: 'ASSIGN', assigneeId: 7 })).to.equal(true);
    expect(canApply(complaintChart, complaintSnapshot('assigned'), { type: 'RESOLVE', outcome: ' ', substantiated: false })).to.equal(false);
  });
});

describe('follow-up chart', () => {
  const table: Record<FollowUpStatus, FollowUpStatus | undefined> = { open: 'closed', closed: undefined };
  for (const state of FOLLOW_UP_STATUSES) {
    it(`when CLOSE arrives in ${state}, then ${table[state] ? `it moves to ${table[state]}` : 'it is refused'}`, () => {
      const snap = followUpSnapshot(state);
      expect(canApply(followUpChart, snap, { type: 'CLOSE', note: '已回访' })).to.equal(table[state] !== undefined);
      expect(allowedEvents(followUpChart, snap)).to.deep.equal(table[state] ? ['CLOSE'] : []);
    });
  }

  it('when the close has no note, then it is refused', () => {
    expect(canApply(followUpChart, followUpSnapshot('open'), { type: 'CLOSE', note: '' })).to.equal(false);
  });
});

describe('feedback policy', () => {
  it('when the charts are read, then DELIVER leads to delivered, WITHDRAW to withdrawn, and a step is decided when approved or rejected', () => {
    expect(DELIVERED_CASE_STATUSES).to.deep.equal(['delivered']);
    expect(WITHDRAWN_CASE_STATUSES).to.deep.equal(['withdrawn']);
    expect(DECIDED_STEP_STATUSES).to.deep.equal(['approved', 'rejected']);
  });

  for (const [level, bad, good] of [[1, true, false], [2, true, false], [3, false, false], [4, false, true], [5, false, true]] as const) {
    it(`when the level is ${level}, then it is ${bad ? 'bad (a follow-up opens)' : good ? 'good' : 'neither'}`, () => {
      expect(isBadRating(level)).to.equal(bad);
      expect(isGoodRating(level)).to.equal(good);
    });
  }

  it('when a complaint is numbered, then the date and a four-digit sequence make the number', () => {
    expect(complaintNumber('2026-11-21', 1)).to.equal('TS-20261121-0001');
    expect(complaintNumber('2026-11-21', 1234)).to.equal('TS-20261121-1234');
  });
});
