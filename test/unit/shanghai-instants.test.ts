// Instants at the public edge: UTC inside, Asia/Shanghai (+08:00) in every answer, details included.
import { expect } from 'chai';
import { toShanghaiIso, withShanghaiInstants } from '../../domain/time';

describe('instants shown in Asia/Shanghai', () => {
  it('when a UTC instant is shown, then it is the same instant at +08:00, across midnight too', () => {
    expect(toShanghaiIso('2026-12-04T09:30:00.000Z')).to.equal('2026-12-04T17:30:00+08:00');
    expect(toShanghaiIso('2026-12-31T16:00:00.000Z')).to.equal('2027-01-01T00:00:00+08:00');
    expect(toShanghaiIso(null)).to.equal(null);
  });

  it('when a timeline detail holds instants at any depth, then each is shown at +08:00 and nothing else changes', () => {
    const detail = {
      dueAt: '2026-12-07T09:30:00.000Z',
      dueAtBefore: '2026-12-04T09:30:00Z',
      reason: '2026-12-07T09:30:00.000Z 之前补正',
      workingDays: 5,
      lapsed: false,
      owed: [{ code: 'survey-map', at: '2026-12-01T01:00:00.000Z' }],
      date: '2026-12-07',
      offset: '2026-12-07T17:30:00+08:00',
      none: null,
    };
    expect(withShanghaiInstants(detail)).to.deep.equal({
      dueAt: '2026-12-07T17:30:00+08:00',
      dueAtBefore: '2026-12-04T17:30:00+08:00',
      reason: '2026-12-07T09:30:00.000Z 之前补正',
      workingDays: 5,
      lapsed: false,
      owed: [{ code: 'survey-map', at: '2026-12-01T09:00:00+08:00' }],
      date: '2026-12-07',
      offset: '2026-12-07T17:30:00+08:00',
      none: null,
    });
    expect(withShanghaiInstants(null)).to.equal(null);
  });
});
