// 一窗受理 rules: the pre-check, the 一次告知 check, the acceptance number.
import { expect } from 'chai';
import { acceptanceNumber, notOneTime, precheck, type MaterialRequirement } from '../../domain/window';

const requirement = (code: string, required: boolean, core: boolean, matterCode = 'ZRJ-001'): MaterialRequirement =>
  ({ matterCode, code, name: code, required, core });

describe('window rules', () => {
  const list = [
    requirement('application-form', true, true),
    requirement('site-plan', true, false),
    requirement('power-of-attorney', false, false),
    requirement('eia-report', true, true, 'HBJ-001'),
  ];

  it('when everything required is handed in, then the pre-check is complete and lists only deferrable optional ones', () => {
    const result = precheck(list, ['application-form', 'site-plan', 'eia-report']);
    expect(result.complete).to.equal(true);
    expect(result.missing).to.deep.equal([]);
    expect(result.deferrable.map((m) => m.code)).to.deep.equal(['power-of-attorney']);
  });

  it('when required materials are missing, then each is listed once with its matter, core ones also apart', () => {
    const result = precheck(list, ['site-plan']);
    expect(result.complete).to.equal(false);
    expect(result.missing.map((m) => `${m.matterCode}:${m.code}`)).to.deep.equal(['ZRJ-001:application-form', 'HBJ-001:eia-report']);
    expect(result.coreMissing.map((m) => m.code)).to.deep.equal(['application-form', 'eia-report']);
  });

  it('when the first supplement request is made, then nothing is a breach of 一次告知', () => {
    expect(notOneTime([], [{ code: 'site-plan' }])).to.deep.equal([]);
  });

  it('when a later request names an item no earlier request named, then it is a breach unless newly arising', () => {
    const earlier = [[{ code: 'site-plan' }]];
    expect(notOneTime(earlier, [{ code: 'site-plan' }])).to.deep.equal([]);
    expect(notOneTime(earlier, [{ code: 'site-plan' }, { code: 'land-title' }])).to.deep.equal([{ code: 'land-title' }]);
    expect(notOneTime(earlier, [{ code: 'expert-opinion', newlyArising: true }])).to.deep.equal([]);
  });

  it('when accepted late in the evening UTC, then the number carries the Shanghai date', () => {
    expect(acceptanceNumber(new Date('2026-11-20T17:30:00Z'), 'ABCD2345EF')).to.equal('SL20261121ABCD2345EF');
    expect(acceptanceNumber(new Date('2026-11-20T15:59:59Z'), 'ABCD2345EF')).to.equal('SL20261120ABCD2345EF');
  });
});
