// The OpenAPI document describes what the API answers, not only what it accepts: a day at the
// service center is driven through the real system (Temporal dev server, worker, MySQL, API) by
// the demo roles, and every JSON 2xx answer is checked against the schema the served document
// gives for its method, path and status. Dates in queries come from the instants the server
// recorded, never from the test machine's clock.
import { expect } from 'chai';
import { completeMaterials } from '../support/materials';
import { eventually } from '../support/eventually';
import { ApiClient } from '../support/http';
import { AnswerChecker, checked, type CheckedClient } from '../support/openapi-answers';
import { startSystem, type RunningSystem } from '../support/system';

/**
 * Routes whose answers are being reshaped elsewhere (api/routes/projects.ts, supervision.ts and
 * post-approval-checks.ts): they declare no answer schema yet, so the document leaves them open.
 */
const WITHOUT_ANSWER_SCHEMA = [
  'GET /api/projects', 'GET /api/projects/{id}', 'GET /api/projects/{id}/ledger',
  'GET /api/alerts', 'GET /api/supervision-orders', 'GET /api/supervision-orders/{id}', 'GET /api/accountability-records',
  'GET /api/post-approval-checks',
];

type Operations = Record<string, { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }>;

/** `GET /path` of every GET route whose 2xx answer is JSON, and whether the document gives its schema. */
function jsonGetRoutes(checker: AnswerChecker): Array<{ route: string; described: boolean }> {
  return Object.entries(checker.document.paths as Record<string, Operations>).flatMap(([path, operations]) => {
    const answers = Object.entries(operations.get?.responses ?? {}).filter(([status]) => status.startsWith('2'));
    const json = answers.map(([, answer]) => answer.content?.['application/json']).filter((content) => content !== undefined);
    if (json.length === 0) return [];
    return [{ route: `GET ${path}`, described: json.every((content) => content.schema !== undefined) }];
  });
}

describe('OpenAPI answers: live answers match the served document', function () {
  this.timeout(240_000);
  let system: RunningSystem;
  let checker: AnswerChecker;
  const as: Record<string, CheckedClient> = {};
  let anonymous: CheckedClient;
  /** The Shanghai dates of the first and the latest instant the server recorded: the periods asked about. */
  let day: string;
  let through: string;

  /** Registers a case (all required materials handed in) and returns its id and tracking code. */
  async function register(matterCodes: string[], phone: string, extra: Record<string, unknown> = {}): Promise<{ id: string; trackingCode: string }> {
    const created = await as.clerk.post('/api/cases', {
      applicant: { name: '示例建设有限公司', phone }, matterCodes, channel: 'standard', materials: completeMaterials(matterCodes), ...extra,
    });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    return { id: created.body.id, trackingCode: created.body.trackingCode };
  }

  /** Accepts the case and waits until every step is dispatched with its deadline. */
  async function accepted(id: string): Promise<Array<{ id: string; departmentCode: string }>> {
    expect((await as.clerk.post(`/api/cases/${id}/accept`, {})).status).to.equal(200);
    return eventually(async () => {
      const page = await as.clerk.get(`/api/cases/${id}`);
      expect(page.body.status).to.equal('inReview');
      expect(page.body.steps.every((step: { dueAt: string | null }) => step.dueAt !== null)).to.equal(true);
      return page.body.steps;
    });
  }

  before(async () => {
    system = await startSystem('openapi_answers');
    checker = await AnswerChecker.load(system.url);
    anonymous = checked(new ApiClient(system.url), checker);
    const users = ['clerk1', 'officer-zrj', 'officer-hbj', 'officer-scj', 'leader-zrj', 'leader-scj', 'agent1', 'supervisor1', 'admin1'];
    for (const user of users) as[user] = checked(await ApiClient.signIn(system.url, user), checker);
    as.clerk = as.clerk1;
    as.supervisor = as.supervisor1;
    as.admin = as.admin1;
  });
  after(async () => {
    await system?.stop();
  });

  it('when the document is read, then every JSON GET route has an answer schema but the listed ones', () => {
    const undescribed = jsonGetRoutes(checker).filter(({ described }) => !described).map(({ route }) => route);
    expect(undescribed.sort()).to.deep.equal([...WITHOUT_ANSWER_SCHEMA].sort());
  });

  it('when an answer strays from its schema, then the checker fails naming the route and the field', () => {
    const answer = { status: 200, contentType: 'application/json; charset=utf-8', body: { urged: 'every step' } };
    expect(() => checker.check('POST', '/api/cases/00000000-0000-4000-8000-000000000000/urge', answer))
      .to.throw(/POST \/api\/cases\/\{id\}\/urge: answer\/urged must be array/);
    expect(() => checker.check('GET', '/api/nowhere', answer)).to.throw(/no such route/);
  });

  it('when anyone signs in, reads the health, the document and the catalogue, then the answers match', async () => {
    const login = await anonymous.post('/api/auth/login', { username: 'officer-zrj', password: 'test-password' });
    expect(login.status).to.equal(200);
    expect((await anonymous.get('/healthz')).status).to.equal(200);
    expect((await anonymous.get('/api/openapi.json')).status).to.equal(200);
    expect((await as.clerk.get('/api/departments')).body).to.have.length.above(4);
    expect((await as.clerk.get('/api/matters')).body).to.have.length.above(7);
    expect((await as.clerk.get('/api/calendar/due-date?start=2026-10-08&workingDays=5')).status).to.equal(200);
    expect((await as.clerk.get('/api/calendar/days?year=2026')).body.days).to.have.length.above(0);
    expect((await as.clerk.get('/api/calendar/years')).body.items).to.have.length.above(0);
    const precheck = await as.clerk.post('/api/cases/precheck', { matterCodes: ['ZRJ-001'], materials: [] });
    expect(precheck.body.missing).to.have.length.above(0);
  });

  it('when a case is registered, accepted, reviewed jointly, approved and delivered, then every answer on the way matches', async () => {
    const { id, trackingCode } = await register(['ZRJ-001', 'HBJ-002'], '13800001234', { agentUsername: 'agent1' });
    const list = await as.clerk.get('/api/cases?pageSize=5');
    expect(list.body.items.map((item: { id: string }) => item.id)).to.include(id);
    day = list.body.items[0].submittedAt.slice(0, 10);
    const steps = await accepted(id);
    expect((await as.clerk.get(`/api/cases/${id}/receipt`)).body.kind).to.equal('acceptance');
    expect((await as.clerk.get(`/api/cases/${id}/documents`)).body.items).to.have.length.above(0);
    expect((await as.clerk.get(`/api/cases/${id}/documents/acceptance`)).body.kind).to.equal('acceptance');
    expect((await anonymous.get(`/api/track/${trackingCode}?phoneLast4=1234`)).body.steps).to.have.length(2);

    // 抄送 and 催办.
    expect((await as.clerk.post(`/api/cases/${id}/cc`, { usernames: ['officer-scj'], note: '请知悉' })).status).to.equal(200);
    expect((await as.agent1.post(`/api/cases/${id}/urge`, { note: '申请人催问进度' })).body.urged).to.have.length(2);

    // 联合审查: the lead department (the first matter's) convenes; each department gives its opinion.
    const convened = await as['leader-zrj'].post(`/api/cases/${id}/joint-reviews`, { topic: '选址会商', heldOn: day });
    expect(convened.status, JSON.stringify(convened.body)).to.equal(201);
    const reviewId = convened.body.id;
    expect((await as.clerk.get(`/api/cases/${id}/joint-reviews`)).body).to.have.length(1);
    for (const officer of ['officer-zrj', 'officer-hbj']) {
      expect((await as[officer].post(`/api/joint-reviews/${reviewId}/opinions`, { opinion: '原则同意' })).status).to.equal(201);
    }
    expect((await as['leader-zrj'].post(`/api/joint-reviews/${reviewId}/conclude`, { consolidatedOpinion: '经会商，同意' })).body.status).to.equal('concluded');
    expect((await as.supervisor.get(`/api/joint-reviews/${reviewId}`)).body.opinions).to.have.length(2);

    for (const step of steps) {
      const officer = as[`officer-${step.departmentCode}`];
      expect((await officer.get('/api/inbox')).body.map((line: { id: string }) => line.id)).to.include(step.id);
      expect((await officer.get(`/api/steps/${step.id}`)).body.status).to.equal('pending');
      expect((await officer.post(`/api/steps/${step.id}/claim`, {})).body.status).to.equal('claimed');
      expect((await officer.post(`/api/steps/${step.id}/approve`, { opinion: '同意。' })).status).to.equal(200);
    }
    await eventually(async () => expect((await as.clerk.get(`/api/cases/${id}`)).body.status).to.equal('approved'));
    expect((await as.clerk.post(`/api/cases/${id}/deliver`, {})).body.status).to.equal('delivered');
    expect((await as.agent1.get(`/api/cases/${id}/documents/result`)).body.kind).to.equal('result');

    // 好差评 and 效能投诉 by the applicant, with the tracking code.
    const rated = await anonymous.post(`/api/track/${trackingCode}/evaluation`, { phoneLast4: '1234', level: 1, comment: '等待太久' });
    expect(rated.status, JSON.stringify(rated.body)).to.equal(201);
    expect(rated.body.followUp).to.not.equal(null);
    const complained = await anonymous.post(`/api/track/${trackingCode}/complaints`, { phoneLast4: '1234', content: '窗口答复不清楚', departmentCode: 'zrj' });
    expect(complained.status, JSON.stringify(complained.body)).to.equal(201);
  });

  it('when cases are refused, sent back for materials and rejected, then the papers and the register match', async () => {
    const refused = await register(['SCJ-002'], '13800005678');
    expect((await as.clerk.post(`/api/cases/${refused.id}/refuse`, { reason: '不属于本中心受理范围' })).body.status).to.equal('refused');
    expect((await as.clerk.get(`/api/cases/${refused.id}/receipt`)).body.kind).to.equal('refusal');
    expect((await as.clerk.get(`/api/cases/${refused.id}/documents/refusal`)).body.kind).to.equal('refusal');

    const incomplete = await register(['WJW-002'], '13800009012');
    const requested = await as.clerk.post(`/api/cases/${incomplete.id}/supplement-requests`, { missing: [{ code: completeMaterials(['WJW-002'])[0].code, note: '请补交原件' }] });
    expect(requested.body.status).to.equal('supplementRequested');
    expect((await as.clerk.get(`/api/cases/${incomplete.id}/documents/one-time-notice`)).body.kind).to.equal('one-time-notice');
    expect((await as.clerk.post(`/api/cases/${incomplete.id}/withdraw`, { reason: '申请人撤回' })).body.status).to.equal('withdrawn');

    const rejected = await register(['SCJ-002'], '13800003456');
    const [step] = await accepted(rejected.id);
    expect((await as['officer-scj'].post(`/api/steps/${step.id}/claim`, {})).status).to.equal(200);
    expect((await as['officer-scj'].post(`/api/steps/${step.id}/release`, { reason: '转他人办理' })).body.status).to.equal('pending');
    expect((await as['leader-scj'].post(`/api/steps/${step.id}/claim`, {})).status).to.equal(200);
    const decided = await as['leader-scj'].post(`/api/steps/${step.id}/reject`, { reason: '经营场所不符合要求', legalBasis: '《食品经营许可管理办法》第十一条' });
    expect(decided.body.status).to.equal('rejected');
    through = decided.body.decidedAt.slice(0, 10);
    const register_ = await eventually(async () => {
      const answer = await as.supervisor.get(`/api/rejections?from=${day}&to=${through}`);
      expect(answer.body.items).to.have.length(1);
      return answer;
    });
    expect(register_.body.items[0].legalBasis).to.contain('第十一条');
  });

  it('when the supervision office works through its day, then figures, lists and the board match', async () => {
    const complaint = await as.supervisor.post('/api/complaints', { content: '电话投诉：材料被多次退回', departmentCode: 'hbj', complainant: { name: '张先生' } });
    expect(complaint.status, JSON.stringify(complaint.body)).to.equal(201);
    const complaintId = complaint.body.id;
    through = complaint.body.receivedAt.slice(0, 10);
    expect((await as.supervisor.get('/api/complaints')).body.items).to.have.length(2);
    expect((await as.supervisor.get(`/api/complaints/${complaintId}`)).body.status).to.equal('received');
    expect((await as.supervisor.post(`/api/complaints/${complaintId}/assign`, { departmentCode: 'hbj' })).body.status).to.equal('assigned');
    expect((await as.supervisor.post(`/api/complaints/${complaintId}/resolve`, { outcome: '已约谈经办人', substantiated: true })).body.status).to.equal('resolved');
    expect((await as.supervisor.get(`/api/complaints/figures?from=${day}&to=${through}`)).body.received).to.equal(2);

    const ratings = await as.supervisor.get('/api/evaluations');
    expect(ratings.body.items).to.have.length(1);
    const ratingId = ratings.body.items[0].id;
    expect((await as.supervisor.get(`/api/evaluations/${ratingId}`)).body.bad).to.equal(true);
    expect((await as.supervisor.post(`/api/evaluations/${ratingId}/follow-up/close`, { note: '已回访，申请人认可' })).body.followUp.status).to.equal('closed');
    expect((await as.supervisor.get(`/api/evaluations/figures?from=${day}&to=${through}`)).body.evaluations).to.equal(1);

    const metrics = await as.supervisor.get(`/api/metrics?from=${day}&to=${through}&groupBy=department`);
    expect(metrics.body.find((row: { key: string }) => row.key === 'zrj')).to.include({ accepted: 1, completed: 1 });
    const csv = await as.supervisor.get(`/api/metrics.csv?from=${day}&to=${through}`);
    expect(csv.contentType).to.match(/^text\/csv/);
    expect((await as.supervisor.get(`/api/board?from=${day}&to=${through}`)).body.period).to.deep.equal({ from: day, to: through });
    expect((await as['leader-zrj'].get(`/api/board?from=${day}&to=${through}`)).status).to.equal(200);
  });

  it('when people read their notices, then the list and the marks match', async () => {
    const notices = await eventually(async () => {
      const answer = await as['officer-scj'].get('/api/notices');
      expect(answer.body.items).to.have.length.above(0);
      return answer;
    });
    expect((await as['officer-scj'].post(`/api/notices/${notices.body.items[0].id}/read`, {})).body.readAt).to.not.equal(null);
    expect((await as['officer-scj'].post('/api/notices/read-all', {})).body.unread).to.equal(0);
    expect((await as['leader-zrj'].get('/api/notices?unread=true')).status).to.equal(200);
  });

  it('when the administrator keeps accounts, the catalogue and the calendar, then the answers match', async () => {
    expect((await as.admin.get('/api/users?role=officer')).body).to.have.length.above(0);
    const user = await as.admin.post('/api/users', { username: 'officer3-scj', displayName: '市场监督管理局经办人（三）', role: 'officer', departmentCode: 'scj', password: 'a-long-enough-password-1' });
    expect(user.status, JSON.stringify(user.body)).to.equal(201);
    expect((await as.admin.send('PATCH', `/api/users/${user.body.id}`, { displayName: '经办人（三）' })).body.displayName).to.equal('经办人（三）');
    expect((await as.admin.post(`/api/users/${user.body.id}/password`, { password: 'another-long-password-2' })).status).to.equal(200);
    expect((await as.admin.post(`/api/users/${user.body.id}/unlock`, {})).body.locked).to.equal(false);

    expect((await as.admin.post('/api/departments', { code: 'swj', name: '商务局' })).status).to.equal(201);
    const matter = { name: '对外贸易经营者备案', departmentCode: 'swj', legalDays: 5, committedDays: 2, materials: [{ code: 'application', name: '备案登记表', required: true, core: true }] };
    expect((await as.admin.post('/api/matters', { code: 'SWJ-001', ...matter })).status).to.equal(201);
    expect((await as.admin.put('/api/matters/SWJ-001', { ...matter, committedDays: 1 })).body.committedDays).to.equal(1);

    expect((await as.admin.put('/api/calendar/days/2040-03-07', { kind: 'holiday', name: '测试假日' })).body.working).to.equal(false);
    expect((await as.admin.delete('/api/calendar/days/2040-03-07')).status).to.equal(200);
    const imported = await as.admin.put('/api/calendar/years/2041', { days: [{ date: '2041-01-01', kind: 'holiday', name: '元旦' }] });
    expect(imported.body).to.include({ year: 2041, source: 'imported' });
  });

  it('when the day is over, then every JSON GET route with an answer schema was called and checked', () => {
    const described = jsonGetRoutes(checker).filter(({ described }) => described).map(({ route }) => route);
    expect(described.filter((route) => !checker.checked.has(route))).to.deep.equal([]);
  });
});
