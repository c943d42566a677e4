// The console shows a refused request in the server's own Chinese words: the headline for the
// status, the problem's detail beneath it, and each field's message on the field itself.
import { expect } from 'chai';
import { ApiProblem, describeProblem, fieldErrors } from '../../console/src/lib/problem';

describe('console wording of problems', () => {
  const invalid = new ApiProblem({
    type: 'urn:problem:validation', title: '请求有误', status: 400,
    detail: 'applicant.phone：必填项，未填写；materials.1.code：birth-certificate 不是所选事项的材料',
    errors: [
      { path: 'applicant.phone', message: '必填项，未填写' },
      { path: 'materials.1.code', message: 'birth-certificate 不是所选事项的材料' },
    ],
  });

  it('when a 400 names fields, then each field shows its Chinese message as it is, at its path', () => {
    expect(fieldErrors(invalid)).to.deep.equal([
      { name: ['applicant', 'phone'], errors: ['必填项，未填写'] },
      { name: ['materials', 1, 'code'], errors: ['birth-certificate 不是所选事项的材料'] },
    ]);
  });

  it('when a request is refused, then the headline suits the status and the detail is the server\'s', () => {
    expect(describeProblem(invalid)).to.deep.equal({ message: '填写的内容有误，请检查标出的项目。', allowed: [], detail: invalid.problem.detail });
    const missing = new ApiProblem({ type: 'urn:problem:not-found', title: '未找到', status: 404, detail: '办件 42 不存在' });
    expect(describeProblem(missing)).to.deep.equal({ message: '未找到该记录，或不在您的办理范围内。', allowed: [], detail: '办件 42 不存在' });
  });

  it('when an action is illegal in the state, then the state and action read as labels and the rule is the detail', () => {
    const refused = new ApiProblem({
      type: 'urn:problem:illegal-transition', title: '当前状态不能办理', status: 409,
      detail: 'DELIVER 在当前状态（submitted）不可办理', state: 'submitted', event: 'DELIVER', allowed: ['ACCEPT'],
    });
    const { message, allowed, detail } = describeProblem(refused);
    expect(message).to.match(/^当前状态为「[^a-z]+」，不能执行「[^A-Z]+」。$/);
    expect(allowed).to.have.length(1).and.not.to.include('ACCEPT');
    expect(detail).to.equal('DELIVER 在当前状态（submitted）不可办理');
  });
});
