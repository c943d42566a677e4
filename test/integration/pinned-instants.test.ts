// Routes that read "now" (complaints, the board) at instants the tests pin through the API's
// clock: a Saturday at 17:31, 23:59:30 Shanghai time, the eve of the Spring Festival. The
// calendar of every day these answers touch is declared here, so nothing depends on the date the
// suite runs or on which years the calendar package covers. Each expectation is worked by hand.
//
//   Declared: Sat 2026-12-05 and Sun 12-06 rest; Mon 12-07 … Fri 12-11 working.
//   A Spring Festival of 2027: Fri 02-05 … Thu 02-11 off, Sat 02-13 a make-up working day.
//   Complaints are due 5 working days after the day they arrive (that day not counted).
import { expect } from 'chai';
import type { DataSource } from 'typeorm';
import { applyCalendarOverride, seedCalendar } from '../../activities/calendar-service';
import type { ApiServer } from '../../api/server';
import { pinnedClock } from '../../config/clock';
import { openDatabase } from '../../entities/data-source';
import { seedDemo } from '../../entities/seed';
import { ApiClient } from '../support/http';
import { dropMysqlDatabase, freshMysqlDatabase } from '../support/mysql';
import { startReadApi } from '../support/read-api';
import { TEST_PASSWORD } from '../support/system';

const sh = (local: string): string => new Date(`${local}+08:00`).toISOString();
const DECLARED: Array<[string, 'holiday' | 'workday', string]> = [
  ['2026-12-04', 'workday', '工作日'], ['2026-12-05', 'holiday', '周末'], ['2026-12-06', 'holiday', '周末'],
  ...['07', '08', '09', '10', '11'].map((d): [string, 'workday', string] => [`2026-12-${d}`, 'workday', '工作日']),
  ['2027-02-04', 'workday', '工作日'],
  ...['05', '06', '07', '08', '09', '10', '11'].map((d): [string, 'holiday', string] => [`2027-02-${d}`, 'holiday', '春节']),
  ['2027-02-12', 'workday', '工作日'], ['2027-02-13', 'workday', '春节调休'], ['2027-02-14', 'holiday', '周末'],
  ...['15', '16', '17'].map((d): [string, 'workday', string] => [`2027-02-${d}`, 'workday', '工作日']),
];

describe('routes at pinned instants (MySQL)', function () {
  this.timeout(120_000);
  const database = `approval_test_pinned_${process.pid}`;
  const clock = pinnedClock(sh('2026-12-01T10:00:00'));
  let db: DataSource;
  let api: ApiServer;
  let supervisor: ApiClient;

  before(async () => {
    db = await openDatabase({ url: await freshMysqlDatabase(database), dataDir: 'data' });
    await seedCalendar(db);
    await seedDemo(db, TEST_PASSWORD);
    for (const [date, kind, name] of DECLARED) await applyCalendarOverride(db, { date, kind, name, by: 'admin1' });
    api = await startReadApi(db, clock);
    supervisor = await ApiClient.signIn(api.url, 'supervisor1');
  });
  after(async () => {
    await api?.stop();
    await db?.destroy();
    await dropMysqlDatabase(database);
  });

  const complaintAt = async (shanghai: string) => {
    clock.set(sh(shanghai));
    const answer = await supervisor.post('/api/complaints', { content: '窗口服务问题', complainant: { name: '李女士', phone: '13700000000' } });
    expect(answer.status, JSON.stringify(answer.body)).to.equal(201);
    return answer.body as { number: string; receivedAt: string; deadlineAt: string };
  };

  const rows: Array<[string, string, { number: string; receivedAt: string; deadlineAt: string }]> = [
    // Fri 23:59:30 is still Friday: numbered that day; Mon (1) … Fri 12-11 (5).
    ['a second before Friday midnight', '2026-12-04T23:59:30', { number: 'TS-20261204-0001', receivedAt: '2026-12-04T23:59:30+08:00', deadlineAt: '2026-12-11T17:30:00+08:00' }],
    // Saturday after close: the rest day is not counted either; the same five working days.
    ['on a Saturday at 17:31', '2026-12-05T17:31:00', { number: 'TS-20261205-0001', receivedAt: '2026-12-05T17:31:00+08:00', deadlineAt: '2026-12-11T17:30:00+08:00' }],
    // Thu 02-04, eve of the holiday: 02-05 … 02-11 off; Fri 02-12 (1), Sat 02-13 make-up (2),
    // Mon 02-15 (3), Tue 02-16 (4), Wed 02-17 (5).
    ['on the eve of the Spring Festival', '2027-02-04T10:00:00', { number: 'TS-20270204-0001', receivedAt: '2027-02-04T10:00:00+08:00', deadlineAt: '2027-02-17T17:30:00+08:00' }],
  ];
  for (const [name, instant, expected] of rows) {
    it(`when a complaint arrives ${name}, then its number, receipt and deadline follow that instant`, async () => {
      expect(await complaintAt(instant)).to.include(expected);
    });
  }

  it('when a second complaint arrives the same Shanghai day, then it takes the next number of that day', async () => {
    expect((await complaintAt('2026-12-05T20:00:00')).number).to.equal('TS-20261205-0002');
  });
});
