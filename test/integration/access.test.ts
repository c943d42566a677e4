// Who may do what, proven over HTTP against the real system: every route declares a policy and
// is documented; the authorization matrix (id-bearing route × role × own or other object);
// mass assignment; separation of duties.
import bcrypt from 'bcryptjs';
import { expect } from 'chai';
import express from 'express';
import { openApiPath } from '../../api/openapi';
import { ROLES, type Role } from '../../domain/types';
import { CaseRecord, Evaluation, Notice, PostApprovalCheck, Step, SupervisionOrder, User } from '../../entities';
import { stepWorkflowId } from '../../workflows/messages';
import { completeMaterials } from '../support/materials';
import { eventually } from '../support/eventually';
import { ApiClient, type Answer } from '../support/http';
import { mountedRoutes, routeBookOf } from '../support/routes';
import { startSystem, TEST_PASSWORD, type RunningSystem } from '../support/system';

const USERS: Record<Role, string> = {
  clerk: 'clerk1', officer: 'officer-zrj', leader: 'leader-zrj', agent: 'agent1', supervisor: 'supervisor1', admin: 'admin1',
};
const PHONE = '13912345678';

/** Whose object it is, seen from the role's user: their department's or assignment's, or not. */
type Scope = 'own' | 'other';
type ObjectKind = 'case' | 'step' | 'order' | 'day' | 'year' | 'tracking' | 'trackingCode' | 'complaint' | 'evaluation' | 'check' | 'project' | 'review'
  | 'user' | 'matter' | 'notice';

interface MatrixRow {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** Who may call it (DESIGN §4), written out here rather than read from the code under test. */
  roles: readonly Role[] | 'public';
  kind: ObjectKind;
  /** A body, or one per scope (public routes carry the phone digits in the body). */
  body?: unknown;
  bodyFor?: (scope: Scope) => unknown;
  /** Fixed values of the path's other parameters (the first one is the object). */
  params?: Record<string, string>;
}

const CASE_VIEWERS = ['clerk', 'officer', 'leader', 'agent', 'supervisor'] as const;
const REVIEWERS = ['officer', 'leader'] as const;

// In this order: a step is claimed before it is reviewed, paused before resumed, a day set before removed.
const MATRIX: MatrixRow[] = [
  { method: 'GET', path: '/api/cases/:id', roles: CASE_VIEWERS, kind: 'case' },
  { method: 'GET', path: '/api/cases/:id/receipt', roles: ['clerk', 'agent', 'supervisor'], kind: 'case' },
  { method: 'GET', path: '/api/cases/:id/documents', roles: ['clerk', 'agent', 'supervisor'], kind: 'case' },
  { method: 'GET', path: '/api/cases/:id/documents/:kind', roles: ['clerk', 'agent', 'supervisor'], kind: 'case', params: { kind: 'acceptance' } },
  // 联合审查: scoped by the meeting's case. The own case's only department gives its opinion once
  // (the leader's second one is 409) and then concludes.
  { method: 'POST', path: '/api/cases/:id/joint-reviews', roles: ['leader'], kind: 'case', body: { topic: '选址会商' } },
  { method: 'GET', path: '/api/cases/:id/joint-reviews', roles: CASE_VIEWERS, kind: 'case' },
  { method: 'GET', path: '/api/joint-reviews/:id', roles: CASE_VIEWERS, kind: 'review' },
  { method: 'POST', path: '/api/joint-reviews/:id/opinions', roles: REVIEWERS, kind: 'review', body: { opinion: '原则同意' } },
  { method: 'POST', path: '/api/joint-reviews/:id/conclude', roles: ['leader'], kind: 'review', body: { consolidatedOpinion: '经会商，同意' } },
  { method: 'GET', path: '/api/steps/:id', roles: REVIEWERS, kind: 'step' },
  { method: 'POST', path: '/api/steps/:id/claim', roles: REVIEWERS, kind: 'step', body: {} },
  { method: 'POST', path: '/api/steps/:id/start-review', roles: REVIEWERS, kind: 'step', body: {} },
  { method: 'POST', path: '/api/steps/:id/suspend', roles: REVIEWERS, kind: 'step', body: { kind: '现场踏勘', reason: '现场核查' } },
  { method: 'POST', path: '/api/steps/:id/resume', roles: REVIEWERS, kind: 'step', body: {} },
  { method: 'POST', path: '/api/steps/:id/extend', roles: ['leader'], kind: 'step', body: { workingDays: 1, reason: '专家意见分歧' } },
  { method: 'POST', path: '/api/steps/:id/approve', roles: REVIEWERS, kind: 'step', body: { opinion: '同意' } },
  { method: 'POST', path: '/api/steps/:id/reject', roles: REVIEWERS, kind: 'step', body: { reason: '不符合规划', legalBasis: '《城乡规划法》第四十条' } },
  { method: 'POST', path: '/api/steps/:id/transfer', roles: REVIEWERS, kind: 'step', body: { toUsername: 'officer2-zrj', reason: '工作调整' } },
  { method: 'POST', path: '/api/steps/:id/release', roles: REVIEWERS, kind: 'step', body: { reason: '不属于本人分工' } },
  { method: 'POST', path: '/api/steps/:id/delegate', roles: REVIEWERS, kind: 'step', body: { toUsername: 'officer2-zrj', reason: '请协助审查' } },
  { method: 'POST', path: '/api/steps/:id/hand-back', roles: REVIEWERS, kind: 'step', body: { opinion: '建议同意' } },
  { method: 'POST', path: '/api/steps/:id/add-signers', roles: REVIEWERS, kind: 'step', body: { position: 'after', usernames: ['officer2-zrj'], reason: '重大事项' } },
  { method: 'POST', path: '/api/steps/:id/send-back', roles: REVIEWERS, kind: 'step', body: { to: 'previous', reason: '意见需补充' } },
  { method: 'POST', path: '/api/cases/:id/supplement-requests', roles: ['clerk'], kind: 'case', body: { missing: [{ code: 'application-form' }] } },
  { method: 'POST', path: '/api/cases/:id/supplements', roles: ['clerk', 'agent'], kind: 'case', body: { materials: [{ code: 'application-form' }] } },
  { method: 'POST', path: '/api/cases/:id/urge', roles: ['agent', 'supervisor'], kind: 'case', body: { note: '请加快办理' } },
  { method: 'POST', path: '/api/cases/:id/cc', roles: ['clerk', 'officer', 'leader', 'supervisor'], kind: 'case', body: { usernames: ['supervisor1'], note: '请知悉' } },
  { method: 'POST', path: '/api/cases/:id/accept', roles: ['clerk'], kind: 'case', body: {} },
  {
    // A non-core material of each case's matter (ZRJ-001 own, HBJ-001 other), so only access and the chart decide.
    method: 'POST', path: '/api/cases/:id/accept-with-deficiency', roles: ['clerk'], kind: 'case',
    bodyFor: (scope) => ({ missing: [{ code: scope === 'own' ? 'power-of-attorney' : 'confidentiality-statement' }], workingDays: 5 }),
  },
  { method: 'POST', path: '/api/cases/:id/refuse', roles: ['clerk'], kind: 'case', body: { reason: '不属于本中心受理范围' } },
  { method: 'POST', path: '/api/cases/:id/deliver', roles: ['clerk'], kind: 'case', body: {} },
  { method: 'POST', path: '/api/cases/:id/withdraw', roles: ['clerk'], kind: 'case', body: { reason: '申请人撤回' } },
  // 消息中心: everyone reads their own notices; someone else's is 404.
  { method: 'POST', path: '/api/notices/:id/read', roles: ROLES, kind: 'notice', body: {} },
  { method: 'GET', path: '/api/supervision-orders/:id', roles: ['supervisor', 'leader'], kind: 'order' },
  { method: 'POST', path: '/api/supervision-orders/:id/urge', roles: ['supervisor'], kind: 'order', body: { note: '请加快办理' } },
  { method: 'POST', path: '/api/supervision-orders/:id/close', roles: ['supervisor'], kind: 'order', body: { note: '已办结' } },
  { method: 'PUT', path: '/api/calendar/days/:date', roles: ['admin'], kind: 'day', body: { kind: 'holiday', name: '测试休息日' } },
  { method: 'DELETE', path: '/api/calendar/days/:date', roles: ['admin'], kind: 'day' },
  {
    method: 'PUT', path: '/api/calendar/years/:year', roles: ['admin'], kind: 'year',
    bodyFor: (scope) => ({ days: [{ date: `${scope === 'own' ? 2036 : 2037}-01-01`, kind: 'holiday', name: '元旦' }] }),
  },
  { method: 'GET', path: '/api/track/:trackingCode', roles: 'public', kind: 'tracking' },
  {
    method: 'POST', path: '/api/track/:trackingCode/complaints', roles: 'public', kind: 'trackingCode',
    bodyFor: (scope) => ({ phoneLast4: scope === 'own' ? PHONE.slice(-4) : '0000', content: '窗口答复不清' }),
  },
  {
    method: 'POST', path: '/api/track/:trackingCode/evaluation', roles: 'public', kind: 'trackingCode',
    bodyFor: (scope) => ({ phoneLast4: scope === 'own' ? PHONE.slice(-4) : '0000', level: 5 }),
  },
  { method: 'GET', path: '/api/complaints/:id', roles: ['supervisor'], kind: 'complaint' },
  { method: 'POST', path: '/api/complaints/:id/assign', roles: ['supervisor'], kind: 'complaint', body: { departmentCode: 'zrj' } },
  { method: 'POST', path: '/api/complaints/:id/resolve', roles: ['supervisor'], kind: 'complaint', body: { outcome: '已整改', substantiated: true } },
  { method: 'GET', path: '/api/evaluations/:id', roles: ['supervisor'], kind: 'evaluation' },
  { method: 'POST', path: '/api/post-approval-checks/:id/complete', roles: REVIEWERS, kind: 'check', body: { compliant: true, finding: '已核查' } },
  { method: 'POST', path: '/api/evaluations/:id/follow-up/close', roles: ['supervisor'], kind: 'evaluation', body: { note: '已回访' } },
  { method: 'GET', path: '/api/projects/:id', roles: CASE_VIEWERS, kind: 'project' },
  { method: 'GET', path: '/api/projects/:id/ledger', roles: CASE_VIEWERS, kind: 'project' },
  { method: 'POST', path: '/api/projects/:id/reports', roles: ['agent'], kind: 'project', body: { progress: '用地材料编制中' } },
  // Both projects have an application under way or are closed by now: 409 from the chart, or 200.
  { method: 'POST', path: '/api/projects/:id/close', roles: ['supervisor'], kind: 'project', body: { reason: '建设单位撤回项目' } },
  // Accounts are kept by the admin alone; both accounts are other people's (an admin may not demote themselves).
  { method: 'PATCH', path: '/api/users/:id', roles: ['admin'], kind: 'user', body: { displayName: '矩阵账户' } },
  { method: 'POST', path: '/api/users/:id/password', roles: ['admin'], kind: 'user', body: { password: 'matrix-password-1' } },
  { method: 'POST', path: '/api/users/:id/unlock', roles: ['admin'], kind: 'user', body: {} },
  // The catalogue too: both matters are the matrix's own, so other tests' matters stay as seeded.
  {
    method: 'PUT', path: '/api/matters/:code', roles: ['admin'], kind: 'matter',
    body: { name: '矩阵事项', departmentCode: 'zrj', legalDays: 10, committedDays: 5, materials: [{ code: 'application-form', name: '申请表', required: true, core: true }] },
  },
];

type Expected = 'authorized' | 403 | 404;

/** The row's path with its object in the first parameter and the fixed values in the others. */
const pathOf = (row: MatrixRow, object: string): string =>
  Object.entries(row.params ?? {}).reduce((path, [name, value]) => path.replace(`:${name}`, value), row.path).replace(/:[A-Za-z]+/, object);

/** The expected answer, from DESIGN §4: function level first (403), then object scope (404). */
function expected(row: MatrixRow, role: Role, scope: Scope): Expected {
  if (row.roles === 'public') return scope === 'own' ? 'authorized' : 404;
  if (!row.roles.includes(role)) return 403;
  if (scope === 'own') return 'authorized';
  switch (row.kind) {
    case 'case':
    case 'project':
    case 'review': return role === 'clerk' || role === 'supervisor' ? 'authorized' : 404;
    case 'order': return role === 'supervisor' ? 'authorized' : 404;
    case 'step':
    case 'check':
    case 'notice': return 404;
    default: return 'authorized';
  }
}

/** Authorized means the request got past every access check: a 2xx, or 409 from the chart. */
function assertAnswer(answer: Answer, want: Expected, label: string): void {
  const detail = `${label} → ${answer.status} ${JSON.stringify(answer.body)}`;
  if (want !== 'authorized') {
    expect(answer.status, detail).to.equal(want);
    expect(answer.contentType, detail).to.match(/application\/problem\+json/);
    return;
  }
  if (answer.status === 409) {
    expect(answer.body.type, detail).to.equal('urn:problem:illegal-transition');
    return;
  }
  expect(answer.status, detail).to.be.within(200, 299);
}

describe('access control (HTTP → Temporal → MySQL)', function () {
  this.timeout(240_000);
  let system: RunningSystem;
  const clients = {} as Record<Role, ApiClient>;
  let anonymous: ApiClient;

  before(async () => {
    system = await startSystem('access');
    anonymous = new ApiClient(system.url);
    await Promise.all(ROLES.map(async (role) => {
      clients[role] = await ApiClient.signIn(system.url, USERS[role]);
    }));
  });
  after(async () => {
    await system?.stop();
  });

  async function acceptedCase(matterCode: string, extra: Record<string, unknown> = {}): Promise<{ id: string; trackingCode: string; stepId: string }> {
    const created = await clients.clerk.post('/api/cases', {
      applicant: { name: '星河建设有限公司', phone: PHONE }, matterCodes: [matterCode], channel: 'standard', materials: completeMaterials([matterCode]), ...extra,
    });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    expect((await clients.clerk.post(`/api/cases/${created.body.id}/accept`, {})).status).to.equal(200);
    const stepId = `${created.body.id}-${matterCode}`;
    // Dispatched: the step workflow has projected itself.
    await eventually(async () => expect((await system.db.getRepository(Step).findOneByOrFail({ id: stepId })).version).to.be.above(0));
    return { id: created.body.id, trackingCode: created.body.trackingCode, stepId };
  }

  describe('declared routes', () => {
    it('when the router is walked, then every route carries an access policy', () => {
      const routes = mountedRoutes(system.api.app);
      expect(routes.length).to.be.above(25);
      const bare = routes.filter((route) => route.policy === undefined).map((route) => `${route.method} ${route.path}`);
      expect(bare, 'routes without a policy').to.deep.equal([]);
    });

    it('when a route is added without a policy, then the walk reports it', () => {
      const app = express();
      const router = express.Router();
      router.get('/api/forgotten/:id', (_req, res) => { res.end(); });
      app.use(router);
      expect(mountedRoutes(app)).to.deep.equal([{ method: 'get', path: '/api/forgotten/:id', policy: undefined }]);
    });

    it('when the OpenAPI document is fetched, then every mounted route is in it with its roles', async () => {
      const answer = await anonymous.get('/api/openapi.json');
      expect(answer.status).to.equal(200);
      expect(answer.body.openapi).to.equal('3.1.0');
      const missing = mountedRoutes(system.api.app)
        .filter((route) => !answer.body.paths[openApiPath(route.path)]?.[route.method])
        .map((route) => `${route.method} ${route.path}`);
      expect(missing, 'undocumented routes').to.deep.equal([]);
      const approve = answer.body.paths['/api/steps/{id}/approve'].post;
      expect(approve['x-roles']).to.deep.equal(['officer', 'leader']);
      expect(approve.requestBody.content['application/json'].schema.required).to.deep.equal(['opinion']);
      expect(approve.parameters.map((p: { name: string }) => p.name)).to.include.members(['id', 'Idempotency-Key']);
      expect(Object.keys(approve.responses)).to.include.members(['200', '400', '401', '403', '404', '409', '429']);
    });

    it('when the docs page is opened, then Swagger UI loads the generated document', async () => {
      const redirect = await fetch(`${system.url}/api/docs`, { redirect: 'manual' });
      expect(redirect.status).to.equal(301);
      expect(redirect.headers.get('location')).to.equal('/api/docs/');
      const page = await fetch(`${system.url}/api/docs/`);
      expect(page.status).to.equal(200);
      expect(await page.text()).to.contain('swagger-ui');
      const init = await fetch(`${system.url}/api/docs/swagger-ui-init.js`);
      expect(await init.text()).to.contain('/api/openapi.json');
    });
  });

  describe('authorization matrix', () => {
    const objects = {} as Record<ObjectKind, Record<Scope, string>>;
    /** Notices are per person: each role's user has their own, and someone else's. */
    const notices = {} as Record<Role, Record<Scope, string>>;
    const target = (row: MatrixRow, role: Role, scope: Scope): string => (row.kind === 'notice' ? notices[role][scope] : objects[row.kind][scope]);
    /** The own project's stage application: agent1 is its agent too. */
    let projectCaseId: string;

    before(async () => {
      // Own: a 自然资源和规划局 matter with agent1 assigned. Other: a 生态环境局 matter, no agent.
      const own = await acceptedCase('ZRJ-001', { agentUsername: 'agent1' });
      const other = await acceptedCase('HBJ-001');
      // Projects. Own: agent1's key project whose first stage 自然资源和规划局 reviews. Other: no agent, no case yet.
      const project = async (body: Record<string, unknown>) => String((await clients.clerk.post('/api/projects', body)).body.id);
      const ownProject = await project({ name: '矩阵项目甲', key: true, agentUsername: 'agent1' });
      const otherProject = await project({ name: '矩阵项目乙' });
      projectCaseId = (await acceptedCase('ZRJ-001', { projectId: ownProject, channel: 'green' })).id;
      const orders = system.db.getRepository(SupervisionOrder);
      const openOrder = async (caseId: string, stepId: string, departmentCode: string, matterCode: string) => (await orders.save(orders.create({
        orderKey: `${stepWorkflowId(stepId)}:order:matrix`, caseId, stepId, departmentCode, matterCode, status: 'open',
        openedAt: new Date(), deadlineAt: new Date(Date.now() + 2 * 86_400_000), urgeCount: 0, lastUrgedAt: null,
        closedAt: null, closedBy: null, closeNote: null,
      }))).id;
      const complaint = async () => String((await clients.supervisor.post('/api/complaints', { content: '电话投诉：办理超时' })).body.id);
      const evaluations = system.db.getRepository(Evaluation);
      const badRating = async (caseId: string) => String((await evaluations.save(evaluations.create({
        caseId, level: 1, comment: '等太久', createdAt: new Date('2026-11-21T10:00:00+08:00'), createdOn: '2026-11-21', followUpStatus: 'open',
        followUpDeadlineAt: new Date(Date.now() + 5 * 86_400_000), followUpClosedAt: null, followUpClosedBy: null, followUpNote: null,
      }))).id);
      const checks = system.db.getRepository(PostApprovalCheck);
      const owedCheck = async (stepId: string, caseId: string, departmentCode: string) => String((await checks.save(checks.create({
        stepId, caseId, departmentCode, matterCode: stepId.slice(-7), items: '承诺事项', dueAt: new Date(Date.now() + 86_400_000),
        status: 'open', createdAt: new Date('2026-11-21T10:00:00+08:00'), completedAt: null, completedBy: null, finding: null,
      }))).id);
      const convene = async (leader: string, caseId: string) => {
        const answer = await (await ApiClient.signIn(system.url, leader)).post(`/api/cases/${caseId}/joint-reviews`, { topic: '联合审查' });
        expect(answer.status, JSON.stringify(answer.body)).to.equal(201);
        return String(answer.body.id);
      };
      const users = system.db.getRepository(User);
      const account = async (username: string, role: Role, departmentCode: string | null) => String((await users.save(users.create({
        username, displayName: username, passwordHash: await bcrypt.hash(TEST_PASSWORD, 4), role, departmentCode,
        failedLogins: 0, lockedUntil: null, active: true, createdAt: new Date('2026-11-01T09:00:00+08:00'),
      }))).id);
      const matter = async (code: string) => {
        const answer = await clients.admin.post('/api/matters', {
          code, name: code, departmentCode: 'hbj', legalDays: 10, committedDays: 5, materials: [{ code: 'application-form', name: '申请表', required: true, core: true }],
        });
        expect(answer.status, JSON.stringify(answer.body)).to.equal(201);
        return code;
      };
      Object.assign(objects, {
        case: { own: own.id, other: other.id },
        step: { own: own.stepId, other: other.stepId },
        order: {
          own: String(await openOrder(own.id, own.stepId, 'zrj', 'ZRJ-001')),
          other: String(await openOrder(other.id, other.stepId, 'hbj', 'HBJ-001')),
        },
        day: { own: '2035-03-05', other: '2035-03-06' },
        year: { own: '2036', other: '2037' },
        tracking: { own: `${own.trackingCode}?phoneLast4=${PHONE.slice(-4)}`, other: `${own.trackingCode}?phoneLast4=0000` },
        trackingCode: { own: own.trackingCode, other: own.trackingCode },
        complaint: { own: await complaint(), other: await complaint() },
        evaluation: { own: await badRating(own.id), other: await badRating(other.id) },
        check: { own: await owedCheck(own.stepId, own.id, 'zrj'), other: await owedCheck(other.stepId, other.id, 'hbj') },
        project: { own: ownProject, other: otherProject },
        review: { own: await convene('leader-zrj', own.id), other: await convene('leader-hbj', other.id) },
        user: { own: await account('matrix-officer', 'officer', 'zrj'), other: await account('matrix-clerk', 'clerk', null) },
        matter: { own: await matter('MTX-001'), other: await matter('MTX-002') },
      });
      const noticeRows = system.db.getRepository(Notice);
      const noticeOf = async (username: string, key: string) => {
        const { id: userId } = await users.findOneByOrFail({ username });
        return String((await noticeRows.save(noticeRows.create({
          userId, dedupeKey: `matrix:${key}`, kind: 'case.urged', title: '催办', body: null, caseId: own.id, stepId: null, projectId: null, createdAt: new Date('2026-11-21T10:00:00+08:00'), readAt: null,
        }))).id);
      };
      for (const role of ROLES) {
        notices[role] = { own: await noticeOf(USERS[role], `${role}:own`), other: await noticeOf(role === 'clerk' ? 'agent2' : 'clerk1', `${role}:other`) };
      }
    });

    it('when the router is walked, then every id-bearing route is in the matrix with the roles it declares', () => {
      const book = routeBookOf(system.api.app);
      const idBearing = mountedRoutes(system.api.app).filter((route) => route.path.includes('/:'));
      const unlisted = idBearing
        .filter((route) => !MATRIX.some((row) => row.method === route.method.toUpperCase() && row.path === route.path))
        .map((route) => `${route.method.toUpperCase()} ${route.path}`);
      expect(unlisted, 'id-bearing routes missing from the matrix').to.deep.equal([]);
      for (const row of MATRIX) {
        const spec = book.specs.find((s) => s.method === row.method.toLowerCase() && s.path === row.path);
        expect(spec, `${row.method} ${row.path}`).not.to.equal(undefined);
        expect(spec!.access, `${row.method} ${row.path}`).to.deep.equal(row.roles);
      }
    });

    for (const row of MATRIX) {
      it(`${row.method} ${row.path}: every role × own and other object`, async () => {
        for (const role of ROLES) {
          for (const scope of ['own', 'other'] as const) {
            const path = pathOf(row, target(row, role, scope));
            const answer = await (row.roles === 'public' ? anonymous : clients[role]).send(row.method, path, row.bodyFor?.(scope) ?? row.body);
            assertAnswer(answer, expected(row, role, scope), `${role} on ${scope} ${row.method} ${path}`);
          }
        }
      });
    }

    it('when nobody is signed in, then every route that needs a role answers 401', async () => {
      for (const row of MATRIX.filter((r) => r.roles !== 'public')) {
        const answer = await anonymous.send(row.method, pathOf(row, target(row, 'clerk', 'own')), row.bodyFor?.('own') ?? row.body);
        expect(answer.status, `${row.method} ${row.path}`).to.equal(401);
      }
    });

    it('when an agent lists cases, then only the cases assigned to them are there', async () => {
      const list = await clients.agent.get('/api/cases?pageSize=100');
      expect(list.status).to.equal(200);
      expect(list.body.items.map((item: { id: string }) => item.id)).to.have.members([objects.case.own, projectCaseId]);
    });
  });

  describe('mass assignment', () => {
    it('when a registration carries status, departmentCode, ids or version, then it is 400 naming them and no case is written', async () => {
      const before = await system.db.getRepository(CaseRecord).count();
      const answer = await clients.clerk.post('/api/cases', {
        applicant: { name: '星河建设有限公司', phone: PHONE, id: 7 },
        matterCodes: ['ZRJ-001'], channel: 'standard', materials: [],
        id: '00000000-0000-4000-8000-000000000000', status: 'approved', departmentCode: 'zrj', version: 99, registeredById: 1,
      });
      expect(answer.status).to.equal(400);
      const messages = answer.body.errors.map((e: { path: string; message: string }) => `${e.path}: ${e.message}`).join('\n');
      for (const key of ['id', 'status', 'departmentCode', 'version', 'registeredById']) expect(messages).to.contain(key);
      expect(messages).to.match(/applicant.*id|id.*applicant/);
      expect(await system.db.getRepository(CaseRecord).count()).to.equal(before);
    });

    it('when an approval carries status or departmentCode, then it is 400 and the step is untouched', async () => {
      const { stepId } = await acceptedCase('ZRJ-001');
      expect((await clients.officer.post(`/api/steps/${stepId}/claim`, {})).status).to.equal(200);
      const beforeRow = await system.db.getRepository(Step).findOneByOrFail({ id: stepId });
      const answer = await clients.officer.post(`/api/steps/${stepId}/approve`, { opinion: '同意', status: 'rejected', departmentCode: 'hbj', version: 0 });
      expect(answer.status).to.equal(400);
      const after = await system.db.getRepository(Step).findOneByOrFail({ id: stepId });
      expect({ status: after.status, departmentCode: after.departmentCode, version: after.version })
        .to.deep.equal({ status: beforeRow.status, departmentCode: beforeRow.departmentCode, version: beforeRow.version });
    });
  });

  describe('separation of duties', () => {
    it('when the reviewer is the one who registered the case, then approving is 403 and the step stays open', async () => {
      const { id, stepId } = await acceptedCase('ZRJ-001');
      expect((await clients.officer.post(`/api/steps/${stepId}/claim`, {})).status).to.equal(200);
      // The reviewer's account registered this case (e.g. while covering the window).
      const officer = await system.db.getRepository(User).findOneByOrFail({ username: USERS.officer });
      await system.db.getRepository(CaseRecord).update({ id }, { registeredById: officer.id });
      const answer = await clients.officer.post(`/api/steps/${stepId}/approve`, { opinion: '同意' });
      expect(answer.status).to.equal(403);
      expect(answer.body.detail).to.equal('登记办件的人员不能审批该办件');
      expect((await system.db.getRepository(Step).findOneByOrFail({ id: stepId })).status).to.equal('claimed');
    });

    it('when an admin tries to approve, then it is 403', async () => {
      const { stepId } = await acceptedCase('ZRJ-001');
      expect((await clients.admin.post(`/api/steps/${stepId}/approve`, { opinion: '同意' })).status).to.equal(403);
    });
  });
});
