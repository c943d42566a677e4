// Rules a new user found broken, over HTTP against the real system: a matter's special
// procedures bound what may pause its clock, a project's limit stays within the 120-working-day
// ceiling, and the ratings of 即办件 cases count in the rating figures.
import { expect } from 'chai';
import { Step } from '../../entities';
import { eventually } from '../support/eventually';
import { ApiClient } from '../support/http';
import { startSystem, type RunningSystem } from '../support/system';

const PHONE = '13912345678';
const application = (matterCodes: string[]) => ({
  applicant: { name: '星河建设有限公司', phone: PHONE }, matterCodes, channel: 'standard', materials: [{ code: 'application-form' }],
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

  it('when a reviewer suspends for a special procedure the matter does not provide for, then it is 400 naming kind and the clock runs on', async () => {
    const created = await clerk.post('/api/cases', application(['ZRJ-001']));
    expect((await clerk.post(`/api/cases/${created.body.id}/accept`, {})).status).to.equal(200);
    const stepId = `${created.body.id}-ZRJ-001`;
    await eventually(async () => expect((await system.db.getRepository(Step).findOneByOrFail({ id: stepId })).version).to.be.above(0));
    await eventually(async () => expect((await clerk.get(`/api/cases/${created.body.id}`)).body.status).to.equal('inReview'));
    expect((await officer.post(`/api/steps/${stepId}/claim`, {})).status).to.equal(200);

    const refused = await officer.post(`/api/steps/${stepId}/suspend`, { kind: '专家评审', reason: '组织专家论证' });
    expect(refused.status).to.equal(400);
    expect(refused.body.errors).to.deep.equal([{ path: 'kind', message: 'ZRJ-001 provides for 补正、现场踏勘、公示, not 专家评审' }]);
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
