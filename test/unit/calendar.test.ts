// The working-day calendar on the real published 2025 and 2026 schedules and the provisional
// 2027. Every expected date and instant below was worked out by hand from the State Council
// notices (checked against chinese-days' data), not by the code under test.
import { expect } from 'chai';
import {
  WorkingCalendar, isCalendarDate, provisionalDays, publishedDays, shanghaiDate,
} from '../../domain/calendar';

// The calendar these tests rely on: the published schedules of 2024–2026 and none for 2027, even
// once the package publishes later years.
const DECLARED_YEARS = [2024, 2025, 2026];
const published = ((data) => ({
  years: DECLARED_YEARS,
  days: data.days.filter((day) => DECLARED_YEARS.includes(Number(day.date.slice(0, 4)))),
}))(publishedDays(2024));
const calendar = new WorkingCalendar(published.days, { publishedYears: published.years });
const at18 = new WorkingCalendar(published.days, { publishedYears: published.years, closeOfOffice: '18:00' });

describe('published schedules (chinese-days data)', () => {
  it('when the data is read from 2024 on, then at least 2024–2026 are published', () => {
    expect(publishedDays(2024).years).to.include.members([2024, 2025, 2026]);
  });

  const listed = new Map(published.days.map((day) => [day.date, day]));
  const rows: Array<[string, 'holiday' | 'workday', string]> = [
    ['2025-01-28', 'holiday', '春节'], ['2025-02-04', 'holiday', '春节'], ['2025-01-26', 'workday', '春节调休'],
    ['2025-02-08', 'workday', '春节调休'], ['2025-04-27', 'workday', '劳动节调休'], ['2025-10-06', 'holiday', '中秋'],
    ['2025-10-08', 'holiday', '国庆节'], ['2025-09-28', 'workday', '国庆节调休'], ['2025-10-11', 'workday', '国庆节调休'],
    ['2026-02-15', 'holiday', '春节'], ['2026-02-23', 'holiday', '春节'], ['2026-02-14', 'workday', '春节调休'],
    ['2026-02-28', 'workday', '春节调休'], ['2026-05-09', 'workday', '劳动节调休'], ['2026-10-07', 'holiday', '国庆节'],
    ['2026-09-20', 'workday', '国庆节调休'], ['2026-10-10', 'workday', '国庆节调休'],
  ];
  for (const [date, kind, name] of rows) {
    it(`when ${date} is looked up, then it is listed as ${kind} ${name}`, () => {
      expect(listed.get(date)).to.deep.equal({ date, kind, name });
    });
  }
});

describe('working calendar: isWorkingDay', () => {
  const makeUpDays = [
    '2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11',
    '2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10',
  ];
  const holidays = [
    // 2025 春节 01-28..02-04 (Tue..Tue)
    '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04',
    // 2025 劳动节 05-01..05-05
    '2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05',
    // 2025 国庆节 + 中秋 10-01..10-08
    '2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08',
    // 2026 春节 02-15..02-23 (Sun..Mon)
    '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23',
    // 2026 劳动节 05-01..05-05
    '2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05',
    // 2026 中秋 09-25..09-27 and 国庆节 10-01..10-07
    '2026-09-25', '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07',
  ];
  const ordinary: Array<[string, boolean]> = [
    ['2025-01-27', true], ['2025-02-05', true], ['2025-02-09', false], ['2026-02-13', true], ['2026-02-24', true],
    ['2026-03-01', false], ['2026-05-10', false], ['2026-11-23', true], ['2026-11-21', false],
  ];

  for (const date of makeUpDays) {
    it(`when ${date} is a 调休 make-up day on a weekend, then it is a working day`, () => {
      expect(calendar.isWorkingDay(date)).to.equal(true);
      expect(calendar.dayInfo(date)).to.include({ working: true, kind: 'workday', provisional: false });
    });
  }
  for (const date of holidays) {
    it(`when ${date} is a holiday, then it is not a working day`, () => {
      expect(calendar.isWorkingDay(date)).to.equal(false);
      expect(calendar.dayInfo(date)).to.include({ working: false, kind: 'holiday', provisional: false });
    });
  }
  for (const [date, working] of ordinary) {
    it(`when ${date} is an ordinary ${working ? 'weekday' : 'weekend day'}, then working is ${working}`, () => {
      expect(calendar.isWorkingDay(date)).to.equal(working);
      expect(calendar.dayInfo(date)).to.deep.equal({
        date, working, kind: working ? 'weekday' : 'weekend', name: null, provisional: false,
      });
    });
  }
});

describe('working calendar: addWorkingDays (start date not counted)', () => {
  // [start, N, due date, why]
  const rows: Array<[string, number, string, string]> = [
    // 2025 春节: holidays 01-28..02-04, make-up Sun 01-26 and Sat 02-08
    ['2025-01-24', 0, '2025-01-24', 'N = 0 is the start date itself'],
    ['2025-01-24', 1, '2025-01-26', 'Friday start: Saturday rests, make-up Sunday counts'],
    ['2025-01-24', 2, '2025-01-27', 'Monday before the holiday'],
    ['2025-01-24', 3, '2025-02-05', 'the whole holiday is skipped'],
    ['2025-01-27', 1, '2025-02-05', 'day before a long holiday'],
    ['2025-01-27', 5, '2025-02-10', 'make-up Saturday 02-08 counts, Sunday 02-09 does not'],
    ['2025-01-27', 20, '2025-03-03', 'twenty days across the holiday'],
    ['2025-01-29', 1, '2025-02-05', 'start on a holiday (初一)'],
    ['2025-01-29', 5, '2025-02-10', 'start on a holiday, five days'],
    ['2025-01-26', 0, '2025-01-26', 'N = 0 on a make-up day'],
    ['2025-01-26', 1, '2025-01-27', 'start on a make-up Sunday'],
    ['2025-02-08', 1, '2025-02-10', 'start on a make-up Saturday'],
    // 2025 劳动节: holidays 05-01..05-05, make-up Sun 04-27; 清明 04-04 (Fri)
    ['2025-04-03', 1, '2025-04-07', '清明 Friday and the weekend rest'],
    ['2025-04-25', 1, '2025-04-27', 'make-up Sunday 04-27 counts'],
    ['2025-04-30', 1, '2025-05-06', 'day before a long holiday'],
    ['2025-04-30', 5, '2025-05-12', 'five days after the holiday'],
    ['2025-05-03', 1, '2025-05-06', 'start on a weekend holiday'],
    // 2025 国庆节 + 中秋: holidays 10-01..10-08, make-up Sun 09-28 and Sat 10-11
    ['2025-09-26', 1, '2025-09-28', 'make-up Sunday 09-28 counts'],
    ['2025-09-26', 3, '2025-09-30', 'Sunday, Monday, Tuesday'],
    ['2025-09-26', 4, '2025-10-09', 'the eight-day holiday is skipped'],
    ['2025-09-30', 1, '2025-10-09', 'day before a long holiday'],
    ['2025-09-30', 3, '2025-10-11', 'make-up Saturday 10-11 is day 3'],
    ['2025-09-30', 5, '2025-10-14', 'five days'],
    ['2025-09-30', 20, '2025-11-04', 'twenty days'],
    ['2025-10-06', 1, '2025-10-09', 'start on 中秋 inside 国庆节'],
    ['2025-10-11', 0, '2025-10-11', 'N = 0 on a make-up Saturday'],
    ['2025-10-11', 1, '2025-10-13', 'start on a make-up Saturday'],
    // 2026 春节: holidays 02-15..02-23, make-up Sat 02-14 and Sat 02-28
    ['2026-02-13', 1, '2026-02-14', 'make-up Saturday 02-14 counts'],
    ['2026-02-13', 2, '2026-02-24', 'the nine-day holiday is skipped'],
    ['2026-02-13', 20, '2026-03-19', 'twenty days'],
    ['2026-02-14', 1, '2026-02-24', 'start on a make-up Saturday, day before a long holiday'],
    ['2026-02-18', 1, '2026-02-24', 'start on a holiday'],
    ['2026-02-18', 5, '2026-02-28', 'make-up Saturday 02-28 is day 5'],
    ['2026-02-18', 6, '2026-03-02', 'Sunday 03-01 rests'],
    // 2026 劳动节: holidays 05-01..05-05, make-up Sat 05-09
    ['2026-04-30', 1, '2026-05-06', 'day before a long holiday'],
    ['2026-04-30', 5, '2026-05-11', 'make-up Saturday 05-09 is day 4, Sunday rests'],
    ['2026-05-02', 1, '2026-05-06', 'start on a weekend holiday'],
    ['2026-05-09', 0, '2026-05-09', 'N = 0 on a make-up Saturday'],
    ['2026-05-09', 1, '2026-05-11', 'start on a make-up Saturday'],
    ['2026-05-10', 1, '2026-05-11', 'start on an ordinary Sunday'],
    // 2026 中秋 09-25..09-27, 国庆节 10-01..10-07, make-up Sun 09-20 and Sat 10-10
    ['2026-09-18', 1, '2026-09-20', 'make-up Sunday 09-20 counts'],
    ['2026-09-18', 2, '2026-09-21', 'then Monday'],
    ['2026-09-24', 1, '2026-09-28', '中秋 Friday to Sunday rests'],
    ['2026-09-30', 1, '2026-10-08', 'day before a long holiday'],
    ['2026-09-30', 2, '2026-10-09', 'second day after the holiday'],
    ['2026-09-30', 3, '2026-10-10', 'make-up Saturday 10-10 is day 3'],
    ['2026-09-30', 4, '2026-10-12', 'Sunday 10-11 rests'],
    ['2026-09-30', 20, '2026-11-03', 'twenty days'],
    ['2026-11-20', 1, '2026-11-23', 'ordinary weekend'],
    ['2026-12-30', 1, '2026-12-31', 'last day of a published year'],
  ];
  for (const [start, n, due, why] of rows) {
    it(`when ${start} + ${n} working days (${why}), then due ${due}`, () => {
      expect(calendar.addWorkingDays(start, n)).to.deep.equal({ date: due, provisional: false });
    });
  }

  it('when N is negative or not an integer, then it throws a RangeError', () => {
    expect(() => calendar.addWorkingDays('2026-01-05', -1)).to.throw(RangeError);
    expect(() => calendar.addWorkingDays('2026-01-05', 1.5)).to.throw(RangeError);
  });

  it('when the date is not a calendar date, then it throws a RangeError', () => {
    expect(() => calendar.addWorkingDays('2026-02-30', 1)).to.throw(RangeError);
    expect(() => calendar.isWorkingDay('2026-2-3')).to.throw(RangeError);
    expect(isCalendarDate('2026-02-28')).to.equal(true);
    expect(isCalendarDate('2026-02-29')).to.equal(false);
    expect(isCalendarDate('2024-02-29')).to.equal(true);
  });

  it('when a scan would run past three years, then it throws instead of looping on', () => {
    expect(() => calendar.addWorkingDays('2026-01-05', 800)).to.throw(RangeError, /at most/);
  });
});

describe('working calendar: instants', () => {
  it('when a Shanghai date and close of office are asked, then they are computed at UTC+8', () => {
    expect(shanghaiDate('2026-11-19T15:59:59.999Z')).to.equal('2026-11-19');
    expect(shanghaiDate('2026-11-19T16:00:00.000Z')).to.equal('2026-11-20');
    expect(calendar.closeOf('2026-11-23')).to.equal('2026-11-23T09:30:00.000Z');
    expect(at18.closeOf('2026-11-23')).to.equal('2026-11-23T10:00:00.000Z');
  });

  // [instant, clock start = next Shanghai midnight]
  const starts: Array<[string, string]> = [
    ['2026-09-30T02:00:00.000Z', '2026-09-30T16:00:00.000Z'],
    ['2026-09-30T15:59:59.999Z', '2026-09-30T16:00:00.000Z'],
    ['2026-09-30T16:00:00.000Z', '2026-10-01T16:00:00.000Z'],
  ];
  for (const [instant, start] of starts) {
    it(`when the clock starts from ${instant}, then it starts at ${start}`, () => {
      expect(calendar.clockStart(instant)).to.equal(start);
    });
  }

  // [accepted at, working days, calendar, due instant]
  const dues: Array<[string, number, WorkingCalendar, string, string]> = [
    ['2026-09-30T10:00:00+08:00', 3, calendar, '2026-10-10T09:30:00.000Z', 'Oct 8, 9 and make-up Sat Oct 10'],
    ['2026-09-30T10:00:00+08:00', 2, calendar, '2026-10-09T09:30:00.000Z', 'Oct 8 and 9'],
    ['2026-09-30T10:00:00+08:00', 3, at18, '2026-10-10T10:00:00.000Z', 'close of office 18:00'],
    ['2026-09-30T23:30:00+08:00', 1, calendar, '2026-10-08T09:30:00.000Z', 'late evening still counts as Sep 30'],
    ['2026-11-19T17:00:00.000Z', 1, calendar, '2026-11-23T09:30:00.000Z', '01:00 Friday in Shanghai, Thursday in UTC'],
    ['2026-10-10T09:00:00+08:00', 1, calendar, '2026-10-12T09:30:00.000Z', 'accepted on a make-up Saturday'],
    ['2026-05-02T11:00:00+08:00', 1, calendar, '2026-05-06T09:30:00.000Z', 'accepted on a holiday'],
    ['2026-05-08T16:00:00+08:00', 1, calendar, '2026-05-09T09:30:00.000Z', 'make-up Saturday is day 1'],
    ['2025-01-27T09:00:00+08:00', 5, calendar, '2025-02-10T09:30:00.000Z', 'across 春节 2025'],
    ['2026-09-30T10:00:00+08:00', 0, calendar, '2026-09-30T16:00:00.000Z', 'N = 0: end of the acceptance day'],
  ];
  for (const [accepted, n, cal, due, why] of dues) {
    it(`when accepted ${accepted} with ${n} working days (${why}), then due ${due}`, () => {
      expect(cal.dueAt(accepted, n)).to.deep.equal({ at: due, provisional: false });
    });
  }

  // [instant, n, calendar, n-th close strictly after]
  const nth: Array<[string, number, WorkingCalendar, string]> = [
    ['2026-09-30T02:00:00.000Z', 1, calendar, '2026-09-30T09:30:00.000Z'],
    ['2026-09-30T02:00:00.000Z', 2, calendar, '2026-10-08T09:30:00.000Z'],
    ['2026-09-30T10:00:00.000Z', 1, calendar, '2026-10-08T09:30:00.000Z'],
    ['2026-10-09T09:29:59.999Z', 1, calendar, '2026-10-09T09:30:00.000Z'],
    ['2026-10-09T09:30:00.000Z', 1, calendar, '2026-10-10T09:30:00.000Z'],
    ['2026-09-30T09:45:00.000Z', 1, calendar, '2026-10-08T09:30:00.000Z'],
    ['2026-09-30T09:45:00.000Z', 1, at18, '2026-09-30T10:00:00.000Z'],
    ['2026-02-13T12:00:00.000Z', 2, calendar, '2026-02-24T09:30:00.000Z'],
  ];
  for (const [instant, n, cal, close] of nth) {
    it(`when asking for close #${n} after ${instant}${cal === at18 ? ' (18:00)' : ''}, then it is ${close}`, () => {
      expect(cal.nthCloseAfter(instant, n)).to.deep.equal({ at: close, provisional: false });
    });
  }

  it('when n <= 0, then nthCloseAfter answers the instant itself', () => {
    expect(calendar.nthCloseAfter('2026-09-30T02:00:00.000Z', 0)).to.deep.equal({ at: '2026-09-30T02:00:00.000Z', provisional: false });
    expect(calendar.nthCloseAfter('2026-09-30T02:00:00.000Z', -2).at).to.equal('2026-09-30T02:00:00.000Z');
  });

  // [from, to, calendar, closes c with from < c <= to]
  const between: Array<[string, string, WorkingCalendar, number]> = [
    ['2026-09-30T16:00:00.000Z', '2026-10-10T09:30:00.000Z', calendar, 3],
    ['2026-09-30T16:00:00.000Z', '2026-10-10T09:29:59.000Z', calendar, 2],
    ['2026-10-09T09:30:00.000Z', '2026-10-10T09:30:00.000Z', calendar, 1],
    ['2026-09-30T16:00:00.000Z', '2026-10-07T15:59:59.000Z', calendar, 0],
    ['2025-01-24T16:00:00.000Z', '2025-02-10T16:00:00.000Z', calendar, 7],
    ['2026-09-30T09:45:00.000Z', '2026-09-30T10:00:00.000Z', calendar, 0],
    ['2026-09-30T09:45:00.000Z', '2026-09-30T10:00:00.000Z', at18, 1],
    ['2026-10-10T09:30:00.000Z', '2026-09-30T16:00:00.000Z', calendar, 0],
  ];
  for (const [from, to, cal, count] of between) {
    it(`when counting closes in (${from}, ${to}]${cal === at18 ? ' (18:00)' : ''}, then there are ${count}`, () => {
      expect(cal.closesBetween(from, to)).to.deep.equal({ count, provisional: false });
    });
  }

  it('when a due instant is counted back from its clock start, then exactly N closes lie between', () => {
    for (const [accepted, n] of [['2026-09-30T10:00:00+08:00', 3], ['2025-01-24T08:00:00+08:00', 20], ['2026-02-13T20:00:00+08:00', 6]] as const) {
      const due = calendar.dueAt(accepted, n).at;
      expect(calendar.closesBetween(calendar.clockStart(accepted), due).count, accepted).to.equal(n);
    }
  });

  it('when the close of office is not HH:MM, then the calendar refuses it', () => {
    expect(() => new WorkingCalendar([], { publishedYears: [], closeOfOffice: '5:30pm' })).to.throw(RangeError);
    expect(() => new WorkingCalendar([], { publishedYears: [], closeOfOffice: '24:00' })).to.throw(RangeError);
  });
});

describe('working calendar: provisional 2027', () => {
  it('when 2027 has no published schedule, then its dates are provisional and 2026 dates are not', () => {
    expect(calendar.isProvisional('2027-03-01')).to.equal(true);
    expect(calendar.isProvisional('2026-12-31')).to.equal(false);
  });

  it('when the 2027 statutory holidays are computed, then they follow the 2025 rules', () => {
    expect(provisionalDays(2027).map(({ date, name }) => `${date} ${name}`)).to.deep.equal([
      '2027-01-01 元旦',
      '2027-02-05 春节', '2027-02-06 春节', '2027-02-07 春节', '2027-02-08 春节', // 除夕, 初一..初三
      '2027-04-05 清明',
      '2027-05-01 劳动节', '2027-05-02 劳动节',
      '2027-06-09 端午',
      '2027-09-15 中秋',
      '2027-10-01 国庆节', '2027-10-02 国庆节', '2027-10-03 国庆节',
    ]);
  });

  it('when the process runs west of UTC, then the computed holidays are the same', () => {
    const zone = process.env.TZ;
    const here = JSON.stringify(provisionalDays(2028));
    try {
      process.env.TZ = 'America/Los_Angeles';
      expect(JSON.stringify(provisionalDays(2028))).to.equal(here);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('when 中秋 falls on 国庆节 (2020-10-01), then one holiday carries both names', () => {
    expect(provisionalDays(2020).filter((day) => day.date.startsWith('2020-10'))).to.deep.equal([
      { date: '2020-10-01', kind: 'holiday', name: '中秋、国庆节' },
      { date: '2020-10-02', kind: 'holiday', name: '国庆节' },
      { date: '2020-10-03', kind: 'holiday', name: '国庆节' },
    ]);
  });

  for (const date of ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08']) {
    it(`when ${date} (春节 2027) is looked up, then it is a provisional holiday`, () => {
      expect(calendar.dayInfo(date)).to.deep.equal({ date, working: false, kind: 'holiday', name: '春节', provisional: true });
    });
  }

  const rows: Array<[string, number, string]> = [
    ['2026-12-31', 1, '2027-01-04'], // 元旦 Friday, then the weekend
    ['2027-02-04', 1, '2027-02-09'], // 除夕 Fri, 初一/初二 weekend, 初三 Mon
    ['2027-02-04', 0, '2027-02-04'],
    ['2027-04-02', 1, '2027-04-06'], // 清明 Monday 04-05
  ];
  for (const [start, n, due] of rows) {
    it(`when ${start} + ${n} working days touches 2027, then due ${due}, flagged provisional`, () => {
      expect(calendar.addWorkingDays(start, n)).to.deep.equal({ date: due, provisional: true });
    });
  }

  it('when instants touch 2027, then dueAt, nthCloseAfter and closesBetween say provisional', () => {
    expect(calendar.dueAt('2026-12-31T10:00:00+08:00', 1)).to.deep.equal({ at: '2027-01-04T09:30:00.000Z', provisional: true });
    expect(calendar.nthCloseAfter('2027-02-04T10:00:00.000Z', 1)).to.deep.equal({ at: '2027-02-09T09:30:00.000Z', provisional: true });
    expect(calendar.closesBetween('2026-12-30T16:00:00.000Z', '2027-01-04T09:30:00.000Z')).to.deep.equal({ count: 2, provisional: true });
  });

  it('when an admin entry exists for a provisional year, then it lies over the computed days', () => {
    const withOverride = new WorkingCalendar(
      [...published.days, { date: '2027-02-09', kind: 'holiday', name: '春节' }, { date: '2027-02-06', kind: 'workday', name: '春节调休' }],
      { publishedYears: published.years },
    );
    expect(withOverride.isWorkingDay('2027-02-09')).to.equal(false);
    expect(withOverride.isWorkingDay('2027-02-06')).to.equal(true);
    expect(withOverride.isWorkingDay('2027-02-05')).to.equal(false); // computed 除夕 still there
    expect(withOverride.addWorkingDays('2027-02-04', 2)).to.deep.equal({ date: '2027-02-10', provisional: true });
  });
});
