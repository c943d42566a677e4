// 一窗受理 at the window over HTTP against the real system: the materials pre-check, 一次告知
// (a later request naming what the first should have named is flagged to supervision), and the
// receipt — 受理通知书 or 不予受理通知书 — as JSON and as a printable page.
import { expect } from 'chai';
import { Notification } from '../../entities';
import { completeMaterials } from '../support/materials';
import { eventually } from '../support/eventually';
import { ApiClient } from '../support/http';
import { startSystem, type RunningSystem } from '../support/system';

const applicant = { name: '星河建设有限公司 <script>', phone: '13912345678' };

describe('one-window acceptance (HTTP → Temporal → MySQL)', function () {
  this.timeout(120_000);
  let system: RunningSystem;
  let clerk: ApiClient;
  let supervisor: ApiClient;
  let officer: ApiClient;

  before(async () => {
    system = await startSystem('window');
    [clerk, supervisor, officer] = await Promise.all(['clerk1', 'supervisor1', 'officer-zrj'].map((user) => ApiClient.signIn(system.url, user)));
  });
  after(async () => {
    await system?.stop();
  });

  it('when the clerk pre-checks ZRJ-001 with only the form, then every missing required material is listed once, core ones apart', async () => {
    const answer = await clerk.post('/api/cases/precheck', { matterCodes: ['ZRJ-001'], materials: [{ code: 'application-form' }] });
    expect(answer.status).to.equal(200);
    expect(answer.body.complete).to.equal(false);
    expect(answer.body.missing.map((m: { code: string }) => m.code)).to.deep.equal(['site-selection-report', 'survey-map', 'project-proposal']);
    expect(answer.body.coreMissing.map((m: { code: string }) => m.code)).to.deep.equal(['site-selection-report']);
    expect(answer.body.deferrable.map((m: { code: string }) => m.code)).to.deep.equal(['power-of-attorney']);
    const unknown = await clerk.post('/api/cases/precheck', { matterCodes: ['NOPE-9'] });
    expect(unknown.status).to.equal(400);
    expect(unknown.body.errors[0].path).to.equal('matterCodes.0');
    expect((await officer.post('/api/cases/precheck', { matterCodes: ['ZRJ-001'] })).status).to.equal(403);
  });

  it('when a second supplement request names something new, then supervision is told; repeating or newly arising items are not flagged', async () => {
    const created = await clerk.post('/api/cases', { applicant, matterCodes: ['ZRJ-001'], channel: 'standard', materials: [{ code: 'application-form' }] });
    expect(created.status).to.equal(201);
    expect(created.body.precheck.complete).to.equal(false);
    const id = created.body.id;
    const request = (missing: unknown[]) => clerk.post(`/api/cases/${id}/supplement-requests`, { missing });
    const receive = (codes: string[]) => clerk.post(`/api/cases/${id}/supplements`, { materials: codes.map((code) => ({ code })) });
    const flags = () => system.db.getRepository(Notification).find({ where: { caseId: id, template: 'supplement.not-one-time' }, order: { id: 'ASC' } });

    expect((await request([{ code: 'site-selection-report' }, { code: 'survey-map' }])).status).to.equal(200);
    expect((await receive(['site-selection-report'])).status).to.equal(200);
    expect((await request([{ code: 'survey-map' }])).status).to.equal(200);
    expect((await receive(['survey-map'])).status).to.equal(200);
    expect((await request([{ code: 'expert-opinion', newlyArising: true, note: '专家论证后新增' }])).status).to.equal(200);
    expect((await receive(['expert-opinion'])).status).to.equal(200);
    expect(await flags()).to.deep.equal([]);

    expect((await request([{ code: 'project-proposal' }])).status).to.equal(200);
    const flagged = await flags();
    expect(flagged).to.have.length(1);
    expect(flagged[0]).to.include({ recipientRole: 'supervisor', recipient: 'office' });
    expect(flagged[0].payload).to.deep.include({ round: 4, items: ['project-proposal'], clerk: 'clerk1' });
  });

  it('when the case is accepted, then the receipt carries the acceptance number, due dates and every material received; before that it is 409', async () => {
    const created = await clerk.post('/api/cases', {
      applicant, matterCodes: ['ZRJ-001', 'HBJ-001'], channel: 'standard', projectName: '星河产业园一期',
      // Everything but the land-use map, which follows after a 一次告知.
      materials: completeMaterials(['ZRJ-001', 'HBJ-001'], ['survey-map']),
    });
    const id = created.body.id;
    const early = await clerk.get(`/api/cases/${id}/receipt`);
    expect(early.status).to.equal(409);
    expect(early.body).to.include({ state: 'submitted', event: 'ISSUE_RECEIPT' });

    expect((await clerk.post(`/api/cases/${id}/supplement-requests`, { missing: [{ code: 'survey-map' }] })).status).to.equal(200);
    expect((await clerk.post(`/api/cases/${id}/supplements`, { materials: [{ code: 'survey-map' }] })).status).to.equal(200);
    expect((await clerk.post(`/api/cases/${id}/accept`, {})).status).to.equal(200);

    const receipt = await eventually(async () => {
      const answer = await clerk.get(`/api/cases/${id}/receipt`);
      expect(answer.status).to.equal(200);
      expect(answer.body.matters.every((m: { dueAt: string | null }) => m.dueAt !== null)).to.equal(true);
      return answer.body;
    });
    const acceptedDate = (await clerk.get(`/api/cases/${id}`)).body.acceptedAt.slice(0, 10).replaceAll('-', '');
    expect(receipt).to.include({ kind: 'acceptance', title: '受理通知书', trackingCode: created.body.trackingCode, issuedBy: 'clerk1', projectName: '星河产业园一期' });
    expect(receipt.acceptanceNumber).to.equal(`SL${acceptedDate}${created.body.trackingCode}`);
    expect(receipt.matters.map((m: { code: string; departmentCode: string; committedDays: number }) => [m.code, m.departmentCode, m.committedDays]))
      .to.deep.equal([['ZRJ-001', 'zrj', 12], ['HBJ-001', 'hbj', 30]]);
    expect(receipt.materialsReceived).to.deep.equal(completeMaterials(['ZRJ-001', 'HBJ-001']).map(({ code }) => code).sort());
    expect(receipt.materialsReceived).to.include('survey-map');

    const page = await fetch(`${system.url}/api/cases/${id}/receipt?format=html`, { headers: { authorization: `Bearer ${await token('clerk1')}` } });
    expect(page.headers.get('content-type')).to.match(/text\/html/);
    const html = await page.text();
    expect(html).to.contain('受理通知书').and.to.contain(receipt.acceptanceNumber).and.to.contain('星河建设有限公司 &lt;script&gt;');
    expect(html).not.to.contain('<script>');
    expect((await supervisor.get(`/api/cases/${id}/receipt`)).status).to.equal(200);
    expect((await officer.get(`/api/cases/${id}/receipt`)).status).to.equal(403);
  });

  it('when the case is refused, then the receipt is a 不予受理通知书 with the reason and no acceptance number', async () => {
    const created = await clerk.post('/api/cases', { applicant, matterCodes: ['SCJ-002'], channel: 'standard', materials: [] });
    expect((await clerk.post(`/api/cases/${created.body.id}/refuse`, { reason: '申请事项不属于本中心受理范围' })).status).to.equal(200);
    const receipt = await clerk.get(`/api/cases/${created.body.id}/receipt`);
    expect(receipt.status).to.equal(200);
    expect(receipt.body).to.include({ kind: 'refusal', title: '不予受理通知书', acceptanceNumber: null, reason: '申请事项不属于本中心受理范围' });
  });

  describe('proxy agent and green channel', () => {
    let agent: ApiClient;
    let officerHbj: ApiClient;
    before(async () => {
      [agent, officerHbj] = await Promise.all(['agent1', 'officer-hbj'].map((user) => ApiClient.signIn(system.url, user)));
    });

    const register = async (matterCode: string, channel: 'standard' | 'green', agentUsername?: string) => {
      const created = await clerk.post('/api/cases', {
        applicant, matterCodes: [matterCode], channel, materials: completeMaterials([matterCode]), ...(agentUsername ? { agentUsername } : {}),
      });
      expect(created.status, JSON.stringify(created.body)).to.equal(201);
      return created.body.id as string;
    };
    const accept = async (id: string) => {
      expect((await clerk.post(`/api/cases/${id}/accept`, {})).status).to.equal(200);
    };

    it('when a green-channel step falls due with a standard one registered earlier, then the inbox lists the green one first', async () => {
      // HBJ-002 standard: 15 working days; HBJ-001 green: 30 halved = 15. Same day, same due instant.
      const standard = await register('HBJ-002', 'standard');
      const green = await register('HBJ-001', 'green');
      await accept(standard);
      await accept(green);
      const inbox = await eventually(async () => {
        const answer = await officerHbj.get('/api/inbox');
        const mine = answer.body.filter((item: { caseId: string }) => [standard, green].includes(item.caseId));
        expect(mine).to.have.length(2);
        expect(mine.every((item: { dueAt: string | null }) => item.dueAt !== null), 'clocks started').to.equal(true);
        return mine;
      });
      // Accepted one after the other: the same due instant, unless Shanghai midnight fell between
      // the two acceptances, which only makes the green one due later still.
      expect(Date.parse(inbox[0].dueAt)).to.be.at.least(Date.parse(inbox[1].dueAt));
      expect(inbox.map((item: { caseId: string; channel: string }) => [item.caseId, item.channel])).to.deep.equal([[green, 'green'], [standard, 'standard']]);
    });

    it('when the clerk asks for a supplement, then the assigned agent hands it in for the applicant; another case is out of reach', async () => {
      const id = await register('ZRJ-001', 'green', 'agent1');
      const stranger = await register('ZRJ-001', 'green');
      expect((await clerk.post(`/api/cases/${id}/supplement-requests`, { missing: [{ code: 'survey-map' }] })).status).to.equal(200);
      const handedIn = await agent.post(`/api/cases/${id}/supplements`, { materials: [{ code: 'survey-map' }] });
      expect(handedIn.status, JSON.stringify(handedIn.body)).to.equal(200);
      expect(handedIn.body.status).to.equal('submitted');
      const entry = handedIn.body.timeline.find((e: { action: string }) => e.action === 'SUPPLEMENT_RECEIVED');
      expect(entry.actor).to.include({ username: 'agent1', role: 'agent' });
      expect((await agent.post(`/api/cases/${stranger}/supplements`, { materials: [{ code: 'survey-map' }] })).status).to.equal(404);
      expect((await agent.post(`/api/cases/${id}/accept`, {})).status).to.equal(403);
    });

    it('when the agent urges an accepted case, then each open step\'s leader is notified; before acceptance it is 409', async () => {
      const id = await register('ZRJ-001', 'green', 'agent1');
      const early = await agent.post(`/api/cases/${id}/urge`, {});
      expect(early.status).to.equal(409);
      await accept(id);
      const urged = await eventually(async () => {
        const answer = await agent.post(`/api/cases/${id}/urge`, { note: '重点项目，请优先办理' });
        expect(answer.status).to.equal(200);
        return answer.body;
      });
      expect(urged).to.deep.equal({ urged: [`${id}-ZRJ-001`] });
      const notices = await system.db.getRepository(Notification).findBy({ caseId: id, template: 'case.urged' });
      expect(notices.map((n) => [n.recipientRole, n.recipient])).to.deep.equal([['leader', 'dept:zrj']]);
      expect(notices[0].payload).to.deep.include({ urgedBy: 'agent1', note: '重点项目，请优先办理' });
    });
  });

  async function token(username: string): Promise<string> {
    const answer = await new ApiClient(system.url).post('/api/auth/login', { username, password: 'test-password' });
    return answer.body.token;
  }
});
