import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { Worker, type NativeConnection, type WorkerOptions } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { DEFAULT_WORKER_MAX_CACHED_WORKFLOWS, loadConfig } from '../../config';
import { approvalWorkerOptions, createApprovalWorker } from '../../workers/worker';

describe('the worker\'s sticky cache size (WORKER_MAX_CACHED_WORKFLOWS)', () => {
  let dataDir: string;
  const create = Worker.create;
  let created: WorkerOptions[];
  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'approval-cache-'));
    created = [];
    // Records what the worker would be created with, without a Temporal server.
    Worker.create = (async (options: WorkerOptions) => { created.push(options); return {} as Worker; }) as typeof Worker.create;
  });
  afterEach(() => {
    Worker.create = create;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  // The activities only keep their repositories until they run; none runs here.
  const db = { getRepository: () => ({}) } as unknown as DataSource;

  const workerFrom = async (env: NodeJS.ProcessEnv): Promise<WorkerOptions> => {
    const config = loadConfig({ DATA_DIR: dataDir, ...env });
    await createApprovalWorker({
      connection: {} as NativeConnection, db, namespace: config.temporalNamespace, taskQueue: config.taskQueue,
      maxCachedWorkflows: config.workerMaxCachedWorkflows,
    });
    return created[created.length - 1];
  };

  it('when WORKER_MAX_CACHED_WORKFLOWS is set, then the worker is created with that many cached workflows', async () => {
    expect((await workerFrom({ WORKER_MAX_CACHED_WORKFLOWS: '200' })).maxCachedWorkflows).to.equal(200);
  });

  it('when it is 0, then the worker is created with the cache off', async () => {
    expect(await workerFrom({ WORKER_MAX_CACHED_WORKFLOWS: '0' })).to.have.property('maxCachedWorkflows', 0);
  });

  it('when it is unset or empty, then the worker is created with the measured default, not the heap-derived one', async () => {
    expect(DEFAULT_WORKER_MAX_CACHED_WORKFLOWS).to.be.a('number').and.to.be.at.least(2);
    expect((await workerFrom({})).maxCachedWorkflows).to.equal(DEFAULT_WORKER_MAX_CACHED_WORKFLOWS);
    expect((await workerFrom({ WORKER_MAX_CACHED_WORKFLOWS: '' })).maxCachedWorkflows).to.equal(DEFAULT_WORKER_MAX_CACHED_WORKFLOWS);
  });

  it('when it is not 0 or a whole number of at least 2, then the configuration is refused', () => {
    for (const raw of ['1', '-5', '2.5', 'lots']) {
      expect(() => loadConfig({ DATA_DIR: dataDir, WORKER_MAX_CACHED_WORKFLOWS: raw }), raw).to.throw(/WORKER_MAX_CACHED_WORKFLOWS/);
    }
  });

  it('when the caller gives no size (tests), then Temporal keeps its own default', () => {
    const options = approvalWorkerOptions({ connection: {} as NativeConnection, namespace: 'default', taskQueue: 'q' }, {});
    expect(options).not.to.have.property('maxCachedWorkflows');
  });
});
