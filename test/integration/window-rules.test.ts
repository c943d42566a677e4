// Rules a new user found broken, over HTTP against the real system: a matter's special
// procedures bound what may pause its clock, a project's limit stays within the 120-working-day
// ceiling, and the ratings of 即办件 cases count in the rating figures.
import { expect } from 'chai';
import { Step } from '../../entities';
import { completeMaterials } from '../support/materials';
import { eventually } from '../support/eventually';
import { ApiClient } from '../support/http';
import { startSystem, type RunningSystem } from '../support/system';

const PHONE = '13912345678';
const application = (matterCodes: string[]) => ({
  applicant: { name: '星河建设有限公司', phone: PHONE }, matterCodes, channel: 'standard', materials: completeMaterials(matterCodes),
});
/** A period around now, whatever today is: yesterday to tomorrow in Shanghai. */
const aroundNow = (): string => {
  const date = (offsetDays: number) => new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
  return `from=${date(-1)}&to=${date(1)}`;
};

describe('window rules (HTTP → Temporal → MySQL)', function () {
  this.timeout(180_000);
  let system: RunningSystem;
  let clerk: ApiClient;
  let officer: ApiClient;
  let supervisor: ApiClient;

  before(async () => {
    system = await startSystem('windowrules');
    [clerk, officer, supervisor] = await Promise.all(['clerk1', 'officer-zrj', 'supervisor1'].map((user) => ApiClient.signIn(system.url, user)));
  });
  after(async () => {
    await system?.stop();
  });

  it('when required materials are missing, then 受理 is 409 naming them, 容缺 never covers a core one, and after 补正 the case goes in', async () => {
    // 用地预审 without the site-selection report (core) and the land-use map (required, not core).
    const created = await clerk.post('/api/cases', { ...application(['ZRJ-001']), materials: completeMaterials(['ZRJ-001'], ['site-selection-report', 'survey-map']) });
    expect(created.status).to.equal(201);
    const id = created.body.id as string;
    const missingOf = (answer: { body: { missing: { code: string }[] } }) => answer.body.missing.map(({ code }) => code).sort();

    const plain = await clerk.post(`/api/cases/${id}/accept`, {});
    expect(plain.status).to.equal(409);
    expect(plain.body).to.deep.include({ state: 'submitted', event: 'ACCEPT', allowed: ['REQUEST_SUPPLEMENT', 'REFUSE', 'WITHDRAW'] });
    expect(plain.body.missing).to.have.deep.members([
      { code: 'site-selection-report', name: '建设项目选址论证报告', core: true },
      { code: 'survey-map', name: '标注项目用地范围的土地利用现状图', core: false },
    ]);
    expect(plain.body.detail).to.contain('建设项目选址论证报告').and.to.contain('标注项目用地范围的土地利用现状图');
    const tolerated = await clerk.post(`/api/cases/${id}/accept-with-deficiency`, { missing: [{ code: 'survey-map' }] });
    expect(tolerated.status).to.equal(409);
    expect(missingOf(tolerated)).to.deep.equal(['site-selection-report']);
    const untouched = (await clerk.get(`/api/cases/${id}`)).body;
    expect(untouched.status).to.equal('submitted');
    expect(untouched.timeline.map((event: { action: string }) => event.action)).to.deep.equal(['REGISTERED']);

    // 一次告知, and the report is handed in: only the map is missing, and 容缺 may now cover it.
    expect((await clerk.post(`/api/cases/${id}/supplement-requests`, { missing: [{ code: 'site-selection-report' }, { code: 'survey-map' }] })).status).to.equal(200);
    expect((await clerk.post(`/api/cases/${id}/supplements`, { materials: [{ code: 'site-selection-report' }] })).status).to.equal(200);
    const still = await clerk.post(`/api/cases/${id}/accept`, {});
    expect(still.status).to.equal(409);
    expect(missingOf(still)).to.deep.equal(['survey-map']);
    expect(still.body.allowed).to.deep.equal(['REQUEST_SUPPLEMENT', 'ACCEPT_WITH_DEFICIENCY', 'REFUSE', 'WITHDRAW']);
    const accepted = await clerk.post(`/api/cases/${id}/accept-with-deficiency`, { missing: [{ code: 'survey-map' }] });
    expect(accepted.status, JSON.stringify(accepted.body)).to.equal(200);
    expect(accepted.body.deficiency.owed.map(({ code }: { code: string }) => code)).to.deep.equal(['survey-map']);
  });

  it('when a reviewer suspends for a special procedure the matter does not provide for, then it is 400 naming kind and the clock runs on', async () => {
    const created = await clerk.post('/api/cases', application(['ZRJ-001']));
    expect((await clerk.post(`/api/cases/${created.body.id}/accept`, {})).status).to.equal(200);
    const stepId = `${created.body.id}-ZRJ-001`;
    await eventually(async () => expect((await system.db.getRepository(Step).findOneByOrFail({ id: stepId })).version).to.be.above(0));
    await eventually(async () => expect((await clerk.get(`/api/cases/${created.body.id}`)).body.status).to.equal('inReview'));
    expect((await officer.post(`/api/steps/${stepId}/claim`, {})).status).to.equal(200);

    const refused = await officer.post(`/api/steps/${stepId}/suspend`, { kind: '专家评审', reason: '组织专家论证' });
    expect(refused.status).to.equal(400);
    expect(refused.body.errors).to.deep.equal([{ path: 'kind', message: '事项 ZRJ-001 规定的特别程序为：补正、现场踏勘、公示，不含 专家评审' }]);
    expect((await officer.get(`/api/steps/${stepId}`)).body.status).to.equal('claimed');
    expect((await officer.post(`/api/steps/${stepId}/suspend`, { kind: '现场踏勘', reason: '核实现场' })).body.status).to.equal('suspended');
  });

  it('when a project asks for more than 120 working days, then it is 400 naming limitWorkingDays; 120 is accepted', async () => {
    const over = await clerk.post('/api/projects', { name: '超限项目', limitWorkingDays: 121 });
    expect(over.status).to.equal(400);
    expect(over.body.errors.map((e: { path: string }) => e.path)).to.deep.equal(['limitWorkingDays']);
    const at = await clerk.post('/api/projects', { name: '限内项目', limitWorkingDays: 120 });
    expect(at.status, JSON.stringify(at.body)).to.equal(201);
  });

  it('when a case of 即办件 only is rated, then the figures count the rating for the matter\'s department', async () => {
    const before = (await supervisor.get(`/api/evaluations/figures?${aroundNow()}`)).body;
    const created = await clerk.post('/api/cases', application(['SCJ-001']));
    expect((await clerk.post(`/api/cases/${created.body.id}/accept`, {})).body.status).to.equal('approved');
    expect((await clerk.post(`/api/cases/${created.body.id}/deliver`, {})).status).to.equal(200);
    const rated = await new ApiClient(system.url).post(`/api/track/${created.body.trackingCode}/evaluation`, { phoneLast4: PHONE.slice(-4), level: 5 });
    expect(rated.status, JSON.stringify(rated.body)).to.equal(201);

    const after = (await supervisor.get(`/api/evaluations/figures?${aroundNow()}`)).body;
    expect(after.evaluations).to.equal(before.evaluations + 1);
    const scj = (figures: { byDepartment: { departmentCode: string; evaluations: number }[] }) => figures.byDepartment.find((row) => row.departmentCode === 'scj')!.evaluations;
    expect(scj(after)).to.equal(scj(before) + 1);
    const list = await supervisor.get(`/api/evaluations?${aroundNow()}`);
    expect(list.body.total, 'the list and the figures agree').to.equal(after.evaluations);
  });
});
