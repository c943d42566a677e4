// 联合审查 chart: every (state, event) pair, with the guards that make an opinion owed and a
// conclusion possible.
import { expect } from 'chai';
import { allowedEvents, applyEvent, canApply } from '../../domain/charts/chart';
import {
  JOINT_REVIEW_EVENT_TYPES, JOINT_REVIEW_STATUSES, jointReviewChart, jointReviewSnapshot, type JointReviewContext, type JointReviewEvent,
  type JointReviewStatus,
} from '../../domain/charts/joint-review-chart';

const context = (opinionsFrom: string[] = []): JointReviewContext => ({ departments: ['zrj', 'hbj'], opinionsFrom });
const opinion = (departmentCode: string, text = '原则同意'): JointReviewEvent => ({ type: 'RECORD_OPINION', departmentCode, opinion: text });
const conclude = (text = '经会商，原则同意，按各部门意见办理'): JointReviewEvent => ({ type: 'CONCLUDE', consolidatedOpinion: text });

interface Row {
  status: JointReviewStatus;
  given: string[];
  event: JointReviewEvent;
  label: string;
  outcome: { to: JointReviewStatus; opinionsFrom: string[] } | 'refused';
}

const ROWS: Row[] = [
  { status: 'open', given: [], event: opinion('zrj'), label: 'the first department\'s opinion', outcome: { to: 'open', opinionsFrom: ['zrj'] } },
  { status: 'open', given: ['zrj'], event: opinion('hbj'), label: 'the last department\'s opinion', outcome: { to: 'open', opinionsFrom: ['zrj', 'hbj'] } },
  { status: 'open', given: ['zrj'], event: opinion('zrj'), label: 'a second opinion of one department', outcome: 'refused' },
  { status: 'open', given: [], event: opinion('wjw'), label: 'an opinion of a department without a step', outcome: 'refused' },
  { status: 'open', given: [], event: opinion('zrj', '  '), label: 'a blank opinion', outcome: 'refused' },
  { status: 'open', given: [], event: conclude(), label: 'a conclusion before any opinion', outcome: 'refused' },
  { status: 'open', given: ['zrj'], event: conclude(), label: 'a conclusion with an opinion missing', outcome: 'refused' },
  { status: 'open', given: ['zrj', 'hbj'], event: conclude(' '), label: 'a blank conclusion', outcome: 'refused' },
  { status: 'open', given: ['hbj', 'zrj'], event: conclude(), label: 'a conclusion with every opinion in', outcome: { to: 'concluded', opinionsFrom: ['hbj', 'zrj'] } },
  { status: 'concluded', given: ['zrj', 'hbj'], event: opinion('zrj'), label: 'an opinion after the conclusion', outcome: 'refused' },
  { status: 'concluded', given: ['zrj', 'hbj'], event: conclude(), label: 'a second conclusion', outcome: 'refused' },
];

describe('joint review chart', () => {
  it('when the chart is built, then its states are the meeting statuses and its events JOINT_REVIEW_EVENT_TYPES', () => {
    expect(Object.keys(jointReviewChart.states).sort()).to.deep.equal([...JOINT_REVIEW_STATUSES].sort());
    expect(allowedEvents(jointReviewChart, jointReviewSnapshot('open', context()))).to.deep.equal([...JOINT_REVIEW_EVENT_TYPES].sort());
  });

  for (const row of ROWS) {
    const then = row.outcome === 'refused' ? 'it is refused' : `it is ${row.outcome.to} with opinions from ${row.outcome.opinionsFrom.join(', ')}`;
    it(`when an ${row.status} meeting receives ${row.label}, then ${then}`, () => {
      const snap = jointReviewSnapshot(row.status, context(row.given));
      if (row.outcome === 'refused') {
        expect(canApply(jointReviewChart, snap, row.event)).to.equal(false);
        expect(() => applyEvent(jointReviewChart, snap, row.event)).to.throw(row.status === 'open' ? /不符合规则/ : /在当前状态（concluded）不可办理/);
        return;
      }
      expect(canApply(jointReviewChart, snap, row.event)).to.equal(true);
      expect(applyEvent(jointReviewChart, snap, row.event)).to.deep.equal({ value: row.outcome.to, context: { departments: ['zrj', 'hbj'], opinionsFrom: row.outcome.opinionsFrom } });
    });
  }

  it('when a meeting is concluded, then nothing is allowed any more', () => {
    expect(allowedEvents(jointReviewChart, jointReviewSnapshot('concluded', context(['zrj', 'hbj'])))).to.deep.equal([]);
  });
});
