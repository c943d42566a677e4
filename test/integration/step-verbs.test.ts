// Reviewers' everyday verbs over HTTP against the real system (Temporal dev server, MySQL):
// 退回签收 (release), 抄送 (cc) and the 否定报备 register of rejections.
import { expect } from 'chai';
import { Notification, Step } from '../../entities';
import { completeMaterials } from '../support/materials';
import { eventually } from '../support/eventually';
import { ApiClient } from '../support/http';
import { startSystem, type RunningSystem } from '../support/system';

const application = (matterCodes: string[], extra: Record<string, unknown> = {}) => ({
  applicant: { name: '星河建设有限公司', phone: '13912345678' }, matterCodes, channel: 'standard', materials: completeMaterials(matterCodes), ...extra,
});

interface TimelineRow { action: string; stepId: string | null; fromState: string | null; toState: string; actor: { username: string } | null; detail: Record<string, unknown> | null }

describe('reviewers\' verbs: release, cc, rejection filing (HTTP → Temporal → MySQL)', function () {
  this.timeout(180_000);
  let system: RunningSystem;
  const as = {} as Record<string, ApiClient>;

  before(async () => {
    system = await startSystem('verbs');
    for (const username of ['clerk1', 'officer-zrj', 'officer2-zrj', 'leader-zrj', 'officer-hbj', 'leader-hbj', 'leader-fgw', 'supervisor1', 'agent1', 'agent2', 'admin1']) {
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

  describe('否定报备 (rejection filing)', () => {
    /** A period around now, whatever today is: yesterday to tomorrow in Shanghai. */
    const aroundNow = (): string => {
      const date = (offsetDays: number) => new Date(Date.now() + 8 * 3_600_000 + offsetDays * 86_400_000).toISOString().slice(0, 10);
      return `from=${date(-1)}&to=${date(1)}`;
    };

    it('when a step is rejected, then the supervision office reads a notice with reason and legal basis, and the register lists who and when', async () => {
      const id = await acceptedCase(['ZRJ-001']);
      const stepId = `${id}-ZRJ-001`;
      expect((await as['officer-zrj'].post(`/api/steps/${stepId}/claim`, {})).status).to.equal(200);
      const rejected = await as['officer-zrj'].post(`/api/steps/${stepId}/reject`, { reason: '选址位于生态保护红线内', legalBasis: '《城乡规划法》第三十八条' });
      expect(rejected.status, JSON.stringify(rejected.body)).to.equal(200);

      await eventually(async () => {
        const notice = (await as.supervisor1.get('/api/notices')).body.items.find((item: { kind: string; stepId?: string }) => item.kind === 'step.rejected' && item.stepId === stepId);
        expect(notice, 'the 否定报备 notice').to.not.equal(undefined);
        expect(notice.title).to.match(/^否定报备：.+不予许可$/);
        expect(notice.body).to.contain('选址位于生态保护红线内').and.to.contain('《城乡规划法》第三十八条').and.to.contain('officer-zrj');
      });

      const register = await as.supervisor1.get(`/api/rejections?${aroundNow()}`);
      expect(register.status, JSON.stringify(register.body)).to.equal(200);
      const row = register.body.items.find((item: { stepId: string }) => item.stepId === stepId);
      expect(row).to.deep.include({
        caseId: id, matterCode: 'ZRJ-001', departmentCode: 'zrj', reason: '选址位于生态保护红线内', legalBasis: '《城乡规划法》第三十八条',
        rejectedBy: { username: 'officer-zrj', role: 'officer' },
      });
      expect(row.trackingCode).to.be.a('string');
      expect(row.at).to.match(/\+08:00$/);

      expect((await as['leader-zrj'].get(`/api/rejections?${aroundNow()}`)).body.items.map((item: { stepId: string }) => item.stepId)).to.include(stepId);
      expect((await as['leader-hbj'].get(`/api/rejections?${aroundNow()}`)).body.items.map((item: { stepId: string }) => item.stepId), 'another department').not.to.include(stepId);
      expect((await as['leader-hbj'].get(`/api/rejections?${aroundNow()}&departmentCode=zrj`)).status).to.equal(403);
      expect((await as.supervisor1.get(`/api/rejections?${aroundNow()}&departmentCode=hbj`)).body.items.map((item: { stepId: string }) => item.stepId)).not.to.include(stepId);
      expect((await as['officer-zrj'].get('/api/rejections')).status).to.equal(403);
      expect((await as.supervisor1.get('/api/rejections?from=2026-02-01&to=2026-01-01')).status).to.equal(400);
    });
  });

  describe('抄送 (cc)', () => {
    it('when an officer copies a case to a person and a department, then exactly they may read it and each gets a notice', async () => {
      const id = await acceptedCase(['ZRJ-001']);
      expect((await as['officer-hbj'].get(`/api/cases/${id}`)).status, 'before the copy').to.equal(404);
      expect((await as['leader-fgw'].get(`/api/cases/${id}`)).status).to.equal(404);
      expect((await as.agent2.get(`/api/cases/${id}`)).status).to.equal(404);

      const copied = await as['officer-zrj'].post(`/api/cases/${id}/cc`, { usernames: ['officer-hbj'], departmentCodes: ['fgw'], note: '涉及环评，请知悉' });
      expect(copied.status, JSON.stringify(copied.body)).to.equal(200);
      expect(copied.body).to.deep.equal({ caseId: id, usernames: ['officer-hbj'], departmentCodes: ['fgw'], note: '涉及环评，请知悉' });

      for (const reader of [as['officer-hbj'], as['leader-fgw']]) {
        expect((await reader.get(`/api/cases/${id}`)).status).to.equal(200);
        const notice = (await reader.get('/api/notices')).body.items.find((item: { kind: string; caseId?: string }) => item.kind === 'case.copied' && item.caseId === id);
        expect(notice.title).to.match(/^抄送：办件/);
        expect(notice.body).to.contain('officer-zrj').and.to.contain('涉及环评，请知悉');
      }
      // Reading only: the copy gives no step and no other case.
      expect((await as['officer-hbj'].get(`/api/steps/${id}-ZRJ-001`)).status).to.equal(404);
      expect((await as['officer-hbj'].post(`/api/steps/${id}-ZRJ-001/claim`, {})).status).to.equal(404);
      expect((await as.agent2.get(`/api/cases/${id}`)).status, 'not copied').to.equal(404);
      const other = await acceptedCase(['ZRJ-001']);
      expect((await as['officer-hbj'].get(`/api/cases/${other}`)).status, 'another case').to.equal(404);
    });

    it('when a copy names an unknown account, an administrator or an unknown department, or nobody, then it is 400 naming the field and nothing is copied', async () => {
      const id = await acceptedCase(['ZRJ-001']);
      const unknown = await as.clerk1.post(`/api/cases/${id}/cc`, { usernames: ['agent2', 'nobody-here', 'admin1'], departmentCodes: ['xyz'] });
      expect(unknown.status).to.equal(400);
      expect(unknown.body.errors.map((e: { path: string }) => e.path)).to.deep.equal(['usernames.1', 'usernames.2', 'departmentCodes.0']);
      expect((await as.clerk1.post(`/api/cases/${id}/cc`, {})).status).to.equal(400);
      expect((await as.agent2.get(`/api/cases/${id}`)).status).to.equal(404);
      expect((await as['officer-hbj'].post(`/api/cases/${id}/cc`, { usernames: ['agent2'] })).status, 'a case out of scope').to.equal(404);
      expect((await as.agent1.post(`/api/cases/${id}/cc`, { usernames: ['agent2'] })).status, 'agents do not copy').to.equal(403);
      expect((await as.clerk1.post(`/api/cases/${id}/cc`, { usernames: ['agent2'] })).status).to.equal(200);
      expect((await as.agent2.get(`/api/cases/${id}`)).status).to.equal(200);
    });
  });

  describe('委派 · 加签 · 退回 to the previous signer', () => {
    const noticeOf = async (username: string, kind: string, stepId: string) =>
      (await as[username].get('/api/notices')).body.items.find((item: { kind: string; stepId?: string }) => item.kind === kind && item.stepId === stepId);

    it('when the assignee delegates, then nobody decides until the delegate hands back with an opinion, and then the assignee decides', async () => {
      const id = await acceptedCase(['ZRJ-001']);
      const stepId = `${id}-ZRJ-001`;
      expect((await as['officer-zrj'].post(`/api/steps/${stepId}/claim`, {})).status).to.equal(200);
      const stranger = await as['officer-zrj'].post(`/api/steps/${stepId}/delegate`, { toUsername: 'officer-hbj', reason: '请协助审查' });
      expect(stranger.status).to.equal(400);
      expect(stranger.body.errors[0].path).to.equal('toUsername');

      const delegated = await as['officer-zrj'].post(`/api/steps/${stepId}/delegate`, { toUsername: 'officer2-zrj', reason: '请协助审查用地范围' });
      expect(delegated.status, JSON.stringify(delegated.body)).to.equal(200);
      expect(delegated.body.status).to.equal('claimed');
      const early = await as['officer-zrj'].post(`/api/steps/${stepId}/approve`, { opinion: '同意' });
      expect(early.status, 'no decision while delegated').to.equal(409);
      expect((await as['officer-zrj'].post(`/api/steps/${stepId}/hand-back`, { opinion: '同意' })).status, 'only the delegate hands back').to.equal(409);
      await eventually(async () => expect((await noticeOf('officer2-zrj', 'step.delegated', stepId))?.title).to.match(/^委派：.+请协助审查$/));

      const back = await as['officer2-zrj'].post(`/api/steps/${stepId}/hand-back`, { opinion: '用地范围与红线一致，建议同意' });
      expect(back.status, JSON.stringify(back.body)).to.equal(200);
      await eventually(async () => expect((await noticeOf('officer-zrj', 'step.delegation-returned', stepId))?.body).to.contain('建议同意'));
      expect((await as['officer-zrj'].post(`/api/steps/${stepId}/approve`, { opinion: '同意' })).body.status).to.equal('approved');

      const rows = (await timeline(id)).filter((row) => row.stepId === stepId).map((row) => [row.action, row.actor?.username]);
      expect(rows).to.deep.include.members([['DELEGATE', 'officer-zrj'], ['RETURN_DELEGATION', 'officer2-zrj'], ['APPROVE', 'officer-zrj']]);
    });

    it('when a signer is added after the assignee and the leader sends it back once, then the panel decides in order with the added member last', async () => {
      const id = await acceptedCase(['ZRJ-001']);
      const stepId = `${id}-ZRJ-001`;
      expect((await as['officer-zrj'].post(`/api/steps/${stepId}/claim`, {})).status).to.equal(200);
      const wrong = await as['officer-zrj'].post(`/api/steps/${stepId}/add-signers`, { position: 'after', usernames: ['leader-zrj', 'officer-hbj'], reason: '重大事项' });
      expect(wrong.status).to.equal(400);
      expect(wrong.body.errors.map((e: { path: string }) => e.path)).to.deep.equal(['usernames.1']);
      expect((await as['officer-zrj'].post(`/api/steps/${stepId}/send-back`, { to: 'previous', reason: '无' })).status, 'no panel yet').to.equal(409);

      const added = await as['officer-zrj'].post(`/api/steps/${stepId}/add-signers`, { position: 'after', usernames: ['leader-zrj'], reason: '重大事项需分管负责人签署' });
      expect(added.status, JSON.stringify(added.body)).to.equal(200);
      expect(added.body.approval).to.deep.include({ mode: 'sequential', members: ['officer-zrj', 'leader-zrj'] });
      await eventually(async () => expect((await noticeOf('leader-zrj', 'step.signers-added', stepId))?.title).to.match(/^加签：/));

      expect((await as['leader-zrj'].post(`/api/steps/${stepId}/approve`, { opinion: '同意' })).status, 'out of turn').to.equal(409);
      expect((await as['officer-zrj'].post(`/api/steps/${stepId}/approve`, { opinion: '材料齐全' })).body.status).to.equal('claimed');
      // 退回: the leader sends it back to the previous signer, who signs again.
      const back = await as['leader-zrj'].post(`/api/steps/${stepId}/send-back`, { to: 'previous', reason: '意见需写明用地面积' });
      expect(back.status, JSON.stringify(back.body)).to.equal(200);
      expect(back.body.approval.signed).to.deep.equal([]);
      await eventually(async () => expect((await noticeOf('officer-zrj', 'step.sent-back-previous', stepId))?.body).to.contain('意见需写明用地面积'));
      expect((await as['leader-zrj'].post(`/api/steps/${stepId}/approve`, { opinion: '同意' })).status, 'the previous signer is awaited again').to.equal(409);
      expect((await as['officer-zrj'].post(`/api/steps/${stepId}/approve`, { opinion: '材料齐全，用地面积 2.3 公顷' })).body.status).to.equal('claimed');
      const decided = await as['leader-zrj'].post(`/api/steps/${stepId}/approve`, { opinion: '同意' });
      expect(decided.body.status).to.equal('approved');
      const actions = (await timeline(id)).filter((row) => row.stepId === stepId).map((row) => row.action);
      expect(actions).to.include.members(['ADD_SIGNERS', 'SIGNED', 'SEND_BACK', 'APPROVE']);
      expect((await timeline(id)).find((row) => row.action === 'SEND_BACK')!.detail).to.deep.include({ withdrawn: ['officer-zrj'] });
    });
  });

  describe('退回 to the window', () => {
    it('when a reviewer sends a step back to the window, then it is suspended, the window and the agent are told every item, and the clerk\'s supplement resumes it', async () => {
      const id = await acceptedCase(['ZRJ-001', 'HBJ-001'], { agentUsername: 'agent1' });
      const stepId = `${id}-ZRJ-001`;
      expect((await as['officer-zrj'].post(`/api/steps/${stepId}/claim`, {})).status).to.equal(200);
      const unknown = await as['officer-zrj'].post(`/api/steps/${stepId}/send-back`, { to: 'window', reason: '缺材料', missing: [{ code: 'survey-map' }, { code: 'eia-form' }] });
      expect(unknown.status).to.equal(400);
      expect(unknown.body.errors.map((e: { path: string }) => e.path)).to.deep.equal(['missing.1.code']);
      expect((await as['officer-zrj'].post(`/api/steps/${stepId}/send-back`, { to: 'window', reason: '缺材料', missing: [] })).status).to.equal(400);

      const sent = await as['officer-zrj'].post(`/api/steps/${stepId}/send-back`, {
        to: 'window', reason: '用地范围图比例尺不符', missing: [{ code: 'survey-map', note: '须 1:2000' }, { code: 'project-proposal' }],
      });
      expect(sent.status, JSON.stringify(sent.body)).to.equal(200);
      expect(sent.body.status).to.equal('suspended');
      expect((await as['officer-zrj'].post(`/api/steps/${stepId}/resume`, {})).status, 'the window\'s pause is not the reviewer\'s to end').to.equal(409);

      for (const reader of ['clerk1', 'agent1']) {
        await eventually(async () => {
          const notice = (await as[reader].get('/api/notices')).body.items.find((item: { kind: string; stepId?: string }) => item.kind === 'step.sent-back' && item.stepId === stepId);
          expect(notice?.title, reader).to.match(/^一次性告知：/);
          expect(notice.body).to.contain('标注项目用地范围的土地利用现状图').and.to.contain('项目建议书或立项批复文件');
        });
      }
      const outbox = await system.db.getRepository(Notification).findBy({ stepId, template: 'step.sent-back', recipientRole: 'applicant' });
      expect(outbox, 'one 一次性告知书 to the applicant').to.have.length(1);
      expect((outbox[0].payload.missing as { code: string }[]).map((item) => item.code)).to.deep.equal(['survey-map', 'project-proposal']);

      const supplied = await as.clerk1.post(`/api/cases/${id}/supplements`, { materials: [{ code: 'survey-map' }, { code: 'project-proposal' }] });
      expect(supplied.status, JSON.stringify(supplied.body)).to.equal(200);
      await eventually(async () => expect((await as['officer-zrj'].get(`/api/steps/${stepId}`)).body.status).to.equal('inReview'));
      const rows = (await timeline(id)).filter((row) => row.stepId === stepId);
      expect(rows.map((row) => row.action)).to.include.members(['SEND_BACK', 'SUPPLEMENTED']);
      expect(rows.find((row) => row.action === 'SEND_BACK')!.detail).to.deep.include({ to: 'window', reason: '用地范围图比例尺不符' });
      expect((await as.clerk1.get(`/api/cases/${id}`)).body.status, 'the case stays under review').to.equal('inReview');

      // A second 退回 naming an item the first could have named is flagged to the supervision office.
      const again = await as['officer-zrj'].post(`/api/steps/${stepId}/send-back`, { to: 'window', reason: '还缺选址报告', missing: [{ code: 'site-selection-report' }] });
      expect(again.status).to.equal(200);
      await eventually(async () => {
        const flag = (await as.supervisor1.get('/api/notices')).body.items.find((item: { kind: string; stepId?: string }) => item.kind === 'supplement.not-one-time' && item.stepId === stepId);
        expect(flag?.body).to.contain('site-selection-report');
      });
      expect((await as.clerk1.post(`/api/cases/${id}/supplements`, { materials: [{ code: 'site-selection-report' }] })).status).to.equal(200);
      await eventually(async () => expect((await as['officer-zrj'].get(`/api/steps/${stepId}`)).body.status).to.equal('inReview'));
      expect((await as['officer-zrj'].post(`/api/steps/${stepId}/approve`, { opinion: '同意' })).body.status).to.equal('approved');
    });
  });
});
