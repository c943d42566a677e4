// The project chart (four stages in order, one open application per stage, reports at any
// stage) and the half-month report periods, as tables.
import { expect } from 'chai';
import { allowedEvents, applyEvent, canApply, type ChartSnapshot } from '../../domain/charts/chart';
import { PROJECT_STATUSES, projectChart, type ProjectContext, type ProjectEvent } from '../../domain/charts/project-chart';
import { followingPeriod, nextStage, PROJECT_STAGE_CODES, reportPeriodAt } from '../../domain/projects';

const at = (value: string, openCaseId: string | null = null, reportedPeriods: string[] = []): ChartSnapshot<ProjectContext> =>
  ({ value, context: { openCaseId, reportedPeriods } });

describe('project chart', () => {
  it('when the chart is built, then its states are the four stages in order, completed and closed', () => {
    expect(Object.keys(projectChart.states)).to.deep.equal([...PROJECT_STATUSES]);
    expect(PROJECT_STAGE_CODES).to.deep.equal(['landUse', 'engineering', 'construction', 'acceptance']);
  });

  for (const stage of PROJECT_STAGE_CODES) {
    const next = nextStage(stage) ?? 'completed';
    describe(`in ${stage}`, () => {
      it('when its own stage is opened with no application under way, then the case is held open', () => {
        const opened = applyEvent(projectChart, at(stage), { type: 'OPEN_STAGE', stage, caseId: 'c1' });
        expect(opened).to.deep.equal(at(stage, 'c1'));
      });

      for (const other of PROJECT_STAGE_CODES.filter((code) => code !== stage)) {
        it(`when ${other} is opened out of order, then it is refused`, () => {
          expect(canApply(projectChart, at(stage), { type: 'OPEN_STAGE', stage: other, caseId: 'c1' })).to.equal(false);
        });
      }

      it('when a second application is opened while one is under way, then it is refused', () => {
        expect(canApply(projectChart, at(stage, 'c1'), { type: 'OPEN_STAGE', stage, caseId: 'c2' })).to.equal(false);
      });

      it(`when the open case passes, then the project moves to ${next}`, () => {
        expect(applyEvent(projectChart, at(stage, 'c1'), { type: 'STAGE_CONCLUDED', caseId: 'c1', passed: true })).to.deep.equal(at(next));
      });

      it('when the open case ends without passing, then the stage stays and is free again', () => {
        expect(applyEvent(projectChart, at(stage, 'c1'), { type: 'STAGE_CONCLUDED', caseId: 'c1', passed: false })).to.deep.equal(at(stage));
      });

      it('when another case is reported concluded, then it is refused', () => {
        const events: ProjectEvent[] = [
          { type: 'STAGE_CONCLUDED', caseId: 'c2', passed: true },
          { type: 'STAGE_CONCLUDED', caseId: 'c2', passed: false },
        ];
        for (const event of events) expect(canApply(projectChart, at(stage, 'c1'), event)).to.equal(false);
        expect(canApply(projectChart, at(stage), { type: 'STAGE_CONCLUDED', caseId: 'c1', passed: true })).to.equal(false);
      });

      it('when a report names a half-month, then it is recorded once however often it is sent', () => {
        const once = applyEvent(projectChart, at(stage), { type: 'REPORT', period: '2026-11-H2' });
        const twice = applyEvent(projectChart, once, { type: 'REPORT', period: '2026-11-H2' });
        expect(twice.context.reportedPeriods).to.deep.equal(['2026-11-H2']);
        expect(canApply(projectChart, at(stage), { type: 'REPORT', period: 'November' })).to.equal(false);
      });

      it('then the allowed events are opening the stage, the report and closing', () => {
        // STAGE_CONCLUDED comes from the stage's case, never from a person: it is not offered.
        expect(allowedEvents(projectChart, at(stage))).to.deep.equal(['CLOSE', 'OPEN_STAGE', 'REPORT']);
      });

      it('when it is closed with a reason and nothing under way, then it is closed for good', () => {
        const closed = applyEvent(projectChart, at(stage), { type: 'CLOSE', reason: '建设单位撤回项目' });
        expect(closed.value).to.equal('closed');
        expect(allowedEvents(projectChart, closed)).to.deep.equal([]);
      });

      it('when it is closed while an application is under way, or without a reason, then it is refused', () => {
        expect(canApply(projectChart, at(stage, 'c1'), { type: 'CLOSE', reason: '建设单位撤回项目' })).to.equal(false);
        expect(canApply(projectChart, at(stage), { type: 'CLOSE', reason: '  ' })).to.equal(false);
      });
    });
  }

  for (const ended of ['completed', 'closed']) {
    it(`when the project is ${ended}, then nothing is allowed`, () => {
      expect(allowedEvents(projectChart, at(ended))).to.deep.equal([]);
      expect(canApply(projectChart, at(ended), { type: 'REPORT', period: '2026-11-H2' })).to.equal(false);
      expect(canApply(projectChart, at(ended), { type: 'CLOSE', reason: '再次终止' })).to.equal(false);
    });
  }
});

describe('half-month report periods (Asia/Shanghai)', () => {
  const cases: [string, string, string, string][] = [
    // instant, period, startsAt, endsAt (UTC)
    ['2026-11-21T06:00:00Z', '2026-11-H2', '2026-11-15T16:00:00.000Z', '2026-11-30T16:00:00.000Z'],
    ['2026-11-15T15:59:59Z', '2026-11-H1', '2026-10-31T16:00:00.000Z', '2026-11-15T16:00:00.000Z'],
    ['2026-11-15T16:00:00Z', '2026-11-H2', '2026-11-15T16:00:00.000Z', '2026-11-30T16:00:00.000Z'],
    ['2026-12-31T17:00:00Z', '2027-01-H1', '2026-12-31T16:00:00.000Z', '2027-01-15T16:00:00.000Z'],
    ['2028-02-20T00:00:00Z', '2028-02-H2', '2028-02-15T16:00:00.000Z', '2028-02-29T16:00:00.000Z'],
  ];
  for (const [instant, period, startsAt, endsAt] of cases) {
    it(`when the instant is ${instant}, then the period is ${period}`, () => {
      expect(reportPeriodAt(instant)).to.deep.equal({ period, startsAt, endsAt });
    });
  }

  it('when periods follow one another, then each starts where the last ended', () => {
    let period = reportPeriodAt('2026-12-01T00:00:00+08:00');
    const names: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const next = followingPeriod(period);
      expect(next.startsAt).to.equal(period.endsAt);
      names.push(next.period);
      period = next;
    }
    expect(names).to.deep.equal(['2026-12-H2', '2027-01-H1', '2027-01-H2', '2027-02-H1']);
  });
});
