// Every list answers one shape, {items, page, pageSize, total}, in a stable order; a query
// parameter a route does not declare is a 400 naming it; `?q=` finds cases in the caller's scope
// by tracking code, acceptance number, applicant name or project code, the words taken literally.
import { expect } from 'chai';
import type { DataSource } from 'typeorm';
import { createProjectionActivities } from '../../activities/projection';
import { seedCalendar } from '../../activities/calendar-service';
import type { ApiServer } from '../../api/server';
import type { CaseStatus, Light } from '../../domain/types';
import { PostApprovalCheck, Project, Step, SupervisionOrder, User } from '../../entities';
import { openDatabase } from '../../entities/data-source';
import { seedDemo } from '../../entities/seed';
import { ApiClient } from '../support/http';
import { dropMysqlDatabase, freshMysqlDatabase } from '../support/mysql';
import { startReadApi } from '../support/read-api';
import { TEST_PASSWORD } from '../support/system';

const DEPARTMENT_OF: Record<string, string> = { 'ZRJ-001': 'zrj', 'HBJ-002': 'hbj' };
const PROJECT_ID = '11570000-0000-4000-8000-00000000a001';
const PROJECT_CODE = 'XM-20261102-0001';

interface Arranged {
  n: number;
  trackingCode: string;
  applicant: string;
  matterCode: 'ZRJ-001' | 'HBJ-002';
  status?: CaseStatus;
  /** The instant of acceptance (its Shanghai date is in the acceptance number). */
  acceptedAt?: string;
  agentId?: number;
  project?: boolean;
}

const caseId = (n: number) => `11570000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('one list shape, unknown query parameters and case search (MySQL)', function () {
  this.timeout(120_000);
  const database = `approval_test_list_shape_${process.pid}`;
  let db: DataSource;
  let api: ApiServer;
  const as: Record<string, ApiClient> = {};

  async function arrangeCase(kase: Arranged): Promise<void> {
    const { projectCase } = createProjectionActivities({ db });
    const id = caseId(kase.n);
    const submittedAt = new Date(Date.UTC(2026, 10, 2, 1) + kase.n * 60_000).toISOString();
    await projectCase({
      workflowId: `case-${id}`,
      version: 1,
      record: {
        id, trackingCode: kase.trackingCode, status: kase.status ?? 'inReview', channel: 'standard',
        applicant: { name: kase.applicant, phone: '13912345678' }, projectName: null, matterCodes: [kase.matterCode], light: 'green', dueAt: null,
        registeredById: 1, agentId: kase.agentId ?? null, ...(kase.project ? { project: { id: PROJECT_ID, stage: 'landUse' as const } } : {}),
        submittedAt, acceptedAt: kase.acceptedAt ?? submittedAt, decidedAt: null, deliveredAt: null, updatedAt: submittedAt,
      },
      plannedSteps: [{ id: `${id}-${kase.matterCode}`, matterCode: kase.matterCode, departmentCode: DEPARTMENT_OF[kase.matterCode] }],
      timeline: [],
    });
  }

  const project = (n: number, code: string, agentId: number | null) => ({
    id: `11570000-0000-4000-8000-00000000a00${n}`, code, name: `项目${n}`, key: false, status: 'landUse' as const, agentId, openCaseId: null,
    light: 'green' as Light, limitWorkingDays: 100, warnAt: null, dueAt: null, provisional: false, lastReportPeriod: null, registeredById: 1,
    registeredAt: new Date(Date.UTC(2026, 10, 1, n)), completedAt: null, updatedAt: new Date(Date.UTC(2026, 10, 1, n)), version: 1,
  });

  before(async () => {
    db = await openDatabase({ url: await freshMysqlDatabase(database), dataDir: 'data' });
    await seedCalendar(db);
    await seedDemo(db, TEST_PASSWORD);
    const agent1 = await db.getRepository(User).findOneByOrFail({ username: 'agent1' });

    // Three projects, newest last registered; the first is agent1's and has a case of 生态环境局 (hbj).
    await db.getRepository(Project).insert([project(1, PROJECT_CODE, agent1.id), project(2, 'XM-20261102-0002', null), project(3, 'XM-20261102-0003', null)]);

    await arrangeCase({ n: 1, trackingCode: 'QA2345ABCD', applicant: '星河建设有限公司', matterCode: 'ZRJ-001', acceptedAt: '2026-11-20T17:30:00Z' });
    await arrangeCase({ n: 2, trackingCode: 'QB2345ABCD', applicant: '百分%之百公司', matterCode: 'ZRJ-001' });
    await arrangeCase({ n: 3, trackingCode: 'QC2345ABCD', applicant: '张三', matterCode: 'HBJ-002', agentId: agent1.id, project: true });
    await arrangeCase({ n: 4, trackingCode: 'QD2345ABCD', applicant: '李_四', matterCode: 'HBJ-002' });
    await arrangeCase({ n: 5, trackingCode: 'QE2345ABCD', applicant: '李X四', matterCode: 'HBJ-002' });
    await arrangeCase({ n: 6, trackingCode: 'QF2345ABCD', applicant: 'A\\B 商贸', matterCode: 'ZRJ-001' });
    await arrangeCase({ n: 7, trackingCode: 'QG2345ABCD', applicant: 'AB 商贸', matterCode: 'ZRJ-001' });

    // Alerts: two open steps out of time, the red one due first.
    const steps = db.getRepository(Step);
    await steps.update({ id: `${caseId(1)}-ZRJ-001` }, { status: 'inReview', light: 'red', dueAt: new Date('2026-11-18T09:00:00Z') });
    await steps.update({ id: `${caseId(4)}-HBJ-002` }, { status: 'claimed', light: 'yellow', dueAt: new Date('2026-11-25T09:00:00Z') });

    // Supervision orders and post-approval checks, three each, deadlines a day apart.
    await db.getRepository(SupervisionOrder).insert([1, 2, 3].map((n) => ({
      orderKey: `list-shape-${n}`, caseId: caseId(n), stepId: `${caseId(n)}-ZRJ-001`, departmentCode: 'zrj', matterCode: 'ZRJ-001', status: 'open' as const,
      openedAt: new Date('2026-11-20T01:00:00Z'), deadlineAt: new Date(Date.UTC(2026, 10, 20 + n, 9)), urgeCount: 0,
    })));
    await db.getRepository(PostApprovalCheck).insert([1, 2, 3].map((n) => ({
      stepId: `${caseId(n)}-ZRJ-001`, caseId: caseId(n), departmentCode: 'zrj', matterCode: 'ZRJ-001', items: `核查 ${n}`,
      dueAt: new Date(Date.UTC(2026, 11, n, 9)), status: 'open' as const, createdAt: new Date('2026-11-20T01:00:00Z'),
    })));

    api = await startReadApi(db);
    for (const user of ['clerk1', 'supervisor1', 'officer-zrj', 'officer-hbj', 'leader-zrj', 'officer-wjw', 'agent1']) {
      as[user] = await ApiClient.signIn(api.url, user);
    }
  });
  after(async () => {
    await api?.stop();
    await db?.destroy();
    await dropMysqlDatabase(database);
  });

  describe('one list shape', () => {
    /** Ids of each whole list, in its order, and the key that names an item. */
    const lists = [
      { path: '/api/projects', user: 'supervisor1', key: 'id' },
      { path: '/api/alerts', user: 'supervisor1', key: 'stepId' },
      { path: '/api/supervision-orders', user: 'supervisor1', key: 'id' },
      { path: '/api/post-approval-checks', user: 'officer-zrj', key: 'id' },
    ] as const;

    for (const { path, user, key } of lists) {
      it(`when ${user} pages ${path} one item at a time, then page 2 is the list's second item and total counts them all`, async () => {
        const whole = await as[user].get(`${path}?pageSize=100`);
        expect(whole.status, JSON.stringify(whole.body)).to.equal(200);
        expect(Object.keys(whole.body).sort()).to.deep.equal(['items', 'page', 'pageSize', 'total']);
        expect(whole.body).to.include({ page: 1, pageSize: 100 });
        expect(whole.body.total).to.be.at.least(2).and.to.equal(whole.body.items.length);
        const ids = whole.body.items.map((item: Record<string, unknown>) => item[key]);

        const second = await as[user].get(`${path}?page=2&pageSize=1`);
        expect(second.status).to.equal(200);
        expect(second.body).to.include({ page: 2, pageSize: 1, total: ids.length });
        expect(second.body.items.map((item: Record<string, unknown>) => item[key])).to.deep.equal([ids[1]]);

        const beyond = await as[user].get(`${path}?page=${ids.length + 1}&pageSize=1`);
        expect(beyond.body).to.deep.equal({ items: [], page: ids.length + 1, pageSize: 1, total: ids.length });
      });
    }

    it('when no paging is asked for, then the first page of 20 comes; page sizes above 100 and page 0 are 400s', async () => {
      const first = await as.supervisor1.get('/api/supervision-orders');
      expect(first.body).to.include({ page: 1, pageSize: 20, total: 3 });
      for (const [query, path] of [['pageSize=101', 'query.pageSize'], ['page=0', 'query.page'], ['pageSize=x', 'query.pageSize']]) {
        const refused = await as.supervisor1.get(`/api/projects?${query}`);
        expect(refused.status, query).to.equal(400);
        expect(refused.body.errors.map((e: { path: string }) => e.path), query).to.deep.equal([path]);
      }
    });

    it('when the lists are ordered, then projects are newest first and orders and checks nearest deadline first', async () => {
      const projects = (await as.supervisor1.get('/api/projects')).body.items.map((p: { code: string }) => p.code);
      expect(projects).to.deep.equal(['XM-20261102-0003', 'XM-20261102-0002', PROJECT_CODE]);
      const orders = (await as.supervisor1.get('/api/supervision-orders')).body.items.map((o: { caseId: string }) => o.caseId);
      expect(orders).to.deep.equal([caseId(1), caseId(2), caseId(3)]);
      const checks = (await as['officer-zrj'].get('/api/post-approval-checks')).body.items.map((c: { items: string }) => c.items);
      expect(checks).to.deep.equal(['核查 1', '核查 2', '核查 3']);
      const alerts = (await as.supervisor1.get('/api/alerts')).body.items.map((a: { stepId: string }) => a.stepId);
      expect(alerts).to.deep.equal([`${caseId(1)}-ZRJ-001`, `${caseId(4)}-HBJ-002`]);
    });

    it('when a reviewer or an agent pages projects, then total counts only the projects in their scope', async () => {
      expect((await as['officer-hbj'].get('/api/projects')).body).to.deep.include({ total: 1 })
        .and.to.have.nested.property('items[0].code', PROJECT_CODE);
      expect((await as.agent1.get('/api/projects')).body).to.deep.include({ total: 1 })
        .and.to.have.nested.property('items[0].code', PROJECT_CODE);
      expect((await as['officer-wjw'].get('/api/projects')).body).to.deep.equal({ items: [], page: 1, pageSize: 20, total: 0 });
      expect((await as['officer-zrj'].get('/api/projects?page=1&pageSize=1')).body).to.deep.equal({ items: [], page: 1, pageSize: 1, total: 0 });
    });
  });

  describe('unknown query parameters', () => {
    const refusal = async (user: string, path: string) => {
      const answer = await as[user].get(path);
      expect(answer.status, `${path}: ${JSON.stringify(answer.body)}`).to.equal(400);
      return answer.body as { errors: { path: string; message: string }[] };
    };

    it('when a list is asked with a parameter it does not declare, then it is a 400 naming query.<name>, and declared ones still work', async () => {
      const body = await refusal('clerk1', '/api/cases?trackingCode=QA2345ABCD');
      expect(body.errors).to.have.length(1);
      expect(body.errors[0].path).to.equal('query.trackingCode');
      const [said, takes] = body.errors[0].message.split('：');
      expect(said).to.equal('不认识的查询参数；此接口接受的查询参数');
      expect(takes.split('、')).to.include.members(['status', 'q', 'page', 'pageSize']).and.not.to.include('trackingCode');
      expect((await as.clerk1.get('/api/cases?status=inReview&pageSize=5')).status).to.equal(200);

      expect((await refusal('supervisor1', '/api/projects?colour=red&page=1')).errors.map((e) => e.path)).to.deep.equal(['query.colour']);
      expect((await refusal('supervisor1', '/api/alerts?light=red&lights=red&sort=due')).errors.map((e) => e.path)).to.deep.equal(['query.lights', 'query.sort']);
      expect((await refusal('officer-zrj', '/api/post-approval-checks?state=open')).errors.map((e) => e.path)).to.deep.equal(['query.state']);
      expect((await as.supervisor1.get('/api/supervision-orders?status=open&page=1&pageSize=2')).status).to.equal(200);
    });

    it('when a route that takes no query parameters gets one, then it is a 400 saying it takes none', async () => {
      const body = await refusal('officer-zrj', '/api/inbox?page=1');
      expect(body.errors).to.deep.equal([{ path: 'query.page', message: '不认识的查询参数；此接口不接受查询参数' }]);
      expect((await as['officer-zrj'].get('/api/inbox')).status).to.equal(200);
    });

    it('when a route whose query is transformed (a period) gets a misspelt parameter, then it is a 400 and its declared ones still work', async () => {
      expect((await as.supervisor1.get('/api/rejections?from=2026-11-01&to=2026-11-30&departmentCode=zrj')).status).to.equal(200);
      expect((await refusal('supervisor1', '/api/rejections?from=2026-11-01&department=zrj')).errors.map((e) => e.path)).to.deep.equal(['query.department']);
    });

    it('when the public tracking route gets a parameter besides phoneLast4, then it is a 400 too', async () => {
      const anonymous = new ApiClient(api.url);
      expect((await anonymous.get('/api/track/QA2345ABCD?phoneLast4=5678')).status).to.equal(200);
      const refused = await anonymous.get('/api/track/QA2345ABCD?phoneLast4=5678&name=x');
      expect(refused.status).to.equal(400);
      expect(refused.body.errors.map((e: { path: string }) => e.path)).to.deep.equal(['query.name']);
    });
  });

  describe('?q= on GET /api/cases', () => {
    const found = async (user: string, words: string): Promise<string[]> => {
      const answer = await as[user].get(`/api/cases?${new URLSearchParams({ q: words, pageSize: '100' }).toString()}`);
      expect(answer.status, `${user} ${words}: ${JSON.stringify(answer.body)}`).to.equal(200);
      expect(answer.body.total, words).to.equal(answer.body.items.length);
      return answer.body.items.map((kase: { trackingCode: string }) => kase.trackingCode);
    };

    it('when the clerk searches by tracking code, acceptance number, applicant name or project code, then the case is found', async () => {
      expect(await found('clerk1', 'QA2345ABCD')).to.deep.equal(['QA2345ABCD']);
      expect(await found('clerk1', 'qa2345')).to.deep.equal(['QA2345ABCD']);
      // Accepted 2026-11-20T17:30Z: 2026-11-21 in Shanghai.
      expect(await found('clerk1', 'SL20261121QA2345ABCD')).to.deep.equal(['QA2345ABCD']);
      expect(await found('clerk1', 'sl20261121qa2345abcd')).to.deep.equal(['QA2345ABCD']);
      expect(await found('clerk1', 'SL20261120QA2345ABCD'), 'another day\'s number').to.deep.equal([]);
      expect(await found('clerk1', '星河建设')).to.deep.equal(['QA2345ABCD']);
      expect(await found('clerk1', PROJECT_CODE)).to.deep.equal(['QC2345ABCD']);
      expect(await found('supervisor1', '张三')).to.deep.equal(['QC2345ABCD']);
    });

    it('when the words match several cases, then they come newest first, paged, with the filters applied', async () => {
      expect(await found('clerk1', '2345ABCD')).to.deep.equal(['QG2345ABCD', 'QF2345ABCD', 'QE2345ABCD', 'QD2345ABCD', 'QC2345ABCD', 'QB2345ABCD', 'QA2345ABCD']);
      const second = await as.clerk1.get('/api/cases?q=2345ABCD&page=2&pageSize=2');
      expect(second.body).to.include({ page: 2, pageSize: 2, total: 7 });
      expect(second.body.items.map((kase: { trackingCode: string }) => kase.trackingCode)).to.deep.equal(['QE2345ABCD', 'QD2345ABCD']);
      expect((await as.clerk1.get('/api/cases?q=2345ABCD&status=delivered')).body).to.include({ total: 0 });
    });

    it('when someone searches for a case outside their scope, then it is never found', async () => {
      expect(await found('officer-hbj', 'QA2345ABCD')).to.deep.equal([]);
      expect(await found('officer-hbj', 'SL20261121QA2345ABCD')).to.deep.equal([]);
      expect(await found('officer-hbj', '2345ABCD')).to.deep.equal(['QE2345ABCD', 'QD2345ABCD', 'QC2345ABCD']);
      expect(await found('leader-zrj', PROJECT_CODE)).to.deep.equal([]);
      expect(await found('agent1', '星河')).to.deep.equal([]);
      expect(await found('agent1', '2345ABCD')).to.deep.equal(['QC2345ABCD']);
      expect(await found('officer-wjw', '2345ABCD')).to.deep.equal([]);
    });

    it('when the words hold %, _ or a backslash, then they match literally', async () => {
      expect(await found('clerk1', '%')).to.deep.equal(['QB2345ABCD']);
      expect(await found('clerk1', '百分%之')).to.deep.equal(['QB2345ABCD']);
      expect(await found('clerk1', '李_四')).to.deep.equal(['QD2345ABCD']);
      expect(await found('clerk1', '李')).to.deep.equal(['QE2345ABCD', 'QD2345ABCD']);
      expect(await found('clerk1', 'A\\B')).to.deep.equal(['QF2345ABCD']);
      expect(await found('clerk1', '|')).to.deep.equal([]);
    });

    it('when the words are longer than 100 characters, then it is a 400 on query.q; blank words list everything', async () => {
      const refused = await as.clerk1.get(`/api/cases?q=${'星'.repeat(101)}`);
      expect(refused.status).to.equal(400);
      expect(refused.body.errors.map((e: { path: string }) => e.path)).to.deep.equal(['query.q']);
      expect((await as.clerk1.get(`/api/cases?q=${encodeURIComponent('星'.repeat(100))}`)).body).to.include({ total: 0 });
      expect((await as.clerk1.get('/api/cases?q=%20%20')).body).to.include({ total: 7 });
    });
  });
});
