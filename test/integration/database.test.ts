import bcrypt from 'bcryptjs';
import { expect } from 'chai';
import { MIGRATIONS } from '../../migrations';
import type { DataSource } from 'typeorm';
import { createDataSource, describeDatabase, openDatabase } from '../../entities/data-source';
import { AuditEvent, Department, Matter, MatterMaterial, User } from '../../entities';
import { DEMO_CATALOGUE, DEMO_USERS, seedDemo } from '../../entities/seed';
import { ensureAdmin } from '../../entities/first-admin';
import { dropMysqlDatabase, freshMysqlDatabase } from '../support/mysql';

const TABLES = ['departments', 'matters', 'matter_materials', 'users', 'cases', 'steps', 'audit_events'];
const PASSWORD = 'demo-pass';
const DB_NAME = `approval_test_db_${process.pid}`;

const auditRow = (seq: number) => ({
  workflowId: 'case-1', seq, caseId: 'case-1', at: new Date(), action: 'submit', toState: 'submitted',
});

async function counts(ds: DataSource): Promise<number[]> {
  return Promise.all([Department, Matter, MatterMaterial, User].map((entity) => ds.getRepository(entity).count()));
}

async function expectTables(ds: DataSource, present: boolean): Promise<void> {
  const runner = ds.createQueryRunner();
  try {
    for (const table of TABLES) expect(await runner.hasTable(table), table).to.equal(present);
  } finally {
    await runner.release();
  }
}

/** The same expectations for every engine: schema, idempotent projection key, idempotent seed. */
function behavesLikeTheSchema(open: () => Promise<DataSource>): void {
  let ds: DataSource;
  before(async () => { ds = await open(); });
  after(async () => { if (ds?.isInitialized) await ds.destroy(); });

  it('when the migrations run, then every table exists', async () => {
    await expectTables(ds, true);
  });

  it('when an audit event repeats (workflowId, seq), then the unique key rejects it', async () => {
    const audit = ds.getRepository(AuditEvent);
    await audit.insert(auditRow(1));
    let failure: unknown;
    try {
      await audit.insert(auditRow(1));
    } catch (error) {
      failure = error;
    }
    expect(failure, 'duplicate insert should fail').to.be.instanceOf(Error);
    await audit.insert(auditRow(2));
    expect(await audit.countBy({ workflowId: 'case-1' })).to.equal(2);
  });

  it('when a datetime is stored, then the same UTC instant reads back', async () => {
    // Whole seconds: MySQL DATETIME without precision drops milliseconds.
    const at = new Date('2025-03-31T23:30:05Z');
    await ds.getRepository(AuditEvent).insert({ ...auditRow(3), at });
    const row = await ds.getRepository(AuditEvent).findOneByOrFail({ workflowId: 'case-1', seq: 3 });
    expect(row.at.toISOString()).to.equal(at.toISOString());
  });

  it('when seeded twice, then counts are unchanged and passwords verify with bcrypt', async () => {
    await seedDemo(ds, PASSWORD);
    const first = await counts(ds);
    await seedDemo(ds, PASSWORD);
    expect(await counts(ds)).to.deep.equal(first);

    const materials = DEMO_CATALOGUE.matters.reduce((n, matter) => n + matter.materials.length, 0);
    expect(first).to.deep.equal([DEMO_CATALOGUE.departments.length, DEMO_CATALOGUE.matters.length, materials, DEMO_USERS.length]);

    const clerk = await ds.getRepository(User).findOneByOrFail({ username: 'clerk1' });
    expect(await bcrypt.compare(PASSWORD, clerk.passwordHash)).to.equal(true);
    expect(await bcrypt.compare('wrong', clerk.passwordHash)).to.equal(false);
    expect(clerk.createdAt).to.be.instanceOf(Date);
  });

  it('when a seeded matter is loaded, then its JSON, boolean and materials come back typed', async () => {
    const env = await ds.getRepository(Matter).findOneOrFail({ where: { code: 'HBJ-001' }, relations: { materials: true } });
    expect(env.specialProcedures).to.include.members(['专家评审', '公示']);
    expect(env.instant).to.equal(false);
    expect(env.materials?.find((x) => x.code === 'eia-report')).to.include({ required: true, core: true });
    expect((await ds.getRepository(Matter).findOneByOrFail({ code: 'SCJ-001' })).instant).to.equal(true);
  });
}

describe('database schema', function () {
  this.timeout(120_000);

  describe('on MySQL', () => {
    let url: string;
    // Hooks run in declaration order: create the database first, drop it after the pool closes.
    before(async () => { url = await freshMysqlDatabase(DB_NAME); });
    behavesLikeTheSchema(() => openDatabase({ url, dataDir: 'unused' }));
    after(async () => { await dropMysqlDatabase(DB_NAME); });

    it('when described, then the password is not shown', () => {
      expect(describeDatabase({ url: 'mysql://root:secret@db:3307/approval', dataDir: '.' }))
        .to.equal('mysql://db:3307/approval');
    });

    it('when every migration is reverted, then every table is gone and they can be re-applied', async () => {
      const ds = await openDatabase({ url, dataDir: 'unused' });
      try {
        for (let i = 0; i < MIGRATIONS.length; i += 1) await ds.undoLastMigration({ transaction: 'each' });
        await expectTables(ds, false);
        expect(await ds.showMigrations()).to.equal(true);
        await ds.runMigrations({ transaction: 'each' });
        await expectTables(ds, true);
      } finally {
        await ds.destroy();
      }
    });
  });

  describe('the first administrator of a production database', () => {
    const name = `${DB_NAME}_admin`;
    let ds: DataSource;
    before(async () => { ds = await openDatabase({ url: await freshMysqlDatabase(name), dataDir: 'unused' }); });
    after(async () => { await ds?.destroy(); await dropMysqlDatabase(name); });

    it('when created on an empty database, then it signs in as admin; a second call changes nothing; a short password is refused', async () => {
      expect(await ds.getRepository(User).count()).to.equal(0);
      expect(await ensureAdmin(ds, { username: 'root-admin', password: 'correct horse battery' })).to.equal('created');
      const admin = await ds.getRepository(User).findOneByOrFail({ username: 'root-admin' });
      expect(admin).to.include({ role: 'admin', active: true, departmentCode: null });
      expect(await bcrypt.compare('correct horse battery', admin.passwordHash)).to.equal(true);
      expect(await ensureAdmin(ds, { username: 'root-admin', password: 'another long password' })).to.equal('exists');
      expect((await ds.getRepository(User).findOneByOrFail({ username: 'root-admin' })).passwordHash).to.equal(admin.passwordHash);
      await ensureAdmin(ds, { username: 'second', password: 'short' }).then(() => expect.fail('accepted a short password'), (err: Error) => expect(err.message).to.match(/^password/));
      expect(await ds.getRepository(User).count()).to.equal(1);
    });
  });

  describe('on a fresh MySQL database opened by several processes at once', () => {
    const name = `${DB_NAME}_race`;
    after(async () => { await dropMysqlDatabase(name); });

    it('when four data sources open it together (worker and API starting side by side), then each succeeds and every migration ran once', async () => {
      const url = await freshMysqlDatabase(name);
      const opened = await Promise.allSettled([1, 2, 3, 4].map(() => openDatabase({ url, dataDir: 'unused' })));
      const sources = opened.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
      try {
        expect(opened.map((result) => result.status)).to.deep.equal(['fulfilled', 'fulfilled', 'fulfilled', 'fulfilled']);
        const rows = await sources[0].query('SELECT name FROM migrations') as Array<{ name: string }>;
        expect(rows.map((row) => row.name).sort()).to.deep.equal(MIGRATIONS.map((migration) => migration.name).sort());
        await expectTables(sources[0], true);
      } finally {
        await Promise.all(sources.map((ds) => ds.destroy()));
      }
    });
  });

  describe('on in-memory sql.js', () => {
    behavesLikeTheSchema(() => openDatabase({ url: 'sqljs::memory' }));

    it('when the memory data source is created, then it is sql.js and not yet connected', () => {
      const ds = createDataSource({ url: 'sqljs::memory' });
      expect(ds.options.type).to.equal('sqljs');
      expect(ds.isInitialized).to.equal(false);
    });
  });
});
