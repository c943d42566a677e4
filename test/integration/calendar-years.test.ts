// Whole years of the calendar in-process over HTTP against a fresh MySQL database seeded with the
// published schedules: the coverage list, importing a year in our shape or holiday-cn's, and what
// an import replaces. "Now" is pinned to mid-2026, and 2027 is kept unpublished whatever the
// calendar package ships, so the answers do not depend on the day the suite runs.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import express, { type RequestHandler } from 'express';
import type { DataSource } from 'typeorm';
import { Between } from 'typeorm';
import { createCalendarService, seedCalendar } from '../../activities/calendar-service';
import { pinnedClock } from '../../config/clock';
import { problemMiddleware } from '../../api/errors';
import { RouteBook } from '../../api/endpoints';
import { createCalendarRouter } from '../../api/routes/calendar';
import { ROLES, type Role } from '../../domain/types';
import { CalendarDayRecord } from '../../entities';
import { openDatabase } from '../../entities/data-source';
import { dropMysqlDatabase, freshMysqlDatabase } from '../support/mysql';

const DB_NAME = `approval_test_calendar_years_${process.pid}`;

/** Stands in for the JWT guard: the caller's role comes from a header. */
const fakeAuthenticate: RequestHandler = (req, _res, next) => {
  const role = req.header('x-test-role') as Role | undefined;
  if (role && ROLES.includes(role)) req.user = { id: 1, username: `${role}1`, role, departmentCode: null };
  next();
};

interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** A 2027 schedule as the State Council might publish it: 春节 with two make-up Saturdays. */
const SPRING_2027 = [
  { date: '2027-01-01', kind: 'holiday', name: '元旦' },
  { date: '2027-02-06', kind: 'workday', name: '春节调休' },
  { date: '2027-02-08', kind: 'holiday', name: '春节' },
  { date: '2027-02-09', kind: 'holiday', name: '春节' },
  { date: '2027-02-10', kind: 'holiday', name: '春节' },
  { date: '2027-02-11', kind: 'holiday', name: '春节' },
  { date: '2027-02-12', kind: 'holiday', name: '春节' },
  { date: '2027-02-20', kind: 'workday', name: '春节调休' },
];

describe('calendar years (HTTP → MySQL)', function () {
  this.timeout(60_000);
  let db: DataSource;
  let server: Server;
  let base: string;
  const changes: string[] = [];

  async function call(role: Role | null, method: string, path: string, body?: unknown): Promise<Answer> {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(role ? { 'x-test-role': role } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }
  const years = async (role: Role = 'clerk') => (await call(role, 'GET', '/api/calendar/years')).body;
  const yearOf = async (year: number) => (await years()).items.find((item: { year: number }) => item.year === year);
  const dueDate = async (start: string, workingDays: number) =>
    (await call('clerk', 'GET', `/api/calendar/due-date?start=${start}&workingDays=${workingDays}`)).body;
  const rowsOf = (year: number) => db.getRepository(CalendarDayRecord)
    .find({ where: { date: Between(`${year}-01-01`, `${year}-12-31`) }, order: { date: 'ASC' } });
  const paths = (answer: Answer) => answer.body.errors.map((e: { path: string }) => e.path);

  before(async () => {
    db = await openDatabase({ url: await freshMysqlDatabase(DB_NAME), dataDir: 'unused' });
    await seedCalendar(db);
    await db.getRepository(CalendarDayRecord).createQueryBuilder().delete()
      .where('date >= :from AND source = :source', { from: '2027-01-01', source: 'published' }).execute();
    const app = express();
    app.use(express.json());
    app.use(fakeAuthenticate);
    app.use(createCalendarRouter({
      db,
      calendar: createCalendarService({ db }),
      onCalendarChanged: async (date) => { changes.push(date); },
      book: new RouteBook(),
      clock: pinnedClock('2026-06-15T10:00:00+08:00'),
    }));
    app.use(problemMiddleware);
    server = await new Promise<Server>((resolve) => { const s = app.listen(0, () => resolve(s)); });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    if (db?.isInitialized) await db.destroy();
    await dropMysqlDatabase(DB_NAME);
  });
  beforeEach(() => { changes.length = 0; });

  it('when anyone signed in lists the years, then each seeded year is published and next year is provisional', async () => {
    for (const role of ROLES) expect((await call(role, 'GET', '/api/calendar/years')).status, role).to.equal(200);
    expect((await call(null, 'GET', '/api/calendar/years')).status).to.equal(401);
    const list = await years();
    const listed = list.items.map((item: { year: number }) => item.year);
    expect(listed[0]).to.equal(2024);
    expect(listed.at(-1)).to.equal(2027);
    expect(listed).to.deep.equal([2024, 2025, 2026, 2027]);
    expect(list).to.include({ page: 1, pageSize: 4, total: 4 });
    expect(list.items.slice(0, 3).map((item: { source: string }) => item.source)).to.deep.equal(['published', 'published', 'published']);
    const next = list.items[3];
    expect(next).to.include({ year: 2027, source: 'provisional', updatedAt: null, updatedBy: null, workdays: 0 });
    expect(next.holidays).to.equal(next.days).and.to.be.above(10);
    const published = list.items[2];
    expect(published.days).to.equal(published.holidays + published.workdays);
    expect(published.updatedAt).to.match(/\+08:00$/);
    expect((await call('clerk', 'GET', '/api/calendar/years?year=2027')).status).to.equal(400);
  });

  it('when an admin imports 2027 in our shape, then it is a real schedule, due dates follow it and clocks re-plan once', async () => {
    expect(await dueDate('2027-02-05', 1)).to.include({ dueDate: '2027-02-09', provisional: true });
    const put = await call('admin', 'PUT', '/api/calendar/years/2027', { days: SPRING_2027 });
    expect(put.status, JSON.stringify(put.body)).to.equal(200);
    expect(put.body).to.include({ year: 2027, source: 'imported', provisional: false });
    expect(put.body.days).to.deep.equal(SPRING_2027.map((day) => ({ ...day, source: 'imported' })));
    expect(changes).to.deep.equal(['2027-01-01']);

    expect(await yearOf(2027)).to.include({ source: 'imported', days: 8, holidays: 6, workdays: 2, updatedBy: 'admin1' });
    // 2027-02-06 is a make-up Saturday; the 春节 week is off; the computed 2027-02-05 holiday is gone.
    expect(await dueDate('2027-02-04', 1)).to.include({ dueDate: '2027-02-05', provisional: false });
    expect(await dueDate('2027-02-05', 1)).to.include({ dueDate: '2027-02-06', provisional: false });
    expect(await dueDate('2027-02-06', 1)).to.include({ dueDate: '2027-02-15', provisional: false });
    const rows = await rowsOf(2027);
    expect(rows.map((row) => row.source)).to.deep.equal(Array(8).fill('imported'));
    expect(rows.every((row) => row.updatedBy === 'admin1')).to.equal(true);

    const another = createCalendarService({ db }); // another process's cache, which sees no invalidate()
    expect((await another.current()).isProvisional('2027-03-01')).to.equal(false);
    expect((await call('clerk', 'GET', '/api/calendar/days?year=2027')).body).to.include({ provisional: false, source: 'imported' });
  });

  it('when an admin imports a holiday-cn year file, then isOffDay makes holidays and make-up days, and the earlier import is gone', async () => {
    const file = {
      $schema: 'https://raw.githubusercontent.com/NateScarlet/holiday-cn/master/schema.json',
      $id: 'https://raw.githubusercontent.com/NateScarlet/holiday-cn/master/2027.json',
      year: 2027,
      papers: ['https://www.gov.cn/zhengce/content/2027-example.htm'],
      days: [
        { name: '元旦', date: '2027-01-01', isOffDay: true },
        { name: '春节', date: '2027-02-05', isOffDay: true },
        { name: '春节', date: '2027-02-08', isOffDay: true },
        { name: '春节', date: '2027-02-07', isOffDay: false },
      ],
    };
    const put = await call('admin', 'PUT', '/api/calendar/years/2027', file);
    expect(put.status, JSON.stringify(put.body)).to.equal(200);
    expect(put.body.days).to.deep.equal([
      { date: '2027-01-01', kind: 'holiday', name: '元旦', source: 'imported' },
      { date: '2027-02-05', kind: 'holiday', name: '春节', source: 'imported' },
      { date: '2027-02-07', kind: 'workday', name: '春节', source: 'imported' },
      { date: '2027-02-08', kind: 'holiday', name: '春节', source: 'imported' },
    ]);
    expect((await rowsOf(2027)).map((row) => row.date)).to.deep.equal(['2027-01-01', '2027-02-05', '2027-02-07', '2027-02-08']);
    expect(await dueDate('2027-02-04', 1)).to.include({ dueDate: '2027-02-07' });
    expect(await dueDate('2027-02-07', 1)).to.include({ dueDate: '2027-02-09' });
    expect(changes).to.deep.equal(['2027-01-01']);
  });

  it('when a date is outside the year, listed twice or has no kind, then 400 names each day and nothing changes', async () => {
    const before = await rowsOf(2027);
    const outside = await call('admin', 'PUT', '/api/calendar/years/2027', {
      days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }, { date: '2026-12-31', kind: 'holiday', name: '跨年' }],
    });
    expect(outside.status).to.equal(400);
    expect(paths(outside)).to.deep.equal(['days.1.date']);
    const twice = await call('admin', 'PUT', '/api/calendar/years/2027', {
      days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }, { date: '2027-01-02', kind: 'holiday', name: '元旦' }, { date: '2027-01-01', kind: 'workday', name: '元旦' }],
    });
    expect(paths(twice)).to.deep.equal(['days.2.date']);
    const year = await call('admin', 'PUT', '/api/calendar/years/2027', { year: 2028, days: [{ name: '元旦', date: '2027-01-01', isOffDay: true }] });
    expect(paths(year)).to.deep.equal(['year']);
    const kinds = await call('admin', 'PUT', '/api/calendar/years/2027', {
      days: [{ date: '2027-01-01', name: '元旦' }, { date: '2027-01-02', name: '元旦', kind: 'holiday', isOffDay: true }, { date: '2027-13-01', name: 'x', kind: 'rest' }],
    });
    expect(paths(kinds).sort()).to.deep.equal(['days.0.kind', 'days.1.kind', 'days.2.date', 'days.2.kind']);
    expect(paths(await call('admin', 'PUT', '/api/calendar/years/2027', { days: [] }))).to.deep.equal(['days']);
    expect(paths(await call('admin', 'PUT', '/api/calendar/years/2027', { days: SPRING_2027, note: 'x' }))).to.deep.equal(['']);
    expect(paths(await call('admin', 'PUT', '/api/calendar/years/27', { days: SPRING_2027 }))).to.deep.equal(['params.year']);
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      expect((await call(role, 'PUT', '/api/calendar/years/2027', { days: SPRING_2027 })).status, role).to.equal(403);
    }
    expect(await rowsOf(2027)).to.deep.equal(before);
    expect(changes).to.deep.equal([]);
  });

  it('when a published year is imported, then its published days and admin entries give way, and seeding again adds none back', async () => {
    expect((await call('admin', 'PUT', '/api/calendar/days/2025-12-01', { kind: 'holiday', name: '临时' })).status).to.equal(200);
    const days = [
      { date: '2025-01-01', kind: 'holiday', name: '元旦' },
      { date: '2025-10-01', kind: 'holiday', name: '国庆节' },
    ];
    expect((await call('admin', 'PUT', '/api/calendar/years/2025', { days })).status).to.equal(200);
    expect((await rowsOf(2025)).map(({ date, source }) => ({ date, source }))).to.deep.equal([
      { date: '2025-01-01', source: 'imported' }, { date: '2025-10-01', source: 'imported' },
    ]);
    expect(await yearOf(2025)).to.include({ source: 'imported', days: 2 });
    // 2025-10-02 was a published 国庆节 holiday; the import made it a working Thursday.
    expect(await dueDate('2025-10-01', 1)).to.include({ dueDate: '2025-10-02', provisional: false });

    await seedCalendar(db);
    expect(await rowsOf(2025)).to.have.length(2);
    expect(await yearOf(2026)).to.include({ source: 'published' });

    // An imported day is part of the schedule, not an override: removing it leaves it in place.
    const removed = await call('admin', 'DELETE', '/api/calendar/days/2025-10-01');
    expect(removed.status).to.equal(200);
    expect(removed.body).to.include({ kind: 'holiday', source: 'imported' });
    expect(await rowsOf(2025)).to.have.length(2);
  });
});
