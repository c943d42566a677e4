// Reviewers' everyday verbs over HTTP against the real system (Temporal dev server, MySQL):
// 退回签收 (release), 抄送 (cc) and the 否定报备 register of rejections.
import { expect } from 'chai';
import { Step } from '../../entities';
import { eventually } from '../support/eventually';
import { ApiClient } from '../support/http';
import { startSystem, type RunningSystem } from '../support/system';

const application = (matterCodes: string[], extra: Record<string, unknown> = {}) => ({
  applicant: { name: '星河建设有限公司', phone: '13912345678' }, matterCodes, channel: 'standard', materials: [{ code: 'application-form' }], ...extra,
});

interface TimelineRow { action: string; stepId: string | null; fromState: string | null; toState: string; actor: { username: string } | null; detail: Record<string, unknown> | null }

describe('reviewers\' verbs: release, cc, rejection filing (HTTP → Temporal → MySQL)', function () {
  this.timeout(180_000);
  let system: RunningSystem;
  const as = {} as Record<string, ApiClient>;

  before(async () => {
    system = await startSystem('verbs');
    for (const username of ['clerk1', 'officer-zrj', 'officer2-zrj', 'leader-zrj', 'officer-hbj', 'leader-hbj', 'supervisor1', 'agent1', 'agent2']) {
      as[username] = await ApiClient.signIn(system.url, username);
    }
  });
  after(async () => {
    await system?.stop();
  });

  async function acceptedCase(matterCodes: string[], extra: Record<string, unknown> = {}): Promise<string> {
    const created = await as.clerk1.post('/api/cases', application(matterCodes, extra));
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    expect((await as.clerk1.post(`/api/cases/${created.body.id}/accept`, {})).status).to.equal(200);
    const id = created.body.id as string;
    for (const code of matterCodes) {
      await eventually(async () => expect((await system.db.getRepository(Step).findOneByOrFail({ id: `${id}-${code}` })).version).to.be.above(0));
    }
    await eventually(async () => expect((await as.clerk1.get(`/api/cases/${id}`)).body.status).to.equal('inReview'));
    return id;
  }
  const timeline = async (caseId: string): Promise<TimelineRow[]> => (await as.clerk1.get(`/api/cases/${caseId}`)).body.timeline;

  describe('退回签收 (release)', () => {
    it('when the assignee releases a claimed step, then it is pending, unassigned and back in the department inbox, with a RELEASE entry', async () => {
      const id = await acceptedCase(['ZRJ-001']);
      const stepId = `${id}-ZRJ-001`;
      expect((await as['officer-zrj'].post(`/api/steps/${stepId}/claim`, {})).status).to.equal(200);
      expect((await as['officer-zrj'].post(`/api/steps/${stepId}/start-review`, {})).status).to.equal(200);

      const released = await as['officer-zrj'].post(`/api/steps/${stepId}/release`, { reason: '不属于本人分工' });
      expect(released.status, JSON.stringify(released.body)).to.equal(200);
      expect(released.body).to.include({ status: 'pending' });
      expect(released.body.assignee ?? null).to.equal(null);
      const inbox = await as['officer2-zrj'].get('/api/inbox');
      expect(inbox.body.find((step: { id: string }) => step.id === stepId)).to.include({ status: 'pending' });
      const entry = (await timeline(id)).find((row) => row.action === 'RELEASE')!;
      expect(entry).to.include({ fromState: 'inReview', toState: 'pending', stepId });
      expect(entry.actor?.username).to.equal('officer-zrj');
      expect(entry.detail).to.deep.equal({ reason: '不属于本人分工' });

      // Anyone of the department may claim it again.
      expect((await as['officer2-zrj'].post(`/api/steps/${stepId}/claim`, {})).body).to.include({ status: 'claimed' });
    });

    it('when someone else\'s claimed step is released by another officer, then it is 403; by the leader, it is released; an unclaimed step is 409', async () => {
      const id = await acceptedCase(['ZRJ-001']);
      const stepId = `${id}-ZRJ-001`;
      const unclaimed = await as['officer-zrj'].post(`/api/steps/${stepId}/release`, {});
      expect(unclaimed.status).to.equal(409);
      expect(unclaimed.body.allowed).to.deep.equal(['CLAIM']);
      expect((await as['officer-zrj'].post(`/api/steps/${stepId}/claim`, {})).status).to.equal(200);
      expect((await as['officer2-zrj'].post(`/api/steps/${stepId}/release`, {})).status).to.equal(403);
      expect((await as['officer-hbj'].post(`/api/steps/${stepId}/release`, {})).status, 'another department').to.equal(404);
      const byLeader = await as['leader-zrj'].post(`/api/steps/${stepId}/release`, {});
      expect(byLeader.status).to.equal(200);
      expect(byLeader.body.status).to.equal('pending');
    });
  });
});
