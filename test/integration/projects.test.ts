// A key construction project over HTTP against the real system: registered with its proxy
// agent, four stage applications in order (each one form, each a parallel approval), the stage
// order enforced, progress reports, and the ledger (工作台帐) with every stage, case, step and
// pause; the agent sees the project and its cases and hears every notice meant for the applicant,
// an unrelated reviewer does not.
import { expect } from 'chai';
import { CaseRecord, Notification, Project, ProjectEvent } from '../../entities';
import { projectWorkflowId } from '../../workflows/messages';
import { completeMaterials } from '../support/materials';
import { eventually } from '../support/eventually';
import { ApiClient } from '../support/http';
import { startSystem, type RunningSystem } from '../support/system';

const applicant = { name: '星河新能源科技有限公司', phone: '13912345678' };
/** The stages in order, each applied for with one matter of its form. */
const STAGES = [
  { stage: 'landUse', matter: 'FGW-001', reviewer: 'officer-fgw' },
  { stage: 'engineering', matter: 'ZRJ-002', reviewer: 'officer-zrj' },
  { stage: 'construction', matter: 'ZJJ-001', reviewer: 'officer-zjj' },
  { stage: 'acceptance', matter: 'ZJJ-003', reviewer: 'officer-zjj' },
] as const;

describe('staged key project (HTTP → Temporal → MySQL)', function () {
  this.timeout(240_000);
  let system: RunningSystem;
  const as: Record<string, ApiClient> = {};

  before(async () => {
    system = await startSystem('projects');
    for (const user of ['clerk1', 'supervisor1', 'agent1', 'officer-fgw', 'officer-zrj', 'officer-zjj', 'officer-hbj', 'leader-wjw']) {
      as[user] = await ApiClient.signIn(system.url, user);
    }
  });
  after(async () => {
    await system?.stop();
  });

  const stageCase = (projectId: string, matter: string, extra: Record<string, unknown> = {}) => as.clerk1.post('/api/cases', {
    applicant, matterCodes: [matter], channel: 'green', projectId, materials: completeMaterials([matter]), ...extra,
  });

  async function approveAndDeliver(caseId: string, reviewer: string): Promise<void> {
    expect((await as.clerk1.post(`/api/cases/${caseId}/accept`, {})).status).to.equal(200);
    const step = await eventually(async () => {
      const found = (await as[reviewer].get('/api/inbox')).body.find((s: { caseId: string }) => s.caseId === caseId);
      expect(found, 'step in inbox').not.to.equal(undefined);
      return found;
    });
    expect((await as[reviewer].post(`/api/steps/${step.id}/claim`, {})).status).to.equal(200);
    expect((await as[reviewer].post(`/api/steps/${step.id}/suspend`, { kind: '补正', reason: '补充材料' })).status).to.equal(200);
    expect((await as[reviewer].post(`/api/steps/${step.id}/resume`, {})).status).to.equal(200);
    expect((await as[reviewer].post(`/api/steps/${step.id}/approve`, { opinion: '同意' })).status).to.equal(200);
    await eventually(async () => expect((await as.clerk1.get(`/api/cases/${caseId}`)).body.status).to.equal('approved'));
    expect((await as.clerk1.post(`/api/cases/${caseId}/deliver`, {})).status).to.equal(200);
  }

  it('when a key project is registered without its agent, then it is refused naming agentUsername; a reviewer cannot register', async () => {
    const refused = await as.clerk1.post('/api/projects', { name: '无代办员项目', key: true });
    expect(refused.status).to.equal(400);
    expect(refused.body.errors.map((e: { path: string }) => e.path)).to.deep.equal(['agentUsername']);
    expect((await as['officer-fgw'].post('/api/projects', { name: '越权登记' })).status).to.equal(403);
    expect(await system.db.getRepository(Project).count()).to.equal(0);
  });

  it('when a project is closed, then not while an application is under way, and afterwards it takes no application or report', async () => {
    const created = await as.clerk1.post('/api/projects', { name: '星河物流园', key: true, agentUsername: 'agent1' });
    const id = created.body.id;
    const registered = await stageCase(id, 'FGW-001');
    expect(registered.status).to.equal(201);
    const early = await as.supervisor1.post(`/api/projects/${id}/close`, { reason: '建设单位撤回项目' });
    expect(early.status).to.equal(409);
    // The rule refused it while the stage application is under way, and says so.
    expect(early.body.rules).to.deep.equal(['closable']);
    expect(early.body.detail).to.contain('当前阶段没有在办的申请');
    expect(early.body.allowed).to.include('REPORT').and.not.to.include('CLOSE');
    expect((await as.clerk1.post(`/api/projects/${id}/close`, { reason: '越权终止' })).status).to.equal(403);

    // The applicant withdraws the stage application: the stage is free again, and the project can close.
    expect((await as.clerk1.post(`/api/cases/${registered.body.id}/withdraw`, { reason: '项目取消' })).status).to.equal(200);
    await eventually(async () => expect((await as.clerk1.get(`/api/projects/${id}`)).body.openCaseId).to.equal(null));
    const closed = await as.supervisor1.post(`/api/projects/${id}/close`, { reason: '建设单位撤回项目' });
    expect(closed.status, JSON.stringify(closed.body)).to.equal(200);
    expect(closed.body).to.include({ status: 'closed', stage: null });
    expect(closed.body.timeline.map((e: { action: string }) => e.action)).to.deep.equal(['REGISTERED', 'OPEN_STAGE', 'STAGE_CONCLUDED', 'CLOSE']);
    expect(closed.body.timeline.at(-1).detail).to.include({ reason: '建设单位撤回项目', stage: 'landUse' });

    const late = await stageCase(id, 'FGW-001');
    expect(late.status).to.equal(400);
    expect(late.body.errors[0]).to.include({ path: 'projectId' });
    expect((await as.agent1.post(`/api/projects/${id}/reports`, { progress: '已终止' })).status).to.equal(409);
    expect((await as.supervisor1.post(`/api/projects/${id}/close`, { reason: '再次终止' })).status).to.equal(409);
    const ledger = (await as.supervisor1.get(`/api/projects/${id}/ledger`)).body;
    expect(ledger.stages.map((s: { status: string }) => s.status)).to.deep.equal(['closed', 'pending', 'pending', 'pending']);
    expect(ledger.stages[0].cases.map((c: { status: string }) => c.status)).to.deep.equal(['withdrawn']);
  });

  it('when a key project goes through its four stages, then each stage opens only in order, passes on delivery, and the ledger shows all of it', async () => {
    const created = await as.clerk1.post('/api/projects', { name: '星河新能源产业园', key: true, agentUsername: 'agent1' });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    const project = created.body;
    expect(project).to.include({ status: 'landUse', stage: 'landUse', key: true, channel: 'green', limitWorkingDays: 120, light: 'green' });
    expect(project.code).to.match(/^XM-\d{8}-\d{4}$/);
    expect(project.agent.username).to.equal('agent1');
    expect(project.dueAt).to.match(/T17:30:00\+08:00$/);
    expect(project.timeline.map((e: { action: string }) => e.action)).to.deep.equal(['REGISTERED']);

    // A matter of a later stage, the standard channel or another agent: refused, nothing started.
    const wrong = await stageCase(project.id, 'ZJJ-001', { channel: 'standard', agentUsername: 'agent2' });
    expect(wrong.status).to.equal(400);
    expect(wrong.body.errors.map((e: { path: string }) => e.path).sort()).to.deep.equal(['agentUsername', 'channel', 'matterCodes.0']);
    expect(await system.db.getRepository(CaseRecord).countBy({ projectId: project.id })).to.equal(0);

    const report = await as.agent1.post(`/api/projects/${project.id}/reports`, { progress: '已完成项目备案，用地材料编制中', problems: '无' });
    expect(report.status).to.equal(201);
    expect(report.body.lastReportPeriod).to.match(/^\d{4}-\d{2}-H[12]$/);

    const caseIds: string[] = [];
    for (const [index, { stage, matter, reviewer }] of STAGES.entries()) {
      const registered = await stageCase(project.id, matter);
      expect(registered.status, JSON.stringify(registered.body)).to.equal(201);
      caseIds.push(registered.body.id);
      // One application per stage at a time.
      const second = await stageCase(project.id, matter);
      expect(second.status).to.equal(409);
      expect(second.body.allowed).to.include('REPORT');
      const page = (await as.agent1.get(`/api/cases/${registered.body.id}`)).body;
      expect(page).to.deep.include({ channel: 'green', project: { id: project.id, stage } });

      await approveAndDeliver(registered.body.id, reviewer);
      const next = STAGES[index + 1]?.stage ?? 'completed';
      await eventually(async () => expect((await as.clerk1.get(`/api/projects/${project.id}`)).body.status).to.equal(next));
    }

    const done = (await as.agent1.get(`/api/projects/${project.id}`)).body;
    expect(done).to.include({ status: 'completed', stage: null, openCaseId: null });
    expect(done.completedAt).to.match(/\+08:00$/);
    expect(done.timeline.map((e: { action: string }) => e.action)).to.deep.equal([
      'REGISTERED', 'REPORT', ...STAGES.flatMap(() => ['OPEN_STAGE', 'STAGE_CONCLUDED']),
    ]);
    expect(done.timeline.filter((e: { action: string }) => e.action === 'STAGE_CONCLUDED').map((e: { toState: string }) => e.toState))
      .to.deep.equal(['engineering', 'construction', 'acceptance', 'completed']);
    const late = await stageCase(project.id, 'ZJJ-003');
    expect(late.status).to.equal(400);
    expect(late.body.errors[0].path).to.equal('projectId');
    expect((await as.agent1.post(`/api/projects/${project.id}/reports`, { progress: '已竣工' })).status).to.equal(409);

    const ledger = (await as.supervisor1.get(`/api/projects/${project.id}/ledger`)).body;
    expect(ledger.project.status).to.equal('completed');
    expect(ledger.stages.map((s: { code: string; status: string; cases: unknown[] }) => [s.code, s.status, s.cases.length])).to.deep.equal(
      STAGES.map(({ stage }) => [stage, 'passed', 1]),
    );
    for (const [index, stage] of ledger.stages.entries()) {
      const [kase] = stage.cases;
      expect(kase).to.include({ id: caseIds[index], status: 'delivered', channel: 'green' });
      expect(kase.steps.map((s: { matterCode: string; status: string }) => [s.matterCode, s.status])).to.deep.equal([[STAGES[index].matter, 'approved']]);
      expect(kase.pauses.map((p: { action: string }) => p.action)).to.deep.equal(['SUSPEND', 'RESUME']);
    }
    expect(ledger.reports).to.have.length(1);
    expect(ledger.reports[0]).to.include({ by: 'agent1', progress: '已完成项目备案，用地材料编制中', problems: '无' });
    expect(ledger.escalations).to.deep.equal({ project: [], supervisionOrders: [], accountabilityRecords: [] });

    // Scope: the agent and the reviewing departments see it; a department that never reviewed does not.
    expect((await as.agent1.get('/api/projects?pageSize=100')).body.items.map((p: { id: string }) => p.id)).to.include(project.id);
    expect((await as['officer-zjj'].get(`/api/projects/${project.id}/ledger`)).status).to.equal(200);
    expect((await as['leader-wjw'].get(`/api/projects/${project.id}`)).status).to.equal(404);
    expect((await as['leader-wjw'].get('/api/projects?pageSize=100')).body.items.map((p: { id: string }) => p.id)).not.to.include(project.id);
    expect((await as['officer-hbj'].post(`/api/projects/${project.id}/reports`, { progress: 'x' })).status).to.equal(403);

    // Read model and workflow agree; the agent heard every delivery.
    const row = await system.db.getRepository(Project).findOneByOrFail({ id: project.id });
    expect(row).to.include({ status: 'completed', key: true, openCaseId: null });
    expect(await system.db.getRepository(ProjectEvent).countBy({ projectId: project.id })).to.equal(done.timeline.length);
    const result = await system.env.client.workflow.getHandle(projectWorkflowId(project.id)).result();
    expect(result).to.include({ id: project.id, status: 'completed' });
    const delivered = await system.db.getRepository(Notification).find({ where: { template: 'case.delivered', recipientRole: 'agent' } });
    expect(delivered.map((n) => n.caseId).sort()).to.deep.equal([...caseIds].sort());
    const pauses = await system.db.getRepository(Notification).find({ where: { template: 'step.suspended', recipientRole: 'agent' } });
    expect(pauses.map((n) => [n.caseId, n.recipient]).sort()).to.deep.equal(caseIds.map((id) => [id, 'agent1']).sort());
  });
});
