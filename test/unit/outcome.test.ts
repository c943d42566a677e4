// The 并联审批 outcome rule: all approved → approved; approvals that stand on approved
// prerequisites → partiallyApproved; none → denied.
import { expect } from 'chai';
import { concludeAllOrNothing, concludeCase, standingApprovals, type MatterDecision } from '../../domain/outcome';

const d = (matterCode: string, decision: 'approved' | 'rejected', requires: string[] = []): MatterDecision => ({ matterCode, decision, requires });

describe('case outcome rule', () => {
  it('when every step approves, then the case is approved', () => {
    expect(concludeCase([d('ZRJ-001', 'approved'), d('ZRJ-002', 'approved', ['ZRJ-001'])])).to.equal('approved');
  });

  it('when an independent matter is rejected, then the others stand and the case is partially approved', () => {
    expect(concludeCase([d('ZRJ-001', 'approved'), d('HBJ-001', 'rejected')])).to.equal('partiallyApproved');
  });

  it('when a prerequisite is rejected, then what builds on it falls, transitively', () => {
    const results = [d('ZRJ-001', 'rejected'), d('ZRJ-002', 'approved', ['ZRJ-001']), d('ZJJ-001', 'approved', ['ZRJ-002']), d('SCJ-002', 'approved')];
    expect([...standingApprovals(results)]).to.deep.equal(['SCJ-002']);
    expect(concludeCase(results)).to.equal('partiallyApproved');
    expect(concludeCase(results.slice(0, 3))).to.equal('denied');
  });

  it('when a prerequisite is not part of the case, then it does not count against it', () => {
    expect(concludeCase([d('ZJJ-001', 'approved', ['ZRJ-002']), d('HBJ-002', 'rejected')])).to.equal('partiallyApproved');
  });

  it('when every step is rejected, then the case is denied', () => {
    expect(concludeCase([d('ZRJ-001', 'rejected'), d('HBJ-001', 'rejected')])).to.equal('denied');
  });

  it('when a case started before dependencies concludes, then it keeps the all-or-nothing rule', () => {
    expect(concludeAllOrNothing(['approved', 'rejected'])).to.equal('denied');
    expect(concludeAllOrNothing(['approved', 'approved'])).to.equal('approved');
  });

  it('when there is no decision at all, then it is an error, not an outcome', () => {
    expect(() => concludeCase([])).to.throw(/at least one/);
  });
});
