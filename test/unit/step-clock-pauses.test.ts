// Pauses and the step clock: a pause moves the due instant by exactly the working days it
// stopped the clock over, and a pause over no working-day close moves nothing — on the
// acceptance day, over a weekend or a holiday, or after close of office.
//
// The calendar is declared here (a fictional 2031 schedule, so no calendar package is involved):
// 春节 Wed 01-22 – Tue 01-28 off, make-up working days Sun 01-19 and Sat 02-08; 清明 Fri 04-04 off.
// Expected instants come from the weekday walker in test/support, not from the product's calendar.
import { expect } from 'chai';
import fc from 'fast-check';
import { createClockActivities } from '../../activities/clock';
import { WorkingCalendar, type CalendarDay } from '../../domain/calendar';
import { StepClock } from '../../workflows/step-clock';
import { nthCountedClose, type DeclaredDays } from '../support/weekday-walker';

const DECLARED: CalendarDay[] = [
  { date: '2031-01-19', kind: 'workday', name: '春节调休' },
  ...['2031-01-22', '2031-01-23', '2031-01-24', '2031-01-25', '2031-01-26', '2031-01-27', '2031-01-28']
    .map((date): CalendarDay => ({ date, kind: 'holiday', name: '春节' })),
  { date: '2031-02-08', kind: 'workday', name: '春节调休' },
  { date: '2031-04-04', kind: 'holiday', name: '清明节' },
];
const declared: DeclaredDays = new Map(DECLARED.map((day) => [day.date, day.kind]));
const calendar = new WorkingCalendar(DECLARED, { publishedYears: [2031] });
const acts = createClockActivities({ calendar: { current: async () => calendar } });

const shanghai = (wallClock: string): string => new Date(`${wallClock}+08:00`).toISOString();

/** Runs a step clock through acceptance and the given pauses; answers its due instant in ms. */
async function dueAfter(acceptedAt: string, limitDays: number, pauses: Array<[string, string]>): Promise<number> {
  const clock = new StepClock(limitDays, limitDays + 10, acts);
  await clock.start(acceptedAt);
  for (const [from, to] of pauses) {
    await clock.pause(from);
    await clock.resume(to);
  }
  return Date.parse(clock.view().dueAt!);
}

describe('step clock: pauses move the due instant by the working time they stop', () => {
  // Accepted Mon 2031-03-03 10:00, limit 5: counted closes Tue 03-04 … Mon 03-10 → due 03-10 17:30.
  const accepted = shanghai('2031-03-03T10:00:00');
  const rows: Array<[string, Array<[string, string]>, string]> = [
    ['no pause', [], '2031-03-10T17:30:00'],
    ['paused and resumed within the acceptance day, before close', [['2031-03-03T11:00:00', '2031-03-03T14:00:00']], '2031-03-10T17:30:00'],
    ['paused on the acceptance day, resumed the next morning', [['2031-03-03T16:00:00', '2031-03-04T09:00:00']], '2031-03-10T17:30:00'],
    ['paused and resumed after close of office', [['2031-03-04T18:00:00', '2031-03-04T23:00:00']], '2031-03-10T17:30:00'],
    ['paused over a weekend', [['2031-03-07T18:00:00', '2031-03-10T08:30:00']], '2031-03-10T17:30:00'],
    ['paused over one working day close (Tue 03-04)', [['2031-03-04T09:00:00', '2031-03-05T09:00:00']], '2031-03-11T17:30:00'],
    ['paused over three closes across a weekend (Thu, Fri, Mon)', [['2031-03-06T10:00:00', '2031-03-11T08:00:00']], '2031-03-13T17:30:00'],
  ];
  for (const [name, pauses, due] of rows) {
    it(`when ${name}, then the step is due ${due}`, async () => {
      const at = await dueAfter(accepted, 5, pauses.map(([from, to]) => [shanghai(from), shanghai(to)]));
      expect(new Date(at).toISOString()).to.equal(shanghai(due));
    });
  }

  it('when accepted on the eve of the Spring Festival and paused through it, then the holiday and the acceptance day cost nothing', async () => {
    // Accepted Tue 01-21 15:00, limit 3. Without pauses: Wed 01-22 … Tue 01-28 are off, so
    // Wed 01-29 (1), Thu 01-30 (2), Fri 01-31 (3). Paused 01-21 16:00 → 01-28 20:00: no working close.
    const at = await dueAfter(shanghai('2031-01-21T15:00:00'), 3, [[shanghai('2031-01-21T16:00:00'), shanghai('2031-01-28T20:00:00')]]);
    expect(new Date(at).toISOString()).to.equal(shanghai('2031-01-31T17:30:00'));
  });

  it('for random acceptances and pauses across the declared holidays, then the due instant moves by exactly the closes spent paused', async () => {
    const start = Date.parse('2031-01-10T00:00:00+08:00');
    const minute = 60_000;
    const instant = (span: number) => fc.integer({ min: 0, max: span }).map((m) => start + m * minute);
    const scenario = fc.record({
      acceptedMs: instant(40 * 24 * 60),
      limitDays: fc.integer({ min: 1, max: 12 }),
      // Offsets (minutes) after acceptance, paired into pause/resume instants in order.
      offsets: fc.uniqueArray(fc.integer({ min: 0, max: 30 * 24 * 60 }), { maxLength: 6 }).map((xs) => [...xs].sort((a, b) => a - b)),
    });
    await fc.assert(fc.asyncProperty(scenario, async ({ acceptedMs, limitDays, offsets }) => {
      const pauses: Array<[number, number]> = [];
      for (let i = 0; i + 1 < offsets.length; i += 2) pauses.push([acceptedMs + offsets[i] * minute, acceptedMs + offsets[i + 1] * minute]);
      const paused = (close: number): boolean => pauses.some(([from, to]) => close > from && close <= to);
      // A pause that begins after the clock ran out re-plans from its resume: outside this rule.
      const dueWithPauses = nthCountedClose(acceptedMs, limitDays, declared, (close) => !paused(close));
      fc.pre(pauses.every(([from]) => from < dueWithPauses));
      const stopped = pauses.length === 0 ? 0 : countWorkingClosesPaused(acceptedMs, dueWithPauses, paused);
      const actual = await dueAfter(new Date(acceptedMs).toISOString(), limitDays, pauses.map(([from, to]) => [new Date(from).toISOString(), new Date(to).toISOString()]));
      expect(actual).to.equal(dueWithPauses);
      // The same instant, read as "the plain due instant pushed by the working days spent paused".
      expect(actual).to.equal(nthCountedClose(acceptedMs, limitDays + stopped, declared));
    }), { numRuns: 300 });
  });
});

/** Working-day closes after the acceptance day and up to `until` that fell inside a pause. */
function countWorkingClosesPaused(acceptedMs: number, until: number, paused: (close: number) => boolean): number {
  let count = 0;
  for (let n = 1; ; n += 1) {
    const close = nthCountedClose(acceptedMs, n, declared);
    if (close > until) return count;
    if (paused(close)) count += 1;
  }
}
