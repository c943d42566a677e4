// Defences you can show: lockout, rate limits, body limits, headers and request ids,
// Idempotency-Key, concurrent approvals, fuzzed bodies that never cause a 5xx or a write, and the
// hash-chained audit log with its verifier — all over HTTP against the real system.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import bcrypt from 'bcryptjs';
import jwt from 'jsonwebtoken';
import { expect } from 'chai';
import fc from 'fast-check';
import pino from 'pino';
import type { z } from 'zod';
import { verifyAuditChain } from '../../activities/audit-log';
import type { EndpointSpec } from '../../api/endpoints';
import { startApiServer, type ApiServer } from '../../api/server';
import { createLogger } from '../../config/logger';
import {
  AccountabilityRecord, AuditEvent, AuditLogEntry, CalendarDayRecord, CaseRecord, Complaint, Evaluation, IdempotencyRecord, JointReview,
  JointReviewOpinion, Department, Matter, MatterMaterial, Notice, Notification, Project, ProjectEvent, SignInFailure, Step, SupervisionOrder, User,
} from '../../entities';
import { stepWorkflowId } from '../../workflows/messages';
import type { Role } from '../../domain/types';
import { completeMaterials } from '../support/materials';
import { eventually } from '../support/eventually';
import { ApiClient } from '../support/http';
import { routeBookOf } from '../support/routes';
import { startSystem, TEST_API_CONFIG, TEST_PASSWORD, type RunningSystem } from '../support/system';

const run = promisify(execFile);
const PHONE = '13912345678';
const application = (matterCode = 'ZJJ-001', extra: Record<string, unknown> = {}) => ({
  applicant: { name: '星河建设有限公司', phone: PHONE }, matterCodes: [matterCode], channel: 'standard', materials: completeMaterials([matterCode]), ...extra,
});

describe('hardening (HTTP → Temporal → MySQL)', function () {
  this.timeout(600_000);
  let system: RunningSystem;
  let clerk: ApiClient;
  let officer: ApiClient;
  let supervisor: ApiClient;
  let admin: ApiClient;
  let anonymous: ApiClient;

  before(async () => {
    system = await startSystem('hardening');
    anonymous = new ApiClient(system.url);
    [clerk, officer, supervisor, admin] = await Promise.all(
      ['clerk1', 'officer-zjj', 'supervisor1', 'admin1'].map((user) => ApiClient.signIn(system.url, user)),
    );
  });
  after(async () => {
    await system?.stop();
  });

  /** A registered, accepted case whose single 住建局 step is dispatched and claimed by the officer. */
  async function claimedStep(): Promise<{ caseId: string; stepId: string }> {
    const created = await clerk.post('/api/cases', application());
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    expect((await clerk.post(`/api/cases/${created.body.id}/accept`, {})).status).to.equal(200);
    const stepId = `${created.body.id}-ZJJ-001`;
    // The step answers 409 until its workflow is dispatched; then the claim goes through.
    await eventually(async () => expect((await officer.post(`/api/steps/${stepId}/claim`, {})).status).to.equal(200), 30_000);
    return { caseId: created.body.id, stepId };
  }

  describe('sign-in', () => {
    let lockable: User;

    before(async () => {
      const users = system.db.getRepository(User);
      lockable = await users.save(users.create({
        username: 'window-temp', displayName: '临时窗口', passwordHash: await bcrypt.hash(TEST_PASSWORD, 4), role: 'clerk',
        departmentCode: null, failedLogins: 0, lockedUntil: null, createdAt: new Date('2026-11-01T09:00:00+08:00'),
      }));
    });

    it('when a password is wrong 5 times in a row, then the account is locked (423) even for the right password, until the lock ends', async () => {
      const attempt = (password: string) => anonymous.post('/api/auth/login', { username: 'window-temp', password });
      for (let i = 1; i <= 4; i++) expect((await attempt(`wrong-${i}`)).status, `attempt ${i}`).to.equal(401);
      const fifth = await attempt('wrong-5');
      expect(fifth.status).to.equal(423);
      expect(fifth.body.lockedUntil).to.match(/\+08:00$/);
      expect((await attempt(TEST_PASSWORD)).status).to.equal(423);

      // The lock (of this address) has run out.
      const failures = system.db.getRepository(SignInFailure);
      await failures.update({ userId: lockable.id }, { lockedUntil: new Date('2020-01-01T00:00:00Z') });
      const signedIn = await attempt(TEST_PASSWORD);
      expect(signedIn.status).to.equal(200);
      expect(signedIn.body.user).to.include({ username: 'window-temp', role: 'clerk' });
      expect(await failures.countBy({ userId: lockable.id })).to.equal(0);
    });

    it('when a stranger elsewhere fails 5 times with a clerk\'s username, then the stranger\'s address is locked and the clerk still signs in', async () => {
      const users = system.db.getRepository(User);
      const owner = await users.save(users.create({
        username: 'window-owner', displayName: '窗口本人', passwordHash: await bcrypt.hash(TEST_PASSWORD, 4), role: 'clerk',
        departmentCode: null, failedLogins: 0, lockedUntil: null, createdAt: new Date('2026-11-01T09:00:00+08:00'),
      }));
      const from = (address: string, password: string) =>
        anonymous.send('POST', '/api/auth/login', { username: 'window-owner', password }, { 'x-forwarded-for': address });
      for (let i = 1; i <= 4; i++) expect((await from('203.0.113.9', `guess-${i}`)).status).to.equal(401);
      expect((await from('203.0.113.9', 'guess-5')).status).to.equal(423);
      expect((await from('203.0.113.9', TEST_PASSWORD)).status).to.equal(423);
      expect((await from('198.51.100.20', TEST_PASSWORD)).status).to.equal(200);
      const listed = await system.db.getRepository(SignInFailure).findBy({ userId: owner.id });
      expect(listed.map((row) => row.address)).to.deep.equal(['203.0.113.9']);
    });

    it('when a token is unsigned, has no expiry or a subject that is not an account number, then it is 401, never 500', async () => {
      const claims = { username: 'clerk1', role: 'clerk', departmentCode: null };
      const tokens = [
        jwt.sign(claims, TEST_API_CONFIG.jwtSecret, { subject: 'abc', expiresIn: '1h' }),
        jwt.sign(claims, TEST_API_CONFIG.jwtSecret, { subject: '1' }),
        jwt.sign(claims, TEST_API_CONFIG.jwtSecret, { subject: '1', expiresIn: '1h', algorithm: 'HS512' }),
        `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify({ ...claims, sub: '1', exp: 4_102_444_800 })).toString('base64url')}.`,
      ];
      for (const token of tokens) {
        const answer = await anonymous.send('GET', '/api/cases', undefined, { authorization: `Bearer ${token}` });
        expect(answer.status, token).to.equal(401);
      }
    });

    it('when the user is unknown, then it is the same 401 as a wrong password', async () => {
      const unknown = await anonymous.post('/api/auth/login', { username: 'nobody-here', password: 'x' });
      const wrong = await anonymous.post('/api/auth/login', { username: 'clerk1', password: 'x' });
      expect([unknown.status, unknown.body.detail]).to.deep.equal([wrong.status, wrong.body.detail]);
      await system.db.getRepository(User).update({ username: 'clerk1' }, { failedLogins: 0 });
    });
  });

  describe('limits, headers and request ids', () => {
    let strict: ApiServer;

    before(async () => {
      strict = await startApiServer({
        db: system.db, temporal: system.env.client, logger: pino({ level: 'silent' }),
        config: {
          ...TEST_API_CONFIG, taskQueue: system.taskQueue,
          security: { loginsPerMinute: 3, lookupsPerMinute: 3, writesPerMinute: 2, corsOrigins: ['https://window.example.gov.cn'] },
        },
      }, 0);
    });
    after(async () => {
      await strict?.stop();
    });

    it('when sign-ins from one address exceed the limit, then 429 problem+json', async () => {
      const client = new ApiClient(strict.url);
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await client.post('/api/auth/login', { username: 'supervisor1', password: TEST_PASSWORD })).status);
      expect(statuses).to.deep.equal([200, 200, 200, 429]);
    });

    it('when one address guesses tracking look-ups faster than the limit, then 429', async () => {
      const client = new ApiClient(strict.url);
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await client.get(`/api/track/GUESS${i}CODE?phoneLast4=${1000 + i}`)).status);
      expect(statuses).to.deep.equal([404, 404, 404, 429]);
    });

    it('when a body is nested 10,000 deep with an Idempotency-Key, then 400 names the body and nothing is kept', async () => {
      const deep = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
      const answer = await fetch(`${system.url}/api/cases`, {
        method: 'POST', body: deep,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${clerk.token}`, 'idempotency-key': `deep-${process.pid}` },
      });
      expect(answer.status).to.equal(400);
      expect(((await answer.json()) as { errors: Array<{ path: string }> }).errors[0].path).to.equal('body');
      expect(await system.db.getRepository(IdempotencyRecord).countBy({ key: `deep-${process.pid}` })).to.equal(0);
    });

    it('when requests are logged, then no bearer token, phone digits or whole tracking code is in the log', async () => {
      const lines: string[] = [];
      const logged = await startApiServer({
        db: system.db, temporal: system.env.client, logger: createLogger('info', 'api', { write: (line: string) => { lines.push(line); } }),
        config: { ...TEST_API_CONFIG, taskQueue: system.taskQueue },
      }, 0);
      try {
        await clerk.on(logged.url).get('/api/cases');
        await new ApiClient(logged.url).get('/api/track/SECRETCODE42?phoneLast4=9876');
      } finally {
        await logged.stop();
      }
      const log = lines.join('');
      expect(log).to.contain('/api/cases');
      expect(log).to.contain('[redacted]');
      expect(log).not.to.contain(clerk.token!);
      expect(log).not.to.contain('9876');
      expect(log).not.to.contain('SECRETCODE42');
    });

    it('when a known path is asked with a method it does not take, then 405 with Allow; an unknown path is 404', async () => {
      const cases = await clerk.send('DELETE', '/api/cases');
      expect(cases.status).to.equal(405);
      expect(cases.headers.get('allow')).to.equal('GET, POST, HEAD');
      expect(cases.body).to.include({ type: 'urn:problem:method-not-allowed', status: 405 });
      const approve = await officer.send('GET', '/api/steps/some-step/approve');
      expect([approve.status, approve.headers.get('allow')]).to.deep.equal([405, 'POST']);
      expect((await clerk.send('DELETE', '/api/no-such-thing')).status).to.equal(404);
    });

    it('when one user sends more changes than the limit, then 429 and nothing is written', async () => {
      const client = clerk.on(strict.url);
      const before = await system.db.getRepository(CaseRecord).count();
      const answers = [];
      for (let i = 0; i < 3; i++) answers.push(await client.post('/api/cases', { applicant: {} }));
      expect(answers.map((a) => a.status)).to.deep.equal([400, 400, 429]);
      expect(answers[2].contentType).to.match(/problem\+json/);
      expect(await system.db.getRepository(CaseRecord).count()).to.equal(before);
    });

    it('when a body is above the limit, then 413 problem+json and nothing is written', async () => {
      const before = await system.db.getRepository(CaseRecord).count();
      const answer = await clerk.post('/api/cases', application('ZJJ-001', { projectName: 'x'.repeat(200_000) }));
      expect(answer.status).to.equal(413);
      expect(answer.body.type).to.equal('urn:problem:payload-too-large');
      expect(await system.db.getRepository(CaseRecord).count()).to.equal(before);
    });

    it('when any answer goes out, then it carries security headers and no framework banner', async () => {
      const res = await fetch(`${system.url}/healthz`);
      expect(res.headers.get('x-content-type-options')).to.equal('nosniff');
      expect(res.headers.get('content-security-policy')).to.contain("default-src 'self'");
      expect(res.headers.get('x-frame-options')).to.equal('SAMEORIGIN');
      expect(res.headers.get('strict-transport-security')).to.match(/max-age=/);
      expect(res.headers.get('x-powered-by')).to.equal(null);
    });

    it('when a browser calls from a configured origin, then CORS allows it; any other origin is not allowed', async () => {
      const preflight = (origin: string) => fetch(`${strict.url}/api/cases`, {
        method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' },
      });
      expect((await preflight('https://window.example.gov.cn')).headers.get('access-control-allow-origin')).to.equal('https://window.example.gov.cn');
      expect((await preflight('https://elsewhere.example.com')).headers.get('access-control-allow-origin')).to.equal(null);
      expect((await fetch(`${system.url}/healthz`, { headers: { origin: 'https://window.example.gov.cn' } })).headers.get('access-control-allow-origin')).to.equal(null);
    });

    it('when a request carries X-Request-Id, then the answer, the problem and the audit row carry it; otherwise one is made', async () => {
      const answer = await admin.send('POST', '/api/steps/no-such-step/approve', { opinion: '同意' }, { 'x-request-id': 'req-hardening-1' });
      expect(answer.status).to.equal(403);
      expect(answer.headers.get('x-request-id')).to.equal('req-hardening-1');
      expect(answer.body.requestId).to.equal('req-hardening-1');
      const row = await system.db.getRepository(AuditLogEntry).findOneByOrFail({ requestId: 'req-hardening-1' });
      expect(row).to.include({ actorName: 'admin1', actorRole: 'admin', action: 'POST /api/steps/:id/approve', objectType: 'steps', objectId: 'no-such-step', outcome: 'denied', status: 403 });
      const made = await anonymous.get('/healthz');
      expect(made.headers.get('x-request-id')).to.match(/^[0-9a-f-]{36}$/);
    });
  });

  describe('long text is stored whole', () => {
    it('when a supplement request names 200 items with 420-character notes (87 KB), then it is kept whole and the case still reads', async () => {
      const created = await clerk.post('/api/cases', application('ZJJ-002'));
      const note = (i: number) => `${String(i).padStart(3, '0')}${'n'.repeat(417)}`;
      const missing = Array.from({ length: 200 }, (_, i) => ({ code: `item-${i}`, note: note(i), newlyArising: true }));
      const asked = await clerk.post(`/api/cases/${created.body.id}/supplement-requests`, { missing });
      expect(asked.status, JSON.stringify(asked.body).slice(0, 300)).to.equal(200);
      const read = await clerk.get(`/api/cases/${created.body.id}`);
      expect(read.status).to.equal(200);
      const entry = read.body.timeline.find((e: { action: string }) => e.action === 'REQUEST_SUPPLEMENT');
      const items = entry.detail.missing as Array<{ code: string; note: string }>;
      expect(items).to.have.length(200);
      expect(items[199]).to.deep.include({ code: 'item-199', note: note(199) });
    });
  });

  describe('Idempotency-Key', () => {
    it('when a registration is retried with the same key, then the first answer comes back and one case exists', async () => {
      const key = `register-${Date.now()}`;
      const body = application('ZJJ-002');
      const first = await clerk.send('POST', '/api/cases', body, { 'idempotency-key': key });
      const retry = await clerk.send('POST', '/api/cases', body, { 'idempotency-key': key });
      expect(first.status).to.equal(201);
      expect(retry.status).to.equal(201);
      expect(retry.body).to.deep.equal(first.body);
      expect(retry.headers.get('idempotent-replayed')).to.equal('true');
      expect(await system.db.getRepository(CaseRecord).countBy({ trackingCode: first.body.trackingCode })).to.equal(1);
      expect(await system.db.getRepository(CaseRecord).countBy({ id: retry.body.id })).to.equal(1);

      const reused = await clerk.send('POST', '/api/cases', application('ZJJ-001'), { 'idempotency-key': key });
      expect(reused.status).to.equal(422);
      expect(reused.body.type).to.equal('urn:problem:idempotency-key-reused');
    });

    it('when an approval is retried with the same key, then it answers the same and the timeline has one approval', async () => {
      const { caseId, stepId } = await claimedStep();
      const key = `approve-${stepId}`;
      const first = await officer.send('POST', `/api/steps/${stepId}/approve`, { opinion: '同意' }, { 'idempotency-key': key });
      const retry = await officer.send('POST', `/api/steps/${stepId}/approve`, { opinion: '同意' }, { 'idempotency-key': key });
      expect(first.status).to.equal(200);
      expect(retry.status).to.equal(200);
      expect(retry.body).to.deep.equal(first.body);
      expect(await system.db.getRepository(AuditEvent).countBy({ caseId, stepId, action: 'APPROVE' })).to.equal(1);
      // Without the key the same request is a second, illegal approval.
      expect((await officer.post(`/api/steps/${stepId}/approve`, { opinion: '同意' })).status).to.equal(409);
    });

    /** As if the API had died after the action took effect and before it kept the answer. */
    const forgetAnswer = (key: string) => system.db.getRepository(IdempotencyRecord)
      .update({ key }, { state: 'pending', responseStatus: null, responseBody: null });

    it('when the API died after a registration took effect, then the retry with the same key answers that case and no second case exists', async () => {
      const key = `died-register-${process.pid}-${Date.now()}`;
      const body = application('ZJJ-002', { applicant: { name: `重试登记${key}`, phone: '13800001111' } });
      const first = await clerk.send('POST', '/api/cases', body, { 'idempotency-key': key });
      expect(first.status).to.equal(201);
      await forgetAnswer(key);
      const retry = await clerk.send('POST', '/api/cases', body, { 'idempotency-key': key });
      expect(retry.status).to.equal(201);
      expect(retry.body).to.deep.include({ id: first.body.id, trackingCode: first.body.trackingCode });
      expect(await system.db.getRepository(CaseRecord).countBy({ applicantName: `重试登记${key}` })).to.equal(1);
      expect(await system.db.getRepository(IdempotencyRecord).findOneByOrFail({ key })).to.include({ state: 'done', responseStatus: 201 });
    });

    it('when the API died after a claim and an approval took effect, then their retries answer 200 with the step as it is, not 409', async () => {
      const created = await clerk.post('/api/cases', application());
      await clerk.post(`/api/cases/${created.body.id}/accept`, {});
      const stepId = `${created.body.id}-ZJJ-001`;
      await eventually(async () => expect((await officer.get('/api/inbox')).body.map((s: { id: string }) => s.id)).to.include(stepId));
      for (const [verb, body, status] of [['claim', {}, 'claimed'], ['approve', { opinion: '同意' }, 'approved']] as const) {
        const key = `died-${verb}-${stepId}`;
        const first = await officer.send('POST', `/api/steps/${stepId}/${verb}`, body, { 'idempotency-key': key });
        expect(first.status, verb).to.equal(200);
        await forgetAnswer(key);
        const retry = await officer.send('POST', `/api/steps/${stepId}/${verb}`, body, { 'idempotency-key': key });
        expect(retry.status, `${verb}: ${JSON.stringify(retry.body)}`).to.equal(200);
        expect(retry.body.status, verb).to.equal(status);
      }
      const actions = (await system.db.getRepository(AuditEvent).findBy({ stepId })).map((event) => event.action);
      expect(actions.filter((action) => action === 'CLAIM')).to.have.length(1);
      expect(actions.filter((action) => action === 'APPROVE')).to.have.length(1);
    });

    it('when the key is malformed, then 400 names the header', async () => {
      const answer = await clerk.send('POST', '/api/cases', application(), { 'idempotency-key': 'x'.repeat(200) });
      expect(answer.status).to.equal(400);
      expect(answer.body.errors[0].path).to.equal('headers.idempotency-key');
    });
  });

  describe('concurrent approvals', () => {
    it('when one step is approved twice at once, then exactly one wins and the other is 409 — over 200 trials', async () => {
      const TRIALS = 200;
      const PARALLEL = 8;
      const outcomes: string[] = [];
      let next = 0;
      const worker = async () => {
        while (next < TRIALS) {
          next++;
          const { caseId, stepId } = await claimedStep();
          const answers = await Promise.all([1, 2].map(() => officer.post(`/api/steps/${stepId}/approve`, { opinion: '同意' })));
          const statuses = answers.map((a) => a.status).sort();
          const loser = answers.find((a) => a.status === 409);
          outcomes.push(`${statuses.join('/')} ${loser?.body.type ?? ''}`);
          expect(await system.db.getRepository(AuditEvent).countBy({ caseId, stepId, action: 'APPROVE' })).to.equal(1);
        }
      };
      await Promise.all(Array.from({ length: PARALLEL }, worker));
      expect(outcomes).to.have.length(TRIALS);
      expect(new Set(outcomes)).to.deep.equal(new Set(['200/409 urn:problem:illegal-transition']));
    });
  });

  describe('fuzzed bodies', () => {
    /** A valid body per write route: the fuzzer breaks it, and the test knows every route has one. */
    const VALID: Record<string, unknown> = {
      'POST /api/auth/login': { username: 'clerk1', password: 'not-the-password' },
      'POST /api/cases': application(),
      'POST /api/cases/precheck': { matterCodes: ['ZJJ-001'], materials: [] },
      'POST /api/cases/:id/accept': {},
      'POST /api/cases/:id/accept-with-deficiency': { missing: [{ code: 'safety-measures', note: '三日内补交' }], workingDays: 5 },
      'POST /api/cases/:id/refuse': { reason: '不属于受理范围' },
      'POST /api/cases/:id/supplement-requests': { missing: [{ code: 'application-form' }] },
      'POST /api/cases/:id/supplements': { materials: [{ code: 'application-form' }] },
      'POST /api/cases/:id/deliver': {},
      'POST /api/cases/:id/withdraw': { reason: '撤回' },
      'POST /api/cases/:id/urge': { note: '请加快' },
      'POST /api/cases/:id/cc': { usernames: ['officer-zjj'], departmentCodes: ['zjj'], note: '请知悉' },
      'POST /api/steps/:id/claim': {},
      'POST /api/steps/:id/start-review': {},
      'POST /api/steps/:id/approve': { opinion: '同意' },
      'POST /api/steps/:id/reject': { reason: '不符合', legalBasis: '第三十八条' },
      'POST /api/steps/:id/suspend': { kind: '补正', reason: '补充材料', expectedWorkingDays: 3 },
      'POST /api/steps/:id/resume': {},
      'POST /api/steps/:id/extend': { workingDays: 2, reason: '情况复杂' },
      'POST /api/steps/:id/transfer': { toUsername: 'leader-zjj', reason: '工作调整' },
      'POST /api/steps/:id/release': { reason: '不属于本人分工' },
      'POST /api/steps/:id/delegate': { toUsername: 'leader-zjj', reason: '请协助审查' },
      'POST /api/steps/:id/hand-back': { opinion: '建议同意' },
      'POST /api/steps/:id/add-signers': { position: 'before', usernames: ['leader-zjj'], reason: '重大事项' },
      'POST /api/steps/:id/send-back': { to: 'previous', reason: '意见需补充' },
      'POST /api/supervision-orders/:id/urge': { note: '请加快' },
      'POST /api/supervision-orders/:id/close': { note: '已办结' },
      'PUT /api/calendar/days/:date': { kind: 'holiday', name: '测试' },
      'PUT /api/calendar/years/:year': { days: [{ date: '2035-04-03', kind: 'holiday', name: '测试' }] },
      'POST /api/complaints': { content: '电话投诉' },
      'POST /api/complaints/:id/assign': { departmentCode: 'zjj' },
      'POST /api/complaints/:id/resolve': { outcome: '已整改', substantiated: true },
      'POST /api/evaluations/:id/follow-up/close': { note: '已回访' },
      'POST /api/post-approval-checks/:id/complete': { compliant: true, finding: '已核查' },
      'POST /api/cases/:id/joint-reviews': { topic: '联合审查', heldOn: '2026-12-01' },
      'POST /api/joint-reviews/:id/opinions': { opinion: '原则同意' },
      'POST /api/joint-reviews/:id/conclude': { consolidatedOpinion: '经会商，同意' },
      'POST /api/track/:trackingCode/complaints': { phoneLast4: '5678', content: '答复不清' },
      'POST /api/track/:trackingCode/evaluation': { phoneLast4: '5678', level: 4 },
      'POST /api/projects': { name: '星河产业园', key: true, agentUsername: 'agent1', limitWorkingDays: 100 },
      'POST /api/projects/:id/reports': { progress: '用地材料编制中', problems: '无' },
      'POST /api/projects/:id/close': { reason: '建设单位撤回项目' },
      'POST /api/users': { username: 'officer9-zjj', displayName: '经办人', role: 'officer', departmentCode: 'zjj', password: 'long-enough-password' },
      'PATCH /api/users/:id': { displayName: '经办人', role: 'leader', departmentCode: 'zjj', active: true },
      'POST /api/users/:id/password': { password: 'long-enough-password' },
      'POST /api/users/:id/unlock': {},
      'POST /api/matters': {
        code: 'ZJJ-901', name: '临时事项', departmentCode: 'zjj', legalDays: 10, committedDays: 5, instant: false, specialProcedures: ['补正'],
        requires: ['ZJJ-001'], stage: 'construction', approval: { mode: 'all', approvers: ['officer-zjj', 'leader-zjj'] },
        materials: [{ code: 'application-form', name: '申请表', required: true, core: true }],
      },
      'PUT /api/matters/:code': {
        name: '临时事项', departmentCode: 'zjj', legalDays: 10, committedDays: 5, materials: [{ code: 'application-form', name: '申请表', required: true, core: true }],
      },
      'POST /api/departments': { code: 'lyj', name: '林业局' },
      'POST /api/notices/read-all': {},
      'POST /api/notices/:id/read': {},
    };

    /** Rows anything could write, scoped to the fuzzed case where earlier cases may still be settling. */
    const counts = async (caseId: string): Promise<Record<string, number>> => {
      const result: Record<string, number> = {};
      for (const [name, entity] of Object.entries({
        CaseRecord, Step, SupervisionOrder, AccountabilityRecord, CalendarDayRecord, IdempotencyRecord, Complaint, Evaluation, JointReview, JointReviewOpinion,
        Project, ProjectEvent, User, Department, Matter, MatterMaterial, Notice,
      })) {
        result[name] = await system.db.getRepository(entity).count();
      }
      result.timeline = await system.db.getRepository(AuditEvent).countBy({ caseId });
      result.notifications = await system.db.getRepository(Notification).countBy({ caseId });
      result.failedLogins = (await system.db.getRepository(User).sum('failedLogins')) ?? 0;
      return result;
    };

    /** Bodies the route's own schema refuses: random JSON, the valid body with a field broken, or with an extra field. */
    const invalidBodies = (spec: EndpointSpec, valid: Record<string, unknown>) => {
      const keys = Object.keys(valid);
      const wrong = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 3 }), fc.string({ maxLength: 4 }),
        fc.string({ minLength: 5000, maxLength: 5000 }), fc.object({ maxDepth: 1 }));
      const broken = keys.length === 0
        ? fc.constant({ unexpected: true })
        : fc.tuple(fc.constantFrom(...keys), wrong).map(([key, value]) => ({ ...valid, [key]: value }));
      const extra = fc.tuple(fc.constantFrom('status', 'departmentCode', 'id', 'version', 'role', '__proto__x'), fc.jsonValue())
        .map(([key, value]) => ({ ...valid, [key]: value }));
      return fc.oneof(fc.jsonValue(), broken, extra).filter((body) => !(spec.body as z.ZodType).safeParse(body).success);
    };

    it('when every write route gets malformed, wrongly typed, unexpected or oversized bodies, then never a 5xx and nothing is written', async () => {
      const { caseId, stepId } = await claimedStep();
      const orders = system.db.getRepository(SupervisionOrder);
      const order = await orders.save(orders.create({
        orderKey: `${stepWorkflowId(stepId)}:order:fuzz`, caseId, stepId, departmentCode: 'zjj', matterCode: 'ZJJ-001', status: 'open',
        openedAt: new Date(), deadlineAt: new Date(Date.now() + 86_400_000), urgeCount: 0, lastUrgedAt: null, closedAt: null, closedBy: null, closeNote: null,
      }));
      const leader = await ApiClient.signIn(system.url, 'leader-zjj');
      const agent = await ApiClient.signIn(system.url, 'agent1');
      // Each route is called by the first of its roles signed in here, on an object in that user's scope.
      const byRole: Partial<Record<Role, ApiClient>> = { clerk, officer, leader, agent, supervisor, admin };
      const targets: Record<string, string | undefined> = {
        '/api/cases/:id': caseId,
        '/api/steps/:id': stepId,
        '/api/supervision-orders/:id': String(order.id),
        '/api/calendar/days/:date': '2035-04-02',
        '/api/calendar/years/:year': '2035',
        // Invalid bodies are refused before any lookup: these ids need not exist.
        '/api/complaints/:id': '1',
        '/api/evaluations/:id': '1',
        '/api/post-approval-checks/:id': '1',
        '/api/joint-reviews/:id': '1',
        '/api/track/:trackingCode': 'ABCDEF2345',
        '/api/projects/:id': '00000000-0000-4000-8000-000000000000',
        '/api/users/:id': '1',
        '/api/matters/:code': 'ZJJ-002',
        '/api/notices/:id': '1',
      };
      const writes = routeBookOf(system.api.app).specs.filter((spec) => spec.method !== 'get' && spec.body);
      expect(writes.map((spec) => `${spec.method.toUpperCase()} ${spec.path}`).filter((route) => !(route in VALID)), 'write routes without a valid body here').to.deep.equal([]);

      // The claim's own echoes (clock reports to the case) settle first.
      let before = await counts(caseId);
      await eventually(async () => {
        await new Promise((resolve) => setTimeout(resolve, 500));
        const now = await counts(caseId);
        const settled = JSON.stringify(now) === JSON.stringify(before);
        before = now;
        expect(settled).to.equal(true);
      });
      let requests = 0;
      for (const spec of writes) {
        const prefix = Object.keys(targets).find((p) => spec.path.startsWith(p));
        const client = spec.access === 'public' ? anonymous : byRole[spec.access.find((role) => byRole[role])!]!;
        const path = prefix ? spec.path.replace(/:[A-Za-z]+/, targets[prefix]!) : spec.path;
        const label = `${spec.method.toUpperCase()} ${spec.path}`;
        await fc.assert(fc.asyncProperty(invalidBodies(spec, VALID[label] as Record<string, unknown>), async (body) => {
          requests++;
          const answer = await client.send(spec.method.toUpperCase(), path, body);
          expect(answer.status, `${label} ${JSON.stringify(body).slice(0, 200)} → ${JSON.stringify(answer.body)}`).to.equal(400);
          expect(answer.contentType).to.match(/problem\+json/);
        }), { numRuns: 25 });
        const huge = await client.send(spec.method.toUpperCase(), path, { ...(VALID[label] as object), padding: 'x'.repeat(150_000) });
        expect(huge.status, `${label} oversized`).to.equal(413);
        const garbled = await client.sendRaw(spec.method.toUpperCase(), path, '{"opinion": "同意",');
        expect(garbled.status, `${label} malformed JSON`).to.equal(400);
      }
      expect(requests).to.be.above(400);
      expect(await counts(caseId)).to.deep.equal(before);
    });
  });

  describe('audit log', () => {
    it('when state changes and denied attempts happen, then each is a row with actor, role, action, object, outcome and request id', async () => {
      const created = await clerk.send('POST', '/api/cases', application(), { 'x-request-id': 'req-audit-register' });
      expect(created.status).to.equal(201);
      const denied = await officer.send('POST', `/api/cases/${created.body.id}/accept`, {}, { 'x-request-id': 'req-audit-denied' });
      expect(denied.status).to.equal(403);
      const rows = system.db.getRepository(AuditLogEntry);
      expect(await rows.findOneByOrFail({ requestId: 'req-audit-register' })).to.include({
        actorName: 'clerk1', actorRole: 'clerk', action: 'POST /api/cases', objectType: 'cases', objectId: created.body.id, outcome: 'succeeded', status: 201,
      });
      expect(await rows.findOneByOrFail({ requestId: 'req-audit-denied' })).to.include({
        actorName: 'officer-zjj', actorRole: 'officer', action: 'POST /api/cases/:id/accept', objectId: created.body.id, outcome: 'denied', status: 403,
      });
      const signIn = await rows.findOne({ where: { action: 'POST /api/auth/login', outcome: 'succeeded' }, order: { id: 'DESC' } });
      expect(signIn?.actorName).to.be.a('string');
    });

    it('when a sign-in carries a lone surrogate and a path is cut mid-emoji, then the rows hold well-formed text and the chain still verifies', async () => {
      const lone = await fetch(`${system.url}/api/auth/login`, {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'req-audit-lone-surrogate' },
        body: '{"username":"clerk\\ud800x","password":"wrong-password"}',
      });
      expect(lone.status).to.equal(401);
      const emoji = `${'案'.repeat(119)}😀😀`;
      const cut = await officer.send('POST', `/api/steps/${encodeURIComponent(emoji)}/claim`, {}, { 'x-request-id': 'req-audit-emoji' });
      expect(cut.status).to.be.oneOf([400, 404]);
      const rows = system.db.getRepository(AuditLogEntry);
      const signIn = await rows.findOneByOrFail({ requestId: 'req-audit-lone-surrogate' });
      expect(signIn.actorName).to.equal('clerk\uFFFDx');
      const path = await rows.findOneBy({ requestId: 'req-audit-emoji' });
      if (path?.objectId) expect(path.objectId.isWellFormed()).to.equal(true);
      expect((await verifyAuditChain(system.db)).intact).to.equal(true);
    });

    it('when anyone updates or deletes an audit row with SQL, then the database refuses', async () => {
      const row = await system.db.getRepository(AuditLogEntry).findOneOrFail({ where: {}, order: { id: 'ASC' } });
      let refused = 0;
      for (const sql of ['UPDATE audit_log SET outcome = \'succeeded\' WHERE id = ?', 'DELETE FROM audit_log WHERE id = ?']) {
        try {
          await system.db.query(sql, [row.id]);
        } catch (err) {
          expect(String(err)).to.contain('append-only');
          refused++;
        }
      }
      expect(refused).to.equal(2);
      expect(await system.db.getRepository(AuditLogEntry).findOneByOrFail({ id: row.id })).to.deep.equal(row);
    });

    it('when the chain is verified, then it holds; after a row is tampered with, the check and `npm run audit:verify` name it', async () => {
      const env = { ...process.env, DATABASE_URL: databaseUrl(system) };
      const intact = await verifyAuditChain(system.db);
      expect(intact.intact).to.equal(true);
      expect(intact.rows).to.be.above(100);
      const script = await run('npx', ['tsx', 'scripts/audit-verify.ts'], { env });
      expect(JSON.parse(script.stdout)).to.deep.include({ intact: true });

      // Someone with DBA rights drops the guard and rewrites a denial as a success.
      const victim = await system.db.getRepository(AuditLogEntry).findOneByOrFail({ requestId: 'req-audit-denied' });
      await system.db.query('DROP TRIGGER TRG_audit_log_no_update');
      await system.db.query('UPDATE audit_log SET outcome = \'succeeded\', status = 200 WHERE id = ?', [victim.id]);

      const broken = await verifyAuditChain(system.db);
      expect(broken).to.deep.include({ intact: false, brokenAt: { id: victim.id, reason: 'content does not match its hash' } });
      const failed = await run('npx', ['tsx', 'scripts/audit-verify.ts'], { env }).then(() => null, (err: { code: number; stdout: string }) => err);
      expect(failed?.code).to.equal(1);
      expect(JSON.parse(failed!.stdout).brokenAt.id).to.equal(victim.id);
    });
  });
});

function databaseUrl(system: RunningSystem): string {
  const options = system.db.options as { url?: string };
  if (!options.url) throw new Error('the test system runs on a MySQL URL');
  return options.url;
}
