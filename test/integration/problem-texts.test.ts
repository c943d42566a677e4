// Every refusal speaks Chinese to the window staff: `title` and `detail` (and each field's
// message) are Chinese words, while the parts programs read — `type`, `status`, `errors[].path`,
// `state`, `event`, `allowed` — keep their stable machine values.
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { completeMaterials } from '../support/materials';
import { ApiClient, type Answer } from '../support/http';
import { startSystem, type RunningSystem } from '../support/system';

const CJK = /[\u4e00-\u9fff]/;
/** zod's and the API's former English wording: none of it may reach a person. */
const ENGLISH = /Invalid (input|option|request)|expected|received|Unrecognized key|Too (small|big)|must be|is not|was not found|not allowed|Not found|Forbidden|Unauthorized|Conflict|Malformed/i;
/** Three English words in a row: a sentence, not a code or an id. */
const PHRASE = /\b[a-z]{2,} [a-z]{2,} [a-z]{2,}\b/i;

const application = (extra: Record<string, unknown> = {}) => ({
  applicant: { name: '星河建设有限公司', phone: '13912345678' },
  matterCodes: ['ZRJ-001'],
  channel: 'standard',
  materials: completeMaterials(['ZRJ-001']),
  ...extra,
});

/** The problem's words are Chinese and its machine parts are the stable values given. */
function expectProblem(answer: Answer, want: { status: number; type: string; title: string; paths?: string[] }): void {
  const body = answer.body as { type: string; title: string; status: number; detail: string; errors?: { path: string; message: string }[] };
  expect(answer.status, JSON.stringify(body)).to.equal(want.status);
  expect(answer.contentType).to.match(/^application\/problem\+json/);
  expect(body).to.include({ type: `urn:problem:${want.type}`, status: want.status, title: want.title });
  const words = [body.title, body.detail, ...(body.errors ?? []).map((error) => error.message)];
  for (const text of words) {
    expect(text, JSON.stringify(body)).to.match(CJK);
    expect(text, JSON.stringify(body)).not.to.match(ENGLISH);
    expect(text, JSON.stringify(body)).not.to.match(PHRASE);
  }
  if (want.paths) expect((body.errors ?? []).map((error) => error.path)).to.deep.equal(want.paths);
}

describe('problem texts (HTTP → Temporal → MySQL)', function () {
  this.timeout(120_000);
  let system: RunningSystem;
  let clerk: ApiClient;
  let officer: ApiClient;

  before(async () => {
    system = await startSystem('problem_texts');
    [clerk, officer] = await Promise.all(['clerk1', 'officer-zrj'].map((user) => ApiClient.signIn(system.url, user)));
  });
  after(async () => {
    await system?.stop();
  });

  it('when a required field is missing, then 400 says so in Chinese at the field\'s path', async () => {
    const { applicant: _, ...withoutApplicant } = application();
    const answer = await clerk.post('/api/cases', withoutApplicant);
    expectProblem(answer, { status: 400, type: 'validation', title: '请求有误', paths: ['applicant'] });
    expect(answer.body.errors[0].message).to.equal('必填项，未填写');
    expect(answer.body.detail).to.equal('applicant：必填项，未填写');
  });

  it('when the body has a field the route does not take, then 400 names the field in Chinese', async () => {
    const answer = await clerk.post('/api/cases', application({ colour: 'red' }));
    expectProblem(answer, { status: 400, type: 'validation', title: '请求有误', paths: [''] });
    expect(answer.body.errors[0].message).to.equal('不认识的字段："colour"');
  });

  it('when a field has the wrong type or a value off its list, then 400 says what it should be', async () => {
    const answer = await clerk.post('/api/cases', application({ matterCodes: 'ZRJ-001', channel: 'fast' }));
    expectProblem(answer, { status: 400, type: 'validation', title: '请求有误', paths: ['matterCodes', 'channel'] });
    expect(answer.body.errors[0].message).to.equal('应为列表，实际是文本');
    expect(answer.body.errors[1].message).to.match(/^应为以下之一：.*"standard"/);
  });

  it('when a list is asked with a query parameter it does not declare, then 400 names query.<name>', async () => {
    const answer = await clerk.get('/api/cases?colour=red');
    expectProblem(answer, { status: 400, type: 'validation', title: '请求有误', paths: ['query.colour'] });
    expect(answer.body.errors[0].message).to.match(/^不认识的查询参数；此接口接受的查询参数：/);
  });

  it('when the body is not JSON, then 400 says so', async () => {
    const answer = await clerk.postRaw('/api/cases', '{"applicant": ');
    expectProblem(answer, { status: 400, type: 'validation', title: '请求有误', paths: [''] });
    expect(answer.body.detail).to.equal('请求内容不是有效的 JSON');
  });

  it('when a case id is unknown, then 404 names it', async () => {
    const id = randomUUID();
    const answer = await clerk.get(`/api/cases/${id}`);
    expectProblem(answer, { status: 404, type: 'not-found', title: '未找到' });
    expect(answer.body.detail).to.equal(`办件 ${id} 不存在`);
  });

  it('when a role may not do something, then 403 names the role and the roles that may', async () => {
    const answer = await officer.post('/api/cases', application());
    expectProblem(answer, { status: 403, type: 'forbidden', title: '无权操作' });
    expect(answer.body.detail).to.equal('角色 officer 无权办理此操作；可办理的角色：clerk');
  });

  it('when no one is signed in, then 401 asks to sign in', async () => {
    expectProblem(await new ApiClient(system.url).get('/api/cases'), { status: 401, type: 'unauthorized', title: '未登录或登录已失效' });
  });

  it('when a case is delivered before its review, then 409 names the state and the refused event in their stable codes', async () => {
    const created = await clerk.post('/api/cases', application());
    expect(created.status, JSON.stringify(created.body)).to.equal(201);
    const answer = await clerk.post(`/api/cases/${created.body.id}/deliver`, {});
    expectProblem(answer, { status: 409, type: 'illegal-transition', title: '当前状态不能办理' });
    expect(answer.body).to.include({ state: 'submitted', event: 'DELIVER' });
    expect(answer.body.allowed).to.be.an('array').that.includes('ACCEPT').and.not.includes('DELIVER');
  });

  it('when a path is asked with a method it does not take, then 405 lists the methods it takes', async () => {
    const answer = await clerk.send('DELETE', '/api/cases');
    expectProblem(answer, { status: 405, type: 'method-not-allowed', title: '不支持的请求方法' });
    expect(answer.body.allowed).to.deep.equal(['GET', 'POST', 'HEAD']);
    expect(answer.body.detail).to.equal('此地址不支持 DELETE 请求；支持的方法：GET、POST、HEAD');
  });

  it('when a route does not exist, then 404 names it', async () => {
    const answer = await clerk.get('/api/nowhere');
    expectProblem(answer, { status: 404, type: 'not-found', title: '未找到' });
    expect(answer.body.detail).to.equal('接口 GET /api/nowhere 不存在');
  });
});
