// Joint approval over HTTP against the real system (Temporal dev server, MySQL, in-process API):
// a 会签 step signed by both panel members, a 依次 step decided in order, and a 联合审查 meeting
// where every department gives its opinion before the lead department concludes.
import { expect } from 'chai';
import { AuditEvent, JointReview, JointReviewOpinion, Matter, Notification, Step } from '../../entities';
import { completeMaterials } from '../support/materials';
import { eventually } from '../support/eventually';
import { ApiClient } from '../support/http';
import { startSystem, type RunningSystem } from '../support/system';

const application = (matterCodes: string[]) => ({
  applicant: { name: '仁和医疗管理有限公司', phone: '13912345678' },
  matterCodes,
  channel: 'standard',
  materials: completeMaterials(matterCodes),
});

interface TimelineRow { action: string; stepId: string | null; actor: { username: string } | null; detail: Record<string, unknown> | null }

describe('joint approval: panels and joint reviews (HTTP → Temporal → MySQL)', function () {
  this.timeout(180_000);
  let system: RunningSystem;
  let clerk: ApiClient;
  let officerWjw: ApiClient;
  let officer2Wjw: ApiClient;
  let leaderWjw: ApiClient;
  let officerZrj: ApiClient;
  let leaderZrj: ApiClient;

  before(async () => {
    system = await startSystem('joint');
    [clerk, officerWjw, officer2Wjw, leaderWjw, officerZrj, leaderZrj] = await Promise.all(
      ['clerk1', 'officer-wjw', 'officer2-wjw', 'leader-wjw', 'officer-zrj', 'leader-zrj'].map((user) => ApiClient.signIn(system.url, user)),
    );
  });
  after(async () => {
    await system?.stop();
  });

  async function registerAndAccept(matterCodes: string[]): Promise<string> {
    const created = await clerk.post('/api/cases', application(matterCodes));
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    expect((await clerk.post(`/api/cases/${created.body.id}/accept`, {})).status).to.equal(200);
    const id = created.body.id as string;
    await eventually(async () => expect((await clerk.get(`/api/cases/${id}`)).body.status).to.equal('inReview'));
    for (const code of matterCodes) {
      await eventually(async () => expect((await system.db.getRepository(Step).findOneByOrFail({ id: `${id}-${code}` })).version).to.be.above(0));
    }
    return id;
  }

  const timeline = async (caseId: string): Promise<TimelineRow[]> => (await clerk.get(`/api/cases/${caseId}`)).body.timeline;

  it('when a 会签 matter and another are reviewed with a joint review, then both members sign, every department opines, and the case is delivered', async () => {
    const catalogue = await clerk.get('/api/matters');
    expect(catalogue.body.find((m: { code: string }) => m.code === 'WJW-001').approval).to.deep.equal({ mode: 'all', approvers: ['officer-wjw', 'officer2-wjw'] });

    const id = await registerAndAccept(['WJW-001', 'ZRJ-001']);
    const wjw = `${id}-WJW-001`;
    const zrj = `${id}-ZRJ-001`;
    expect((await officerWjw.post(`/api/steps/${wjw}/claim`, {})).status).to.equal(200);

    // The department leader is not on the panel: the chart refuses the signature.
    const outsider = await leaderWjw.post(`/api/steps/${wjw}/approve`, { opinion: '同意' });
    expect(outsider.status, JSON.stringify(outsider.body)).to.equal(409);
    expect(outsider.body).to.include({ type: 'urn:problem:illegal-transition', state: 'claimed', event: 'APPROVE' });
    // The refusal names the panel's rule; the refused signature is not offered again.
    expect(outsider.body.rules).to.deep.equal(['completesStep', 'addsSignature']);
    expect(outsider.body.detail).to.match(/^APPROVE 不符合规则.*审批组/);
    expect(outsider.body.allowed).to.include('REJECT').and.not.to.include('APPROVE');
    // Another department does not even see the step.
    expect((await officerZrj.post(`/api/steps/${wjw}/approve`, { opinion: '同意' })).status).to.equal(404);

    const first = await officerWjw.post(`/api/steps/${wjw}/approve`, { opinion: '执业人员资质符合要求' });
    expect(first.status, JSON.stringify(first.body)).to.equal(200);
    expect(first.body.status).to.equal('claimed');
    expect(first.body.opinion).to.equal(null);
    expect(first.body.approval).to.deep.include({ mode: 'all', members: ['officer-wjw', 'officer2-wjw'], remaining: ['officer2-wjw'], awaiting: ['officer2-wjw'] });
    expect(first.body.approval.signed.map((s: { username: string; opinion: string }) => [s.username, s.opinion])).to.deep.equal([['officer-wjw', '执业人员资质符合要求']]);
    expect(first.body.approval.signed[0].at).to.match(/\+08:00$/);
    const signed = (await timeline(id)).filter((e) => e.stepId === wjw);
    expect(signed.map((e) => e.action)).to.deep.equal(['DISPATCHED', 'CLAIM', 'SIGNED']);
    expect(signed[2].detail).to.deep.include({ by: 'officer-wjw', remaining: ['officer2-wjw'] });
    expect(signed[2].actor?.username).to.equal('officer-wjw');

    const twice = await officerWjw.post(`/api/steps/${wjw}/approve`, { opinion: '再次同意' });
    expect(twice.status).to.equal(409);
    const page = await officer2Wjw.get(`/api/steps/${wjw}`);
    expect(page.body.approval.signed).to.have.length(1);
    expect(page.body.status).to.equal('claimed');

    // 联合审查: only the lead department (the first matter's) convenes.
    expect((await leaderZrj.post(`/api/cases/${id}/joint-reviews`, { topic: '联合审查' })).status).to.equal(403);
    const convened = await leaderWjw.post(`/api/cases/${id}/joint-reviews`, { topic: '医疗机构选址与执业登记联合审查', heldOn: '2026-12-01' });
    expect(convened.status, JSON.stringify(convened.body)).to.equal(201);
    expect(convened.body).to.deep.include({ status: 'open', leadDepartmentCode: 'wjw', departments: ['wjw', 'zrj'], awaitingOpinions: ['wjw', 'zrj'], heldOn: '2026-12-01' });
    const reviewId = convened.body.id as number;

    expect((await officerWjw.post(`/api/joint-reviews/${reviewId}/opinions`, { opinion: '卫健委：原则同意' })).status).to.equal(201);
    const again = await leaderWjw.post(`/api/joint-reviews/${reviewId}/opinions`, { opinion: '卫健委：补充意见' });
    expect(again.status).to.equal(409);
    expect(again.body.detail).to.equal('部门 wjw 已经提交过意见');
    const premature = await leaderWjw.post(`/api/joint-reviews/${reviewId}/conclude`, { consolidatedOpinion: '同意' });
    expect(premature.status).to.equal(409);
    expect(premature.body).to.include({ state: 'open', event: 'CONCLUDE' });
    expect(premature.body.allowed).to.deep.equal(['CONCLUDE', 'RECORD_OPINION']);
    expect(premature.body.detail).to.equal('尚缺以下部门的意见：zrj');
    expect((await officerZrj.post(`/api/joint-reviews/${reviewId}/opinions`, { opinion: '自然资源局：选址符合规划' })).status).to.equal(201);
    // The convening department concludes: a co-department leader may not.
    expect((await leaderZrj.post(`/api/joint-reviews/${reviewId}/conclude`, { consolidatedOpinion: '同意' })).status).to.equal(403);
    const concluded = await leaderWjw.post(`/api/joint-reviews/${reviewId}/conclude`, { consolidatedOpinion: '经会商，各部门同意，按程序办理' });
    expect(concluded.status, JSON.stringify(concluded.body)).to.equal(200);
    expect(concluded.body).to.deep.include({ status: 'concluded', concludedBy: 'leader-wjw', awaitingOpinions: [], allowedEvents: [] });
    expect(concluded.body.opinions.map((o: { departmentCode: string }) => o.departmentCode)).to.deep.equal(['wjw', 'zrj']);
    expect((await leaderWjw.post(`/api/joint-reviews/${reviewId}/conclude`, { consolidatedOpinion: '再次' })).status).to.equal(409);
    const listed = await clerk.get(`/api/cases/${id}/joint-reviews`);
    expect(listed.body.map((r: { id: number; status: string }) => [r.id, r.status])).to.deep.equal([[reviewId, 'concluded']]);

    const second = await officer2Wjw.post(`/api/steps/${wjw}/approve`, { opinion: '同意' });
    expect(second.status, JSON.stringify(second.body)).to.equal(200);
    expect(second.body).to.deep.include({ status: 'approved', opinion: '同意' });
    expect(second.body.approval).to.deep.include({ remaining: [], awaiting: [] });
    expect((await officerZrj.post(`/api/steps/${zrj}/claim`, {})).status).to.equal(200);
    expect((await officerZrj.post(`/api/steps/${zrj}/approve`, { opinion: '同意' })).body.status).to.equal('approved');

    await eventually(async () => expect((await clerk.get(`/api/cases/${id}`)).body.status).to.equal('approved'));
    const delivered = await clerk.post(`/api/cases/${id}/deliver`, {});
    expect(delivered.status).to.equal(200);
    expect(delivered.body.status).to.equal('delivered');
    expect(delivered.body.steps.map((s: { matterCode: string; status: string }) => [s.matterCode, s.status])).to.deep.equal([['WJW-001', 'approved'], ['ZRJ-001', 'approved']]);

    const rows: TimelineRow[] = delivered.body.timeline;
    expect(rows.filter((e) => e.stepId === wjw).map((e) => e.action)).to.deep.equal(['DISPATCHED', 'CLAIM', 'SIGNED', 'APPROVE']);
    expect(rows.filter((e) => e.stepId === wjw)[3].detail).to.deep.include({ by: 'officer2-wjw', remaining: [] });
    expect(rows.filter((e) => e.action.startsWith('JOINT_REVIEW')).map((e) => [e.action, e.actor?.username]))
      .to.deep.equal([['JOINT_REVIEW_CONVENED', 'leader-wjw'], ['JOINT_REVIEW_OPINION', 'officer-wjw'], ['JOINT_REVIEW_OPINION', 'officer-zrj'], ['JOINT_REVIEW_CONCLUDED', 'leader-wjw']]);
    expect(rows.filter((e) => e.stepId === null && !e.action.startsWith('JOINT_REVIEW')).map((e) => e.action))
      .to.deep.equal(['REGISTERED', 'ACCEPT', 'STEPS_DISPATCHED', 'STEPS_CONCLUDED', 'DELIVER']);

    const notices = await system.db.getRepository(Notification).find({ where: { caseId: id }, order: { id: 'ASC' } });
    const about = (template: string) => notices.filter((n) => n.template === template).map((n) => n.recipient);
    expect(about('joint-review.convened')).to.deep.equal(['dept:wjw', 'dept:zrj']);
    expect(about('joint-review.concluded')).to.deep.equal(['dept:wjw', 'dept:zrj']);
    expect(about('case.delivered')).to.deep.equal(['13912345678']);

    const stepRow = await system.db.getRepository(Step).findOneByOrFail({ id: wjw });
    expect(stepRow.approval?.signed.map((s) => s.username)).to.deep.equal(['officer-wjw', 'officer2-wjw']);
    expect(await system.db.getRepository(JointReview).findOneByOrFail({ id: reviewId })).to.deep.include({ status: 'concluded', version: 4, convenedBy: 'leader-wjw' });
    expect(await system.db.getRepository(JointReviewOpinion).countBy({ reviewId })).to.equal(2);
    expect(await system.db.getRepository(AuditEvent).countBy({ workflowId: `joint-review-${reviewId}` })).to.equal(4);
  });

  it('when a 依次 panel decides, then members go in the listed order and the first rejection ends the step', async () => {
    // The catalogue's panel for WJW-002 changes; cases registered from now on carry it.
    await system.db.getRepository(Matter).update({ code: 'WJW-002' }, { approval: { mode: 'sequential', approvers: ['officer2-wjw', 'officer-wjw'] } });
    const id = await registerAndAccept(['WJW-002']);
    const step = `${id}-WJW-002`;
    expect((await officerWjw.post(`/api/steps/${step}/claim`, {})).status).to.equal(200);
    const early = await officerWjw.post(`/api/steps/${step}/approve`, { opinion: '同意' });
    expect(early.status).to.equal(409);
    // Out of turn in 依次: the rule says so.
    expect(early.body.detail).to.contain('依次审批须轮到本人');
    expect(early.body.allowed).not.to.include('APPROVE');
    const firstInTurn = await officer2Wjw.post(`/api/steps/${step}/approve`, { opinion: '初审同意' });
    expect(firstInTurn.body).to.deep.include({ status: 'claimed' });
    expect(firstInTurn.body.approval).to.deep.include({ mode: 'sequential', awaiting: ['officer-wjw'] });
    const rejected = await officerWjw.post(`/api/steps/${step}/reject`, { reason: '卫生检测报告不合格', legalBasis: '《公共场所卫生管理条例》第八条' });
    expect(rejected.status, JSON.stringify(rejected.body)).to.equal(200);
    expect(rejected.body.status).to.equal('rejected');
    await eventually(async () => expect((await clerk.get(`/api/cases/${id}`)).body.status).to.equal('denied'));
    const actions = (await timeline(id)).filter((e) => e.stepId === step).map((e) => e.action);
    expect(actions).to.deep.equal(['DISPATCHED', 'CLAIM', 'SIGNED', 'REJECT']);
  });

  it('when a 或签 panel decides, then the first member\'s approval approves the step at once', async () => {
    await system.db.getRepository(Matter).update({ code: 'WJW-002' }, { approval: { mode: 'any', approvers: ['officer-wjw', 'officer2-wjw'] } });
    const id = await registerAndAccept(['WJW-002']);
    const step = `${id}-WJW-002`;
    expect((await officerWjw.post(`/api/steps/${step}/claim`, {})).status).to.equal(200);
    const approved = await officer2Wjw.post(`/api/steps/${step}/approve`, { opinion: '同意' });
    expect(approved.status, JSON.stringify(approved.body)).to.equal(200);
    expect(approved.body.status).to.equal('approved');
    expect(approved.body.approval).to.deep.include({ mode: 'any', remaining: [], awaiting: [] });
    expect((await officerWjw.post(`/api/steps/${step}/approve`, { opinion: '同意' })).status).to.equal(409);
    const rows = (await timeline(id)).filter((e) => e.stepId === step);
    expect(rows.map((e) => e.action)).to.deep.equal(['DISPATCHED', 'CLAIM', 'APPROVE']);
    expect(rows[2].detail).to.deep.include({ by: 'officer2-wjw', remaining: [] });
  });
});
