// The 效能监察 measure of a step's actual working time, on the published 2026 schedule: office
// hours 09:00–17:30 on working days, one working day = 8.5 h = 30 600 s, the acceptance day not
// counted, pauses cut out. Every expected figure below is worked out by hand in its comment.
import { expect } from 'chai';
import { WorkingCalendar, publishedDays } from '../../domain/calendar';
import {
  officeDaySeconds, officeSecondsBetween, pausesFromTimeline, runningIntervals, stepWorkingTime,
  type Pause, type TimelineTransition,
} from '../../domain/metrics/working-time';
import { metricRow, type MetricTotals } from '../../domain/metrics/rates';

const published = publishedDays(2024);
const calendar = new WorkingCalendar(published.days, { publishedYears: published.years });
const DAY = 30_600;
const HOUR = 3_600;
/** Shanghai wall time → ISO instant. */
const sh = (local: string): string => new Date(`${local}+08:00`).toISOString();

describe('working time: the office day', () => {
  it('when the office is open 09:00–17:30, then one working day is 30 600 seconds; 18:00 close makes it 32 400', () => {
    expect(officeDaySeconds(calendar)).to.equal(DAY);
    expect(officeDaySeconds(new WorkingCalendar(published.days, { publishedYears: published.years, closeOfOffice: '18:00' }))).to.equal(9 * HOUR);
    expect(officeDaySeconds(calendar, '08:30')).to.equal(9 * HOUR);
  });

  it('when the office would open after it closes, then the measure refuses', () => {
    expect(() => officeDaySeconds(calendar, '18:00')).to.throw(RangeError);
    expect(() => officeDaySeconds(calendar, '9:00')).to.throw(RangeError);
  });

  const between: Array<[string, string, string, number]> = [
    // Fri 16:00–17:30 = 1.5 h; Sat, Sun nothing; Mon 09:00–10:00 = 1 h.
    ['over a weekend', '2026-11-20T16:00:00', '2026-11-23T10:00:00', 2.5 * HOUR],
    // Before opening and after close count nothing.
    ['at night', '2026-11-23T18:00:00', '2026-11-24T08:59:00', 0],
    ['within one morning', '2026-11-24T09:15:00', '2026-11-24T11:45:00', 2.5 * HOUR],
    // 国庆 2026: Oct 1–7 holidays; Sat Oct 10 is a make-up working day (09:00–12:00 = 3 h).
    ['through the National Day holidays', '2026-09-30T17:00:00', '2026-10-10T12:00:00', 0.5 * HOUR + 2 * DAY + 3 * HOUR],
    // Sun Sep 20 2026 is a make-up working day: a full office day.
    ['on a make-up Sunday', '2026-09-20T00:00:00', '2026-09-20T23:59:59', DAY],
    ['backwards', '2026-11-24T12:00:00', '2026-11-24T10:00:00', 0],
  ];
  for (const [name, from, to, seconds] of between) {
    it(`when office time is measured ${name}, then it is ${seconds} s`, () => {
      expect(officeSecondsBetween(calendar, sh(from), sh(to))).to.equal(seconds);
    });
  }
});

describe('working time: pauses from the timeline', () => {
  const t = (minute: number): string => new Date(Date.UTC(2026, 10, 23, 1, minute)).toISOString();
  const entry = (minute: number, fromState: string | null, toState: string): TimelineTransition => ({ at: t(minute), fromState, toState });

  it('when pauses overlap, are extended while open, and a second pause follows, then there are two pauses', () => {
    const timeline = [
      entry(0, null, 'pending'), // DISPATCHED (a note)
      entry(1, 'pending', 'claimed'), // CLAIM
      entry(2, 'claimed', 'suspended'), // SUSPEND 补正: the first pause opens
      entry(3, null, 'suspended'), // WARNING (a note) while paused
      entry(4, 'suspended', 'suspended'), // SUSPEND 现场踏勘 on top
      entry(5, 'suspended', 'suspended'), // EXTEND while paused
      entry(6, 'suspended', 'suspended'), // RESUME: one pause still open
      entry(7, 'suspended', 'inReview'), // RESUME: the last pause closes
      entry(8, 'inReview', 'suspended'), // SUSPEND 专家评审
      entry(9, 'suspended', 'inReview'), // RESUME
      entry(10, 'inReview', 'approved'), // APPROVE
    ];
    expect(pausesFromTimeline(timeline)).to.deep.equal([{ from: t(2), to: t(7) }, { from: t(8), to: t(9) }]);
  });

  it('when a pause is still open, then it runs to the end (null)', () => {
    expect(pausesFromTimeline([entry(1, 'pending', 'claimed'), entry(2, 'claimed', 'suspended')])).to.deep.equal([{ from: t(2), to: null }]);
    expect(pausesFromTimeline([entry(1, 'pending', 'claimed')])).to.deep.equal([]);
  });

  it('when pauses overlap or reach outside the range, then the running intervals are what is left', () => {
    const pauses: Pause[] = [
      { from: t(5), to: t(10) }, { from: t(8), to: t(12) }, // overlapping: 5–12 paused
      { from: t(-5), to: t(1) }, // before the range: 0–1 paused
      { from: t(20), to: null }, // open: from 20 on
    ];
    expect(runningIntervals(t(0), t(30), pauses)).to.deep.equal([{ from: t(1), to: t(5) }, { from: t(12), to: t(20) }]);
    expect(runningIntervals(t(0), t(30), [])).to.deep.equal([{ from: t(0), to: t(30) }]);
    expect(runningIntervals(t(30), t(0), [])).to.deep.equal([]);
  });
});

describe('working time of a step (acceptance day not counted, pauses excluded)', () => {
  const rows: Array<{ name: string; acceptedAt: string; decidedAt: string; pauses?: Array<[string, string | null]>; seconds: number }> = [
    // Accepted Mon, clock from Tue 00:00; decided Tue at close: one full office day.
    { name: 'decided at close of the first working day', acceptedAt: '2026-11-16T10:00:00', decidedAt: '2026-11-17T17:30:00', seconds: DAY },
    { name: 'decided on the acceptance day', acceptedAt: '2026-11-16T10:00:00', decidedAt: '2026-11-16T16:00:00', seconds: 0 },
    // Accepted Fri 15:00 (not counted); Sat, Sun nothing; Mon 09:00–13:15 = 4.25 h = 0.5 day.
    { name: 'decided Monday lunchtime after a Friday acceptance', acceptedAt: '2026-11-20T15:00:00', decidedAt: '2026-11-23T13:15:00', seconds: DAY / 2 },
    // Accepted Wed; Thu, Fri, Mon, Tue: a 4-day limit ends Tue 17:30 and the measure is exactly 4.
    { name: 'decided exactly at the due instant of a 4-day limit', acceptedAt: '2026-11-18T11:00:00', decidedAt: '2026-11-24T17:30:00', seconds: 4 * DAY },
    // After close on the 4th day no office time has passed: still 4 (yet after the due instant).
    { name: 'decided after hours on the last day', acceptedAt: '2026-11-18T11:00:00', decidedAt: '2026-11-24T20:00:00', seconds: 4 * DAY },
    // Running Thu 09:00–13:00 (4 h), paused until Mon 11:00, running Mon 11:00–17:30 (6.5 h) and
    // Tue 09:00–12:00 (3 h): 13.5 h.
    {
      name: 'paused from Thursday to Monday', acceptedAt: '2026-11-18T09:30:00', decidedAt: '2026-11-24T12:00:00',
      pauses: [['2026-11-19T13:00:00', '2026-11-23T11:00:00']], seconds: 13.5 * HOUR,
    },
    // A pause within one morning still counts as paused: Tue 09:00–10:00 and 11:00–17:30 = 7.5 h.
    {
      name: 'paused for an hour', acceptedAt: '2026-11-23T16:00:00', decidedAt: '2026-11-24T17:30:00',
      pauses: [['2026-11-24T10:00:00', '2026-11-24T11:00:00']], seconds: 7.5 * HOUR,
    },
    // A pause opened on the acceptance day and closed Wed 09:30: Wed 09:30–17:30 = 8 h.
    {
      name: 'paused from the acceptance day', acceptedAt: '2026-11-23T10:00:00', decidedAt: '2026-11-25T17:30:00',
      pauses: [['2026-11-23T15:00:00', '2026-11-25T09:30:00']], seconds: 8 * HOUR,
    },
    // Accepted Wed Sep 30; Oct 1–7 holidays; Thu Oct 8, Fri Oct 9 full days; Sat Oct 10 (make-up) 09:00–12:00.
    { name: 'across the National Day holidays', acceptedAt: '2026-09-30T16:00:00', decidedAt: '2026-10-10T12:00:00', seconds: 2 * DAY + 3 * HOUR },
  ];
  for (const row of rows) {
    it(`when a step is ${row.name}, then it measured ${row.seconds / HOUR} office hours`, () => {
      const pauses = (row.pauses ?? []).map(([from, to]) => ({ from: sh(from), to: to === null ? null : sh(to) }));
      const measured = stepWorkingTime(calendar, { acceptedAt: sh(row.acceptedAt), decidedAt: sh(row.decidedAt), pauses });
      expect(measured.seconds).to.equal(row.seconds);
      expect(measured.workingDays).to.equal(row.seconds / DAY);
      expect(measured.provisional).to.equal(false);
    });
  }

  it('when the step runs into a year without a published schedule, then the answer is provisional', () => {
    const measured = stepWorkingTime(calendar, { acceptedAt: sh('2026-12-30T10:00:00'), decidedAt: sh('2027-01-05T17:30:00'), pauses: [] });
    // Thu Dec 31 2026; Jan 1 2027 元旦 (computed); Mon Jan 4, Tue Jan 5: 3 days.
    expect(measured).to.deep.equal({ seconds: 3 * DAY, workingDays: 3, provisional: true });
  });
});

describe('working time of the worked example in docs/supervision.md', () => {
  const rows: Array<[string, string, string, Array<[string, string]>, number]> = [
    ['S1', '2026-11-02T10:00:00', '2026-11-12T17:30:00', [], 8],
    ['S2', '2026-11-02T15:00:00', '2026-11-12T13:15:00', [], 7.5],
    ['S3', '2026-11-03T09:30:00', '2026-11-16T17:30:00', [], 9],
    ['S4', '2026-11-04T16:00:00', '2026-11-17T13:15:00', [['2026-11-09T11:00:00', '2026-11-11T11:00:00']], 6.5],
  ];
  for (const [name, acceptedAt, decidedAt, pauses, days] of rows) {
    it(`when ${name} is measured, then it took ${days} working days`, () => {
      const measured = stepWorkingTime(calendar, {
        acceptedAt: sh(acceptedAt), decidedAt: sh(decidedAt), pauses: pauses.map(([from, to]) => ({ from: sh(from), to: sh(to) })),
      });
      expect(measured.workingDays).to.equal(days);
    });
  }
});

describe('metric row (the worked example in docs/supervision.md)', () => {
  it('when 5 steps were accepted, 4 completed (3 early, 1 late) and 1 is open and red, then the figures match the hand calculation', () => {
    // Completed: actual 8, 7.5, 9, 6.5 working days; limits 10, 10, 7, 10; legal 20 each.
    const totals: MetricTotals = {
      accepted: 5, completed: 4, early: 3, lateCompleted: 1, openOverdue: 1,
      workingSeconds: (8 + 7.5 + 9 + 6.5) * DAY, committedDays: 37, legalDays: 80,
    };
    expect(metricRow('zrj', totals, DAY)).to.deep.equal({
      key: 'zrj', accepted: 5, completed: 4,
      completionRate: 0.8, // 4 / 5
      earlyCompletionRate: 0.75, // 3 / 4
      overdueRate: 0.4, // (1 late + 1 open red) / 5
      avgActualWorkingDays: 7.75, // 31 / 4
      avgCommittedDays: 9.25, // 37 / 4
      avgLegalDays: 20, // 80 / 4
      speedupRate: 0.6125, // 1 − 7.75 / 20
    });
  });

  it('when nothing was accepted or completed, then every rate and average is null, not 0', () => {
    const none = metricRow('hbj', { accepted: 0, completed: 0, early: 0, lateCompleted: 0, openOverdue: 0, workingSeconds: 0, committedDays: 0, legalDays: 0 }, DAY);
    expect(none).to.deep.equal({
      key: 'hbj', accepted: 0, completed: 0, completionRate: null, earlyCompletionRate: null, overdueRate: null,
      avgActualWorkingDays: null, avgCommittedDays: null, avgLegalDays: null, speedupRate: null,
    });
    const open = metricRow('hbj', { accepted: 3, completed: 0, early: 0, lateCompleted: 0, openOverdue: 1, workingSeconds: 0, committedDays: 0, legalDays: 0 }, DAY);
    expect(open).to.include({ completionRate: 0, overdueRate: 0.3333, earlyCompletionRate: null, speedupRate: null });
  });
});
