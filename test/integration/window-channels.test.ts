// Window channels over HTTP against the real system: 即办件 concluded at the window (alone, and
// beside an ordinary matter), and 容缺受理 on the green channel with a proxy agent — the owed
// materials on the receipt and the case, the notices, the agent handing them in, delivery. The
// lapse of the deadline needs days to pass: test/workflows/window-channels.test.ts.
import { expect } from 'chai';
import { toShanghaiIso } from '../../domain/time';
import { Notification } from '../../entities';
import { eventually } from '../support/eventually';
import { expectedDue } from '../support/calendar-oracle';
import { ApiClient } from '../support/http';
import { startSystem, type RunningSystem } from '../support/system';

const applicant = { name: '星河建设有限公司', phone: '13912345678' };
const codes = (...list: string[]) => list.map((code) => ({ code }));
type TimelineRow = { action: string; fromState: string | null; toState: string; detail: Record<string, unknown> | null; actor: { username: string } | null };

describe('window channels: 即办件 and 容缺受理 (HTTP → Temporal → MySQL)', function () {
  this.timeout(180_000);
  let system: RunningSystem;
  let clerk: ApiClient;
  let agent: ApiClient;
  let officer: ApiClient;

  before(async () => {
    system = await startSystem('channels');
    [clerk, agent, officer] = await Promise.all(['clerk1', 'agent1', 'officer-zjj'].map((user) => ApiClient.signIn(system.url, user)));
  });
  after(async () => {
    await system?.stop();
  });

  const register = async (body: Record<string, unknown>): Promise<string> => {
    const created = await clerk.post('/api/cases', { applicant, channel: 'standard', ...body });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    return created.body.id;
  };
  const caseOf = async (id: string) => (await clerk.get(`/api/cases/${id}`)).body;
  const decideStep = async (stepId: string, decision: { path: 'approve'; body: { opinion: string } } | { path: 'reject'; body: { reason: string; legalBasis: string } }) => {
    const claimed = await eventually(async () => {
      const answer = await officer.post(`/api/steps/${stepId}/claim`, {});
      expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
      return answer;
    });
    expect(claimed.body.status).to.equal('claimed');
    const decided = await officer.post(`/api/steps/${stepId}/${decision.path}`, decision.body);
    expect(decided.status, JSON.stringify(decided.body)).to.equal(200);
  };

  it('when a case of instant matters only is accepted, then it is approved at the window in the same request, with no step, and delivered', async () => {
    const id = await register({
      matterCodes: ['SCJ-001', 'ZRJ-005'],
      materials: codes('application-form', 'articles', 'shareholder-id', 'address-proof', 'applicant-id', 'interest-proof'),
    });
    expect((await caseOf(id)).steps).to.deep.equal([]);
    const accepted = await clerk.post(`/api/cases/${id}/accept`, {});
    expect(accepted.status, JSON.stringify(accepted.body)).to.equal(200);
    expect(accepted.body.status).to.equal('approved');
    expect(accepted.body.steps).to.deep.equal([]);
    expect(accepted.body.decidedAt).to.not.equal(null);
    expect(accepted.body.timeline.map((e: TimelineRow) => [e.action, e.fromState, e.toState])).to.deep.equal([
      ['REGISTERED', null, 'submitted'], ['ACCEPT', 'submitted', 'accepted'], ['DECIDED_AT_WINDOW', 'accepted', 'approved'],
    ]);
    expect(accepted.body.timeline[2].detail).to.deep.equal({ matterCodes: ['SCJ-001', 'ZRJ-005'] });
    expect(accepted.body.timeline[2].actor).to.include({ username: 'clerk1' });

    const receipt = await clerk.get(`/api/cases/${id}/receipt`);
    expect(receipt.body).to.include({ kind: 'acceptance', supplementDueAt: null });
    expect(receipt.body.materialsOwed).to.deep.equal([]);
    expect(receipt.body.matters.map((m: { code: string; departmentCode: string; committedDays: number; dueAt: string | null }) => [m.code, m.departmentCode, m.committedDays, m.dueAt]))
      .to.deep.equal([['SCJ-001', 'scj', 0, null], ['ZRJ-005', 'zrj', 0, null]]);

    const delivered = await clerk.post(`/api/cases/${id}/deliver`, {});
    expect(delivered.body.status).to.equal('delivered');
    const notices = await eventually(async () => {
      const rows = await system.db.getRepository(Notification).findBy({ caseId: id });
      expect(rows).to.have.length(1);
      return rows;
    });
    expect(notices.map((n) => [n.template, n.recipientRole])).to.deep.equal([['case.delivered', 'applicant']]);
    const again = await clerk.post(`/api/cases/${id}/accept`, {});
    expect(again.status).to.equal(409);
  });

  it('when instant and ordinary matters mix, then only the ordinary one goes to review and the outcome counts the instant one as approved', async () => {
    const id = await register({
      matterCodes: ['SCJ-001', 'ZJJ-001'],
      materials: codes('application-form', 'articles', 'shareholder-id', 'address-proof', 'planning-permit', 'construction-contract', 'funding-proof'),
    });
    const accepted = await clerk.post(`/api/cases/${id}/accept`, {});
    expect(accepted.status).to.equal(200);
    const view = await eventually(async () => {
      const answer = await caseOf(id);
      expect(answer.status).to.equal('inReview');
      return answer;
    });
    expect(view.steps.map((s: { matterCode: string }) => s.matterCode)).to.deep.equal(['ZJJ-001']);
    const window = view.timeline.find((e: TimelineRow) => e.action === 'DECIDED_AT_WINDOW');
    expect(window).to.deep.include({ fromState: null, toState: 'accepted', detail: { matterCodes: ['SCJ-001'] } });

    await decideStep(`${id}-ZJJ-001`, { path: 'reject', body: { reason: '施工图审查未通过', legalBasis: '《建筑法》第八条' } });
    const concluded = await eventually(async () => {
      const answer = await caseOf(id);
      expect(answer.status).to.equal('partiallyApproved');
      return answer;
    });
    expect(concluded.timeline.at(-1)).to.deep.include({ action: 'STEPS_CONCLUDED', detail: { outcome: 'partiallyApproved' } });
  });

  describe('容缺受理 on the green channel with a proxy agent', () => {
    let id: string;

    before(async () => {
      // 建筑工程施工许可: the 资金 promise (required) and the safety measures (optional) are missing.
      id = await register({
        matterCodes: ['ZJJ-001'], channel: 'green', agentUsername: 'agent1',
        materials: codes('application-form', 'planning-permit', 'construction-contract'),
      });
    });

    it('when the clerk would tolerate a core material, a stranger or a material handed in, then 400 names each field and nothing happens', async () => {
      const answer = await clerk.post(`/api/cases/${id}/accept-with-deficiency`, { missing: codes('funding-proof', 'planning-permit', 'birth-certificate') });
      expect(answer.status).to.equal(400);
      expect(answer.body.errors.map((e: { path: string }) => e.path)).to.deep.equal(['missing.1.code', 'missing.2.code']);
      expect(answer.body.errors.map((e: { message: string }) => e.message)).to.deep.equal(['planning-permit 是核心材料，不能容缺', 'birth-certificate 不是本件事项的材料']);
      const handedIn = await clerk.post(`/api/cases/${id}/accept-with-deficiency`, { missing: codes('construction-contract') });
      expect(handedIn.body.errors).to.deep.equal([{ path: 'missing.0.code', message: 'construction-contract 已经提交' }]);
      expect((await clerk.post(`/api/cases/${id}/accept-with-deficiency`, { missing: codes('funding-proof'), workingDays: 0 })).body.errors[0].path).to.equal('workingDays');
      expect((await agent.post(`/api/cases/${id}/accept-with-deficiency`, { missing: codes('funding-proof') })).status).to.equal(403);
      const untouched = await caseOf(id);
      expect(untouched).to.deep.include({ status: 'submitted', deficiency: null });
      expect(untouched.timeline).to.have.length(1);
    });

    it('when accepted 容缺, then the case and the receipt list what is owed and by when, and the applicant and agent are told', async () => {
      const accepted = await clerk.post(`/api/cases/${id}/accept-with-deficiency`, {
        missing: [{ code: 'funding-proof', note: '资金到位证明另行提交' }, { code: 'safety-measures' }],
      });
      expect(accepted.status, JSON.stringify(accepted.body)).to.equal(200);
      const view = await eventually(async () => {
        const answer = await caseOf(id);
        expect(answer.status).to.equal('inReview');
        return answer;
      });
      // Five working days after the acceptance day, by the weekday walker over the server's calendar.
      const dueAt = await expectedDue(clerk, view.acceptedAt, 5);
      expect(view.deficiency).to.deep.equal({
        owed: [{ code: 'funding-proof', name: '建设资金已落实承诺书', note: '资金到位证明另行提交' }, { code: 'safety-measures', name: '保证工程质量和安全的具体措施' }],
        dueAt, workingDays: 5, lapsed: false,
      });
      expect(dueAt).to.match(/T17:30:00\+08:00$/);
      expect(view.timeline.find((e: TimelineRow) => e.action === 'ACCEPT_WITH_DEFICIENCY')).to.deep.include({ fromState: 'submitted', toState: 'accepted' });

      const receipt = (await agent.get(`/api/cases/${id}/receipt`)).body;
      expect(receipt).to.include({ kind: 'acceptance', title: '受理通知书', supplementDueAt: dueAt });
      expect(receipt.materialsOwed.map((m: { code: string }) => m.code)).to.deep.equal(['funding-proof', 'safety-measures']);
      const html = await fetch(`${system.url}/api/cases/${id}/receipt?format=html`, { headers: { authorization: `Bearer ${await token('clerk1')}` } });
      expect(await html.text()).to.contain('容缺材料').and.to.contain('建设资金已落实承诺书');

      const notices = await system.db.getRepository(Notification).find({ where: { caseId: id, template: 'deficiency.owed' }, order: { id: 'ASC' } });
      expect(notices.map((n) => [n.recipientRole, n.recipient, n.channel])).to.deep.equal([['applicant', '13912345678', 'sms'], ['agent', 'agent1', 'log']]);
      expect(notices[0].payload).to.deep.include({ trackingCode: view.trackingCode, workingDays: 5 });
      expect(toShanghaiIso(String(notices[0].payload.dueAt))).to.equal(dueAt);

      const twice = await clerk.post(`/api/cases/${id}/accept-with-deficiency`, { missing: codes('safety-measures') });
      expect(twice.status).to.equal(409);
      expect(twice.body.allowed).to.include('SUPPLEMENT_RECEIVED').and.not.to.include('ACCEPT_WITH_DEFICIENCY');
    });

    it('when the agent hands in what is owed, then the owed list clears; a material not owed is 400', async () => {
      const stranger = await agent.post(`/api/cases/${id}/supplements`, { materials: codes('funding-proof', 'survey-map') });
      expect(stranger.status).to.equal(400);
      expect(stranger.body.errors.map((e: { path: string }) => e.path)).to.deep.equal(['materials.1.code']);
      const first = await agent.post(`/api/cases/${id}/supplements`, { materials: codes('funding-proof') });
      expect(first.status, JSON.stringify(first.body)).to.equal(200);
      expect(first.body.deficiency.owed.map((m: { code: string }) => m.code)).to.deep.equal(['safety-measures']);
      expect(first.body.status).to.equal('inReview');
      const last = await agent.post(`/api/cases/${id}/supplements`, { materials: codes('safety-measures') });
      expect(last.body.deficiency).to.deep.include({ owed: [], lapsed: false });
      const entries = last.body.timeline.filter((e: TimelineRow) => e.action === 'SUPPLEMENT_RECEIVED');
      expect(entries.map((e: TimelineRow) => [e.fromState, e.toState, e.actor?.username])).to.deep.equal([['inReview', 'inReview', 'agent1'], ['inReview', 'inReview', 'agent1']]);
      expect((await clerk.get(`/api/cases/${id}/receipt`)).body.materialsReceived).to.include.members(['funding-proof', 'safety-measures']);
      const nothingOwed = await agent.post(`/api/cases/${id}/supplements`, { materials: codes('safety-measures') });
      expect(nothingOwed.status).to.equal(409);
    });

    it('when the step is approved, then the case is approved and delivered', async () => {
      await decideStep(`${id}-ZJJ-001`, { path: 'approve', body: { opinion: '同意' } });
      await eventually(async () => expect((await caseOf(id)).status).to.equal('approved'));
      const delivered = await clerk.post(`/api/cases/${id}/deliver`, {});
      expect(delivered.status).to.equal(200);
      expect(delivered.body.status).to.equal('delivered');
      const tracked = await new ApiClient(system.url).get(`/api/track/${delivered.body.trackingCode}?phoneLast4=5678`);
      expect(tracked.body).to.deep.include({ status: 'delivered' });
      expect(tracked.body.deficiency).to.deep.include({ owed: [], lapsed: false });
    });
  });

  async function token(username: string): Promise<string> {
    const answer = await new ApiClient(system.url).post('/api/auth/login', { username, password: 'test-password' });
    return answer.body.token;
  }
});
