// The catalogue editor on the embedded database `npm start` uses when DATABASE_URL is unset.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import type { DataSource } from 'typeorm';
import type { ApiServer } from '../../api/server';
import { openDatabase } from '../../entities/data-source';
import { seedDemo } from '../../entities/seed';
import { ApiClient } from '../support/http';
import { TEST_PASSWORD } from '../support/system';
import { startReadApi } from '../support/read-api';

describe('catalogue edits on the embedded database', () => {
  let dataDir: string;
  let db: DataSource;
  let api: ApiServer;
  let admin: ApiClient;

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'approval-embedded-'));
    db = await openDatabase({ dataDir });
    await seedDemo(db, TEST_PASSWORD);
    api = await startReadApi(db);
    admin = await ApiClient.signIn(api.url, 'admin1');
  });
  after(async () => {
    await api?.stop();
    await db?.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('when an admin adds and replaces a matter, then both succeed (no row locks needed) and the catalogue shows it', async () => {
    const matter = {
      code: 'ZJJ-099', name: '临时事项', departmentCode: 'zjj', legalDays: 10, committedDays: 5,
      materials: [{ code: 'application-form', name: '申请表', required: true, core: true }],
    };
    const added = await admin.post('/api/matters', matter);
    expect(added.status, JSON.stringify(added.body)).to.equal(201);
    const replaced = await admin.send('PUT', '/api/matters/ZJJ-099', { ...matter, code: undefined, committedDays: 4 });
    expect(replaced.status, JSON.stringify(replaced.body)).to.equal(200);
    const listed = (await admin.get('/api/matters')).body as Array<{ code: string; committedDays: number }>;
    expect(listed.find((m) => m.code === 'ZJJ-099')?.committedDays).to.equal(4);
  });
});
