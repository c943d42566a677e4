// 日历覆盖检查 over a real database: the supervision office is warned, once per year, when the next
// 130 working days or a running deadline reach a year with neither a published nor an imported
// schedule. The calendar is declared here: nothing is seeded from the calendar package, so every
// year is provisional unless this test imports it.
import { expect } from 'chai';
import { Like, type DataSource } from 'typeorm';
import { createCalendarCoverageActivities } from '../../activities/calendar-coverage';
import { createCalendarService, importCalendarYear } from '../../activities/calendar-service';
import { openDatabase } from '../../entities/data-source';
import { CaseRecord, Notification, Step } from '../../entities';
import { noticeText } from '../../domain/notice-text';
import type { CoverageResult } from '../../activities/calendar-coverage-types';
import { CALENDAR_COVERAGE_SCHEDULE_ID, ensureCalendarCoverageSchedule } from '../../workers/calendar-coverage-schedule';
import { eventually } from '../support/eventually';
import { startSystem, type RunningSystem } from '../support/system';
import { closeOf, nthCountedClose, type DeclaredDays } from '../support/weekday-walker';

// The 2040 schedule as an admin imports it (two holidays are enough for this test).
const DAYS_2040 = [
  { date: '2040-01-01', kind: 'holiday' as const, name: '元旦' },
  { date: '2040-05-01', kind: 'holiday' as const, name: '劳动节' },
];
const DECLARED_2040: DeclaredDays = new Map(DAYS_2040.map(({ date, kind }) => [date, kind]));

describe('calendar coverage check (日历覆盖检查)', function () {
  this.timeout(60_000);
  let db: DataSource;
  let check: ReturnType<typeof createCalendarCoverageActivities>['checkCalendarCoverage'];

  before(async () => {
    db = await openDatabase({ url: 'sqljs::memory' });
    await importCalendarYear(db, { year: 2040, days: DAYS_2040, by: 'admin1' });
    check = createCalendarCoverageActivities({ db, calendar: createCalendarService({ db }) }).checkCalendarCoverage;
  });
  after(async () => {
    await db?.destroy();
  });

  const notices = () => db.getRepository(Notification).find({ where: { recipientRole: 'supervisor' }, order: { id: 'ASC' } });

  it('when the next 130 working days stay in an imported year, then nothing is provisional and nobody is warned', async () => {
    // After close of office on Thu 2040-03-01: the 130th working day after, walked over the declared days.
    const asOf = '2040-03-01T18:00:00+08:00';
    const result = await check({ asOf });
    expect(Date.parse(result.horizon)).to.equal(nthCountedClose(Date.parse(asOf), 130, DECLARED_2040));
    expect(result).to.deep.include({ provisionalYears: [], runningDeadlines: [], noticesWritten: 0 });
    expect(await notices()).to.deep.equal([]);
  });

  it('when a running deadline falls in a year without a schedule, then the office is warned once for that year', async () => {
    const at = new Date('2040-02-01T02:00:00Z');
    await db.getRepository(CaseRecord).insert(['case-a', 'case-b', 'case-c'].map((id) => ({
      id, trackingCode: id.toUpperCase(), status: 'inReview', channel: 'standard', applicantName: '星河建设有限公司', applicantPhone: '13912345678',
      matterCodes: [], registeredById: 1, submittedAt: at, acceptedAt: at, updatedAt: at, version: 1,
    })) as never);
    await db.getRepository(Step).insert([
      { id: 'case-a-ZRJ-001', caseId: 'case-a', matterCode: 'ZRJ-001', departmentCode: 'zrj', status: 'claimed', light: 'green', dueAt: new Date(closeOf('2041-01-15')), updatedAt: at, version: 3 },
      { id: 'case-b-HBJ-001', caseId: 'case-b', matterCode: 'HBJ-001', departmentCode: 'hbj', status: 'inReview', light: 'green', dueAt: new Date(closeOf('2041-02-20')), updatedAt: at, version: 3 },
      // Decided: its deadline no longer runs.
      { id: 'case-c-HBJ-001', caseId: 'case-c', matterCode: 'HBJ-001', departmentCode: 'hbj', status: 'approved', light: 'green', dueAt: new Date(closeOf('2041-03-01')), updatedAt: at, version: 5 },
    ] as never);
    const first = await check({ asOf: '2040-03-02T18:00:00+08:00' });
    expect(first).to.deep.include({ provisionalYears: [], runningDeadlines: [{ year: 2041, steps: 2 }], noticesWritten: 1 });
    const again = await check({ asOf: '2040-03-03T18:00:00+08:00' });
    expect(again.noticesWritten, 'warned once').to.equal(0);
    const [notice] = await notices();
    expect(notice).to.deep.include({ template: 'calendar.deadlines-provisional', recipient: 'office', dedupeKey: 'calendar-coverage:2041:running-deadlines' });
    expect(noticeText(notice.template, notice.payload).title).to.equal('日历预警：2 个在办环节的期限落在 2041 年（节假日安排未发布）');
  });

  it('when the next 130 working days reach a year without a schedule, then the office is warned once, and not after the year is imported', async () => {
    const autumn = await check({ asOf: '2040-09-03T18:00:00+08:00' });
    expect(new Date(Date.parse(autumn.horizon) + 8 * 3_600_000).getUTCFullYear()).to.equal(2041);
    expect(autumn).to.deep.include({ provisionalYears: [2041], noticesWritten: 1 });
    expect((await check({ asOf: '2040-09-04T18:00:00+08:00' })).noticesWritten).to.equal(0);
    const horizon = (await notices()).find((row) => row.template === 'calendar.horizon-provisional')!;
    expect(horizon.payload).to.deep.include({ year: 2041, lookaheadWorkingDays: 130 });
    expect(noticeText(horizon.template, horizon.payload).title).to.equal('日历预警：2041 年节假日安排尚未发布或导入');

    await importCalendarYear(db, { year: 2041, days: [{ date: '2041-01-01', kind: 'holiday', name: '元旦' }], by: 'admin1' });
    expect(await check({ asOf: '2040-09-05T18:00:00+08:00' })).to.deep.include({ provisionalYears: [], runningDeadlines: [], noticesWritten: 0 });
  });
});

describe('calendar coverage schedule (Temporal dev server)', function () {
  this.timeout(180_000);
  let system: RunningSystem;

  before(async () => {
    system = await startSystem('calendarcoverage');
  });
  after(async () => {
    await system?.stop();
  });

  it('when a worker ensures the schedule, then it runs every morning in Shanghai and once at once; ensuring it again changes nothing', async () => {
    const client = system.env.client;
    expect(await ensureCalendarCoverageSchedule(client, system.taskQueue)).to.equal(true);
    expect(await ensureCalendarCoverageSchedule(client, system.taskQueue)).to.equal(false);
    const schedule = await client.schedule.getHandle(CALENDAR_COVERAGE_SCHEDULE_ID).describe();
    expect(schedule.spec.timezone).to.equal('Asia/Shanghai');
    expect(schedule.spec.calendars?.map(({ hour, minute }) => [hour, minute])).to.deep.equal([[[{ start: 6, end: 6, step: 1 }], [{ start: 0, end: 0, step: 1 }]]]);
    expect(schedule.action).to.deep.include({ type: 'startWorkflow', workflowType: 'calendarCoverageWorkflow', taskQueue: system.taskQueue });

    // The immediate run checks the system's calendar and writes what it reports.
    const run = await eventually(async () => {
      const [action] = (await client.schedule.getHandle(CALENDAR_COVERAGE_SCHEDULE_ID).describe()).info.recentActions;
      expect(action, 'the triggered run').not.to.equal(undefined);
      return action.action.workflow;
    });
    const result = await client.workflow.getHandle(run.workflowId, run.firstExecutionRunId).result() as CoverageResult;
    const written = await system.db.getRepository(Notification).count({ where: { recipientRole: 'supervisor', template: Like('calendar.%') } });
    expect(written).to.equal(result.noticesWritten);
    expect(result.noticesWritten).to.equal(result.provisionalYears.length + result.runningDeadlines.length);
    expect(Date.parse(result.horizon)).to.be.above(Date.parse((await client.workflow.getHandle(run.workflowId).describe()).startTime.toISOString()));
    await client.schedule.getHandle(CALENDAR_COVERAGE_SCHEDULE_ID).delete();
  });
});
