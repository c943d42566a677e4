// The calendar routes in-process over HTTP against a fresh MySQL database seeded with the
// published schedules: due dates, validation, admin overrides and the provisional 2027.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import express, { type RequestHandler } from 'express';
import type { DataSource } from 'typeorm';
import { createCalendarService, seedCalendar } from '../../activities/calendar-service';
import { problemMiddleware } from '../../api/errors';
import { RouteBook } from '../../api/endpoints';
import { createCalendarRouter } from '../../api/routes/calendar';
import { ROLES, type Role } from '../../domain/types';
import { CalendarDayRecord } from '../../entities';
import { openDatabase } from '../../entities/data-source';
import { dropMysqlDatabase, freshMysqlDatabase } from '../support/mysql';

const DB_NAME = `approval_test_calendar_${process.pid}`;

/** Stands in for the JWT guard: the caller's role comes from a header. */
const fakeAuthenticate: RequestHandler = (req, _res, next) => {
  const role = req.header('x-test-role') as Role | undefined;
  if (role && ROLES.includes(role)) req.user = { id: 1, username: `${role}1`, role, departmentCode: null };
  next();
};

interface Answer {
  status: number;
  contentType: string | null;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe('calendar routes (HTTP → MySQL)', function () {
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
    return { status: res.status, contentType: res.headers.get('content-type'), body: text ? JSON.parse(text) : undefined };
  }
  const dueDate = (start: string, workingDays: number | string, role: Role = 'clerk') =>
    call(role, 'GET', `/api/calendar/due-date?start=${start}&workingDays=${workingDays}`);
  const row = (date: string) => db.getRepository(CalendarDayRecord).findOneBy({ date });

  before(async () => {
    db = await openDatabase({ url: await freshMysqlDatabase(DB_NAME), dataDir: 'unused' });
    await seedCalendar(db);
    // The calendar these tests rely on: published schedules up to 2026, and 2027 without one,
    // whatever later years the calendar package may come to publish.
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

  it('when a clerk asks for 2026-09-30 + 3 working days, then the make-up Saturday 2026-10-10 is due at 17:30 Shanghai', async () => {
    const answer = await dueDate('2026-09-30', 3);
    expect(answer.status).to.equal(200);
    expect(answer.body).to.deep.equal({
      start: '2026-09-30', workingDays: 3, dueDate: '2026-10-10', dueAt: '2026-10-10T17:30:00+08:00', provisional: false,
    });
    expect((await dueDate('2026-09-30', 2)).body).to.include({ dueDate: '2026-10-09' });
  });

  it('when any signed-in role asks for a due date, then it is answered; without sign-in it is 401', async () => {
    for (const role of ROLES) {
      expect((await dueDate('2025-01-27', 5, role)).body, role).to.include({ dueDate: '2025-02-10' });
    }
    expect((await call(null, 'GET', '/api/calendar/due-date?start=2026-09-30&workingDays=3')).status).to.equal(401);
  });

  it('when the query is invalid, then 400 problem+json names every offending field', async () => {
    const bad = await dueDate('2026-02-30', 'abc');
    expect(bad.status).to.equal(400);
    expect(bad.contentType).to.match(/^application\/problem\+json/);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).to.deep.equal(['query.start', 'query.workingDays']);

    for (const workingDays of ['366', '-1', '1.5', '']) {
      const answer = await dueDate('2026-09-30', workingDays);
      expect(answer.status, workingDays).to.equal(400);
      expect(answer.body.errors.map((e: { path: string }) => e.path), workingDays).to.deep.equal(['query.workingDays']);
    }
    const missing = await call('clerk', 'GET', '/api/calendar/due-date');
    expect(missing.body.errors.map((e: { path: string }) => e.path).sort()).to.deep.equal(['query.start', 'query.workingDays']);
    expect((await dueDate('2026-9-30', 1)).body.errors[0].path).to.equal('query.start');
    expect((await dueDate('2026-09-30', 365)).status).to.equal(200);
  });

  it('when an admin makes 2026-11-23 a holiday, then the due date moves and dependents are told about the date', async () => {
    const worker = createCalendarService({ db }); // another process's cache, which sees no invalidate()
    expect((await worker.current()).isWorkingDay('2026-11-23')).to.equal(true);
    expect((await dueDate('2026-11-20', 1)).body).to.include({ dueDate: '2026-11-23' });

    const put = await call('admin', 'PUT', '/api/calendar/days/2026-11-23', { kind: 'holiday', name: '临时调整' });
    expect(put.status, JSON.stringify(put.body)).to.equal(200);
    expect(put.body).to.include({ date: '2026-11-23', kind: 'holiday', name: '临时调整', source: 'admin', working: false, updatedBy: 'admin1' });
    expect(put.body.updatedAt).to.match(/\+08:00$/);
    expect(changes).to.deep.equal(['2026-11-23']);

    expect((await dueDate('2026-11-20', 1)).body).to.include({ dueDate: '2026-11-24', dueAt: '2026-11-24T17:30:00+08:00' });
    expect((await worker.current()).isWorkingDay('2026-11-23')).to.equal(false);
    expect(await row('2026-11-23')).to.include({ kind: 'holiday', source: 'admin', updatedBy: 'admin1' });
  });

  it('when a non-admin tries to change a day, then 403 and nothing changes', async () => {
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      const answer = await call(role, 'PUT', '/api/calendar/days/2026-12-01', { kind: 'holiday', name: '不应生效' });
      expect(answer.status, role).to.equal(403);
      expect((await call(role, 'DELETE', '/api/calendar/days/2026-10-10')).status, role).to.equal(403);
    }
    expect(await row('2026-12-01')).to.equal(null);
    expect(changes).to.deep.equal([]);
  });

  it('when the PUT body or date is invalid, then 400 names the fields', async () => {
    const extra = await call('admin', 'PUT', '/api/calendar/days/2026-12-02', { kind: 'holiday', name: '假日', note: 'x' });
    expect(extra.status).to.equal(400);
    const badKind = await call('admin', 'PUT', '/api/calendar/days/2026-12-02', { kind: 'weekend', name: '' });
    expect(badKind.body.errors.map((e: { path: string }) => e.path).sort()).to.deep.equal(['kind', 'name']);
    const badDate = await call('admin', 'PUT', '/api/calendar/days/2026-13-01', { kind: 'holiday', name: '假日' });
    expect(badDate.body.errors.map((e: { path: string }) => e.path)).to.deep.equal(['params.date']);
    expect(await row('2026-12-02')).to.equal(null);
    expect(changes).to.deep.equal([]);
  });

  it('when an admin removes an override of a published day, then the published entry is restored', async () => {
    await call('admin', 'PUT', '/api/calendar/days/2026-10-10', { kind: 'holiday', name: '调整' });
    expect((await dueDate('2026-09-30', 3)).body).to.include({ dueDate: '2026-10-12' });

    const removed = await call('admin', 'DELETE', '/api/calendar/days/2026-10-10');
    expect(removed.status, JSON.stringify(removed.body)).to.equal(200);
    expect(removed.body).to.include({ date: '2026-10-10', kind: 'workday', name: '国庆节调休', source: 'published', working: true });
    expect(await row('2026-10-10')).to.include({ kind: 'workday', name: '国庆节调休', source: 'published', updatedBy: null });
    expect((await dueDate('2026-09-30', 3)).body).to.include({ dueDate: '2026-10-10' });
    expect(changes).to.deep.equal(['2026-10-10', '2026-10-10']);
  });

  it('when an admin removes an override of an unlisted day, then the row is gone; with no row it is 404', async () => {
    await call('admin', 'PUT', '/api/calendar/days/2026-12-07', { kind: 'holiday', name: '临时' });
    const removed = await call('admin', 'DELETE', '/api/calendar/days/2026-12-07');
    expect(removed.status).to.equal(200);
    expect(removed.body).to.include({ date: '2026-12-07', kind: 'weekday', name: null, source: null, working: true });
    expect(await row('2026-12-07')).to.equal(null);

    changes.length = 0;
    const missing = await call('admin', 'DELETE', '/api/calendar/days/2026-12-07');
    expect(missing.status).to.equal(404);
    expect(changes).to.deep.equal([]);
  });

  it('when seeded again after an override, then the admin row is kept and nothing is duplicated', async () => {
    await call('admin', 'PUT', '/api/calendar/days/2026-02-28', { kind: 'holiday', name: '调整' });
    const before = await db.getRepository(CalendarDayRecord).count();
    await seedCalendar(db);
    expect(await db.getRepository(CalendarDayRecord).count()).to.equal(before);
    expect(await row('2026-02-28')).to.include({ kind: 'holiday', source: 'admin' });
  });

  it('when a question touches 2027, then the answer is computed from the statutory holidays and flagged provisional', async () => {
    expect((await dueDate('2027-02-04', 1)).body).to.deep.equal({
      start: '2027-02-04', workingDays: 1, dueDate: '2027-02-09', dueAt: '2027-02-09T17:30:00+08:00', provisional: true,
    });
    expect((await dueDate('2026-12-31', 1)).body).to.include({ dueDate: '2027-01-04', provisional: true });

    const year = await call('officer', 'GET', '/api/calendar/days?year=2027');
    expect(year.status).to.equal(200);
    expect(year.body.provisional).to.equal(true);
    expect(year.body.days.slice(0, 5)).to.deep.equal([
      { date: '2027-01-01', kind: 'holiday', name: '元旦', source: 'provisional' },
      { date: '2027-02-05', kind: 'holiday', name: '春节', source: 'provisional' },
      { date: '2027-02-06', kind: 'holiday', name: '春节', source: 'provisional' },
      { date: '2027-02-07', kind: 'holiday', name: '春节', source: 'provisional' },
      { date: '2027-02-08', kind: 'holiday', name: '春节', source: 'provisional' },
    ]);
  });

  it('when an admin sets a day in 2027, then it lies over the computed days and 2027 stays provisional', async () => {
    await call('admin', 'PUT', '/api/calendar/days/2027-02-09', { kind: 'holiday', name: '春节' });
    expect((await dueDate('2027-02-04', 1)).body).to.include({ dueDate: '2027-02-10', provisional: true });
    const year = await call('clerk', 'GET', '/api/calendar/days?year=2027');
    expect(year.body.provisional).to.equal(true);
    expect(year.body.days.find((d: { date: string }) => d.date === '2027-02-05')).to.include({ source: 'provisional' });
    expect(year.body.days.find((d: { date: string }) => d.date === '2027-02-09')).to.include({ source: 'admin' });
  });

  it('when a published year is listed, then its stored rows come back', async () => {
    const year = await call('supervisor', 'GET', '/api/calendar/days?year=2025');
    expect(year.body.provisional).to.equal(false);
    expect(year.body.days).to.deep.include({ date: '2025-01-26', kind: 'workday', name: '春节调休', source: 'published' });
    expect(year.body.days).to.deep.include({ date: '2025-10-06', kind: 'holiday', name: '中秋', source: 'published' });
    expect((await call('clerk', 'GET', '/api/calendar/days?year=25')).body.errors[0].path).to.equal('query.year');
  });
});
