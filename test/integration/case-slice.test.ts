// The vertical slice over HTTP against a real Temporal dev server and MySQL: register, accept,
// parallel departmental review, decision, delivery — and the answers for everything illegal.
import { expect } from 'chai';
import pino from 'pino';
import { startApiServer } from '../../api/server';
import { AuditEvent, CaseRecord, Notification, Step } from '../../entities';
import { createDataSource } from '../../entities/data-source';
import { caseWorkflowId, stepWorkflowId } from '../../workflows/messages';
import { completeMaterials } from '../support/materials';
import { eventually } from '../support/eventually';
import { expectedDue } from '../support/calendar-oracle';
import { ApiClient } from '../support/http';
import { startSystem, type RunningSystem } from '../support/system';

const application = (matterCodes: string[], extra: Record<string, unknown> = {}) => ({
  applicant: { name: '星河建设有限公司', phone: '13912345678' },
  matterCodes,
  channel: 'standard',
  materials: completeMaterials(matterCodes),
  ...extra,
});

describe('case slice (HTTP → Temporal → MySQL)', function () {
  this.timeout(120_000);
  let system: RunningSystem;
  let clerk: ApiClient;
  let officerZrj: ApiClient;
  let officerHbj: ApiClient;
  let officerFgw: ApiClient;

  before(async () => {
    system = await startSystem('slice');
    [clerk, officerZrj, officerHbj, officerFgw] = await Promise.all(
      ['clerk1', 'officer-zrj', 'officer-hbj', 'officer-fgw'].map((user) => ApiClient.signIn(system.url, user)),
    );
  });
  after(async () => {
    await system?.stop();
  });

  async function registerAndAccept(matterCodes: string[]): Promise<{ id: string; trackingCode: string }> {
    const created = await clerk.post('/api/cases', application(matterCodes));
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    const accepted = await clerk.post(`/api/cases/${created.body.id}/accept`, {});
    expect(accepted.status, JSON.stringify(accepted.body)).to.equal(200);
    await eventually(async () => expect((await clerk.get(`/api/cases/${created.body.id}`)).body.status).to.equal('inReview'));
    return created.body;
  }

  async function inboxStep(officer: ApiClient, caseId: string) {
    return eventually(async () => {
      const inbox = await officer.get('/api/inbox');
      const step = inbox.body.find((s: { caseId: string }) => s.caseId === caseId);
      expect(step, 'step in inbox').not.to.equal(undefined);
      return step;
    });
  }

  it('when a clerk registers a case, then it answers 201 and case-<id> runs with its steps planned', async () => {
    const created = await clerk.post('/api/cases', application(['ZRJ-001', 'HBJ-001']));
    expect(created.status).to.equal(201);
    expect(created.body).to.include({ status: 'submitted' });
    expect(created.body.trackingCode).to.match(/^[0-9A-Z]{10}$/);

    const description = await system.env.client.workflow.getHandle(caseWorkflowId(created.body.id)).describe();
    expect(description.status.name).to.equal('RUNNING');
    const page = await clerk.get(`/api/cases/${created.body.id}`);
    expect(page.body.status).to.equal('submitted');
    expect(page.body.steps.map((s: { matterCode: string; status: string }) => [s.matterCode, s.status]))
      .to.deep.equal([['HBJ-001', 'pending'], ['ZRJ-001', 'pending']]);
    expect(page.body.timeline.map((e: { action: string }) => e.action)).to.deep.equal(['REGISTERED']);
    expect(page.body.timeline[0].actor.username).to.equal('clerk1');
  });

  it('when every department approves in parallel, then the case is approved, delivered, and the timeline tells who did what', async () => {
    const { id } = await registerAndAccept(['ZRJ-001', 'HBJ-001']);
    const [zrjStep, hbjStep] = await Promise.all([inboxStep(officerZrj, id), inboxStep(officerHbj, id)]);
    expect(zrjStep.status).to.equal('pending');
    expect((await officerFgw.get('/api/inbox')).body.map((s: { caseId: string }) => s.caseId)).not.to.include(id);

    for (const [officer, step] of [[officerZrj, zrjStep], [officerHbj, hbjStep]] as const) {
      const claimed = await officer.post(`/api/steps/${step.id}/claim`, {});
      expect(claimed.status).to.equal(200);
      expect(claimed.body.status).to.equal('claimed');
      const approved = await officer.post(`/api/steps/${step.id}/approve`, { opinion: '符合条件，同意。' });
      expect(approved.status).to.equal(200);
      expect(approved.body).to.include({ status: 'approved', opinion: '符合条件，同意。' });
    }

    await eventually(async () => expect((await clerk.get(`/api/cases/${id}`)).body.status).to.equal('approved'));
    const delivered = await clerk.post(`/api/cases/${id}/deliver`, {});
    expect(delivered.status).to.equal(200);
    expect(delivered.body.status).to.equal('delivered');
    expect(delivered.body.deliveredAt).to.match(/\+08:00$/);

    const caseResult = await system.env.client.workflow.getHandle(caseWorkflowId(id)).result();
    expect(caseResult.status).to.equal('delivered');
    const stepResult = await system.env.client.workflow.getHandle(stepWorkflowId(zrjStep.id)).result();
    expect(stepResult).to.include({ status: 'approved', matterCode: 'ZRJ-001', departmentCode: 'zrj' });

    const caseEvents = delivered.body.timeline.filter((e: { stepId: string | null }) => e.stepId === null).map((e: { action: string }) => e.action);
    expect(caseEvents).to.deep.equal(['REGISTERED', 'ACCEPT', 'STEPS_DISPATCHED', 'STEPS_CONCLUDED', 'DELIVER']);
    const zrjEvents = delivered.body.timeline.filter((e: { stepId: string }) => e.stepId === zrjStep.id);
    expect(zrjEvents.map((e: { action: string }) => e.action)).to.deep.equal(['DISPATCHED', 'CLAIM', 'APPROVE']);
    expect(zrjEvents[2].actor).to.deep.equal({ id: zrjEvents[1].actor.id, username: 'officer-zrj', role: 'officer' });
    expect(zrjEvents[2].detail).to.deep.equal({ opinion: '符合条件，同意。' });

    const row = await system.db.getRepository(CaseRecord).findOneByOrFail({ id });
    expect(row.status).to.equal('delivered');
    expect(row.deliveredAt).to.be.instanceOf(Date);
    const steps = await system.db.getRepository(Step).findBy({ caseId: id });
    expect(steps.map((s) => s.status)).to.deep.equal(['approved', 'approved']);
    // 统一出件: the applicant is told once that every result is ready.
    const notices = await system.db.getRepository(Notification).findBy({ caseId: id, template: 'case.delivered' });
    expect(notices.map((n) => [n.recipientRole, n.recipient, n.channel])).to.deep.equal([['applicant', '13912345678', 'sms']]);
    expect(notices[0].payload).to.deep.include({ matterCodes: ['ZRJ-001', 'HBJ-001'] });
  });

  it('when the reviewer hands the step on (转办), then only the new reviewer decides it and the timeline says who and why', async () => {
    const { id } = await registerAndAccept(['ZRJ-001']);
    const step = await inboxStep(officerZrj, id);
    expect((await officerZrj.post(`/api/steps/${step.id}/claim`, {})).status).to.equal(200);
    const elsewhere = await officerZrj.post(`/api/steps/${step.id}/transfer`, { toUsername: 'officer-hbj', reason: '工作调整' });
    expect(elsewhere.status).to.equal(400);
    expect(elsewhere.body.errors[0].path).to.equal('toUsername');

    const handed = await officerZrj.post(`/api/steps/${step.id}/transfer`, { toUsername: 'officer2-zrj', reason: '承办人休假' });
    expect(handed.status, JSON.stringify(handed.body)).to.equal(200);
    expect(handed.body.assignee.username).to.equal('officer2-zrj');
    expect((await officerZrj.post(`/api/steps/${step.id}/approve`, { opinion: '同意' })).status).to.equal(403);
    const again = await officerZrj.post(`/api/steps/${step.id}/transfer`, { toUsername: 'leader-zrj', reason: '再次' });
    expect(again.status).to.equal(403);

    const second = await ApiClient.signIn(system.url, 'officer2-zrj');
    expect((await second.post(`/api/steps/${step.id}/transfer`, { toUsername: 'officer2-zrj', reason: '给自己' })).status).to.equal(409);
    expect((await second.post(`/api/steps/${step.id}/approve`, { opinion: '同意' })).status).to.equal(200);
    const timeline = (await clerk.get(`/api/cases/${id}`)).body.timeline.filter((e: { stepId: string }) => e.stepId === step.id);
    const transfer = timeline.find((e: { action: string }) => e.action === 'TRANSFER');
    expect(transfer.actor.username).to.equal('officer-zrj');
    expect(transfer.detail).to.deep.include({ reason: '承办人休假', to: { id: handed.body.assignee.id, username: 'officer2-zrj' } });
  });

  it('when a step is approved on commitment (告知承诺制), then the department owes a check by its deadline and records it once', async () => {
    const { id } = await registerAndAccept(['ZRJ-001']);
    const step = await inboxStep(officerZrj, id);
    expect((await officerZrj.post(`/api/steps/${step.id}/claim`, {})).status).to.equal(200);
    const approved = await officerZrj.post(`/api/steps/${step.id}/approve`, {
      opinion: '告知承诺方式准予许可', commitment: { items: '三个月内补交土地勘测定界报告', checkWorkingDays: 5 },
    });
    expect(approved.status, JSON.stringify(approved.body)).to.equal(200);
    const check = await eventually(async () => {
      const owed = (await officerZrj.get('/api/post-approval-checks?status=open&pageSize=100')).body.items.find((c: { stepId: string }) => c.stepId === step.id);
      expect(owed).not.to.equal(undefined);
      return owed;
    });
    expect(check).to.include({ caseId: id, departmentCode: 'zrj', items: '三个月内补交土地勘测定界报告', overdue: false });
    // Five working days after the day of the approval, at close of office (the weekday walker's count).
    expect(check.dueAt).to.equal(await expectedDue(officerZrj, approved.body.decidedAt, 5));
    expect((await officerHbj.get('/api/post-approval-checks?pageSize=100')).body.items.some((c: { id: number }) => c.id === check.id)).to.equal(false);
    expect((await officerHbj.post(`/api/post-approval-checks/${check.id}/complete`, { compliant: true, finding: 'x' })).status).to.equal(404);

    const done = await officerZrj.post(`/api/post-approval-checks/${check.id}/complete`, { compliant: false, finding: '逾期未补交，已责令整改' });
    expect(done.status).to.equal(200);
    expect(done.body).to.include({ status: 'failed', completedBy: 'officer-zrj' });
    const again = await officerZrj.post(`/api/post-approval-checks/${check.id}/complete`, { compliant: true, finding: '再次核查' });
    expect(again.status).to.equal(409);
    expect(again.body).to.include({ state: 'failed', event: 'COMPLETE' });
  });

  it('when a department rejects with reason and legal basis, then the independent approval stands: partially approved', async () => {
    const { id } = await registerAndAccept(['ZRJ-001', 'HBJ-001']);
    const [zrjStep, hbjStep] = await Promise.all([inboxStep(officerZrj, id), inboxStep(officerHbj, id)]);
    await officerZrj.post(`/api/steps/${zrjStep.id}/claim`, {});
    await officerZrj.post(`/api/steps/${zrjStep.id}/approve`, { opinion: '同意' });
    await officerHbj.post(`/api/steps/${hbjStep.id}/claim`, {});

    const withoutBasis = await officerHbj.post(`/api/steps/${hbjStep.id}/reject`, { reason: '环评结论不可行' });
    expect(withoutBasis.status).to.equal(400);
    expect(withoutBasis.body.errors.map((e: { path: string }) => e.path)).to.deep.equal(['legalBasis']);

    const rejected = await officerHbj.post(`/api/steps/${hbjStep.id}/reject`, {
      reason: '项目位于饮用水水源一级保护区内', legalBasis: '《中华人民共和国水污染防治法》第六十五条',
    });
    expect(rejected.status).to.equal(200);
    expect(rejected.body).to.include({ status: 'rejected', legalBasis: '《中华人民共和国水污染防治法》第六十五条' });
    await eventually(async () => expect((await clerk.get(`/api/cases/${id}`)).body.status).to.equal('partiallyApproved'));
  });

  it('when the matter another builds on is rejected, then neither stands: denied', async () => {
    // ZRJ-002 (建设工程规划许可) requires ZRJ-001 (用地预审与选址) in the catalogue.
    const { id } = await registerAndAccept(['ZRJ-001', 'ZRJ-002']);
    const steps = (await clerk.get(`/api/cases/${id}`)).body.steps as { id: string; matterCode: string }[];
    const byMatter = (code: string) => steps.find((s) => s.matterCode === code)!.id;
    await eventually(async () => expect((await officerZrj.post(`/api/steps/${byMatter('ZRJ-002')}/claim`, {})).status).to.equal(200));
    expect((await officerZrj.post(`/api/steps/${byMatter('ZRJ-002')}/approve`, { opinion: '同意' })).status).to.equal(200);
    await eventually(async () => expect((await officerZrj.post(`/api/steps/${byMatter('ZRJ-001')}/claim`, {})).status).to.equal(200));
    expect((await officerZrj.post(`/api/steps/${byMatter('ZRJ-001')}/reject`, { reason: '选址不符合国土空间规划', legalBasis: '《土地管理法》第五十二条' })).status).to.equal(200);
    await eventually(async () => expect((await clerk.get(`/api/cases/${id}`)).body.status).to.equal('denied'));
    const matter = (await clerk.get('/api/matters')).body.find((m: { code: string }) => m.code === 'ZRJ-002');
    expect(matter.requires).to.deep.equal(['ZRJ-001']);
  });

  describe('illegal transitions answer 409 with the state and the allowed events', () => {
    it('when a step is approved twice, then the second answer is 409', async () => {
      const { id } = await registerAndAccept(['FGW-001']);
      const step = await inboxStep(officerFgw, id);
      await officerFgw.post(`/api/steps/${step.id}/claim`, {});
      expect((await officerFgw.post(`/api/steps/${step.id}/approve`, { opinion: '同意' })).status).to.equal(200);
      const again = await officerFgw.post(`/api/steps/${step.id}/approve`, { opinion: '同意' });
      expect(again.status).to.equal(409);
      expect(again.contentType).to.match(/^application\/problem\+json/);
      expect(again.body).to.include({ state: 'approved', event: 'APPROVE', status: 409 });
      expect(again.body.allowed).to.deep.equal([]);
    });

    it('when a step is approved before it is claimed, then 409 lists CLAIM', async () => {
      const { id } = await registerAndAccept(['FGW-002']);
      const step = await inboxStep(officerFgw, id);
      const early = await officerFgw.post(`/api/steps/${step.id}/approve`, { opinion: '同意' });
      expect(early.status).to.equal(409);
      expect(early.body).to.include({ state: 'pending', event: 'APPROVE' });
      expect(early.body.allowed).to.deep.equal(['CLAIM']);
    });

    it('when a step is approved before its case is accepted, then 409 and nothing changes', async () => {
      const created = await clerk.post('/api/cases', application(['FGW-001']));
      const page = await clerk.get(`/api/cases/${created.body.id}`);
      const stepId = page.body.steps[0].id;
      const early = await officerFgw.post(`/api/steps/${stepId}/approve`, { opinion: '同意' });
      expect(early.status).to.equal(409);
      expect(early.body).to.include({ state: 'pending', event: 'APPROVE' });
      expect((await clerk.get(`/api/cases/${created.body.id}`)).body.steps[0].status).to.equal('pending');
    });

    it('when an undecided case is delivered, then 409 lists what the clerk can do', async () => {
      const created = await clerk.post('/api/cases', application(['FGW-001']));
      const deliver = await clerk.post(`/api/cases/${created.body.id}/deliver`, {});
      expect(deliver.status).to.equal(409);
      expect(deliver.body).to.include({ state: 'submitted', event: 'DELIVER' });
      // DEEMED_ACCEPTED is the §32 timer's, never a person's: it is not offered.
      expect(deliver.body.allowed).to.deep.equal(['ACCEPT', 'ACCEPT_WITH_DEFICIENCY', 'REFUSE', 'REQUEST_SUPPLEMENT', 'WITHDRAW']);
      expect(deliver.body.detail).to.equal('DELIVER 在当前状态（submitted）不可办理');
    });

    it('when a case is accepted twice, then 409', async () => {
      const { id } = await registerAndAccept(['FGW-001']);
      const again = await clerk.post(`/api/cases/${id}/accept`, {});
      expect(again.status).to.equal(409);
      expect(again.body.event).to.equal('ACCEPT');
      expect(again.body.allowed).to.include('WITHDRAW');
    });
  });

  describe('window phase', () => {
    it('when the clerk asks for a supplement and receives it, then the case returns to submitted and can be refused', async () => {
      const created = await clerk.post('/api/cases', application(['ZRJ-002']));
      const asked = await clerk.post(`/api/cases/${created.body.id}/supplement-requests`, { missing: [{ code: 'design-scheme', note: '需加盖设计单位公章' }] });
      expect(asked.status).to.equal(200);
      expect(asked.body.status).to.equal('supplementRequested');
      const received = await clerk.post(`/api/cases/${created.body.id}/supplements`, { materials: [{ code: 'design-scheme' }] });
      expect(received.body.status).to.equal('submitted');
      const refused = await clerk.post(`/api/cases/${created.body.id}/refuse`, { reason: '不属于本中心受理范围' });
      expect(refused.body.status).to.equal('refused');
      expect(refused.body.decidedAt).to.be.a('string');
      const result = await system.env.client.workflow.getHandle(caseWorkflowId(created.body.id)).result();
      expect(result.status).to.equal('refused');
    });

    it('when the applicant withdraws during review, then the step workflows are cancelled and the inbox forgets the case', async () => {
      const { id } = await registerAndAccept(['FGW-001']);
      const step = await inboxStep(officerFgw, id);
      const withdrawn = await clerk.post(`/api/cases/${id}/withdraw`, { reason: '申请人主动撤回' });
      expect(withdrawn.body.status).to.equal('withdrawn');
      await eventually(async () => {
        const description = await system.env.client.workflow.getHandle(stepWorkflowId(step.id)).describe();
        expect(description.status.name).to.equal('CANCELLED');
      });
      expect((await officerFgw.get('/api/inbox')).body.map((s: { id: string }) => s.id)).not.to.include(step.id);
      // The step ended with the withdrawal: so the case page, the step page and the tracking page say.
      const page = (await clerk.get(`/api/cases/${id}`)).body;
      expect(page.steps.map((s: { status: string; light: string | null }) => [s.status, s.light])).to.deep.equal([['withdrawn', null]]);
      expect((await officerFgw.get(`/api/steps/${step.id}`)).body).to.include({ status: 'withdrawn', light: null });
      const tracked = await new ApiClient(system.url).get(`/api/track/${page.trackingCode}?phoneLast4=5678`);
      expect(tracked.body.steps.map((s: { status: string }) => s.status)).to.deep.equal(['withdrawn']);
    });

    it('when the applicant withdraws before acceptance, then the steps that never started show as ended by the withdrawal', async () => {
      const created = await clerk.post('/api/cases', application(['ZRJ-001', 'HBJ-001']));
      const withdrawn = await clerk.post(`/api/cases/${created.body.id}/withdraw`, { reason: '申请人撤回' });
      expect(withdrawn.body.status).to.equal('withdrawn');
      expect(withdrawn.body.steps.map((s: { status: string }) => s.status)).to.deep.equal(['withdrawn', 'withdrawn']);
    });
  });

  describe('bad input loses nothing', () => {
    const countRows = async () => ({
      cases: await system.db.getRepository(CaseRecord).count(),
      events: await system.db.getRepository(AuditEvent).count(),
    });

    it('when the body is malformed JSON, then 400 problem+json', async () => {
      const answer = await clerk.postRaw('/api/cases', '{"applicant": ');
      expect(answer.status).to.equal(400);
      expect(answer.contentType).to.match(/^application\/problem\+json/);
    });

    it('when fields are missing, unknown or wrongly typed, then 400 names each field and nothing is written', async () => {
      const before = await countRows();
      const answer = await clerk.post('/api/cases', {
        applicant: { name: '', phone: 'x' }, matterCodes: ['NOPE-1'], channel: 'express', materials: [{ code: 'application-form' }], status: 'approved',
      });
      expect(answer.status).to.equal(400);
      const paths = answer.body.errors.map((e: { path: string }) => e.path);
      expect(paths).to.include.members(['applicant.name', 'applicant.phone', 'channel', '']);
      const unknownMatter = await clerk.post('/api/cases', application(['ZRJ-001', 'NOPE-1']));
      expect(unknownMatter.status).to.equal(400);
      expect(unknownMatter.body.errors).to.deep.equal([{ path: 'matterCodes.1', message: '事项 NOPE-1 不存在' }]);
      expect(await countRows()).to.deep.equal(before);
    });
  });

  describe('authentication and scope', () => {
    it('when there is no token or a forged one, then 401', async () => {
      const anonymous = new ApiClient(system.url);
      expect((await anonymous.get('/api/cases')).status).to.equal(401);
      expect((await new ApiClient(system.url, 'not-a-jwt').get('/api/matters')).status).to.equal(401);
      expect((await anonymous.post('/api/auth/login', { username: 'clerk1', password: 'wrong' })).status).to.equal(401);
    });

    it('when an officer tries a clerk action, then 403', async () => {
      const answer = await officerFgw.post('/api/cases', application(['FGW-001']));
      expect(answer.status).to.equal(403);
    });

    it("when an officer acts on or reads another department's step or case, then 404", async () => {
      const { id } = await registerAndAccept(['ZRJ-001']);
      const step = await inboxStep(officerZrj, id);
      expect((await officerHbj.post(`/api/steps/${step.id}/claim`, {})).status).to.equal(404);
      expect((await officerHbj.get(`/api/steps/${step.id}`)).status).to.equal(404);
      expect((await officerHbj.get(`/api/cases/${id}`)).status).to.equal(404);
      expect((await officerZrj.get(`/api/cases/${id}`)).status).to.equal(200);
      const clerkApproves = await clerk.post(`/api/steps/${step.id}/approve`, { opinion: '同意' });
      expect(clerkApproves.status).to.equal(403);
    });

    it('when the department leader approves a step an officer claimed, then it is approved', async () => {
      const { id } = await registerAndAccept(['ZRJ-002']);
      const step = await inboxStep(officerZrj, id);
      await officerZrj.post(`/api/steps/${step.id}/claim`, {});
      const leader = await ApiClient.signIn(system.url, 'leader-zrj');
      const approved = await leader.post(`/api/steps/${step.id}/approve`, { opinion: '经研究，同意。' });
      expect(approved.status).to.equal(200);
    });
  });

  describe('public routes', () => {
    it('when both Temporal and the database answer, then /healthz is 200', async () => {
      const health = await new ApiClient(system.url).get('/healthz');
      expect(health.status).to.equal(200);
      expect(health.body).to.deep.equal({ status: 'ok', temporal: 'up', db: 'up' });
    });

    it('when the database does not answer, then /healthz is 503 and says which part is down', async () => {
      const unopened = createDataSource({ url: 'sqljs::memory' });
      const api = await startApiServer({
        db: unopened, temporal: system.env.client, logger: pino({ level: 'silent' }),
        config: { jwtSecret: 'test-secret', jwtTtl: '1h', taskQueue: system.taskQueue },
      }, 0);
      try {
        const health = await new ApiClient(api.url).get('/healthz');
        expect(health.status).to.equal(503);
        expect(health.body).to.deep.equal({ status: 'unavailable', temporal: 'up', db: 'down' });
      } finally {
        await api.stop();
      }
    });

    it('when the applicant tracks with the right phone digits, then progress shows without personal data', async () => {
      const created = await clerk.post('/api/cases', application(['FGW-002']));
      const anonymous = new ApiClient(system.url);
      const tracked = await anonymous.get(`/api/track/${created.body.trackingCode}?phoneLast4=5678`);
      expect(tracked.status).to.equal(200);
      expect(tracked.body.status).to.equal('submitted');
      expect(JSON.stringify(tracked.body)).not.to.contain('13912345678').and.not.to.contain('星河');
      expect((await anonymous.get(`/api/track/${created.body.trackingCode}?phoneLast4=0000`)).status).to.equal(404);
    });
  });
});
