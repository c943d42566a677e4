// The case lists read each department's list rows and the maintained case counts instead of
// scanning cases: whatever order projections arrive in, retried or concurrent, the totals equal
// a count of the rows and each department sees exactly the cases it has a step in.
import { expect } from 'chai';
import type { DataSource, MigrationInterface } from 'typeorm';
import { createProjectionActivities } from '../../activities/projection';
import type { ProjectCaseInput } from '../../activities/projection-types';
import { seedCalendar } from '../../activities/calendar-service';
import { createReadModel } from '../../api/read-model';
import type { ApiServer } from '../../api/server';
import type { Actor, CaseStatus, Channel, Light } from '../../domain/types';
import { CaseCount, CaseDepartment, CaseGram, CaseRecord, Step } from '../../entities';
import { openDatabase } from '../../entities/data-source';
import { seedDemo } from '../../entities/seed';
import { SupervisionOffice1732700000000 } from '../../migrations/1732700000000-SupervisionOffice';
import { WordSearch1733800000000 } from '../../migrations/1733800000000-WordSearch';
import { ApiClient } from '../support/http';
import { dropMysqlDatabase, freshMysqlDatabase } from '../support/mysql';
import { startReadApi } from '../support/read-api';
import { TEST_PASSWORD } from '../support/system';

const MATTERS: Record<string, string> = { 'ZRJ-001': 'zrj', 'ZRJ-002': 'zrj', 'HBJ-002': 'hbj', 'ZJJ-001': 'zjj' };

function caseInput(n: number, version: number, status: CaseStatus, light: Light, channel: Channel, matterCodes: string[]): ProjectCaseInput {
  const id = `1157ca5e-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const submittedAt = new Date(Date.UTC(2026, 10, 2, 1) + n * 60_000).toISOString();
  return {
    workflowId: `case-${id}`,
    version,
    record: {
      id, trackingCode: `L${String(n).padStart(9, '0')}`, status, channel, applicant: { name: '申请人', phone: '13912345678' }, projectName: null,
      matterCodes, light, dueAt: null, registeredById: 1, submittedAt, acceptedAt: status === 'submitted' ? null : submittedAt,
      decidedAt: null, deliveredAt: null, updatedAt: submittedAt,
    },
    plannedSteps: matterCodes.map((code) => ({ id: `${id}-${code}`, matterCode: code, departmentCode: MATTERS[code] })),
    timeline: [],
  };
}

/** 30 cases through their lives: some stop early, some turn yellow or red, some conclude. */
function lives(): ProjectCaseInput[][] {
  const matterSets = [['ZRJ-001'], ['ZRJ-001', 'ZRJ-002'], ['ZRJ-001', 'HBJ-002'], ['HBJ-002'], ['ZJJ-001', 'HBJ-002', 'ZRJ-002']];
  return Array.from({ length: 30 }, (_, n) => {
    const matters = matterSets[n % matterSets.length];
    const channel: Channel = n % 4 === 0 ? 'green' : 'standard';
    const steps: Array<[CaseStatus, Light]> = [['submitted', 'green'], ['accepted', 'green'], ['inReview', 'green']];
    if (n % 3 === 1) steps.push(['inReview', 'yellow']);
    if (n % 5 === 2) steps.push(['inReview', 'red']);
    if (n % 7 === 3) steps.push(['withdrawn', 'green']);
    else if (n % 2 === 0) steps.push(['approved', 'green'], ['delivered', 'green']);
    const stop = n % 11 === 0 ? 1 : steps.length;
    return steps.slice(0, stop).map(([status, light], i) => caseInput(n, i + 1, status, light, channel, matters));
  });
}

describe('case lists over maintained counts (MySQL)', function () {
  this.timeout(120_000);
  const database = `approval_test_case_lists_${process.pid}`;
  let db: DataSource;
  let api: ApiServer;
  /** Each case's searchable words: its tracking code and applicant name. */
  const words = new Map<string, string[]>();

  before(async () => {
    db = await openDatabase({ url: await freshMysqlDatabase(database), dataDir: 'data' });
    await seedCalendar(db);
    await seedDemo(db, TEST_PASSWORD);
    const { projectCase } = createProjectionActivities({ db });
    for (const life of lives()) {
      // Every projection once, the whole life replayed, the newest retried twice at once and a
      // stale one arriving last: only the newest version counts, once.
      for (const input of life) await projectCase(input);
      for (const input of life) await projectCase(input);
      await Promise.all([projectCase(life.at(-1)!), projectCase(life.at(-1)!)]);
      if (life.length > 1) await projectCase(life[0]);
    }
    api = await startReadApi(db);
    for (const row of await db.getRepository(CaseRecord).find()) words.set(row.id, [row.trackingCode, row.applicantName]);
  });
  after(async () => {
    await api?.stop();
    await db?.destroy();
    await dropMysqlDatabase(database);
  });

  /** What the counts should say, counted the slow way from the rows. */
  async function counted(departmentCode: string | null, filter: { status?: string; light?: string; channel?: string }): Promise<string[]> {
    const query = db.getRepository(CaseRecord).createQueryBuilder('c').select('c.id', 'id').where('1 = 1');
    if (departmentCode) query.andWhere('EXISTS (SELECT 1 FROM steps s WHERE s.case_id = c.id AND s.department_code = :d)', { d: departmentCode });
    for (const [column, value] of Object.entries(filter)) query.andWhere(`c.${column} = :${column}`, { [column]: value });
    return (await query.orderBy('c.submitted_at', 'DESC').addOrderBy('c.id', 'DESC').getRawMany<{ id: string }>()).map((row) => row.id);
  }

  const filters: Array<Record<string, string>> = [{}, { status: 'inReview' }, { status: 'delivered' }, { status: 'withdrawn' }, { light: 'red' }, { light: 'yellow' }, { channel: 'green' },
    { status: 'inReview', light: 'red' }, { status: 'submitted', channel: 'green' }];

  for (const [user, departmentCode] of [['clerk1', null], ['supervisor1', null], ['officer-zrj', 'zrj'], ['leader-hbj', 'hbj'], ['officer-zjj', 'zjj']] as const) {
    it(`when ${user} lists cases with each filter, then the total and the page equal a count of the rows in scope`, async () => {
      const client = await ApiClient.signIn(api.url, user);
      for (const filter of filters) {
        const expected = await counted(departmentCode, filter);
        const query = new URLSearchParams({ ...filter, pageSize: '7' }).toString();
        const first = await client.get(`/api/cases?${query}`);
        expect(first.status).to.equal(200);
        expect(first.body.total, `${user} ${query}`).to.equal(expected.length);
        expect(first.body.items.map((item: { id: string }) => item.id), `${user} ${query}`).to.deep.equal(expected.slice(0, 7));
        const second = await client.get(`/api/cases?${query}&page=2`);
        expect(second.body.items.map((item: { id: string }) => item.id)).to.deep.equal(expected.slice(7, 14));
      }
    });
  }

  // 办件查询: words whose pieces leave fewer candidates than the window are searched among those
  // alone; commoner words page through the newest-first index and are counted apart. A window of 4
  // takes each path on these 30 cases (L000000029 and 无此人 leave one and none).
  for (const searchWindow of [4, 1000]) {
    it(`when words are searched with a window of ${searchWindow}, then every page and total equal a search of the rows in scope`, async () => {
      const readModel = createReadModel(db, { searchWindow });
      const actors: Array<[Actor, string | null]> = [
        [{ id: 1, username: 'clerk1', role: 'clerk' }, null],
        [{ id: 2, username: 'officer-zrj', role: 'officer', departmentCode: 'zrj' }, 'zrj'],
      ];
      for (const [actor, departmentCode] of actors) {
        for (const [q, filter] of [['申请人', {}], ['L0000000', {}], ['L00000002', {}], ['l000000029', {}], ['申请人', { status: 'delivered' }], ['无此人', {}], ['人', {}]] as const) {
          const expected = (await counted(departmentCode, filter)).filter((id) => words.get(id)!.some((word) => word.toLowerCase().includes(q.toLowerCase())));
          for (const page of [1, 2, 3]) {
            const found = await readModel.listCases(actor, { ...filter, q, page, pageSize: 3 });
            expect(found.total, `${actor.username} ${q} ${page}`).to.equal(expected.length);
            expect(found.items.map((item) => item.id), `${actor.username} ${q} ${page}`).to.deep.equal(expected.slice((page - 1) * 3, page * 3));
          }
        }
      }
    });
  }

  it('when an agent or a department without cases lists, then the list is empty', async () => {
    expect((await (await ApiClient.signIn(api.url, 'agent1')).get('/api/cases')).body).to.deep.include({ items: [], total: 0 });
    expect((await (await ApiClient.signIn(api.url, 'officer-wjw')).get('/api/cases')).body).to.deep.include({ items: [], total: 0 });
  });

  it('when the rows are counted directly, then the stored counts agree and no count is negative', async () => {
    const rows = await db.getRepository(CaseCount).find();
    expect(rows.every((row) => row.cases >= 0)).to.equal(true);
    const center = rows.filter((row) => row.scope === '*').reduce((sum, row) => sum + row.cases, 0);
    expect(center).to.equal(await db.getRepository(CaseRecord).count());
    const listed = await db.getRepository(CaseDepartment).find();
    const cases = new Map((await db.getRepository(CaseRecord).find()).map((c) => [c.id, c]));
    for (const row of listed) {
      expect(row).to.include({ status: cases.get(row.caseId)!.status, light: cases.get(row.caseId)!.light, channel: cases.get(row.caseId)!.channel });
    }
    const pairs = await db.getRepository(Step).createQueryBuilder('s').select('DISTINCT s.department_code', 'd').addSelect('s.case_id', 'c').getRawMany();
    expect(listed).to.have.length(pairs.length);
  });
});

describe('case counts on in-memory sql.js', function () {
  this.timeout(60_000);
  let db: DataSource;
  before(async () => { db = await openDatabase({ url: 'sqljs::memory' }); });
  after(async () => { if (db?.isInitialized) await db.destroy(); });

  /** Reverts the migration (its table is then gone) and applies it again over the rows there are. */
  async function revertAndApply(migration: MigrationInterface, table: string): Promise<void> {
    const runner = db.createQueryRunner();
    try {
      await migration.down(runner);
      expect(await runner.hasTable(table)).to.equal(false);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
  }

  it('when the migration is reverted and applied again over existing cases, then it fills the department rows and the counts from them', async () => {
    const { projectCase } = createProjectionActivities({ db });
    for (const life of lives().slice(0, 12)) for (const input of life) await projectCase(input);
    const snapshot = async () => ({
      counts: (await db.getRepository(CaseCount).find()).filter((row) => row.cases > 0)
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
      rows: (await db.getRepository(CaseDepartment).find({ order: { departmentCode: 'ASC', caseId: 'ASC' } })),
    });
    const before = await snapshot();
    expect(before.counts.length).to.be.greaterThan(3);
    await revertAndApply(new SupervisionOffice1732700000000(), 'case_counts');
    expect(await snapshot()).to.deep.equal(before);
  });

  it('when the word search migration is reverted and applied again over existing cases, then it fills the pieces the projection wrote', async () => {
    const { projectCase } = createProjectionActivities({ db });
    for (const life of lives().slice(12, 20)) for (const input of life) await projectCase(input);
    const pieces = async () => (await db.getRepository(CaseGram).find({ order: { caseId: 'ASC', gram: 'ASC' } }));
    const before = await pieces();
    expect(before.filter((row) => row.caseId === lives()[12][0].record.id).map((row) => row.gram).sort())
      .to.deep.equal(['00', '01', '12', 'l0', '申请', '请人']);
    await revertAndApply(new WordSearch1733800000000(), 'case_grams');
    expect(await pieces()).to.deep.equal(before);
  });
});
