// The papers of a case over the real system: which exist at each point of a case's life, each as
// JSON and as a printable page with names (not catalogue codes), Chinese dates, the service
// center's name and the tracking QR code; 409 before a paper exists, 404 out of scope.
import { expect } from 'chai';
import { loadConfig } from '../../config';
import { eventually } from '../support/eventually';
import { ApiClient } from '../support/http';
import { startSystem, type RunningSystem } from '../support/system';

const applicant = { name: '星河建设有限公司 <script>', phone: '13912345678' };
/** Catalogue codes no printed paper may show. */
const CODES = ['zrj', 'hbj', 'ZRJ-001', 'HBJ-002', 'application-form', 'site-selection-report', 'survey-map', 'eia-form'];
const CHINESE_DATE = /^\d{4}年\d{1,2}月\d{1,2}日$/;

/** `2026-12-07T09:30:00+08:00` → `2026年12月7日`, written independently of the product. */
const chineseDateOf = (iso: string): string => {
  const [year, month, day] = iso.slice(0, 10).split('-');
  return `${year}年${Number(month)}月${Number(day)}日`;
};

describe('papers of a case', function () {
  this.timeout(120_000);
  let system: RunningSystem;
  let clerk: ApiClient;
  let supervisor: ApiClient;
  let agent: ApiClient;
  let officerZrj: ApiClient;
  let officerHbj: ApiClient;

  before(async () => {
    system = await startSystem('documents');
    [clerk, supervisor, agent, officerZrj, officerHbj] = await Promise.all(
      ['clerk1', 'supervisor1', 'agent1', 'officer-zrj', 'officer-hbj'].map((user) => ApiClient.signIn(system.url, user)),
    );
  });
  after(async () => {
    await system?.stop();
  });

  const kinds = async (id: string, as: ApiClient = clerk) => {
    const list = await as.get(`/api/cases/${id}/documents`);
    expect(list.status, JSON.stringify(list.body)).to.equal(200);
    expect(list.body.total).to.equal(list.body.items.length);
    return list.body.items.map((item: { kind: string }) => item.kind);
  };
  const html = async (id: string, kind: string, as: ApiClient = clerk): Promise<string> => {
    const page = await as.get(`/api/cases/${id}/documents/${kind}?format=html`);
    expect(page.status).to.equal(200);
    expect(page.contentType).to.match(/^text\/html/);
    return page.body as string;
  };
  const expectPrintable = (page: string, names: string[]) => {
    for (const name of ['政务服务中心', '<svg', '@page', 'size: A4', '星河建设有限公司 &lt;script&gt;', ...names]) expect(page).to.contain(name);
    expect(page).not.to.contain('<script>');
    for (const code of CODES) expect(page, code).not.to.match(new RegExp(`[^A-Za-z-]${code}[^A-Za-z-]`));
  };

  it('when a case is asked for materials, accepted, decided and delivered, then each paper appears in turn with names and Chinese dates', async () => {
    const created = await clerk.post('/api/cases', {
      applicant, matterCodes: ['ZRJ-001', 'HBJ-002'], channel: 'standard', projectName: '星河产业园一期', agentUsername: 'agent1',
      materials: [{ code: 'application-form' }, { code: 'site-selection-report' }, { code: 'project-proposal' }, { code: 'eia-form' }],
    });
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    const id = created.body.id as string;
    const trackingCode = created.body.trackingCode as string;

    expect(await kinds(id)).to.deep.equal([]);
    const early = await clerk.get(`/api/cases/${id}/documents/acceptance`);
    expect(early.status).to.equal(409);
    expect(early.body.detail).to.equal('本件尚未受理，暂无受理通知书');
    expect((await clerk.get(`/api/cases/${id}/documents/result?format=html`)).status).to.equal(409);

    // 一次性告知书
    expect((await clerk.post(`/api/cases/${id}/supplement-requests`, { missing: [{ code: 'survey-map', note: '须加盖公章' }] })).status).to.equal(200);
    expect(await kinds(id)).to.deep.equal(['one-time-notice']);
    const notice = (await agent.get(`/api/cases/${id}/documents/one-time-notice`)).body;
    expect(notice).to.include({ kind: 'one-time-notice', title: '一次性告知书', serviceCenter: '政务服务中心', trackingCode });
    expect(notice.requests).to.have.length(1);
    expect(notice.requests[0].items).to.deep.equal([{ code: 'survey-map', name: '标注项目用地范围的土地利用现状图', note: '须加盖公章', newlyArising: false }]);
    expect(notice.requests[0].requestedOn).to.equal(chineseDateOf(notice.requests[0].requestedAt));
    expectPrintable(await html(id, 'one-time-notice', agent), ['一次性告知书', '标注项目用地范围的土地利用现状图', '须加盖公章', '建设项目用地预审与选址意见书核发']);

    // 受理通知书
    expect((await clerk.post(`/api/cases/${id}/supplements`, { materials: [{ code: 'survey-map' }] })).status).to.equal(200);
    expect((await clerk.post(`/api/cases/${id}/accept`, {})).status).to.equal(200);
    const acceptance = await eventually(async () => {
      const answer = await supervisor.get(`/api/cases/${id}/documents/acceptance`);
      expect(answer.status).to.equal(200);
      expect(answer.body.matters.every((m: { dueAt: string | null }) => m.dueAt !== null)).to.equal(true);
      return answer.body;
    });
    expect(acceptance).to.include({ kind: 'acceptance', title: '受理通知书', applicant: applicant.name, projectName: '星河产业园一期', issuedBy: 'clerk1' });
    expect(acceptance.acceptanceNumber).to.match(new RegExp(`^SL\\d{8}${trackingCode}$`));
    expect(acceptance.issuedOn).to.match(CHINESE_DATE).and.to.equal(chineseDateOf(acceptance.issuedAt));
    expect(acceptance.trackingUrl).to.match(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/track\\?code=${trackingCode}$`));
    expect(acceptance.matters.map((m: { name: string; departmentName: string }) => [m.name, m.departmentName])).to.deep.equal([
      ['建设项目用地预审与选址意见书核发', '自然资源和规划局'], ['建设项目环境影响报告表审批', '生态环境局'],
    ]);
    expect(acceptance.matters[0].dueOn).to.equal(`${chineseDateOf(acceptance.matters[0].dueAt)} 17:30`);
    expect(acceptance.materialsReceived.map((m: { name: string }) => m.name)).to.deep.equal([
      '用地预审与选址申请表、环境影响评价文件审批申请书', '环境影响报告表', '项目建议书或立项批复文件', '建设项目选址论证报告', '标注项目用地范围的土地利用现状图',
    ]);
    const acceptancePage = await html(id, 'acceptance');
    expectPrintable(acceptancePage, ['受理通知书', acceptance.acceptanceNumber, '自然资源和规划局', '生态环境局', '建设项目选址论证报告', acceptance.issuedOn, acceptance.matters[0].dueOn]);
    expect(acceptancePage).not.to.match(/\d{4}-\d{2}-\d{2}T/);
    // The receipt of the first round answers as before; its page is the same paper.
    const receipt = await clerk.get(`/api/cases/${id}/receipt`);
    expect(receipt.body).to.include({ kind: 'acceptance', acceptanceNumber: acceptance.acceptanceNumber });
    expect((await clerk.get(`/api/cases/${id}/receipt?format=html`)).body).to.equal(acceptancePage);
    expect(await kinds(id)).to.deep.equal(['acceptance', 'one-time-notice']);

    // 办结（出件）通知书
    const [zrjStep, hbjStep] = [`${id}-ZRJ-001`, `${id}-HBJ-002`];
    await eventually(async () => expect((await officerZrj.post(`/api/steps/${zrjStep}/claim`, {})).status).to.equal(200));
    expect((await officerZrj.post(`/api/steps/${zrjStep}/approve`, { opinion: '符合用地规划，同意。' })).status).to.equal(200);
    await eventually(async () => expect((await officerHbj.post(`/api/steps/${hbjStep}/claim`, {})).status).to.equal(200));
    expect((await officerHbj.post(`/api/steps/${hbjStep}/approve`, { opinion: '同意。' })).status).to.equal(200);
    expect((await clerk.get(`/api/cases/${id}/documents/result`)).status).to.equal(409);
    await eventually(async () => expect((await clerk.post(`/api/cases/${id}/deliver`, {})).status).to.equal(200));
    const result = (await clerk.get(`/api/cases/${id}/documents/result`)).body;
    expect(result).to.include({ kind: 'result', title: '办结（出件）通知书', deliveredBy: 'clerk1' });
    expect(result.deliveredOn).to.equal(chineseDateOf(result.deliveredAt));
    expect(result.decisions.map((d: { matterName: string; decision: string; opinion: string }) => [d.matterName, d.decision, d.opinion])).to.deep.equal([
      ['建设项目用地预审与选址意见书核发', '准予许可', '符合用地规划，同意。'], ['建设项目环境影响报告表审批', '准予许可', '同意。'],
    ]);
    expectPrintable(await html(id, 'result'), ['办结（出件）通知书', '准予许可', '符合用地规划，同意。', result.deliveredOn]);
    expect(await kinds(id, agent)).to.deep.equal(['acceptance', 'one-time-notice', 'result']);
  });

  it('when the clerk refuses a case, then the 不予受理通知书 carries the reason and there is no 受理通知书', async () => {
    const created = await clerk.post('/api/cases', { applicant, matterCodes: ['ZRJ-001'], channel: 'standard', materials: [] });
    expect((await clerk.post(`/api/cases/${created.body.id}/refuse`, { reason: '申请事项不属于本中心受理范围' })).status).to.equal(200);
    expect(await kinds(created.body.id)).to.deep.equal(['refusal']);
    const refusal = (await clerk.get(`/api/cases/${created.body.id}/documents/refusal`)).body;
    expect(refusal).to.include({ kind: 'refusal', title: '不予受理通知书', reason: '申请事项不属于本中心受理范围' });
    expectPrintable(await html(created.body.id, 'refusal'), ['不予受理通知书', '申请事项不属于本中心受理范围', '建设项目用地预审与选址意见书核发']);
    const none = await clerk.get(`/api/cases/${created.body.id}/documents/acceptance`);
    expect(none.status).to.equal(409);
    expect(none.body.detail).to.match(/暂无受理通知书/);
  });

  it('when someone out of scope asks, then an unassigned agent gets 404, a reviewer 403, an unknown kind 400', async () => {
    const created = await clerk.post('/api/cases', { applicant, matterCodes: ['ZRJ-001'], channel: 'standard', materials: [] });
    const id = created.body.id as string;
    expect((await agent.get(`/api/cases/${id}/documents`)).status).to.equal(404);
    expect((await agent.get(`/api/cases/${id}/documents/acceptance`)).status).to.equal(404);
    expect((await officerZrj.get(`/api/cases/${id}/documents`)).status).to.equal(403);
    expect((await clerk.get('/api/cases/00000000-0000-4000-8000-000000000000/documents')).status).to.equal(404);
    const unknown = await clerk.get(`/api/cases/${id}/documents/licence`);
    expect(unknown.status).to.equal(400);
    expect(unknown.body.errors.map((e: { path: string }) => e.path)).to.deep.equal(['params.kind']);
    expect((await clerk.get(`/api/cases/${id}/documents?format=pdf`)).status).to.equal(400);
  });

  it('when SERVICE_CENTER_NAME is set, then the configuration carries it; unset, the default', () => {
    expect(loadConfig({ SERVICE_CENTER_NAME: '某某市政务服务中心', JWT_SECRET: 'x' }).serviceCenterName).to.equal('某某市政务服务中心');
    expect(loadConfig({ JWT_SECRET: 'x' }).serviceCenterName).to.equal('政务服务中心');
  });
});
