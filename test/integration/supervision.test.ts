// 电子监察 supervision: 督办 orders open once, 效能问责 records are written only against an open
// order and can never change (not even with raw SQL), and the supervision routes respect roles
// and department scope.
import { createHash, randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import express from 'express';
import type { DataSource } from 'typeorm';
import { canonicalJson, contentHash } from '../../activities/content-hash';
import { createSupervisionActivities } from '../../activities/supervision';
import type { OpenOrderInput } from '../../activities/supervision-types';
import { problemMiddleware } from '../../api/errors';
import { RouteBook } from '../../api/endpoints';
import { createSupervisionRouter, type SupervisionNotice } from '../../api/routes/supervision';
import type { Actor } from '../../domain/types';
import { AccountabilityRecord, CaseRecord, Step, SupervisionOrder } from '../../entities';
import { openDatabase } from '../../entities/data-source';
import { Supervision1732300000000 } from '../../migrations/1732300000000-Supervision';
import { dropMysqlDatabase, freshMysqlDatabase } from '../support/mysql';

const IMMUTABLE = 'accountability records are immutable';

let counter = 0;
/** A department code no other test uses, so every test reads only its own rows. */
const uniqueDepartment = (): string => `d${process.pid % 1000}x${++counter}`;

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

function orderInput(departmentCode: string, key = randomUUID()): OpenOrderInput {
  const caseId = randomUUID();
  return {
    orderKey: `step-${caseId}-ZRJ-001:order:${key}`,
    caseId,
    stepId: `${caseId}-ZRJ-001`,
    departmentCode,
    matterCode: 'ZRJ-001',
    openedAt: '2026-11-24T01:00:00.000Z',
    deadlineAt: '2026-11-26T09:00:00.000Z',
  };
}

/** The facts of an overdue step, and the canonical JSON written out by hand. */
const FACTS = {
  overdueSince: '2026-11-20T09:00:00.000Z',
  matter: { name: '建设项目用地预审与选址意见书核发', code: 'ZRJ-001' },
  assignee: { username: 'officer-zrj', id: 7 },
  dueAt: '2026-11-20T09:00:00.000Z',
  orderDeadlineAt: '2026-11-26T09:00:00.000Z',
  reminders: [3, 1, 2],
};
const FACTS_CANONICAL = '{"assignee":{"id":7,"username":"officer-zrj"},"dueAt":"2026-11-20T09:00:00.000Z",'
  + '"matter":{"code":"ZRJ-001","name":"建设项目用地预审与选址意见书核发"},"orderDeadlineAt":"2026-11-26T09:00:00.000Z",'
  + '"overdueSince":"2026-11-20T09:00:00.000Z","reminders":[3,1,2]}';

async function rejection(work: Promise<unknown>): Promise<Error> {
  try {
    await work;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the statement to fail');
}

/** The same database-level immutability on every engine. */
function rejectsChangesToAccountabilityRecords(database: () => DataSource): void {
  it('when accountability_records is updated or deleted with raw SQL, then the database refuses and the row is unchanged', async () => {
    const db = database();
    const activities = createSupervisionActivities({ db });
    const input = orderInput(uniqueDepartment());
    await activities.openSupervisionOrder(input);
    const { recordId } = await activities.recordAccountabilityIfOrderOpen({
      recordKey: `${input.orderKey}:accountability`, orderKey: input.orderKey, content: FACTS, at: '2026-11-26T09:00:00.000Z',
    });
    const before = await db.getRepository(AccountabilityRecord).findOneByOrFail({ id: recordId });

    const update = await rejection(db.query('UPDATE accountability_records SET card = ?, content_hash = ? WHERE id = ?', ['green', 'x', recordId]));
    expect(update.message).to.contain(IMMUTABLE);
    const remove = await rejection(db.query('DELETE FROM accountability_records WHERE id = ?', [recordId]));
    expect(remove.message).to.contain(IMMUTABLE);
    const everything = await rejection(db.query('DELETE FROM accountability_records'));
    expect(everything.message).to.contain(IMMUTABLE);

    expect(await db.getRepository(AccountabilityRecord).findOneByOrFail({ id: recordId })).to.deep.equal(before);
  });
}

describe('content hash', () => {
  it('when keys are ordered differently at any depth, then the canonical JSON is the same', () => {
    const shuffled = {
      reminders: [3, 1, 2], orderDeadlineAt: '2026-11-26T09:00:00.000Z', dueAt: '2026-11-20T09:00:00.000Z',
      assignee: { id: 7, username: 'officer-zrj' }, matter: { code: 'ZRJ-001', name: '建设项目用地预审与选址意见书核发' },
      overdueSince: '2026-11-20T09:00:00.000Z', ignored: undefined,
    };
    expect(canonicalJson(FACTS)).to.equal(FACTS_CANONICAL);
    expect(canonicalJson(shuffled)).to.equal(FACTS_CANONICAL);
    expect(contentHash(shuffled)).to.equal(sha256(FACTS_CANONICAL));
  });

  it('when keys look like integers or values are dates, then JSON rules still hold', () => {
    expect(canonicalJson({ b: 1, 10: 'x', 9: 'y', a: [undefined, new Date('2026-11-20T09:00:00.000Z')] }))
      .to.equal('{"10":"x","9":"y","a":[null,"2026-11-20T09:00:00.000Z"],"b":1}');
  });
});

describe('supervision (MySQL)', function () {
  this.timeout(60_000);
  const database = `approval_test_supervision_${process.pid}`;
  let db: DataSource;

  before(async () => {
    db = await openDatabase({ url: await freshMysqlDatabase(database), dataDir: 'data' });
  });
  after(async () => {
    await db?.destroy();
    await dropMysqlDatabase(database);
  });

  describe('activities', () => {
    it('when the same order is opened twice, then there is one row and both calls name it', async () => {
      const { openSupervisionOrder } = createSupervisionActivities({ db });
      const input = orderInput(uniqueDepartment());
      const [first, concurrent] = await Promise.all([openSupervisionOrder(input), openSupervisionOrder(input)]);
      const again = await openSupervisionOrder({ ...input, deadlineAt: '2027-01-01T00:00:00.000Z' });
      expect(concurrent).to.deep.equal(first);
      expect(again).to.deep.equal({ orderId: first.orderId, status: 'open' });
      const rows = await db.getRepository(SupervisionOrder).findBy({ orderKey: input.orderKey });
      expect(rows).to.have.length(1);
      expect(rows[0]).to.include({ id: first.orderId, status: 'open', urgeCount: 0, departmentCode: input.departmentCode });
      expect(rows[0].deadlineAt.toISOString()).to.equal(input.deadlineAt);
    });

    it('when the order is still open, then the accountability record is written with the SHA-256 of its canonical content', async () => {
      const activities = createSupervisionActivities({ db });
      const input = orderInput(uniqueDepartment());
      const { orderId } = await activities.openSupervisionOrder(input);
      const result = await activities.recordAccountabilityIfOrderOpen({
        recordKey: `${input.orderKey}:accountability`, orderKey: input.orderKey, content: FACTS, at: '2026-11-26T09:00:00.000Z',
      });
      expect(result.written).to.equal(true);
      expect(result.contentHash).to.equal(sha256(FACTS_CANONICAL));
      const record = await db.getRepository(AccountabilityRecord).findOneByOrFail({ id: result.recordId });
      expect(record).to.include({
        orderId, caseId: input.caseId, stepId: input.stepId, departmentCode: input.departmentCode, card: 'red', contentHash: sha256(FACTS_CANONICAL),
      });
      expect(record.content).to.deep.equal(FACTS);
      expect(record.createdAt.toISOString()).to.equal('2026-11-26T09:00:00.000Z');
    });

    it('when the order was closed in time, then no accountability record is written', async () => {
      const activities = createSupervisionActivities({ db });
      const input = orderInput(uniqueDepartment());
      const { orderId } = await activities.openSupervisionOrder(input);
      await db.getRepository(SupervisionOrder).update({ id: orderId }, { status: 'closed', closedAt: new Date(), closedBy: 'supervisor1', closeNote: '已办结' });
      const result = await activities.recordAccountabilityIfOrderOpen({
        recordKey: `${input.orderKey}:accountability`, orderKey: input.orderKey, content: FACTS, at: '2026-11-26T09:00:00.000Z',
      });
      expect(result).to.deep.equal({ written: false });
      expect(await db.getRepository(AccountabilityRecord).countBy({ orderId })).to.equal(0);
      // Re-opening an order by key never reopens a closed one.
      expect(await activities.openSupervisionOrder(input)).to.deep.equal({ orderId, status: 'closed' });
    });

    it('when the order key is unknown, then nothing is written', async () => {
      const { recordAccountabilityIfOrderOpen } = createSupervisionActivities({ db });
      const result = await recordAccountabilityIfOrderOpen({ recordKey: `missing-${randomUUID()}`, orderKey: `missing-${randomUUID()}`, content: FACTS, at: '2026-11-26T09:00:00.000Z' });
      expect(result).to.deep.equal({ written: false });
    });

    it('when the accountability write is retried, then the same record comes back, even after the order closed', async () => {
      const activities = createSupervisionActivities({ db });
      const input = orderInput(uniqueDepartment());
      const { orderId } = await activities.openSupervisionOrder(input);
      const write = { recordKey: `${input.orderKey}:accountability`, orderKey: input.orderKey, content: FACTS, at: '2026-11-26T09:00:00.000Z' };
      const [first, concurrent] = await Promise.all([activities.recordAccountabilityIfOrderOpen(write), activities.recordAccountabilityIfOrderOpen(write)]);
      await db.getRepository(SupervisionOrder).update({ id: orderId }, { status: 'closed' });
      const retried = await activities.recordAccountabilityIfOrderOpen({ ...write, content: { ...FACTS, dueAt: 'changed' } });
      expect(first.written).to.equal(true);
      expect(concurrent).to.deep.equal(first);
      expect(retried).to.deep.equal(first);
      expect(await db.getRepository(AccountabilityRecord).countBy({ orderId })).to.equal(1);
    });

    rejectsChangesToAccountabilityRecords(() => db);
  });

  describe('routes', () => {
    let server: Server;
    let base: string;
    const notices: SupervisionNotice[] = [];

    const supervisor: Actor = { id: 1, username: 'supervisor1', role: 'supervisor', departmentCode: null };
    const leaderOf = (departmentCode: string): Actor => ({ id: 2, username: `leader-${departmentCode}`, role: 'leader', departmentCode });
    const officerOf = (departmentCode: string): Actor => ({ id: 3, username: `officer-${departmentCode}`, role: 'officer', departmentCode });

    before(async () => {
      const app = express();
      app.use(express.json());
      // Stands in for the bearer-token check: the signed-in user comes from a test header.
      app.use((req, _res, next) => {
        const header = req.header('x-test-user');
        if (header) req.user = JSON.parse(header) as Actor;
        next();
      });
      app.use(createSupervisionRouter({ db, notify: async (notice) => { notices.push(notice); }, book: new RouteBook() }));
      app.use(problemMiddleware);
      server = await new Promise<Server>((resolve) => { const listening = app.listen(0, () => resolve(listening)); });
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(async () => {
      await new Promise<void>((resolve) => { server.close(() => resolve()); server.closeAllConnections(); });
    });

    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    async function call(method: 'GET' | 'POST', path: string, user: Actor, body?: unknown): Promise<{ status: number; body: any }> {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: { 'content-type': 'application/json', 'x-test-user': JSON.stringify(user) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined };
    }

    const openOrder = async (departmentCode: string): Promise<number> =>
      (await createSupervisionActivities({ db }).openSupervisionOrder(orderInput(departmentCode))).orderId;

    it('when the supervisor lists orders, then every department is there; a leader sees only their own', async () => {
      const [zrj, hbj, stranger] = [uniqueDepartment(), uniqueDepartment(), uniqueDepartment()];
      const zrjOrder = await openOrder(zrj);
      const hbjOrder = await openOrder(hbj);
      await call('POST', `/api/supervision-orders/${hbjOrder}/close`, supervisor, { note: '已督促办结' });

      const all = await call('GET', '/api/supervision-orders?pageSize=100', supervisor);
      expect(all.status).to.equal(200);
      expect(all.body).to.include({ page: 1, pageSize: 100 });
      expect(all.body.total).to.equal(all.body.items.length);
      const mine = all.body.items.filter((o: { departmentCode: string }) => [zrj, hbj].includes(o.departmentCode));
      expect(mine.map((o: { id: number }) => o.id)).to.have.members([zrjOrder, hbjOrder]);
      expect(mine.find((o: { id: number }) => o.id === zrjOrder)).to.include({
        status: 'open', urgeCount: 0, openedAt: '2026-11-24T09:00:00+08:00', deadlineAt: '2026-11-26T17:00:00+08:00',
      });

      const open = await call('GET', '/api/supervision-orders?status=open&pageSize=100', supervisor);
      expect(open.body.items.map((o: { id: number }) => o.id)).to.include(zrjOrder).and.not.include(hbjOrder);
      const closed = await call('GET', '/api/supervision-orders?status=closed&pageSize=100', supervisor);
      expect(closed.body.items.map((o: { id: number }) => o.id)).to.include(hbjOrder).and.not.include(zrjOrder);

      expect((await call('GET', '/api/supervision-orders', leaderOf(stranger))).body).to.deep.equal({ items: [], page: 1, pageSize: 20, total: 0 });
      const own = await call('GET', '/api/supervision-orders', leaderOf(zrj));
      expect(own.body.items.map((o: { id: number }) => o.id)).to.deep.equal([zrjOrder]);
    });

    it('when a leader asks for another department\'s order, then it is 404; their own is 200', async () => {
      const [zrj, hbj] = [uniqueDepartment(), uniqueDepartment()];
      const orderId = await openOrder(zrj);
      expect((await call('GET', `/api/supervision-orders/${orderId}`, leaderOf(hbj))).status).to.equal(404);
      const own = await call('GET', `/api/supervision-orders/${orderId}`, leaderOf(zrj));
      expect(own.status).to.equal(200);
      expect(own.body).to.include({ id: orderId, departmentCode: zrj });
      expect((await call('GET', '/api/supervision-orders/2000000000', supervisor)).status).to.equal(404);
    });

    it('when an officer or a leader urges or closes, then it is 403 and the order is untouched', async () => {
      const zrj = uniqueDepartment();
      const orderId = await openOrder(zrj);
      for (const actor of [officerOf(zrj), leaderOf(zrj)]) {
        expect((await call('POST', `/api/supervision-orders/${orderId}/urge`, actor, {})).status).to.equal(403);
        expect((await call('POST', `/api/supervision-orders/${orderId}/close`, actor, { note: '办结' })).status).to.equal(403);
      }
      expect((await call('GET', '/api/alerts', officerOf(zrj))).status).to.equal(403);
      expect(await db.getRepository(SupervisionOrder).findOneByOrFail({ id: orderId })).to.include({ status: 'open', urgeCount: 0 });
    });

    it('when the supervisor urges twice, then the count grows and each urge notifies the leader with its own dedupe key', async () => {
      const zrj = uniqueDepartment();
      const orderId = await openOrder(zrj);
      const first = await call('POST', `/api/supervision-orders/${orderId}/urge`, supervisor, { note: '请于今日内办结' });
      const second = await call('POST', `/api/supervision-orders/${orderId}/urge`, supervisor);
      expect(first.status).to.equal(200);
      expect(first.body.urgeCount).to.equal(1);
      expect(second.body.urgeCount).to.equal(2);
      expect(second.body.lastUrgedAt).to.match(/\+08:00$/);

      const sent = notices.filter((n) => n.dedupeKey.startsWith(`order-${orderId}:`));
      expect(sent.map((n) => n.dedupeKey)).to.deep.equal([`order-${orderId}:urge:1`, `order-${orderId}:urge:2`]);
      expect(sent[0]).to.include({ recipientRole: 'leader', recipient: `dept:${zrj}`, template: 'order.urged' });
      expect(sent[0].payload).to.include({ orderId, urgeCount: 1, note: '请于今日内办结', urgedBy: 'supervisor1' });
      expect(sent[1].payload).to.not.have.property('note');
    });

    it('when a closed or unknown order is urged, then it is 409 or 404 and nobody is notified', async () => {
      const orderId = await openOrder(uniqueDepartment());
      expect((await call('POST', `/api/supervision-orders/${orderId}/close`, supervisor, { note: '已办结' })).status).to.equal(200);
      const urged = await call('POST', `/api/supervision-orders/${orderId}/urge`, supervisor, {});
      expect(urged.status).to.equal(409);
      expect(urged.body).to.include({ status: 409, state: 'closed', event: 'URGE' });
      expect(urged.body.allowed).to.deep.equal([]);
      expect((await call('POST', '/api/supervision-orders/2000000000/urge', supervisor, {})).status).to.equal(404);
      expect(notices.filter((n) => n.dedupeKey.startsWith(`order-${orderId}:`))).to.deep.equal([]);
    });

    it('when an order is closed and closed again, then the first is 200 with who and why, the second 409', async () => {
      const orderId = await openOrder(uniqueDepartment());
      const first = await call('POST', `/api/supervision-orders/${orderId}/close`, supervisor, { note: '  已督促办结  ' });
      expect(first.status).to.equal(200);
      expect(first.body).to.include({ status: 'closed', closedBy: 'supervisor1', closeNote: '已督促办结' });
      expect(first.body.closedAt).to.match(/\+08:00$/);
      const second = await call('POST', `/api/supervision-orders/${orderId}/close`, supervisor, { note: '再次销号' });
      expect(second.status).to.equal(409);
      expect(second.body).to.include({ state: 'closed', event: 'CLOSE' });
      expect(second.body.allowed).to.deep.equal([]);
      expect(await db.getRepository(SupervisionOrder).findOneByOrFail({ id: orderId })).to.include({ closeNote: '已督促办结' });
      expect((await call('POST', '/api/supervision-orders/2000000000/close', supervisor, { note: 'x' })).status).to.equal(404);
    });

    it('when two supervisors close the same order at once, then exactly one wins', async () => {
      const orderId = await openOrder(uniqueDepartment());
      const answers = await Promise.all(['a', 'b'].map((who) =>
        call('POST', `/api/supervision-orders/${orderId}/close`, { ...supervisor, username: `supervisor-${who}` }, { note: `销号 ${who}` })));
      expect(answers.map((a) => a.status).sort()).to.deep.equal([200, 409]);
      const winner = answers.find((a) => a.status === 200)!;
      expect(await db.getRepository(SupervisionOrder).findOneByOrFail({ id: orderId }))
        .to.include({ closedBy: winner.body.closedBy, closeNote: winner.body.closeNote });
    });

    it('when a request is malformed, then it is 400 naming the fields', async () => {
      const orderId = await openOrder(uniqueDepartment());
      const paths = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
        const answer = await call(method, path, supervisor, body);
        expect(answer.status, path).to.equal(400);
        return answer.body.errors.map((e: { path: string }) => e.path);
      };
      expect(await paths('POST', `/api/supervision-orders/${orderId}/close`, { note: '   ' })).to.deep.equal(['note']);
      expect(await paths('POST', `/api/supervision-orders/${orderId}/close`)).to.deep.equal(['note']);
      expect(await paths('POST', `/api/supervision-orders/${orderId}/close`, { note: 'ok', extra: 1 })).to.deep.equal(['']);
      expect(await paths('POST', `/api/supervision-orders/${orderId}/urge`, { note: 42 })).to.deep.equal(['note']);
      expect(await paths('POST', '/api/supervision-orders/abc/urge', {})).to.deep.equal(['params.id']);
      expect(await paths('GET', '/api/supervision-orders?status=pending')).to.deep.equal(['query.status']);
      expect(await paths('GET', '/api/alerts?light=green')).to.deep.equal(['query.light']);
      expect(await db.getRepository(SupervisionOrder).findOneByOrFail({ id: orderId })).to.include({ status: 'open', urgeCount: 0 });
    });

    it('when accountability records are listed, then each carries its hash check and leaders see only their own', async () => {
      const [zrj, hbj] = [uniqueDepartment(), uniqueDepartment()];
      const activities = createSupervisionActivities({ db });
      const input = orderInput(zrj);
      const { orderId } = await activities.openSupervisionOrder(input);
      const { recordId } = await activities.recordAccountabilityIfOrderOpen({
        recordKey: `${input.orderKey}:accountability`, orderKey: input.orderKey, content: FACTS, at: '2026-11-26T09:00:00.000Z',
      });
      // A row whose hash does not match its facts, as a forged insert would leave it.
      const forged = await db.getRepository(AccountabilityRecord).insert({
        recordKey: `forged-${randomUUID()}`, orderId, caseId: input.caseId, stepId: input.stepId, departmentCode: zrj, card: 'red',
        content: { ...FACTS, dueAt: '2026-12-31T09:00:00.000Z' }, contentHash: sha256(FACTS_CANONICAL), createdAt: new Date('2026-11-27T09:00:00.000Z'),
      });
      const forgedId = forged.identifiers[0].id as number;

      const all = await call('GET', '/api/accountability-records?pageSize=100', supervisor);
      expect(all.status).to.equal(200);
      const genuine = all.body.items.find((r: { id: number }) => r.id === recordId);
      expect(genuine).to.deep.equal({
        id: recordId, caseId: input.caseId, stepId: input.stepId, departmentCode: zrj, card: 'red', content: FACTS,
        contentHash: sha256(FACTS_CANONICAL), intact: true, createdAt: '2026-11-26T17:00:00+08:00',
      });
      expect(all.body.items.find((r: { id: number }) => r.id === forgedId)).to.include({ intact: false });

      expect((await call('GET', '/api/accountability-records', leaderOf(hbj))).body).to.deep.equal({ items: [], page: 1, pageSize: 20, total: 0 });
      const own = await call('GET', '/api/accountability-records', leaderOf(zrj));
      expect(own.body.items.map((r: { id: number }) => r.id)).to.deep.equal([forgedId, recordId]);
      expect((await call('GET', '/api/accountability-records', officerOf(zrj))).status).to.equal(403);
    });

    it('when alerts are listed, then only open yellow and red steps of cases under review show, soonest due first, filtered by light', async () => {
      const [zrj, hbj] = [uniqueDepartment(), uniqueDepartment()];
      const addCase = async (status: string): Promise<string> => {
        const id = randomUUID();
        await db.getRepository(CaseRecord).insert({
          id, trackingCode: id.replace(/-/g, '').slice(0, 16).toUpperCase(), status: status as CaseRecord['status'], channel: 'standard',
          applicantName: '星河建设有限公司', applicantPhone: '13912345678', matterCodes: ['ZRJ-001'], light: 'red',
          registeredById: 1, submittedAt: new Date('2026-11-10T01:00:00Z'), updatedAt: new Date('2026-11-10T01:00:00Z'), version: 1,
        });
        return id;
      };
      const addStep = async (caseId: string, matterCode: string, departmentCode: string, status: string, light: string, dueAt: string): Promise<string> => {
        const id = `${caseId}-${matterCode}`;
        await db.getRepository(Step).insert({
          id, caseId, matterCode, departmentCode, status: status as Step['status'], light: light as Step['light'],
          dueAt: new Date(dueAt), updatedAt: new Date('2026-11-10T01:00:00Z'), version: 1,
        });
        return id;
      };
      const reviewing = await addCase('inReview');
      const paused = await addCase('suspended');
      const delivered = await addCase('delivered');
      const redLate = await addStep(reviewing, 'ZRJ-001', zrj, 'inReview', 'red', '2026-11-18T09:00:00Z');
      const yellow = await addStep(reviewing, 'ZRJ-002', zrj, 'claimed', 'yellow', '2026-11-25T09:00:00Z');
      await addStep(reviewing, 'ZRJ-003', zrj, 'pending', 'green', '2026-12-25T09:00:00Z');
      await addStep(reviewing, 'HBJ-001', hbj, 'approved', 'red', '2026-11-17T09:00:00Z');
      const redSuspended = await addStep(paused, 'HBJ-002', hbj, 'suspended', 'red', '2026-11-19T09:00:00Z');
      await addStep(delivered, 'ZRJ-004', zrj, 'inReview', 'red', '2026-11-16T09:00:00Z');

      const mine = (body: { items: { departmentCode: string; stepId: string }[] }) => body.items.filter((a) => [zrj, hbj].includes(a.departmentCode));
      const both = await call('GET', '/api/alerts?pageSize=100', supervisor);
      expect(both.status).to.equal(200);
      expect(mine(both.body).map((a) => a.stepId)).to.deep.equal([redLate, redSuspended, yellow]);
      expect(mine(both.body)[0]).to.deep.equal({
        stepId: redLate, caseId: reviewing, matterCode: 'ZRJ-001', departmentCode: zrj, status: 'inReview', light: 'red', dueAt: '2026-11-18T17:00:00+08:00',
      });
      const red = await call('GET', '/api/alerts?light=red&pageSize=100', supervisor);
      expect(mine(red.body).map((a) => a.stepId)).to.deep.equal([redLate, redSuspended]);
      const yellowOnly = await call('GET', '/api/alerts?light=yellow', leaderOf(zrj));
      expect(yellowOnly.body.items.map((a: { stepId: string }) => a.stepId)).to.deep.equal([yellow]);
      const hbjLeader = await call('GET', '/api/alerts', leaderOf(hbj));
      expect(hbjLeader.body.items.map((a: { stepId: string }) => a.stepId)).to.deep.equal([redSuspended]);
      expect((await call('GET', '/api/alerts', leaderOf(uniqueDepartment()))).body).to.deep.equal({ items: [], page: 1, pageSize: 20, total: 0 });
    });
  });
});

describe('supervision schema on in-memory sql.js', function () {
  this.timeout(60_000);
  let db: DataSource;
  before(async () => { db = await openDatabase({ url: 'sqljs::memory' }); });
  after(async () => { if (db?.isInitialized) await db.destroy(); });

  rejectsChangesToAccountabilityRecords(() => db);

  it('when the supervision migration is reverted and re-applied, then its tables and triggers go and come back', async () => {
    const runner = db.createQueryRunner();
    const triggers = async () => (await runner.query("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name") as { name: string }[])
      .map((row) => row.name).filter((name) => name.startsWith('TRG_accountability_records'));
    try {
      const migration = new Supervision1732300000000();
      await migration.down(runner);
      expect(await runner.hasTable('supervision_orders')).to.equal(false);
      expect(await runner.hasTable('accountability_records')).to.equal(false);
      expect(await triggers()).to.deep.equal([]);
      await migration.up(runner);
      expect(await runner.hasTable('accountability_records')).to.equal(true);
      expect(await triggers()).to.deep.equal(['TRG_accountability_records_no_delete', 'TRG_accountability_records_no_update']);
    } finally {
      await runner.release();
    }
  });
});
