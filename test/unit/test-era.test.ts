// The era workflow tests run their hand-worked instants in (test/support/test-era.ts): 0 years
// while those instants lie ahead, the next multiple of 28 once they are near or past, and the
// 28-year shift keeps every date on its weekday.
import { expect } from 'chai';
import { testEra } from '../support/test-era';

const at = (shanghai: string): number => Date.parse(`${shanghai}+08:00`);
const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

describe('test era', () => {
  it('when the earliest instant lies more than a day ahead, then nothing moves', () => {
    const era = testEra('2030-09-25T09:00:00', at('2026-11-21T10:00:00'), undefined);
    expect(era.years).to.equal(0);
    expect(era('2030-09-25T09:00:00')).to.equal('2030-09-25T09:00:00');
  });

  it('when the earliest instant is less than a day ahead or past, then the instants move by the smallest multiple of 28 years', () => {
    expect(testEra('2030-09-25T09:00:00', at('2030-09-24T09:00:01'), undefined).years).to.equal(28);
    expect(testEra('2030-09-25T09:00:00', at('2030-09-24T08:59:59'), undefined).years).to.equal(0);
    const era = testEra('2030-09-25T09:00:00', at('2060-01-01T00:00:00'), undefined);
    expect(era.years).to.equal(56);
    expect([era('2030-09-25T09:00:00'), era('2030-12-09T17:30'), era('2030-11-22'), era('2031-01-H1')])
      .to.deep.equal(['2086-09-25T09:00:00', '2086-12-09T17:30', '2086-11-22', '2087-01-H1']);
  });

  it('when a shift is forced, then it is used if it is a large enough multiple of 28, and refused otherwise', () => {
    expect(testEra('2030-09-25T09:00:00', at('2026-11-21T10:00:00'), '28')('2030-09-25')).to.equal('2058-09-25');
    expect(() => testEra('2030-09-25T09:00:00', at('2026-11-21T10:00:00'), '27')).to.throw(RangeError, /multiple of 28/);
    expect(() => testEra('2030-09-25T09:00:00', at('2031-01-01T00:00:00'), '0')).to.throw(RangeError, /in the past/);
  });

  it('when the shift would leave 1901–2099, then the era refuses rather than drift a weekday', () => {
    expect(() => testEra('2030-09-25T09:00:00', at('2087-01-01T00:00:00'), undefined)).to.throw(RangeError, /2099/);
  });

  it('when any date of 2028–2031 (a leap day among them) is shifted by 28 or 56 years, then it keeps its weekday', () => {
    const checked: string[] = [];
    for (let ms = Date.UTC(2028, 0, 1); ms <= Date.UTC(2031, 11, 31); ms += 86_400_000) {
      const date = new Date(ms).toISOString().slice(0, 10);
      for (const now of [at('2040-01-01T00:00:00'), at('2065-01-01T00:00:00')]) {
        const shifted = testEra('2028-01-01T00:00:00', now, undefined)(date);
        expect(weekday(shifted), `${date} → ${shifted}`).to.equal(weekday(date));
        expect(shifted.slice(5)).to.equal(date.slice(5));
      }
      checked.push(date);
    }
    expect(checked).to.include('2028-02-29');
    expect(checked).to.have.length(4 * 365 + 1);
  });
});
