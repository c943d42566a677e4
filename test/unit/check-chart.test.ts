// 告知承诺制 事后核查 chart: open → passed or failed, once, with a finding.
import { expect } from 'chai';
import { allowedEvents, applyEvent, canApply } from '../../domain/charts/chart';
import { CHECK_STATUSES, checkChart, checkSnapshot } from '../../domain/charts/post-approval-check-chart';

describe('post-approval check chart', () => {
  it('when the chart is built, then its states are exactly the check statuses', () => {
    expect(Object.keys(checkChart.states).sort()).to.deep.equal([...CHECK_STATUSES].sort());
  });

  it('when an open check is completed, then the commitment decides passed or failed', () => {
    expect(applyEvent(checkChart, checkSnapshot('open'), { type: 'COMPLETE', compliant: true, finding: '现场核查一致' }).value).to.equal('passed');
    expect(applyEvent(checkChart, checkSnapshot('open'), { type: 'COMPLETE', compliant: false, finding: '未按承诺落实' }).value).to.equal('failed');
  });

  it('when the finding is blank, then completing is refused', () => {
    expect(canApply(checkChart, checkSnapshot('open'), { type: 'COMPLETE', compliant: true, finding: '  ' })).to.equal(false);
  });

  for (const status of ['passed', 'failed'] as const) {
    it(`when a ${status} check is completed again, then it is refused and nothing is allowed`, () => {
      expect(canApply(checkChart, checkSnapshot(status), { type: 'COMPLETE', compliant: true, finding: '再次核查' })).to.equal(false);
      expect(allowedEvents(checkChart, checkSnapshot(status))).to.deep.equal([]);
    });
  }
});
