// 消息中心 over HTTP against the real system: the notices the system sends reach the people they
// are for (a department's leader and officers, every supervisor, the named agent), once, in
// Chinese; each person reads only their own, marks them read, and hears of new ones on a stream.
import { expect } from 'chai';
import { createNotificationActivities } from '../../activities/notifications';
import { noticeText, WORDED_NOTICE_KINDS } from '../../domain/notice-text';
import { Notice, Notification, Step } from '../../entities';
import { completeMaterials } from '../support/materials';
import { eventually } from '../support/eventually';
import { ApiClient } from '../support/http';
import { startSystem, type RunningSystem } from '../support/system';

const application = (matterCodes: string[], extra: Record<string, unknown> = {}) => ({
  applicant: { name: '星河建设有限公司', phone: '13912345678' }, matterCodes, channel: 'standard', materials: completeMaterials(matterCodes), ...extra,
});

interface Item { id: number; kind: string; title: string; body?: string; caseId?: string; stepId?: string; at: string; readAt: string | null }

describe('notices centre (HTTP → Temporal → MySQL)', function () {
  this.timeout(180_000);
  let system: RunningSystem;
  let clerk: ApiClient;
  let leaderZrj: ApiClient;
  let officerZrj: ApiClient;
  let officer2Zrj: ApiClient;
  let leaderHbj: ApiClient;
  let supervisor: ApiClient;
  let agent: ApiClient;

  before(async () => {
    system = await startSystem('notices');
    [clerk, leaderZrj, officerZrj, officer2Zrj, leaderHbj, supervisor, agent] = await Promise.all(
      ['clerk1', 'leader-zrj', 'officer-zrj', 'officer2-zrj', 'leader-hbj', 'supervisor1', 'agent1'].map((user) => ApiClient.signIn(system.url, user)),
    );
  });
  after(async () => {
    await system?.stop();
  });

  async function acceptedCase(matterCodes: string[], extra: Record<string, unknown> = {}): Promise<string> {
    const created = await clerk.post('/api/cases', application(matterCodes, extra));
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    expect((await clerk.post(`/api/cases/${created.body.id}/accept`, {})).status).to.equal(200);
    const id = created.body.id as string;
    for (const code of matterCodes) {
      await eventually(async () => expect((await system.db.getRepository(Step).findOneByOrFail({ id: `${id}-${code}` })).version).to.be.above(0));
    }
    // The steps are dispatched before the case's own projection says it is under review.
    await eventually(async () => expect((await clerk.get(`/api/cases/${id}`)).body.status).to.equal('inReview'));
    return id;
  }

  const noticesOf = async (client: ApiClient, query = ''): Promise<{ items: Item[]; total: number; unread: number; page: number; pageSize: number }> => {
    const answer = await client.get(`/api/notices${query}`);
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
    return answer.body;
  };

  it('when an agent urges a case, then the department\'s leader and officers read a 催办 notice, others do not, and the timeline shows the urge', async () => {
    const id = await acceptedCase(['ZRJ-001'], { agentUsername: 'agent1' });
    const matterName = (await clerk.get('/api/matters')).body.find((matter: { code: string }) => matter.code === 'ZRJ-001').name as string;
    const before = await noticesOf(leaderHbj);
    const urged = await agent.post(`/api/cases/${id}/urge`, { note: '申请人催问进度' });
    expect(urged.status, JSON.stringify(urged.body)).to.equal(200);

    for (const reader of [leaderZrj, officerZrj, officer2Zrj]) {
      const { items } = await noticesOf(reader);
      const urge = items.find((item) => item.kind === 'case.urged' && item.caseId === id)!;
      expect(urge, 'a 催办 notice').to.not.equal(undefined);
      expect(urge.title).to.equal(`催办：${matterName}请加快办理`);
      expect(urge.body).to.contain('agent1').and.to.contain('申请人催问进度');
      expect(urge.stepId).to.equal(`${id}-ZRJ-001`);
      expect(urge.at).to.match(/\+08:00$/);
      expect(urge.readAt).to.equal(null);
    }
    expect((await noticesOf(leaderHbj)).total, 'another department').to.equal(before.total);
    expect((await noticesOf(supervisor)).items.some((item) => item.caseId === id), 'the supervision office').to.equal(false);

    const timeline = (await clerk.get(`/api/cases/${id}`)).body.timeline as { action: string; actor: { username: string } | null; detail: Record<string, unknown> }[];
    const urge = timeline.find((entry) => entry.action === 'URGED')!;
    expect(urge.actor?.username).to.equal('agent1');
    expect(urge.detail).to.include({ departmentCode: 'zrj', note: '申请人催问进度' });
  });

  it('when a notice is read, then only the reader\'s copy is marked, the unread count drops, and another person\'s notice is 404', async () => {
    const id = await acceptedCase(['ZRJ-001'], { agentUsername: 'agent1' });
    expect((await agent.post(`/api/cases/${id}/urge`, {})).status).to.equal(200);
    const leaderBefore = await noticesOf(leaderZrj, '?unread=true');
    const officerBefore = await noticesOf(officerZrj);
    const mine = leaderBefore.items.find((item) => item.caseId === id)!;
    expect(leaderBefore.unread).to.be.at.least(1);

    const read = await leaderZrj.post(`/api/notices/${mine.id}/read`, {});
    expect(read.status).to.equal(200);
    expect(read.body.readAt).to.match(/\+08:00$/);
    const again = await leaderZrj.post(`/api/notices/${mine.id}/read`, {});
    expect(again.body.readAt, 'the first reading stays').to.equal(read.body.readAt);
    expect((await noticesOf(leaderZrj)).unread).to.equal(leaderBefore.unread - 1);
    expect((await noticesOf(leaderZrj, '?unread=false')).items.map((item) => item.id)).to.include(mine.id);
    expect((await noticesOf(officerZrj)).unread, 'the officer\'s copy stays unread').to.equal(officerBefore.unread);

    expect((await officerZrj.post(`/api/notices/${mine.id}/read`, {})).status, 'someone else\'s notice').to.equal(404);
    expect((await leaderZrj.get('/api/notices?colour=red')).status, 'unknown query parameter').to.equal(400);

    const all = await officerZrj.post('/api/notices/read-all', {});
    expect(all.status).to.equal(200);
    expect(all.body).to.deep.equal({ marked: officerBefore.unread, unread: 0 });
    expect((await noticesOf(officerZrj)).unread).to.equal(0);
    expect((await noticesOf(leaderZrj)).unread, 'read-all is the caller\'s only').to.equal(leaderBefore.unread - 1);
  });

  it('when a notice is enqueued twice with one dedupe key, then each person has it once, in the same transaction as the outbox row', async () => {
    const { enqueueNotifications } = createNotificationActivities({ db: system.db });
    const request = {
      dedupeKey: 'test-notices:overdue:leader', channel: 'log' as const, recipientRole: 'leader' as const, recipient: 'dept:hbj',
      template: 'step.overdue', payload: { matterCode: 'HBJ-001', matterName: '建设项目环境影响评价审批', dueAt: '2026-12-01T17:30:00.000+08:00' },
    };
    expect(await enqueueNotifications({ notifications: [request] })).to.deep.equal({ enqueued: 1 });
    expect(await enqueueNotifications({ notifications: [request] })).to.deep.equal({ enqueued: 0 });
    const rows = await system.db.getRepository(Notice).findBy({ dedupeKey: request.dedupeKey });
    // leader-hbj and officer-hbj: the department's leader and officers.
    expect(rows).to.have.length(2);
    expect(rows[0].title).to.equal('超期：建设项目环境影响评价审批已超过办理时限');
    expect(await system.db.getRepository(Notification).countBy({ dedupeKey: request.dedupeKey })).to.equal(1);

    const office = { ...request, dedupeKey: 'test-notices:order:supervisor', recipientRole: 'supervisor' as const, recipient: 'office', template: 'order.opened' };
    const applicant = { ...request, dedupeKey: 'test-notices:applicant', recipientRole: 'applicant' as const, recipient: '13912345678', channel: 'sms' as const };
    await enqueueNotifications({ notifications: [office, applicant] });
    expect((await noticesOf(supervisor)).items.find((item) => item.kind === 'order.opened')?.title).to.equal('督办：建设项目环境影响评价审批超期未办结');
    expect(await system.db.getRepository(Notice).countBy({ dedupeKey: applicant.dedupeKey }), 'applicants have no account').to.equal(0);
  });

  it('when a second supplement request names what the first could have, then every supervisor reads the 一次告知 flag', async () => {
    const created = await clerk.post('/api/cases', application(['ZRJ-001'], { materials: [] }));
    const id = created.body.id as string;
    expect((await clerk.post(`/api/cases/${id}/supplement-requests`, { missing: [{ code: 'application-form' }] })).status).to.equal(200);
    expect((await clerk.post(`/api/cases/${id}/supplements`, { materials: [{ code: 'application-form' }] })).status).to.equal(200);
    const second = await clerk.post(`/api/cases/${id}/supplement-requests`, { missing: [{ code: 'site-selection-report' }] });
    expect(second.status, JSON.stringify(second.body)).to.equal(200);
    const flag = (await noticesOf(supervisor)).items.find((item) => item.kind === 'supplement.not-one-time' && item.caseId === id)!;
    expect(flag.title).to.match(/^一次告知：第 2 次补正要求/);
    expect(flag.body).to.contain('site-selection-report');
  });

  it('when a joint review is convened, then every department of the case reads the invitation', async () => {
    const id = await acceptedCase(['ZRJ-001', 'HBJ-001']);
    const convened = await leaderZrj.post(`/api/cases/${id}/joint-reviews`, { topic: '选址会商' });
    expect(convened.status, JSON.stringify(convened.body)).to.equal(201);
    for (const reader of [leaderHbj, officerZrj]) {
      const invitation = (await noticesOf(reader)).items.find((item) => item.kind === 'joint-review.convened' && item.caseId === id)!;
      expect(invitation.title).to.equal('联合审查：选址会商');
    }
  });

  it('when the console listens on the stream with ?access_token=, then a new notice arrives as an event without polling', async () => {
    const token = (await new ApiClient(system.url).post('/api/auth/login', { username: 'leader-zrj', password: 'test-password' })).body.token as string;
    expect((await fetch(`${system.url}/api/notices/stream`)).status, 'no token').to.equal(401);
    const controller = new AbortController();
    const stream = await fetch(`${system.url}/api/notices/stream?access_token=${token}`, { signal: controller.signal });
    expect(stream.status).to.equal(200);
    expect(stream.headers.get('content-type')).to.match(/^text\/event-stream/);
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let received = '';
    const until = async (pattern: RegExp) => {
      while (!pattern.test(received)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended: ${received}`);
        received += decoder.decode(value, { stream: true });
      }
    };
    try {
      await until(/event: unread\ndata: \{"unread":\d+\}/);
      const id = await acceptedCase(['ZRJ-001'], { agentUsername: 'agent1' });
      expect((await agent.post(`/api/cases/${id}/urge`, {})).status).to.equal(200);
      await until(new RegExp(`event: notice\\ndata: [^\\n]*"caseId":"${id}"`));
      expect(received).to.match(/id: \d+\nevent: notice/);
    } finally {
      controller.abort();
    }
  });

  it('when an applicant complains and rates badly, then the supervision office reads both, and the department reads the assignment and the bad rating', async () => {
    const id = await acceptedCase(['ZRJ-001']);
    const { trackingCode } = (await clerk.get(`/api/cases/${id}`)).body as { trackingCode: string };
    expect((await officerZrj.post(`/api/steps/${id}-ZRJ-001/claim`, {})).status).to.equal(200);
    expect((await officerZrj.post(`/api/steps/${id}-ZRJ-001/approve`, { opinion: '同意' })).status).to.equal(200);
    await eventually(async () => expect((await clerk.get(`/api/cases/${id}`)).body.status).to.equal('approved'));
    expect((await clerk.post(`/api/cases/${id}/deliver`, {})).status).to.equal(200);

    const anonymous = new ApiClient(system.url);
    const complaint = await anonymous.post(`/api/track/${trackingCode}/complaints`, { phoneLast4: '5678', content: '窗口答复不清，多次往返' });
    expect(complaint.status, JSON.stringify(complaint.body)).to.equal(201);
    const received = (await noticesOf(supervisor)).items.find((item) => item.kind === 'complaint.received' && item.caseId === id)!;
    expect(received.title).to.equal(`效能投诉：${String(complaint.body.number)}`);
    expect(received.body).to.contain('窗口答复不清');
    const listed = (await supervisor.get('/api/complaints')).body.items.find((item: { number: string }) => item.number === complaint.body.number);
    expect((await supervisor.post(`/api/complaints/${String(listed.id)}/assign`, { departmentCode: 'zrj' })).status).to.equal(200);
    expect((await noticesOf(leaderZrj)).items.find((item) => item.kind === 'complaint.assigned' && item.caseId === id)?.title).to.match(/^投诉交办：/);

    expect((await anonymous.post(`/api/track/${trackingCode}/evaluation`, { phoneLast4: '5678', level: 1, comment: '等太久' })).status).to.equal(201);
    for (const reader of [supervisor, leaderZrj, officerZrj]) {
      const bad = (await noticesOf(reader)).items.find((item) => item.kind === 'evaluation.bad' && item.caseId === id)!;
      expect(bad.title).to.equal(`差评：办件（受理编号 ${trackingCode}）评价为 1 分`);
      expect(bad.body).to.contain('等太久');
    }
    expect((await noticesOf(leaderHbj)).items.some((item) => item.caseId === id), 'another department').to.equal(false);
  });

  it('when a 告知承诺 post-approval check fails, then the case timeline shows it and the supervision office and the department read of it', async () => {
    const id = await acceptedCase(['ZRJ-001']);
    const stepId = `${id}-ZRJ-001`;
    expect((await officerZrj.post(`/api/steps/${stepId}/claim`, {})).status).to.equal(200);
    const approved = await officerZrj.post(`/api/steps/${stepId}/approve`, { opinion: '告知承诺，同意', commitment: { items: '三十日内补交选址论证报告', checkWorkingDays: 20 } });
    expect(approved.status, JSON.stringify(approved.body)).to.equal(200);
    const check = await eventually(async () => {
      const owed = (await officerZrj.get('/api/post-approval-checks?status=open&pageSize=100')).body.items.find((c: { stepId: string }) => c.stepId === stepId);
      expect(owed).to.not.equal(undefined);
      return owed as { id: number };
    });
    expect((await officerZrj.post(`/api/post-approval-checks/${check.id}/complete`, { compliant: false, finding: '逾期未补交' })).status).to.equal(200);

    const entry = (await clerk.get(`/api/cases/${id}`)).body.timeline.find((row: { action: string }) => row.action === 'COMMITMENT_CHECK_FAILED');
    expect(entry).to.deep.include({ stepId, fromState: 'open', toState: 'failed' });
    expect(entry.detail).to.include({ finding: '逾期未补交', items: '三十日内补交选址论证报告' });
    for (const reader of [supervisor, leaderZrj]) {
      const notice = (await noticesOf(reader)).items.find((item) => item.kind === 'commitment.check-failed' && item.stepId === stepId)!;
      expect(notice.title).to.match(/^告知承诺核查不合格：/);
      expect(notice.body).to.contain('逾期未补交');
    }
  });

  it('when every kind the system sends is worded, then titles are Chinese and no kind falls back to its code', () => {
    for (const kind of WORDED_NOTICE_KINDS) {
      const { title } = noticeText(kind, { matterName: '建设工程规划许可', trackingCode: 'ABCDEFGH23', topic: '选址会商', name: '星河产业园' });
      expect(title, kind).to.match(/[\u4e00-\u9fa5]/);
      expect(title, kind).not.to.contain(kind);
    }
  });
});
