// 好差评 and 效能投诉 end to end against the real system (Temporal dev server, worker, MySQL, API):
// a case is registered, accepted, approved by both departments and delivered through the API;
// the applicant rates it and complains with the tracking code; the supervision office follows
// up, assigns and resolves; the figures and the metrics of the real steps agree.
import { expect } from 'chai';
import { completeMaterials } from '../support/materials';
import { eventually } from '../support/eventually';
import { expectedDue } from '../support/calendar-oracle';
import { ApiClient } from '../support/http';
import { startSystem, TEST_PASSWORD, type RunningSystem } from '../support/system';

const shanghaiToday = (): string => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

describe('好差评 and 效能投诉 end to end', function () {
  this.timeout(180_000);
  let system: RunningSystem;
  let clerk: ApiClient;
  let supervisor: ApiClient;
  let officers: Record<string, ApiClient>;
  let anonymous: ApiClient;
  let delivered: { id: string; trackingCode: string };
  let since: string;

  /** Registers a case for the matters, has every department approve it, and delivers it. */
  async function deliveredCase(matterCodes: string[], phone: string): Promise<{ id: string; trackingCode: string }> {
    const created = await clerk.post('/api/cases', {
      applicant: { name: '示例建设有限公司', phone }, matterCodes, channel: 'standard', materials: completeMaterials(matterCodes),
    });
    expect(created.status).to.equal(201);
    const { id, trackingCode } = created.body;
    expect((await clerk.post(`/api/cases/${id}/accept`, {})).status).to.equal(200);
    const steps = await eventually(async () => {
      const page = await clerk.get(`/api/cases/${id}`);
      expect(page.body.status).to.equal('inReview');
      expect(page.body.steps.every((step: { dueAt: string | null }) => step.dueAt !== null)).to.equal(true);
      return page.body.steps as Array<{ id: string; departmentCode: string }>;
    });
    const early = await anonymous.post(`/api/track/${trackingCode}/evaluation`, { phoneLast4: phone.slice(-4), level: 5 });
    expect(early.status, 'a case under review cannot be rated').to.equal(409);
    expect(early.body).to.include({ state: 'inReview', event: 'EVALUATE' });
    for (const step of steps) {
      const officer = officers[step.departmentCode];
      expect((await officer.post(`/api/steps/${step.id}/claim`, {})).status).to.equal(200);
      expect((await officer.post(`/api/steps/${step.id}/approve`, { opinion: '同意。' })).status).to.equal(200);
    }
    await eventually(async () => expect((await clerk.get(`/api/cases/${id}`)).body.status).to.equal('approved'));
    expect((await clerk.post(`/api/cases/${id}/deliver`, {})).status).to.equal(200);
    return { id, trackingCode };
  }

  /** The walker's deadline, n working days after the instant the server recorded. */
  const dueIn = (from: string, workingDays: number): Promise<string> => expectedDue(clerk, from, workingDays);

  before(async () => {
    system = await startSystem('feedback');
    anonymous = new ApiClient(system.url);
    [clerk, supervisor] = await Promise.all(['clerk1', 'supervisor1'].map((user) => ApiClient.signIn(system.url, user)));
    const [zrj, hbj, zjj] = await Promise.all(['officer-zrj', 'officer-hbj', 'officer-zjj'].map((user) => ApiClient.signIn(system.url, user)));
    officers = { zrj, hbj, zjj };
    // The day the data of these tests is made; periods run from it to the day of the query, so a
    // run across Shanghai midnight still counts every row.
    since = shanghaiToday();
    delivered = await deliveredCase(['ZRJ-001', 'HBJ-002'], '13800001234');
  });
  after(async () => {
    await system?.stop();
  });

  describe('metrics of real steps', () => {
    it('when both steps were decided on their acceptance day, then each department has one early completion, no working time spent, full speed-up', async () => {
      const answer = await supervisor.get(`/api/metrics?from=${since}&to=${shanghaiToday()}&groupBy=department`);
      expect(answer.status).to.equal(200);
      const byKey = new Map(answer.body.map((row: { key: string }) => [row.key, row]));
      // ZRJ-001: committed 12, legal 20. The acceptance day is not counted: 0 working days.
      expect(byKey.get('zrj')).to.include({
        accepted: 1, completed: 1, completionRate: 1, earlyCompletionRate: 1, overdueRate: 0,
        avgActualWorkingDays: 0, avgCommittedDays: 12, avgLegalDays: 20, speedupRate: 1,
      });
      // HBJ-002: committed 15, legal 30.
      expect(byKey.get('hbj')).to.include({ accepted: 1, completed: 1, avgCommittedDays: 15, avgLegalDays: 30, speedupRate: 1 });
      expect(byKey.get('fgw')).to.include({ accepted: 0, completionRate: null });
    });
  });

  describe('好差评', () => {
    it('when the applicant rates the delivered case badly, then a follow-up opens with its deadline; a second rating is 409', async () => {
      const path = `/api/track/${delivered.trackingCode}/evaluation`;
      expect((await anonymous.post(path, { phoneLast4: '0000', level: 2 })).status, 'wrong phone').to.equal(404);
      const invalid = await anonymous.post(path, { phoneLast4: '1234', level: 6 });
      expect(invalid.status).to.equal(400);
      expect(invalid.body.errors.map((e: { path: string }) => e.path)).to.deep.equal(['level']);

      const rated = await anonymous.post(path, { phoneLast4: '1234', level: 2, comment: '材料反复提交，等待时间长。' });
      expect(rated.status).to.equal(201);
      expect(rated.body).to.include({ trackingCode: delivered.trackingCode, level: 2, levelName: '不满意', bad: true, comment: '材料反复提交，等待时间长。' });
      expect(rated.body.followUp).to.deep.equal({ status: 'open', deadlineAt: await dueIn(rated.body.createdAt, 5) });

      const again = await anonymous.post(path, { phoneLast4: '1234', level: 5 });
      expect(again.status).to.equal(409);
      expect(again.body).to.include({ type: 'urn:problem:illegal-transition', state: 'evaluated', event: 'EVALUATE' });
    });

    it('when the supervision office closes the follow-up, then it is closed once; a good rating has none to close', async () => {
      const list = await supervisor.get('/api/evaluations?followUp=open');
      expect(list.status).to.equal(200);
      const evaluation = list.body.items.find((item: { caseId: string }) => item.caseId === delivered.id);
      expect(evaluation.followUp).to.include({ status: 'open', closedAt: null, overdue: false });
      expect(evaluation.followUp.allowed).to.deep.equal(['CLOSE']);

      const path = `/api/evaluations/${evaluation.id}/follow-up/close`;
      expect((await supervisor.post(path, { note: '  ' })).status).to.equal(400);
      const closed = await supervisor.post(path, { note: '已电话回访，窗口增设材料预审。' });
      expect(closed.status).to.equal(200);
      expect(closed.body.followUp).to.include({ status: 'closed', closedBy: 'supervisor1', note: '已电话回访，窗口增设材料预审。', overdue: false });
      const twice = await supervisor.post(path, { note: '再次销号' });
      expect(twice.status).to.equal(409);
      expect(twice.body).to.include({ state: 'closed', event: 'CLOSE' });
      expect(twice.body.allowed).to.deep.equal([]);

      const good = await deliveredCase(['ZJJ-002'], '13900005678');
      const rated = await anonymous.post(`/api/track/${good.trackingCode}/evaluation`, { phoneLast4: '5678', level: 5 });
      expect(rated.status).to.equal(201);
      expect(rated.body).to.include({ levelName: '非常满意', bad: false, followUp: null });
      const id = (await supervisor.get('/api/evaluations?level=5')).body.items[0].id;
      const none = await supervisor.post(`/api/evaluations/${id}/follow-up/close`, { note: '无需回访' });
      expect(none.status).to.equal(409);
      expect(none.body).to.include({ state: 'none', event: 'CLOSE' });
    });

    it('when the figures are read, then each department counts the ratings of its cases', async () => {
      const until = shanghaiToday();
      const figures = await supervisor.get(`/api/evaluations/figures?from=${since}&to=${until}`);
      expect(figures.status).to.equal(200);
      expect(figures.body).to.include({ from: since, to: until, evaluations: 2, good: 1, neutral: 0, bad: 1, goodRate: 0.5, badRate: 0.5, avgLevel: 3.5, followUpsOpen: 0, followUpsClosed: 1 });
      const byDepartment = new Map(figures.body.byDepartment.map((row: { departmentCode: string }) => [row.departmentCode, row]));
      expect(byDepartment.get('zrj')).to.include({ evaluations: 1, bad: 1, badRate: 1, avgLevel: 2, followUpsClosed: 1 });
      expect(byDepartment.get('hbj')).to.include({ evaluations: 1, bad: 1, avgLevel: 2 });
      expect(byDepartment.get('zjj')).to.include({ evaluations: 1, good: 1, goodRate: 1, avgLevel: 5, followUpsClosed: 0 });
      expect(byDepartment.get('fgw')).to.include({ evaluations: 0, goodRate: null, avgLevel: null });
      expect((await officers.zrj.get('/api/evaluations/figures')).status).to.equal(403);
    });
  });

  describe('效能投诉', () => {
    /** The n-th complaint number of the Shanghai day of `at` (an instant the server answered). */
    const number = (n: number, at: string) => `TS-${at.slice(0, 10).replace(/-/g, '')}-${String(n).padStart(4, '0')}`;
    let publicNumber: string;

    it('when the applicant complains with the tracking code, then it is registered today with a number and a deadline in working days', async () => {
      const path = `/api/track/${delivered.trackingCode}/complaints`;
      expect((await anonymous.post(path, { phoneLast4: '9999', content: '审批超时' })).status).to.equal(404);
      const stranger = await anonymous.post(path, { phoneLast4: '1234', content: '审批超时', departmentCode: 'fgw' });
      expect(stranger.status).to.equal(400);
      expect(stranger.body.errors.map((e: { path: string }) => e.path)).to.deep.equal(['departmentCode']);

      const filed = await anonymous.post(path, { phoneLast4: '1234', content: '环评审批窗口多次要求重复提交材料。', departmentCode: 'hbj' });
      expect(filed.status).to.equal(201);
      expect(filed.body.receivedAt).to.match(/\+08:00$/);
      expect(filed.body).to.deep.equal({ number: number(1, filed.body.receivedAt), status: 'received', receivedAt: filed.body.receivedAt, deadlineAt: await dueIn(filed.body.receivedAt, 5) });
      publicNumber = filed.body.number;
    });

    it('when the supervision office registers complaints at the same moment, then every one gets its own number of the day', async () => {
      const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => supervisor.post('/api/complaints', {
        content: `来电反映窗口服务问题 ${i}`, complainant: { name: '张先生', phone: '13700000000' },
      })));
      expect(answers.map((a) => a.status)).to.deep.equal(Array(8).fill(201));
      const day = answers[0].body.receivedAt as string;
      expect(answers.map((a) => a.body.number).sort()).to.deep.equal([2, 3, 4, 5, 6, 7, 8, 9].map((n) => number(n, day)));
      expect(answers[0].body).to.include({ source: 'office', status: 'received', registeredBy: 'supervisor1' });
      expect(answers[0].body.complainant).to.deep.equal({ name: '张先生', phone: '13700000000' });
      const unknownCase = await supervisor.post('/api/complaints', { content: 'x', caseId: '00000000-0000-4000-8000-000000000000' });
      expect(unknownCase.status).to.equal(400);
      expect(unknownCase.body.errors.map((e: { path: string }) => e.path)).to.deep.equal(['caseId']);
    });

    it('when a complaint is resolved before it is assigned, or twice, then it is 409 with the allowed actions', async () => {
      const list = await supervisor.get('/api/complaints?status=received&pageSize=100');
      const complaint = list.body.items.find((item: { number: string }) => item.number === publicNumber);
      expect(complaint).to.include({ source: 'applicant', caseId: delivered.id, departmentCode: 'hbj', complainant: null, onTime: null });
      expect(complaint.allowed).to.deep.equal(['ASSIGN']);

      const early = await supervisor.post(`/api/complaints/${complaint.id}/resolve`, { outcome: '已整改', substantiated: true });
      expect(early.status).to.equal(409);
      expect(early.body).to.include({ state: 'received', event: 'RESOLVE' });
      expect(early.body.allowed).to.deep.equal(['ASSIGN']);

      expect((await supervisor.post(`/api/complaints/${complaint.id}/assign`, {})).status).to.equal(400);
      expect((await supervisor.post(`/api/complaints/${complaint.id}/assign`, { departmentCode: 'nope' })).status).to.equal(400);
      const toDepartment = await supervisor.post(`/api/complaints/${complaint.id}/assign`, { departmentCode: 'hbj' });
      expect(toDepartment.status).to.equal(200);
      expect(toDepartment.body).to.include({ status: 'assigned', assignedDepartmentCode: 'hbj', assignee: null });
      const leader = (await anonymous.post('/api/auth/login', { username: 'leader-hbj', password: TEST_PASSWORD })).body.user;
      const toLeader = await supervisor.post(`/api/complaints/${complaint.id}/assign`, { assigneeId: leader.id });
      expect(toLeader.body).to.include({ status: 'assigned', assignedDepartmentCode: 'hbj' });
      expect(toLeader.body.assignee).to.deep.equal({ id: leader.id, username: 'leader-hbj' });
      expect(toLeader.body.allowed).to.deep.equal(['ASSIGN', 'RESOLVE']);

      const resolved = await supervisor.post(`/api/complaints/${complaint.id}/resolve`, { outcome: '经核查属实，已约谈窗口负责人并整改。', substantiated: true });
      expect(resolved.status).to.equal(200);
      expect(resolved.body).to.include({ status: 'resolved', resolvedBy: 'supervisor1', substantiated: true, onTime: true, overdue: false });
      expect(resolved.body.allowed).to.deep.equal([]);
      const twice = await supervisor.post(`/api/complaints/${complaint.id}/resolve`, { outcome: '再次办结', substantiated: false });
      expect(twice.status).to.equal(409);
      expect(twice.body).to.include({ state: 'resolved', event: 'RESOLVE' });
      expect(twice.body.allowed).to.deep.equal([]);
      expect((await supervisor.get(`/api/complaints/${complaint.id}`)).body).to.include({ outcome: '经核查属实，已约谈窗口负责人并整改。' });
      expect((await supervisor.get('/api/complaints/2000000000')).status).to.equal(404);
    });

    it('when the figures are read, then received, resolved and the resolution rate count the period', async () => {
      const until = shanghaiToday();
      const figures = await supervisor.get(`/api/complaints/figures?from=${since}&to=${until}`);
      expect(figures.status).to.equal(200);
      expect(figures.body).to.include({
        from: since, to: until, received: 9, resolved: 1, open: 8, resolutionRate: 0.1111, resolvedOnTime: 1, onTimeRate: 1, substantiated: 1, openOverdue: 0,
      });
      const hbj = figures.body.byDepartment.find((row: { departmentCode: string | null }) => row.departmentCode === 'hbj');
      expect(hbj).to.include({ received: 1, resolved: 1, resolutionRate: 1 });
      const before = await supervisor.get('/api/complaints/figures?from=2026-01-01&to=2026-01-31');
      expect(before.body).to.include({ received: 0, resolved: 0, resolutionRate: null });
      const resolvedList = await supervisor.get('/api/complaints?status=resolved');
      expect(resolvedList.body).to.include({ total: 1 });
      for (const client of [officers.hbj, clerk]) {
        expect((await client.get('/api/complaints')).status).to.equal(403);
        expect((await client.post('/api/complaints', { content: 'x' })).status).to.equal(403);
      }
    });
  });

  // A suite of its own: mocha runs a suite's own tests before its nested suites.
  describe('Prometheus', () => {
    it('when Prometheus scrapes /metrics, then the worker\'s activity and workflow counters are there', async () => {
      const text = await (await fetch(`${system.url}/metrics`)).text();
      expect(text).to.match(/approval_activity_executions_total\{activity="projectStep",outcome="completed"\} [1-9]/);
      expect(text).to.match(/approval_workflow_events_total\{workflow="step",action="APPROVE"\} [1-9]/);
      expect(text).to.match(/approval_workflow_events_total\{workflow="case",action="DELIVER"\} [1-9]/);
      expect(text).to.match(/http_requests_total\{method="POST",route="\/api\/track\/:trackingCode\/evaluation",status="201"\} [1-9]/);
    });
  });
});
