// Crash safety, the short version of `npm run chaos`: Temporal, a worker and the API as separate
// processes on a fresh MySQL database, 20 cases driven by clients that retry with their
// Idempotency-Key, the worker killed twice and Temporal and the API once each with kill -9.
import { expect } from 'chai';
import { runChaos, zeroFigures } from '../../bench/chaos/run';
import { AuditLogEntry } from '../../entities';
import { ApiClient } from '../support/http';
import { startSystem } from '../support/system';

describe('crash safety (kill -9 under load, separate processes)', function () {
  this.timeout(240_000);

  it('when the worker is killed twice and Temporal and the API once while 20 cases run, then nothing is lost, duplicated, misreported, stuck or unaudited, and the read model matches the workflows', async () => {
    const result = await runChaos({
      cases: 20, clients: 8, faults: { worker: 2, temporal: 1, api: 1 }, pauseMs: 1000, caseDeadlineMs: 200_000, keep: false,
      log: () => undefined,
    });
    const zeros = zeroFigures(result.findings);
    expect(zeros, result.findings.details.join('\n')).to.deep.equal(Object.fromEntries(Object.keys(zeros).map((name) => [name, 0])));
    expect(result.faults.map((fault) => [fault.role, fault.firedAt !== undefined])).to.have.deep.members([
      ['worker', true], ['worker', true], ['temporal', true], ['api', true],
    ]);
    expect(result.findings.figures.casesDelivered).to.equal(20);
    expect(result.findings.figures.actionsTakenEffect).to.equal(20 * 7);
  });

  it('when the API died after keeping a registration\'s answer and before auditing it, then the replayed answer\'s audit row names the case', async () => {
    const system = await startSystem('chaos_replay');
    try {
      const clerk = await ApiClient.signIn(system.url, 'clerk1');
      const key = `replay-audit-${process.pid}`;
      const body = { applicant: { name: '回放审计有限公司', phone: '13800002222' }, matterCodes: ['ZJJ-002'], channel: 'standard', materials: [] };
      const first = await clerk.send('POST', '/api/cases', body, { 'idempotency-key': key });
      const replay = await clerk.send('POST', '/api/cases', body, { 'idempotency-key': key });
      expect([first.status, replay.status, replay.headers.get('idempotent-replayed')]).to.deep.equal([201, 201, 'true']);
      // The replay's row is the one a crash between the kept answer and its row would leave alone.
      const rows = await system.db.getRepository(AuditLogEntry).find({ where: { action: 'POST /api/cases', requestId: replay.headers.get('x-request-id')! } });
      expect(rows.map((row) => [row.outcome, row.objectType, row.objectId])).to.deep.equal([['succeeded', 'cases', first.body.id]]);
    } finally {
      await system.stop();
    }
  });
});
