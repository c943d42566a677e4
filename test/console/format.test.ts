// The console's wording of time: instants in Shanghai time whatever the machine's zone, and
// working days left over the calendar's holidays and 调休 make-up days.
import { expect } from 'chai';
import { formatDate, formatInstant, workingDaysLeft } from '../../console/src/lib/format';
import { countWorkingDaysLeft, countWorkingDaysSince, type SpecialDays } from '../../console/src/lib/working-days';

describe('console wording of instants and working days', () => {
  const instants: [string, string][] = [
    ['2026-12-07T17:30:00+08:00', '2026年12月7日 17:30'],
    ['2026-12-07T09:30:00Z', '2026年12月7日 17:30'],
    ['2026-12-31T16:05:00Z', '2027年1月1日 00:05'],
    ['2026-01-01T00:00:00-05:00', '2026年1月1日 13:00'],
  ];
  for (const [instant, words] of instants) {
    it(`when ${instant} is shown, then it reads ${words}`, () => {
      expect(formatInstant(instant)).to.equal(words);
    });
  }

  it('when an instant or date is absent, then a dash shows; a plain date reads in Chinese', () => {
    expect([formatInstant(null), formatDate(undefined), formatDate('2026-10-08')]).to.deep.equal(['—', '—', '2026年10月8日']);
  });

  it('when working days left are worded, then ahead, due today and overdue read differently', () => {
    expect([3, 0, -2, null].map(workingDaysLeft)).to.deep.equal(['剩余 3 个工作日', '今日到期', '已超期 2 个工作日', '—']);
  });

  // 2026 National Day: 1–8 October off; Sunday 27 September and Saturday 10 October worked (调休).
  const special: SpecialDays = new Map([
    ...['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => [`2026-10-${d}`, 'holiday'] as const),
    ['2026-09-27', 'workday'],
    ['2026-10-10', 'workday'],
  ]);
  const left: [string, string, number][] = [
    // now (Shanghai)            due                          working days left
    ['2026-09-25T10:00:00+08:00', '2026-09-25T17:30:00+08:00', 0],
    ['2026-09-25T10:00:00+08:00', '2026-09-28T17:30:00+08:00', 2],
    ['2026-09-30T10:00:00+08:00', '2026-10-09T17:30:00+08:00', 1],
    ['2026-09-30T10:00:00+08:00', '2026-10-12T17:30:00+08:00', 3],
    ['2026-10-12T10:00:00+08:00', '2026-10-09T17:30:00+08:00', -2],
    ['2026-10-11T10:00:00+08:00', '2026-10-10T17:30:00+08:00', -1],
  ];
  for (const [now, due, days] of left) {
    it(`when it is ${now} and the step is due ${due}, then ${days} working days are left`, () => {
      expect(countWorkingDaysLeft(new Date(now), new Date(due), special)).to.equal(days);
    });
  }

  it('when a case was received before the holiday week, then the days since count only working days', () => {
    expect(countWorkingDaysSince(new Date('2026-09-29T16:00:00+08:00'), new Date('2026-10-10T09:00:00+08:00'), special)).to.equal(3);
  });
});
