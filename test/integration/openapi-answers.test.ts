// The OpenAPI document describes what the API answers, not only what it accepts: a day at the
// service center is driven through the real system (Temporal dev server, worker, MySQL, API) by
// the demo roles, and every JSON 2xx answer is checked against the schema the served document
// gives for its method, path and status. Dates in queries come from the instants the server
// recorded, never from the test machine's clock. What only happens days later (a step's clock
// running out: red light, 督办 order, 效能问责 record) is written the way the step's clock ladder
// writes it, through the same activities, or as the rows it leaves.
import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import pino from 'pino';
import { createSupervisionActivities } from '../../activities/supervision';
import { startApiServer } from '../../api/server';
import { CaseRecord, Step } from '../../entities';
import { createDataSource } from '../../entities/data-source';
import { stepWorkflowId } from '../../workflows/messages';
import { completeMaterials } from '../support/materials';
import { eventually } from '../support/eventually';
import { ApiClient } from '../support/http';
import { AnswerChecker, checked, type CheckedClient } from '../support/openapi-answers';
import { startSystem, TEST_API_CONFIG, type RunningSystem } from '../support/system';

/** JSON GET routes whose answers the document leaves open: none. */
const WITHOUT_ANSWER_SCHEMA: string[] = [];

const HOUR_MS = 3_600_000;

interface StepLine {
  id: string;
  caseId: string;
  matterCode: string;
  departmentCode: string;
}

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
  async function accepted(id: string): Promise<StepLine[]> {
    expect((await as.clerk.post(`/api/cases/${id}/accept`, {})).status).to.equal(200);
    return eventually(async () => {
      const page = await as.clerk.get(`/api/cases/${id}`);
      expect(page.body.status).to.equal('inReview');
      expect(page.body.steps.every((step: { dueAt: string | null }) => step.dueAt !== null)).to.equal(true);
      return page.body.steps;
    });
  }

  /**
   * 督办 and 效能问责 on a step, written by the activities its clock ladder runs once the step is
   * overdue (days after acceptance), under the ladder's keys; the instants follow `from`.
   */
  async function escalate(step: StepLine, from: string): Promise<{ orderId: number; recordId: number }> {
    const activities = createSupervisionActivities({ db: system.db });
    const opened = new Date(from).getTime();
    const orderKey = `${stepWorkflowId(step.id)}:order`;
    const { orderId } = await activities.openSupervisionOrder({
      orderKey, caseId: step.caseId, stepId: step.id, departmentCode: step.departmentCode, matterCode: step.matterCode,
      openedAt: new Date(opened).toISOString(), deadlineAt: new Date(opened + 48 * HOUR_MS).toISOString(),
    });
    const record = await activities.recordAccountabilityIfOrderOpen({
      recordKey: `${stepWorkflowId(step.id)}:accountability`, orderKey, at: new Date(opened + HOUR_MS).toISOString(),
      content: { matterCode: step.matterCode, stepId: step.id, departmentCode: step.departmentCode, assignee: 'officer-fgw' },
    });
    expect(record.written).to.equal(true);
    return { orderId, recordId: record.recordId! };
  }

  /** A red step of a case under review, the rows a step's clock leaves once it is overdue. */
  async function redStep(departmentCode: string, matterCode: string, dueAt: string): Promise<string> {
    const caseId = randomUUID();
    const at = new Date(dueAt);
    await system.db.getRepository(CaseRecord).insert({
      id: caseId, trackingCode: caseId.replace(/-/g, '').slice(0, 16).toUpperCase(), status: 'inReview', channel: 'standard',
      applicantName: '示例建设有限公司', applicantPhone: '13800008888', matterCodes: [matterCode], light: 'red',
      registeredById: 1, submittedAt: at, updatedAt: at, version: 1,
    });
    const stepId = `${caseId}-${matterCode}`;
    await system.db.getRepository(Step).insert({
      id: stepId, caseId, matterCode, departmentCode, status: 'inReview', light: 'red', dueAt: at, updatedAt: at, version: 1,
    });
    return stepId;
  }

  before(async () => {
    system = await startSystem('openapi_answers');
    checker = await AnswerChecker.load(system.url);
    anonymous = checked(new ApiClient(system.url), checker);
    const users = ['clerk1', 'officer-zrj', 'officer-hbj', 'officer-scj', 'officer-fgw', 'leader-zrj', 'leader-scj', 'agent1', 'supervisor1', 'admin1'];
    for (const user of users) as[user] = checked(await ApiClient.signIn(system.url, user), checker);
    as.clerk = as.clerk1;
    as.supervisor = as.supervisor1;
    as.admin = as.admin1;
  });
  after(async () => {
    await system?.stop();
  });

  it('when the document is read, then every JSON GET route has an answer schema', () => {
    const undescribed = jsonGetRoutes(checker).filter(({ described }) => !described).map(({ route }) => route);
    expect(undescribed.sort()).to.deep.equal([...WITHOUT_ANSWER_SCHEMA].sort());
  });

  it('when an answer strays from its schema, then the checker fails naming the route and the field', () => {
    const answer = { status: 200, contentType: 'application/json; charset=utf-8', body: { urged: 'every step' } };
    expect(() => checker.check('POST', '/api/cases/00000000-0000-4000-8000-000000000000/urge', answer))
      .to.throw(/POST \/api\/cases\/\{id\}\/urge: answer\/urged must be array/);
    expect(() => checker.check('GET', '/api/nowhere', answer)).to.throw(/no such route/);
    const healthy = { status: 503, contentType: 'application/json; charset=utf-8', body: { status: 'ok', temporal: 'up', db: 'up' } };
    expect(() => checker.check('GET', '/healthz', healthy)).to.throw(/GET \/healthz: answer\/status must be equal to constant/);
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

  it('when a key project is registered, applied for, reported on, escalated and closed, then the project answers and its ledger match', async () => {
    const created = await as.clerk.post('/api/projects', { name: '星河新能源产业园', key: true, agentUsername: 'agent1' });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    const project = created.body;
    expect(project).to.include({ status: 'landUse', stage: 'landUse', channel: 'green' });
    expect((await as.agent1.get('/api/projects?key=true')).body.items.map((p: { id: string }) => p.id)).to.include(project.id);
    expect((await as.supervisor.get(`/api/projects/${project.id}`)).body.timeline.map((e: { action: string }) => e.action)).to.deep.equal(['REGISTERED']);

    // The first stage's application; its step pauses and restarts (特别程序).
    const { id: caseId } = await register(['FGW-001'], '13800007777', { projectId: project.id, channel: 'green' });
    const [step] = await accepted(caseId);
    const officer = as['officer-fgw'];
    expect((await officer.post(`/api/steps/${step.id}/claim`, {})).status).to.equal(200);
    expect((await officer.post(`/api/steps/${step.id}/suspend`, { kind: '补正', reason: '补充材料' })).status).to.equal(200);
    expect((await officer.post(`/api/steps/${step.id}/resume`, {})).status).to.equal(200);
    const report = await as.agent1.post(`/api/projects/${project.id}/reports`, { progress: '用地材料编制中', problems: '无' });
    expect(report.status, JSON.stringify(report.body)).to.equal(201);
    expect(report.body.lastReportPeriod).to.match(/^\d{4}-\d{2}-H[12]$/);

    const { orderId, recordId } = await escalate(step, project.registeredAt);
    const ledger = (await as.supervisor.get(`/api/projects/${project.id}/ledger`)).body;
    expect(ledger.stages.map((s: { status: string }) => s.status)).to.deep.equal(['current', 'pending', 'pending', 'pending']);
    const [kase] = ledger.stages[0].cases;
    expect(kase.steps.map((s: { id: string }) => s.id)).to.deep.equal([step.id]);
    expect(kase.pauses.map((p: { action: string }) => p.action)).to.deep.equal(['SUSPEND', 'RESUME']);
    expect(ledger.reports).to.have.length(1);
    expect(ledger.escalations.supervisionOrders.map((o: { id: number }) => o.id)).to.deep.equal([orderId]);
    expect(ledger.escalations.accountabilityRecords.map((r: { id: number }) => r.id)).to.deep.equal([recordId]);

    // Ended before its last stage: the application withdrawn, then 项目终止.
    expect((await as.clerk.post(`/api/cases/${caseId}/withdraw`, { reason: '项目取消' })).status).to.equal(200);
    await eventually(async () => expect((await as.clerk.get(`/api/projects/${project.id}`)).body.openCaseId).to.equal(null));
    const closed = await as.supervisor.post(`/api/projects/${project.id}/close`, { reason: '建设单位撤回项目' });
    expect(closed.body).to.include({ status: 'closed', stage: null });
    expect((await as.agent1.get(`/api/projects/${project.id}/ledger`)).body.stages[0].status).to.equal('closed');
    expect((await as.supervisor.get('/api/projects?status=closed')).body.items.map((p: { id: string }) => p.id)).to.deep.equal([project.id]);
  });

  it('when a step is overdue, supervised and held to account, then alerts, orders, records and the board match', async () => {
    // The order and the record are those written on the project's step above.
    const orders = await as.supervisor.get('/api/supervision-orders?status=open');
    expect(orders.body.items).to.have.length(1);
    const order = orders.body.items[0];
    expect((await as.supervisor.get(`/api/supervision-orders/${order.id}`)).body).to.deep.equal(order);
    const urged = await as.supervisor.post(`/api/supervision-orders/${order.id}/urge`, { note: '请于期限内办结' });
    expect(urged.body).to.include({ id: order.id, urgeCount: 1 });
    expect(urged.body.lastUrgedAt).to.not.equal(null);
    const records = await as.supervisor.get('/api/accountability-records');
    expect(records.body.items).to.have.length(1);
    expect(records.body.items[0]).to.include({ stepId: order.stepId, card: 'red', intact: true });

    // The board of the record's day shows the open order and the record.
    const recordedOn = records.body.items[0].createdAt.slice(0, 10);
    const board = (await as.supervisor.get(`/api/board?from=${recordedOn}&to=${recordedOn}`)).body;
    expect(board.supervisionOrders.items.map((o: { id: number }) => o.id)).to.deep.equal([order.id]);
    expect(board.accountabilityRecords.items.map((r: { id: number }) => r.id)).to.deep.equal([records.body.items[0].id]);

    const closed = await as.supervisor.post(`/api/supervision-orders/${order.id}/close`, { note: '已办结，销号' });
    expect(closed.body).to.include({ status: 'closed', closedBy: 'supervisor1', closeNote: '已办结，销号' });
    expect((await as.supervisor.get('/api/supervision-orders?status=closed')).body.items.map((o: { id: number }) => o.id)).to.deep.equal([order.id]);

    const red = await redStep('fgw', 'FGW-002', order.deadlineAt);
    expect((await as.supervisor.get('/api/alerts')).body.items.map((a: { stepId: string }) => a.stepId)).to.deep.equal([red]);
    expect((await as.supervisor.get('/api/alerts?light=red')).body.items[0]).to.include({ stepId: red, light: 'red', status: 'inReview' });
  });

  it('when a step is approved on commitment (告知承诺制) and the check is recorded, then the checks match', async () => {
    const { id } = await register(['ZRJ-001'], '13800006666');
    const [step] = await accepted(id);
    const officer = as['officer-zrj'];
    expect((await officer.post(`/api/steps/${step.id}/claim`, {})).status).to.equal(200);
    const approved = await officer.post(`/api/steps/${step.id}/approve`, {
      opinion: '告知承诺方式准予许可', commitment: { items: '三个月内补交土地勘测定界报告', checkWorkingDays: 5 },
    });
    expect(approved.status, JSON.stringify(approved.body)).to.equal(200);
    const check = await eventually(async () => {
      const owed = (await officer.get('/api/post-approval-checks?status=open')).body.items.find((c: { stepId: string }) => c.stepId === step.id);
      expect(owed).not.to.equal(undefined);
      return owed;
    });
    expect(check).to.include({ caseId: id, status: 'open', items: '三个月内补交土地勘测定界报告', completedAt: null });
    expect((await as.supervisor.get('/api/post-approval-checks')).body.items.map((c: { id: number }) => c.id)).to.include(check.id);
    const done = await officer.post(`/api/post-approval-checks/${check.id}/complete`, { compliant: true, finding: '已按承诺补交' });
    expect(done.body).to.include({ id: check.id, status: 'passed', completedBy: 'officer-zrj', finding: '已按承诺补交' });
  });

  it('when the database does not answer, then /healthz answers 503 naming the part down, as the document says', async () => {
    const api = await startApiServer({
      db: createDataSource({ url: 'sqljs::memory' }), temporal: system.env.client, logger: pino({ level: 'silent' }),
      config: { ...TEST_API_CONFIG, taskQueue: system.taskQueue },
    }, 0);
    try {
      const health = await checked(new ApiClient(api.url), checker).get('/healthz');
      expect(health.status).to.equal(503);
      expect(health.body).to.deep.equal({ status: 'unavailable', temporal: 'up', db: 'down' });
      expect(checker.checked.has('GET /healthz 503')).to.equal(true);
    } finally {
      await api.stop();
    }
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
