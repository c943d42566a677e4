// Every rule a chart enforces can be named to the person it refuses.
import { expect } from 'chai';
import type { AnyStateMachine } from 'xstate';
import { caseChart, stepChart } from '../../domain/charts';
import { complaintChart } from '../../domain/charts/complaint-chart';
import { followUpChart } from '../../domain/charts/follow-up-chart';
import { jointReviewChart } from '../../domain/charts/joint-review-chart';
import { checkChart } from '../../domain/charts/post-approval-check-chart';
import { projectChart } from '../../domain/charts/project-chart';
import { refusal, refusalMessage } from '../../domain/charts/chart';
import { RULES } from '../../domain/charts/rules';

const CHARTS: AnyStateMachine[] = [caseChart, stepChart, projectChart, complaintChart, followUpChart, jointReviewChart, checkChart];

describe('chart rules in words', () => {
  for (const chart of CHARTS) {
    it(`when the ${chart.id} chart refuses by a guard, then the rule has words`, () => {
      const guards = Object.keys(chart.implementations.guards);
      expect(guards).to.have.length.above(0);
      expect(guards.filter((guard) => !(guard in RULES))).to.deep.equal([]);
    });
  }

  it('when a §42 extension goes beyond what is left, then the refusal names the rule and does not offer EXTEND again', () => {
    const snap = { value: 'inReview', context: { assignee: { id: 7, username: 'officer-zrj' }, openPauses: 0 } };
    const refused = refusal(stepChart, snap, 'EXTEND');
    expect(refused.rules).to.deep.equal(['withinExtensionBound']);
    expect(refused.allowed).to.include('APPROVE').and.not.to.include('EXTEND');
    expect(refusalMessage(refused)).to.equal(`EXTEND 不符合规则（withinExtensionBound）：${RULES.withinExtensionBound}`);
  });

  it('when a case under review is asked to deliver, then it is refused for its state and the system-only events are not offered', () => {
    const refused = refusal(caseChart, { value: 'inReview', context: { supplementRounds: 0, owed: [], lapsed: false } }, 'DELIVER');
    expect(refused.rules).to.equal(undefined);
    expect(refused.allowed).to.deep.equal(['SUPPLEMENT_RECEIVED', 'WITHDRAW']);
    expect(refusalMessage(refused)).to.equal('DELIVER 在当前状态（inReview）不可办理');
  });
});
