// 抄送我的 over HTTP against the real system (Temporal dev server, MySQL): GET /api/cases?copied=true
// lists the cases copied to the caller, by name or to the department they review for, newest copy
// first, each once with its latest copy; paged and filtered like every case list.
import { expect } from 'chai';
import { Step } from '../../entities';
import { completeMaterials } from '../support/materials';
import { eventually } from '../support/eventually';
import { ApiClient } from '../support/http';
import { AnswerChecker } from '../support/openapi-answers';
import { startSystem, type RunningSystem } from '../support/system';

const application = (matterCodes: string[]) => ({
  applicant: { name: '星河建设有限公司', phone: '13912345678' }, matterCodes, channel: 'standard', materials: completeMaterials(matterCodes),
});

interface Listed { id: string; trackingCode: string; status: string; copy?: { at: string; by: string; note: string | null } }
interface Listing { items: Listed[]; page: number; pageSize: number; total: number }

describe('抄送我的: the cases copied to the caller (HTTP → Temporal → MySQL)', function () {
  this.timeout(180_000);
  let system: RunningSystem;
  const as = {} as Record<string, ApiClient>;
  let checker: AnswerChecker;
  /** A: in review, copied to officer-hbj twice; B: in review, copied to 发改委; C: not yet accepted, copied to officer-hbj. */
  let a: string;
  let b: string;
  let c: string;

  const registered = async (matterCodes: string[]): Promise<string> => {
    const created = await as.clerk1.post('/api/cases', application(matterCodes));
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    const id = created.body.id as string;
    await eventually(async () => expect((await as.clerk1.get(`/api/cases/${id}`)).status).to.equal(200));
    return id;
  };
  const accepted = async (matterCodes: string[]): Promise<string> => {
    const id = await registered(matterCodes);
    expect((await as.clerk1.post(`/api/cases/${id}/accept`, {})).status).to.equal(200);
    for (const code of matterCodes) {
      await eventually(async () => expect((await system.db.getRepository(Step).findOneByOrFail({ id: `${id}-${code}` })).version).to.be.above(0));
    }
    await eventually(async () => expect((await as.clerk1.get(`/api/cases/${id}`)).body.status).to.equal('inReview'));
    return id;
  };
  const copy = async (by: string, caseId: string, body: Record<string, unknown>): Promise<void> => {
    const copied = await as[by].post(`/api/cases/${caseId}/cc`, body);
    expect(copied.status, JSON.stringify(copied.body)).to.equal(200);
  };
  const list = async (who: string, query: string): Promise<Listing> => {
    const answer = await as[who].get(`/api/cases?${query}`);
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
    // Each answer, with or without copies, is as the OpenAPI document describes it.
    checker.check('GET', `/api/cases?${query}`, answer);
    return answer.body;
  };
  const ids = (listing: Listing) => listing.items.map((item) => item.id);

  before(async () => {
    system = await startSystem('copies_list');
    checker = await AnswerChecker.load(system.url);
    for (const username of ['clerk1', 'officer-zrj', 'officer-hbj', 'leader-hbj', 'officer-fgw', 'leader-fgw', 'officer-zjj', 'supervisor1', 'agent2']) {
      as[username] = await ApiClient.signIn(system.url, username);
    }
    a = await accepted(['ZRJ-001']);
    b = await accepted(['ZRJ-001']);
    c = await registered(['ZRJ-002']);
    await copy('officer-zrj', a, { usernames: ['officer-hbj'], note: '涉及环评，请知悉' });
    await copy('officer-zrj', b, { departmentCodes: ['fgw'], note: '请核对项目备案' });
    await copy('clerk1', c, { usernames: ['officer-hbj'] });
    // A second copy of A to the same person: A is listed once, under its latest copy.
    await copy('supervisor1', a, { usernames: ['officer-hbj'], note: '请跟进' });
  });
  after(async () => {
    await system?.stop();
  });

  it('when a case is copied to a person, then it is in their 抄送我的, newest copy first, once, with who copied it, when and the note', async () => {
    const listing = await list('officer-hbj', 'copied=true');
    expect(ids(listing)).to.deep.equal([a, c]);
    expect(listing).to.include({ total: 2, page: 1, pageSize: 20 });
    const [first, second] = listing.items;
    expect(first.copy).to.include({ by: 'supervisor1', note: '请跟进' });
    expect(first.copy!.at).to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/);
    expect(second.copy).to.include({ by: 'clerk1', note: null });
    expect(second.copy!.at <= first.copy!.at, 'newest copy first').to.equal(true);
    // The usual case summary, as the case page shows it.
    const page = (await as['officer-hbj'].get(`/api/cases/${a}`)).body;
    expect(first).to.include({ id: a, trackingCode: page.trackingCode, status: 'inReview' });
    expect(second).to.include({ id: c, status: 'submitted' });
  });

  it('when a case is copied to a department, then its leader and officers list it, and nobody else', async () => {
    for (const reader of ['officer-fgw', 'leader-fgw']) {
      const listing = await list(reader, 'copied=true');
      expect(ids(listing), reader).to.deep.equal([b]);
      expect(listing.total).to.equal(1);
      expect(listing.items[0].copy).to.include({ by: 'officer-zrj', note: '请核对项目备案' });
    }
    // A copy to officer-hbj by name is not a copy to 生态环境局.
    expect(await list('leader-hbj', 'copied=true')).to.deep.include({ items: [], total: 0 });
    expect(await list('officer-zjj', 'copied=true'), 'another department').to.deep.include({ items: [], total: 0 });
    expect(await list('officer-zrj', 'copied=true'), 'the one who copied').to.deep.include({ items: [], total: 0 });
  });

  it('when someone was copied nothing, then 抄送我的 is empty, though their own list is not', async () => {
    expect(await list('agent2', 'copied=true'), 'an agent not copied').to.deep.include({ items: [], total: 0 });
    expect(await list('clerk1', 'copied=true'), 'a clerk not copied').to.deep.include({ items: [], total: 0 });
    expect((await list('clerk1', '')).total).to.be.at.least(3);
  });

  it('when copied=true is paged or filtered by status or words, then the page, the filter and the total apply to the copied cases only', async () => {
    const second = await list('officer-hbj', 'copied=true&page=2&pageSize=1');
    expect(second).to.include({ page: 2, pageSize: 1, total: 2 });
    expect(ids(second)).to.deep.equal([c]);
    expect(ids(await list('officer-hbj', 'copied=true&page=3&pageSize=1'))).to.deep.equal([]);

    const waiting = await list('officer-hbj', 'copied=true&status=submitted');
    expect(ids(waiting)).to.deep.equal([c]);
    expect(waiting.total).to.equal(1);
    expect(ids(await list('officer-hbj', 'copied=true&status=inReview'))).to.deep.equal([a]);
    expect(await list('officer-hbj', 'copied=true&status=delivered')).to.deep.include({ items: [], total: 0 });

    const code = (await as.clerk1.get(`/api/cases/${c}`)).body.trackingCode as string;
    expect(ids(await list('officer-hbj', `copied=true&q=${code}`))).to.deep.equal([c]);
  });

  it('when copied is absent or false, then the list is the scope\'s as before, without copies', async () => {
    const own = await list('officer-hbj', '');
    const plain = await list('officer-hbj', 'copied=false');
    expect(plain).to.deep.equal(own);
    expect(ids(own)).to.not.include(a).and.to.not.include(c);
    expect(own.items.every((item) => item.copy === undefined)).to.equal(true);
    const zrj = await list('officer-zrj', '');
    expect(ids(zrj)).to.include.members([a, b]);
    expect(zrj.items.every((item) => item.copy === undefined)).to.equal(true);
    expect((await as['officer-hbj'].get('/api/cases?copied=yes')).status).to.equal(400);
  });
});
