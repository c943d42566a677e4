// Accounts, kept by admins (DESIGN §4): list, create, change role or department, deactivate, set a
// new password, unlock. Password hashes never leave the database. Every change is audited by the
// audit trail with the user as its object. A member of a matter's approval panel stays an active
// reviewer of its department until the panel is changed, so no 会签 step waits on an account that
// can no longer sign.
import bcrypt from 'bcryptjs';
import type { Response } from 'express';
import { In, IsNull, Not, type DataSource } from 'typeorm';
import { z } from 'zod';
import { toShanghaiIso } from '../../domain/time';
import { ROLES, type Role } from '../../domain/types';
import { Department, Matter, SignInFailure, User } from '../../entities';
import { isUniqueViolation } from '../../entities/unique-violation';
import { actorOf } from '../auth';
import type { RouteBook } from '../endpoints';
import { userAnswer } from '../answers';
import { badRequest, conflict, notFound } from '../problems';

/** Roles that review for one department and so need one; every other role has none. */
const DEPARTMENT_ROLES: readonly Role[] = ['officer', 'leader'];
const MIN_PASSWORD = 12;
/** bcrypt reads only the first 72 bytes; a longer password would be silently cut. */
const MAX_PASSWORD_BYTES = 72;
const BCRYPT_ROUNDS = 10;

const password = z.string().min(MIN_PASSWORD, `密码至少 ${MIN_PASSWORD} 个字符`)
  .refine((value) => Buffer.byteLength(value, 'utf8') <= MAX_PASSWORD_BYTES, `密码最多 ${MAX_PASSWORD_BYTES} 字节（一个汉字占 3 字节）`);
const departmentCode = z.string().trim().min(1).max(32);
const displayName = z.string().trim().min(1).max(100);

const idParam = z.strictObject({ id: z.string().regex(/^[1-9]\d{0,8}$/, '应为用户编号（正整数）').transform(Number) });
const listQuery = z.strictObject({ role: z.enum(ROLES).optional(), departmentCode: departmentCode.optional() });
const createBody = z.strictObject({
  username: z.string().regex(/^[A-Za-z0-9._-]{3,64}$/, '应为 3–64 个字母、数字、点、连字符或下划线'),
  displayName,
  role: z.enum(ROLES),
  departmentCode: departmentCode.optional(),
  password,
}).superRefine((body, ctx) => {
  const problem = departmentProblem(body.role, body.departmentCode ?? null);
  if (problem) ctx.addIssue({ code: 'custom', path: ['departmentCode'], message: problem });
});
const patchBody = z.strictObject({
  displayName: displayName.optional(),
  role: z.enum(ROLES).optional(),
  departmentCode: departmentCode.nullable().optional(),
  active: z.boolean().optional(),
}).refine((body) => Object.keys(body).length > 0, '请至少填写 displayName、role、departmentCode、active 中的一项');
const passwordBody = z.strictObject({ password });
const emptyBody = z.strictObject({});

/** Why a role and department do not go together, or null when they do. */
function departmentProblem(role: Role, department: string | null): string | null {
  if (DEPARTMENT_ROLES.includes(role)) return department ? null : `角色 ${role} 须填写所属部门代码`;
  return department ? `角色 ${role} 不属于任何部门，不能填写部门` : null;
}

export interface UserView {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  departmentCode: string | null;
  /** Sign-in is refused until the lock ends (after repeated failures, from at least one address). */
  locked: boolean;
  lockedUntil: string | null;
  active: boolean;
}

/** `addressLocks`: the account's per-address sign-in locks; the latest one shows. */
export function userView(user: User, addressLocks: SignInFailure[] = []): UserView {
  const until = [user.lockedUntil, ...addressLocks.map((lock) => lock.lockedUntil)]
    .filter((at): at is Date => at !== null && at.getTime() > Date.now())
    .sort((a, b) => b.getTime() - a.getTime())[0];
  return {
    id: user.id, username: user.username, displayName: user.displayName, role: user.role, departmentCode: user.departmentCode,
    locked: until !== undefined, lockedUntil: until ? toShanghaiIso(until) : null, active: user.active,
  };
}

export function createUsersRouter({ db, book }: { db: DataSource; book: RouteBook }) {
  const routes = book.router();
  const users = db.getRepository(User);

  const departmentMustExist = async (code: string | null): Promise<void> => {
    if (code !== null && !(await db.getRepository(Department).existsBy({ code }))) {
      throw badRequest([{ path: 'departmentCode', message: `部门 ${code} 不存在` }]);
    }
  };
  /** Matters whose approval panel names the user: they must stay an active reviewer of its department. */
  const panelsNaming = async (username: string): Promise<string[]> => {
    const matters = await db.getRepository(Matter).find({ select: { code: true, approval: true }, where: { approval: Not(IsNull()) } });
    return matters.filter((matter) => matter.approval?.approvers.includes(username)).map((matter) => matter.code);
  };
  const found = async (id: number, res: Response): Promise<User> => {
    res.locals.auditObject = { type: 'users', id: String(id) };
    const user = await users.findOneBy({ id });
    if (!user) throw notFound(`用户 ${id}`);
    return user;
  };
  const locks = db.getRepository(SignInFailure);
  const lockedAddresses = async (ids: number[]): Promise<SignInFailure[]> =>
    (ids.length === 0 ? [] : locks.find({ where: { userId: In(ids), lockedUntil: Not(IsNull()) } }));
  const answer = async (id: number, res: Response): Promise<void> => {
    res.json(userView(await users.findOneByOrFail({ id }), await lockedAddresses([id])));
  };

  routes.route({
    method: 'get', path: '/api/users', tag: 'users', summary: 'Accounts (no password hashes), optionally by role or department',
    access: ['admin'], query: listQuery, answer: z.array(userAnswer), responses: { 200: '`[{id, username, displayName, role, departmentCode, locked, lockedUntil, active}]`' },
  }, async ({ query }, _req, res) => {
    const where = { ...(query.role ? { role: query.role } : {}), ...(query.departmentCode ? { departmentCode: query.departmentCode } : {}) };
    const listed = await users.find({ where, order: { username: 'ASC' } });
    const held = await lockedAddresses(listed.map((user) => user.id));
    res.json(listed.map((user) => userView(user, held.filter((lock) => lock.userId === user.id))));
  });

  routes.route({
    method: 'post', path: '/api/users', tag: 'users', summary: 'Create an account; officers and leaders belong to a department',
    access: ['admin'], body: createBody, answer: userAnswer,
    responses: { 201: 'the account', 409: 'the username is taken (`errors[0].path` = `username`)' },
  }, async ({ body }, _req, res) => {
    const department = body.departmentCode ?? null;
    await departmentMustExist(department);
    const passwordHash = await bcrypt.hash(body.password, BCRYPT_ROUNDS);
    let id: number;
    try {
      const inserted = await users.insert({
        username: body.username, displayName: body.displayName, role: body.role, departmentCode: department, passwordHash,
        failedLogins: 0, lockedUntil: null, active: true, createdAt: new Date(),
      });
      id = Number(inserted.identifiers[0].id);
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict(`用户名 ${body.username} 已被使用`, 'username');
      throw err;
    }
    res.locals.auditObject = { type: 'users', id: String(id) };
    res.status(201).location(`/api/users/${id}`);
    await answer(id, res);
  });

  routes.route({
    method: 'patch', path: '/api/users/:id', tag: 'users', summary: 'Change display name, role, department or active flag',
    access: ['admin'], params: idParam, body: patchBody, answer: userAnswer,
    responses: {
      200: 'the account',
      409: 'an admin may not deactivate or demote themselves; a member of a matter\'s approval panel may not leave its department\'s reviewers',
    },
  }, async ({ params: { id }, body }, req, res) => {
    const user = await found(id, res);
    const role = body.role ?? user.role;
    // A role without a department drops the old one unless the request names one.
    const department = body.departmentCode !== undefined ? body.departmentCode
      : DEPARTMENT_ROLES.includes(role) ? user.departmentCode : null;
    const problem = departmentProblem(role, department);
    if (problem) throw badRequest([{ path: 'departmentCode', message: problem }]);
    await departmentMustExist(department);
    if (user.id === actorOf(req).id && (role !== 'admin' || body.active === false)) {
      throw conflict('管理员不能停用自己的账户，也不能取消自己的管理员角色', body.active === false ? 'active' : 'role');
    }
    const leavesPanels = body.active === false || !DEPARTMENT_ROLES.includes(role) || department !== user.departmentCode;
    if (leavesPanels) {
      const panels = await panelsNaming(user.username);
      if (panels.length > 0) {
        const field = body.active === false ? 'active' : body.role !== undefined && body.role !== user.role ? 'role' : 'departmentCode';
        throw conflict(`${user.username} 是事项 ${panels.join('、')} 审批组的成员，请先调整审批组`, field);
      }
    }
    await users.update({ id }, {
      displayName: body.displayName ?? user.displayName, role, departmentCode: department, active: body.active ?? user.active,
    });
    await answer(id, res);
  });

  routes.route({
    method: 'post', path: '/api/users/:id/password', tag: 'users', summary: 'Set a new password; clears failed sign-ins and the lock',
    access: ['admin'], params: idParam, body: passwordBody, answer: userAnswer, responses: { 200: 'the account' },
  }, async ({ params: { id }, body }, _req, res) => {
    await found(id, res);
    const passwordHash = await bcrypt.hash(body.password, BCRYPT_ROUNDS);
    await users.update({ id }, { passwordHash, failedLogins: 0, lockedUntil: null });
    await locks.delete({ userId: id });
    await answer(id, res);
  });

  routes.route({
    method: 'post', path: '/api/users/:id/unlock', tag: 'users', summary: 'Lift a sign-in lock and clear failed sign-ins',
    access: ['admin'], params: idParam, body: emptyBody, answer: userAnswer, responses: { 200: 'the account' },
  }, async ({ params: { id } }, _req, res) => {
    await found(id, res);
    await users.update({ id }, { failedLogins: 0, lockedUntil: null });
    // Locks are per address: lifting them lifts every address's.
    await locks.delete({ userId: id });
    await answer(id, res);
  });

  return routes.express;
}
