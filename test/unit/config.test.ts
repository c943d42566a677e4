import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { loadConfig } from '../../config';

describe('configuration', () => {
  let dataDir: string;
  beforeEach(() => { dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'approval-config-')); });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('when demo mode starts without JWT_SECRET, then it signs with a random secret kept in DATA_DIR and listens on loopback', () => {
    const first = loadConfig({ DATA_DIR: dataDir });
    expect(first.jwtSecret).to.match(/^[0-9a-f]{64}$/);
    expect(fs.statSync(path.join(dataDir, 'jwt-secret')).mode & 0o777).to.equal(0o600);
    expect(loadConfig({ DATA_DIR: dataDir }).jwtSecret).to.equal(first.jwtSecret);
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'approval-config-'));
    try {
      expect(loadConfig({ DATA_DIR: elsewhere }).jwtSecret).not.to.equal(first.jwtSecret);
    } finally {
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
    expect(first.host).to.equal('127.0.0.1');
    expect(loadConfig({ DATA_DIR: dataDir, HOST: '0.0.0.0' }).host).to.equal('0.0.0.0');
  });

  it('when production starts, then JWT_SECRET is required and it listens on every interface', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir })).to.throw(/JWT_SECRET/);
    const production = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 's'.repeat(32), DATA_DIR: dataDir });
    expect(production).to.include({ host: '0.0.0.0', demo: false });
    expect(fs.existsSync(path.join(dataDir, 'jwt-secret'))).to.equal(false);
  });
});
