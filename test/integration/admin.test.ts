// The admin keeps users and the catalogue (DESIGN §4), proven over HTTP against the real system:
// accounts that sign in and see their department, deactivation and lockout relief; matters with
// their materials and 会签 panels that the next registration picks up while earlier cases keep theirs.
import { expect } from 'chai';
import { In } from 'typeorm';
import { ROLES, type Role } from '../../domain/types';
import { AuditLogEntry, Matter, MatterMaterial, Step, User } from '../../entities';
import { completeMaterials } from '../support/materials';
import { eventually } from '../support/eventually';
import { ApiClient, type Answer } from '../support/http';
import { startSystem, type RunningSystem } from '../support/system';

const STRONG = 'correct-horse-battery';
const SIGNED_IN: Record<Role, string> = {
  clerk: 'clerk1', officer: 'officer-zrj', leader: 'leader-zrj', agent: 'agent1', supervisor: 'supervisor1', admin: 'admin1',
};

const paths = (answer: Answer): string[] => (answer.body.errors ?? []).map((e: { path: string }) => e.path);

describe('admin: users and catalogue (HTTP → Temporal → MySQL)', function () {
  this.timeout(240_000);
  let system: RunningSystem;
  const clients = {} as Record<Role, ApiClient>;
  let anonymous: ApiClient;

  before(async () => {
    system = await startSystem('admin');
    anonymous = new ApiClient(system.url);
    await Promise.all(ROLES.map(async (role) => {
      clients[role] = await ApiClient.signIn(system.url, SIGNED_IN[role]);
    }));
  });
  after(async () => {
    await system?.stop();
  });

  const signIn = (username: string, password: string) => anonymous.post('/api/auth/login', { username, password });
  const createUser = (body: Record<string, unknown>) => clients.admin.post('/api/users', {
    displayName: '新经办人', role: 'officer', departmentCode: 'zrj', password: STRONG, ...body,
  });

  describe('users', () => {
    it('when the admin creates an officer of zrj, then the officer signs in and sees the zrj inbox; no hash is ever shown', async () => {
      const created = await createUser({ username: 'officer3-zrj' });
      expect(created.status, JSON.stringify(created.body)).to.equal(201);
      expect(created.body).to.include({ username: 'officer3-zrj', role: 'officer', departmentCode: 'zrj', active: true, locked: false });
      expect(created.headers.get('location')).to.equal(`/api/users/${created.body.id}`);
      expect(JSON.stringify(created.body)).not.to.match(/password|\$2[aby]\$/i);

      const login = await signIn('officer3-zrj', STRONG);
      expect(login.status).to.equal(200);
      expect(login.body.user).to.include({ role: 'officer', departmentCode: 'zrj' });
      // A zrj step and an hbj step are open: the new officer's inbox holds the first, not the second.
      const registered = await clients.clerk.post('/api/cases', {
        applicant: { name: '新人审查测试公司', phone: '13800002222' }, matterCodes: ['ZRJ-001', 'HBJ-002'], channel: 'standard', materials: completeMaterials(['ZRJ-001', 'HBJ-002']),
      });
      expect((await clients.clerk.post(`/api/cases/${registered.body.id}/accept`, {})).status).to.equal(200);
      const officer = new ApiClient(system.url, login.body.token);
      const inbox = await eventually(async () => {
        const answer = await officer.get('/api/inbox');
        expect(answer.status).to.equal(200);
        expect(answer.body.map((step: { caseId: string }) => step.caseId)).to.include(registered.body.id);
        return answer.body as Array<{ caseId: string; departmentCode: string; matterCode: string }>;
      });
      expect(inbox.filter((step) => step.caseId === registered.body.id).map((step) => step.matterCode)).to.deep.equal(['ZRJ-001']);
      expect(inbox.every((step) => step.departmentCode === 'zrj')).to.equal(true);

      const listed = await clients.admin.get('/api/users?departmentCode=zrj&role=officer');
      expect(listed.status).to.equal(200);
      expect(listed.body.map((u: { username: string }) => u.username)).to.have.members(['officer-zrj', 'officer2-zrj', 'officer3-zrj']);
      expect(JSON.stringify(listed.body)).not.to.match(/password|\$2[aby]\$/i);

      const audit = await system.db.getRepository(AuditLogEntry).findOneByOrFail({ action: 'POST /api/users', outcome: 'succeeded' });
      expect(audit).to.include({ actorName: 'admin1', objectType: 'users', objectId: String(created.body.id), status: 201 });
    });

    it('when the username is taken, the department is unknown or missing, or the password is short, then it is refused naming the field and nothing is written', async () => {
      const before = await system.db.getRepository(User).count();
      const duplicate = await createUser({ username: 'officer-zrj' });
      expect(duplicate.status).to.equal(409);
      expect(paths(duplicate)).to.deep.equal(['username']);
      const unknown = await createUser({ username: 'officer-nowhere', departmentCode: 'xxx' });
      expect([unknown.status, paths(unknown)]).to.deep.equal([400, ['departmentCode']]);
      const missing = await createUser({ username: 'leader-nowhere', role: 'leader', departmentCode: undefined });
      expect([missing.status, paths(missing)]).to.deep.equal([400, ['departmentCode']]);
      const clerkWithDepartment = await createUser({ username: 'clerk-zrj', role: 'clerk' });
      expect([clerkWithDepartment.status, paths(clerkWithDepartment)]).to.deep.equal([400, ['departmentCode']]);
      const short = await createUser({ username: 'officer-short', password: 'elevenchars' });
      expect([short.status, paths(short)]).to.deep.equal([400, ['password']]);
      expect(await system.db.getRepository(User).count()).to.equal(before);
    });

    it('when a user is deactivated, then their sign-in is the same 401 as a wrong password; reactivated, they sign in again', async () => {
      const { body: user } = await createUser({ username: 'clerk-temp', role: 'clerk', departmentCode: undefined });
      const signedIn = await signIn('clerk-temp', STRONG);
      expect(signedIn.status).to.equal(200);
      const session = new ApiClient(system.url, signedIn.body.token);
      expect((await session.get('/api/cases')).status).to.equal(200);
      const off = await clients.admin.send('PATCH', `/api/users/${user.id}`, { active: false });
      expect(off.status).to.equal(200);
      expect(off.body.active).to.equal(false);
      // The token issued before stops working on its next request.
      const ended = await session.get('/api/cases');
      expect([ended.status, ended.body.title, ended.body.detail]).to.deep.equal([401, '未登录或登录已失效', '该账户已停用']);
      const refused = await signIn('clerk-temp', STRONG);
      const wrong = await signIn('clerk1', 'not-the-password');
      expect([refused.status, refused.body.detail]).to.deep.equal([401, wrong.body.detail]);
      await system.db.getRepository(User).update({ username: 'clerk1' }, { failedLogins: 0 });
      expect((await clients.admin.send('PATCH', `/api/users/${user.id}`, { active: true })).status).to.equal(200);
      expect((await signIn('clerk-temp', STRONG)).status).to.equal(200);
    });

    it('when a role changes, then the department follows the rule: a leader needs one, a supervisor has none', async () => {
      const { body: user } = await createUser({ username: 'officer-moving' });
      const noDepartment = await clients.admin.send('PATCH', `/api/users/${user.id}`, { role: 'leader', departmentCode: null });
      expect([noDepartment.status, paths(noDepartment)]).to.deep.equal([400, ['departmentCode']]);
      const moved = await clients.admin.send('PATCH', `/api/users/${user.id}`, { role: 'leader', departmentCode: 'hbj', displayName: '生态环境局负责人' });
      expect(moved.body).to.include({ role: 'leader', departmentCode: 'hbj', displayName: '生态环境局负责人' });
      const session = new ApiClient(system.url, (await signIn('officer-moving', STRONG)).body.token);
      expect((await session.get('/api/metrics')).status).to.equal(403);
      const promoted = await clients.admin.send('PATCH', `/api/users/${user.id}`, { role: 'supervisor' });
      expect(promoted.body).to.include({ role: 'supervisor', departmentCode: null });
      // The role comes from the account, not the token: the same token may now read the figures.
      expect((await session.get('/api/metrics')).status).to.equal(200);
      const missing = await clients.admin.send('PATCH', '/api/users/999999', { active: false });
      expect(missing.status).to.equal(404);
    });

    it('when the admin tries to deactivate or demote themselves, then it is 409 and nothing changes', async () => {
      const me = await system.db.getRepository(User).findOneByOrFail({ username: 'admin1' });
      const off = await clients.admin.send('PATCH', `/api/users/${me.id}`, { active: false });
      expect([off.status, paths(off)]).to.deep.equal([409, ['active']]);
      const demoted = await clients.admin.send('PATCH', `/api/users/${me.id}`, { role: 'clerk' });
      expect([demoted.status, paths(demoted)]).to.deep.equal([409, ['role']]);
      expect(await system.db.getRepository(User).findOneByOrFail({ id: me.id })).to.include({ role: 'admin', active: true });
      expect((await clients.admin.send('PATCH', `/api/users/${me.id}`, { displayName: '系统管理员（一）' })).status).to.equal(200);
    });

    it('when an account is locked after 5 failed sign-ins, then unlock lets the right password in, and a new password replaces the old', async () => {
      const { body: user } = await createUser({ username: 'officer-forgetful' });
      for (let i = 1; i <= 4; i++) expect((await signIn('officer-forgetful', `wrong-password-${i}`)).status).to.equal(401);
      expect((await signIn('officer-forgetful', 'wrong-password-5')).status).to.equal(423);
      expect((await signIn('officer-forgetful', STRONG)).status).to.equal(423);
      const listed = await clients.admin.get('/api/users?role=officer');
      expect(listed.body.find((u: { id: number }) => u.id === user.id)).to.include({ locked: true });

      const unlocked = await clients.admin.post(`/api/users/${user.id}/unlock`, {});
      expect(unlocked.status).to.equal(200);
      expect(unlocked.body).to.include({ locked: false, lockedUntil: null });
      expect((await signIn('officer-forgetful', STRONG)).status).to.equal(200);

      for (let i = 1; i <= 5; i++) await signIn('officer-forgetful', `wrong-again-${i}`);
      const tooShort = await clients.admin.post(`/api/users/${user.id}/password`, { password: 'short' });
      expect([tooShort.status, paths(tooShort)]).to.deep.equal([400, ['password']]);
      const reset = await clients.admin.post(`/api/users/${user.id}/password`, { password: 'a-brand-new-passphrase' });
      expect(reset.status).to.equal(200);
      expect(reset.body.locked).to.equal(false);
      expect(await system.db.getRepository(User).findOneByOrFail({ id: user.id })).to.include({ failedLogins: 0, lockedUntil: null });
      expect((await signIn('officer-forgetful', STRONG)).status).to.equal(401);
      expect((await signIn('officer-forgetful', 'a-brand-new-passphrase')).status).to.equal(200);
    });
  });

  describe('catalogue', () => {
    const materials = [
      { code: 'application-form', name: '临时占用林地申请表', required: true, core: true },
      { code: 'site-map', name: '占用范围图', required: true, core: false },
      { code: 'power-of-attorney', name: '授权委托书', required: false, core: false },
    ];
    const matter = (extra: Record<string, unknown> = {}) => ({
      name: '临时用地审批', departmentCode: 'zrj', legalDays: 20, committedDays: 10, specialProcedures: ['补正', '现场踏勘'],
      approval: { mode: 'all', approvers: ['officer-zrj', 'officer2-zrj'] }, materials, ...extra,
    });

    /** A registered, accepted case of one matter, once its step workflow has projected itself. */
    async function acceptedStep(matterCode: string): Promise<string> {
      // The matters these tests add ask for the materials above; every required one is handed in.
      const created = await clients.clerk.post('/api/cases', {
        applicant: { name: '星河建设有限公司', phone: '13912345678' }, matterCodes: [matterCode], channel: 'standard', materials: materials.filter(({ required }) => required).map(({ code }) => ({ code })),
      });
      expect(created.status, JSON.stringify(created.body)).to.equal(201);
      expect((await clients.clerk.post(`/api/cases/${created.body.id}/accept`, {})).status).to.equal(200);
      const stepId = `${created.body.id}-${matterCode}`;
      await eventually(async () => expect((await system.db.getRepository(Step).findOneByOrFail({ id: stepId })).version).to.be.above(0), 30_000);
      return stepId;
    }

    it('when the admin adds a matter with a 会签 panel, then a clerk registers it and the step shows the panel and the limit', async () => {
      const created = await clients.admin.post('/api/matters', { code: 'ZRJ-101', ...matter() });
      expect(created.status, JSON.stringify(created.body)).to.equal(201);
      expect(created.body).to.deep.include({ code: 'ZRJ-101', committedDays: 10, approval: { mode: 'all', approvers: ['officer-zrj', 'officer2-zrj'] }, materials });
      const listed = (await clients.clerk.get('/api/matters')).body.find((m: { code: string }) => m.code === 'ZRJ-101');
      expect(listed.materials).to.deep.equal(materials);

      const stepId = await acceptedStep('ZRJ-101');
      const step = await clients.officer.get(`/api/steps/${stepId}`);
      expect(step.status).to.equal(200);
      expect(step.body.limitDays).to.equal(10);
      expect(step.body.approval).to.include({ mode: 'all' });
      expect(step.body.approval.members).to.deep.equal(['officer-zrj', 'officer2-zrj']);
      const audit = await system.db.getRepository(AuditLogEntry).findOneByOrFail({ action: 'POST /api/matters', outcome: 'succeeded' });
      expect(audit).to.include({ actorName: 'admin1', objectType: 'matters', objectId: 'ZRJ-101' });
    });

    it('when a panel names a reviewer of another department, or a body breaks a rule, then 400 names the field and nothing is written', async () => {
      const before = [await system.db.getRepository(Matter).count(), await system.db.getRepository(MatterMaterial).count()];
      const refused = async (body: Record<string, unknown>) => {
        const answer = await clients.admin.post('/api/matters', { code: 'ZRJ-102', ...matter(body) });
        expect(answer.status, JSON.stringify(answer.body)).to.equal(400);
        return paths(answer);
      };
      expect(await refused({ approval: { mode: 'all', approvers: ['officer-hbj', 'officer-zrj'] } })).to.deep.equal(['approval.approvers.0']);
      expect(await refused({ approval: { mode: 'any', approvers: ['officer-zrj', 'clerk1'] } })).to.deep.equal(['approval.approvers.1']);
      expect(await refused({ committedDays: 21 })).to.deep.equal(['committedDays']);
      expect(await refused({ departmentCode: 'xxx', approval: undefined })).to.deep.equal(['departmentCode']);
      expect(await refused({ requires: ['NOPE-001'] })).to.deep.equal(['requires.0']);
      expect(await refused({ stage: 'someday' })).to.deep.equal(['stage']);
      expect(await refused({ materials: [{ ...materials[0], required: false }] })).to.deep.equal(['materials.0.core']);
      expect(await refused({ materials: [materials[0], { ...materials[1], code: 'application-form' }] })).to.deep.equal(['materials.1.code']);
      expect([await system.db.getRepository(Matter).count(), await system.db.getRepository(MatterMaterial).count()]).to.deep.equal(before);
      const taken = await clients.admin.post('/api/matters', { code: 'ZRJ-001', ...matter() });
      expect([taken.status, paths(taken)]).to.deep.equal([409, ['code']]);
    });

    it('when a matter is replaced, then the next case takes the new limit and materials while the earlier case keeps its own', async () => {
      expect((await clients.admin.post('/api/matters', { code: 'ZRJ-103', ...matter({ approval: undefined }) })).status).to.equal(201);
      const earlier = await acceptedStep('ZRJ-103');
      const replaced = await clients.admin.put('/api/matters/ZRJ-103', matter({ committedDays: 6, approval: undefined, materials: materials.slice(0, 2) }));
      expect(replaced.status, JSON.stringify(replaced.body)).to.equal(200);
      expect(replaced.body).to.deep.include({ committedDays: 6, materials: materials.slice(0, 2) });
      const later = await acceptedStep('ZRJ-103');
      expect((await clients.officer.get(`/api/steps/${later}`)).body.limitDays).to.equal(6);
      expect((await clients.officer.get(`/api/steps/${earlier}`)).body.limitDays).to.equal(10);

      // A refused replacement leaves the matter and every material as they were.
      const refused = await clients.admin.put('/api/matters/ZRJ-103', matter({ committedDays: 3, approval: { mode: 'all', approvers: ['officer-zrj', 'officer-hbj'] } }));
      expect([refused.status, paths(refused)]).to.deep.equal([400, ['approval.approvers.1']]);
      const stored = (await clients.clerk.get('/api/matters')).body.find((m: { code: string }) => m.code === 'ZRJ-103');
      expect(stored).to.deep.include({ committedDays: 6, materials: materials.slice(0, 2) });
      expect((await clients.admin.put('/api/matters/ZRJ-999', matter())).status).to.equal(404);
    });

    it('when an admin sends back what GET /api/matters lists, then the PUT takes it unchanged; another code in the body is 400', async () => {
      const listed = (await clients.admin.get('/api/matters')).body;
      for (const code of ['ZRJ-001', 'FGW-001']) {
        const before = listed.find((m: { code: string }) => m.code === code);
        expect(before.stage === null || typeof before.stage === 'string').to.equal(true);
        const again = await clients.admin.put(`/api/matters/${code}`, before);
        expect(again.status, JSON.stringify(again.body)).to.equal(200);
        expect(again.body).to.deep.equal(before);
      }
      const noStage = listed.find((m: { stage: string | null }) => m.stage === null);
      expect(noStage, 'a seeded matter outside the project stages').not.to.equal(undefined);
      expect((await clients.admin.put(`/api/matters/${noStage.code}`, noStage)).body.stage).to.equal(null);
      const renamed = await clients.admin.put('/api/matters/ZRJ-001', { ...listed.find((m: { code: string }) => m.code === 'ZRJ-001'), code: 'ZRJ-002' });
      expect([renamed.status, paths(renamed)]).to.deep.equal([400, ['code']]);
    });

    it('when a panel member would be deactivated, demoted or moved, then it is 409 until the panel no longer names them', async () => {
      const { body: member } = await createUser({ username: 'officer4-zrj' });
      const panel = { mode: 'sequential', approvers: ['officer-zrj', 'officer4-zrj'] };
      expect((await clients.admin.post('/api/matters', { code: 'ZRJ-107', ...matter({ approval: panel }) })).status).to.equal(201);
      for (const [body, field] of [[{ active: false }, 'active'], [{ role: 'clerk' }, 'role'], [{ departmentCode: 'hbj' }, 'departmentCode']] as const) {
        const answer = await clients.admin.send('PATCH', `/api/users/${member.id}`, body);
        expect([answer.status, paths(answer)], JSON.stringify(body)).to.deep.equal([409, [field]]);
        expect(answer.body.detail).to.contain('ZRJ-107');
      }
      expect((await clients.admin.send('PATCH', `/api/users/${member.id}`, { role: 'leader' })).status).to.equal(200);
      expect((await clients.admin.put('/api/matters/ZRJ-107', matter({ approval: undefined }))).status).to.equal(200);
      expect((await clients.admin.send('PATCH', `/api/users/${member.id}`, { active: false })).body.active).to.equal(false);
    });

    it('when a replacement would make the requires relation a cycle, then 400 names the requirement that closes it', async () => {
      expect((await clients.admin.post('/api/matters', { code: 'ZRJ-104', ...matter({ approval: undefined }) })).status).to.equal(201);
      expect((await clients.admin.post('/api/matters', { code: 'ZRJ-105', ...matter({ approval: undefined, requires: ['ZRJ-104'] }) })).status).to.equal(201);
      expect((await clients.admin.post('/api/matters', { code: 'ZRJ-106', ...matter({ approval: undefined, requires: ['ZRJ-105'] }) })).status).to.equal(201);
      const cycle = await clients.admin.put('/api/matters/ZRJ-104', matter({ approval: undefined, requires: ['ZRJ-001', 'ZRJ-106'] }));
      expect([cycle.status, paths(cycle)]).to.deep.equal([400, ['requires.1']]);
      const self = await clients.admin.put('/api/matters/ZRJ-104', matter({ approval: undefined, requires: ['ZRJ-104'] }));
      expect([self.status, paths(self)]).to.deep.equal([400, ['requires.0']]);
      expect((await system.db.getRepository(Matter).findOneByOrFail({ code: 'ZRJ-104' })).requires).to.equal(null);
    });

    it('when two replacements would each close half of a cycle at once, then one wins and the other is 400', async () => {
      for (const code of ['ZRJ-108', 'ZRJ-109']) {
        expect((await clients.admin.post('/api/matters', { code, ...matter({ approval: undefined }) })).status).to.equal(201);
      }
      const answers = await Promise.all([
        clients.admin.put('/api/matters/ZRJ-108', matter({ approval: undefined, requires: ['ZRJ-109'] })),
        clients.admin.put('/api/matters/ZRJ-109', matter({ approval: undefined, requires: ['ZRJ-108'] })),
      ]);
      expect(answers.map((answer) => answer.status).sort()).to.deep.equal([200, 400]);
      const stored = await system.db.getRepository(Matter).findBy({ code: In(['ZRJ-108', 'ZRJ-109']) });
      expect(stored.filter((row) => row.requires !== null)).to.have.length(1);
    });

    it('when the admin adds a department, then it is listed and can own officers', async () => {
      const created = await clients.admin.post('/api/departments', { code: 'lyj', name: '林业局' });
      expect(created.status).to.equal(201);
      expect((await clients.clerk.get('/api/departments')).body).to.deep.include({ code: 'lyj', name: '林业局' });
      expect((await createUser({ username: 'officer-lyj', departmentCode: 'lyj' })).status).to.equal(201);
      const again = await clients.admin.post('/api/departments', { code: 'lyj', name: '林业局' });
      expect([again.status, paths(again)]).to.deep.equal([409, ['code']]);
    });
  });

  describe('admin routes', () => {
    const ADMIN_ROUTES: [string, string, unknown?][] = [
      ['GET', '/api/users'],
      ['POST', '/api/users', { username: 'intruder', displayName: '入侵者', role: 'admin', password: STRONG }],
      ['PATCH', '/api/users/1', { active: false }],
      ['POST', '/api/users/1/password', { password: STRONG }],
      ['POST', '/api/users/1/unlock', {}],
      ['POST', '/api/matters', { code: 'ZRJ-199', name: '越权', departmentCode: 'zrj', legalDays: 5, committedDays: 3, materials: [{ code: 'a', name: 'a', required: true, core: true }] }],
      ['PUT', '/api/matters/ZRJ-001', { name: '越权', departmentCode: 'zrj', legalDays: 5, committedDays: 3, materials: [{ code: 'a', name: 'a', required: true, core: true }] }],
      ['POST', '/api/departments', { code: 'evil', name: '越权' }],
    ];

    it('when any other role calls an admin route, then it is 403 and nothing is written', async () => {
      const before = await system.db.getRepository(User).find({ order: { id: 'ASC' } });
      for (const role of ROLES.filter((r) => r !== 'admin')) {
        for (const [method, path, body] of ADMIN_ROUTES) {
          const answer = await clients[role].send(method, path, body);
          expect(answer.status, `${role} ${method} ${path}`).to.equal(403);
        }
      }
      expect(await system.db.getRepository(User).find({ order: { id: 'ASC' } })).to.deep.equal(before);
      expect(await system.db.getRepository(Matter).countBy({ code: 'ZRJ-199' })).to.equal(0);
      expect((await system.db.getRepository(Matter).findOneByOrFail({ code: 'ZRJ-001' })).name).not.to.equal('越权');
    });
  });
});
