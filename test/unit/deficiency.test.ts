// 容缺受理 and 即办件 rules: which materials may be owed, the lead department, what the window decides,
// and how instant matters enter the outcome rule.
import { expect } from 'chai';
import { DEFICIENCY_POLICY, leadDepartmentOf, splitInstant, toleranceProblems } from '../../domain/deficiency';
import { concludeCase, withWindowApprovals } from '../../domain/outcome';
import type { MaterialRequirement } from '../../domain/window';

const requirement = (code: string, required: boolean, core: boolean, matterCode = 'ZJJ-001'): MaterialRequirement =>
  ({ matterCode, code, name: code, required, core });

describe('容缺 and 即办件 rules', () => {
  const list = [
    requirement('application-form', true, true),
    requirement('funding-proof', true, false),
    requirement('safety-measures', false, false),
    requirement('application-form', true, true, 'SCJ-001'),
  ];

  it('when the policy is read, then the supplement deadline defaults to 5 working days', () => {
    expect(DEFICIENCY_POLICY.supplementWorkingDays).to.equal(5);
    expect(DEFICIENCY_POLICY.maxSupplementWorkingDays).to.be.greaterThan(DEFICIENCY_POLICY.supplementWorkingDays);
  });

  it('when required or optional non-core materials are owed, then there is nothing to object to', () => {
    expect(toleranceProblems(list, ['application-form'], [{ code: 'funding-proof' }, { code: 'safety-measures', note: '三日内补交' }])).to.deep.equal([]);
  });

  const cases: [string, string[], string[], { index: number; message: RegExp }[]][] = [
    ['a core material', [], ['funding-proof', 'application-form'], [{ index: 1, message: /^application-form 是核心材料，不能容缺$/ }]],
    ['a stranger material', [], ['birth-certificate'], [{ index: 0, message: /^birth-certificate 不是本件事项的材料$/ }]],
    ['a material handed in already', ['funding-proof'], ['funding-proof'], [{ index: 0, message: /^funding-proof 已经提交$/ }]],
    ['the same material twice', [], ['funding-proof', 'funding-proof'], [{ index: 1, message: /^funding-proof 重复列出$/ }]],
  ];
  for (const [what, handedIn, requested, expected] of cases) {
    it(`when ${what} is proposed as owed, then the problem names its index`, () => {
      const problems = toleranceProblems(list, handedIn, requested.map((code) => ({ code })));
      expect(problems.map((problem) => problem.index)).to.deep.equal(expected.map((problem) => problem.index));
      problems.forEach((problem, i) => expect(problem.message).to.match(expected[i].message));
    });
  }

  it('when a case has several matters, then its first matter\'s department leads', () => {
    expect(leadDepartmentOf([{ departmentCode: 'zjj' }, { departmentCode: 'scj' }])).to.equal('zjj');
    expect(() => leadDepartmentOf([])).to.throw();
  });

  it('when instant and ordinary matters mix, then only the ordinary ones are dispatched', () => {
    const matters = [{ code: 'SCJ-001', instant: true }, { code: 'ZJJ-001', instant: false }, { code: 'HBJ-002' }];
    const { atWindow, dispatched } = splitInstant(matters);
    expect(atWindow.map((m) => m.code)).to.deep.equal(['SCJ-001']);
    expect(dispatched.map((m) => m.code)).to.deep.equal(['ZJJ-001', 'HBJ-002']);
  });

  it('when the instant matter is approved at the window and the step is rejected, then the case is partially approved', () => {
    const decisions = withWindowApprovals([{ matterCode: 'ZJJ-001', decision: 'rejected' }], [{ code: 'SCJ-001' }]);
    expect(decisions.map((d) => [d.matterCode, d.decision])).to.deep.equal([['SCJ-001', 'approved'], ['ZJJ-001', 'rejected']]);
    expect(concludeCase(decisions)).to.equal('partiallyApproved');
    expect(concludeCase(withWindowApprovals([{ matterCode: 'ZJJ-001', decision: 'approved' }], [{ code: 'SCJ-001' }]))).to.equal('approved');
  });
});
