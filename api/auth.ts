// Sign-in and the two guards every route uses: `authenticate` (a valid bearer token) and
// `allow(...roles)` (function-level authorization, deny by default). Sign-in locks an account for
// one address after `maxFailedLogins` failures in a row from it, for `lockoutMinutes`: a stranger
// elsewhere cannot lock the account's owner out. A deactivated account cannot sign
// in, and its tokens stop working on the next request; role and department come from the account
// row, not the token, so a change applies at once.
import { createSecretKey } from 'node:crypto';
import bcrypt from 'bcryptjs';
import type { RequestHandler } from 'express';
import jwt, { type SignOptions } from 'jsonwebtoken';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { SignInFailure, User } from '../entities';
import { ROLES, type Actor, type Role } from '../domain/types';
import type { AppConfig, SecurityConfig } from '../config';
import { toShanghaiIso } from '../domain/time';
import type { RouteBook } from './endpoints';
import { forbidden, HttpProblem, unauthorized } from './problems';
import { ErrorCode } from '../domain/errors';

declare module 'express-serve-static-core' {
  interface Request {
    user?: Actor;
  }
}

/** The access policy a route handler carries, so a test can prove every route has one. */
export interface Policy {
  policy: readonly Role[] | 'public';
}

const loginBody = z.strictObject({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) });
const loginAnswer = z.object({
  token: z.string(),
  user: z.object({ id: z.number(), username: z.string(), role: z.enum(ROLES), departmentCode: z.string().optional() }),
});
export const loginSchemas = { body: loginBody, answer: loginAnswer };

const tokenClaims = z.object({
  sub: z.string().regex(/^[1-9]\d{0,9}$/),
  exp: z.number(),
  username: z.string(),
  role: z.enum(ROLES),
  departmentCode: z.string().nullable().optional(),
});

// A bcrypt hash of nothing anyone can type: unknown users cost as much time as known ones.
const DUMMY_HASH = bcrypt.hashSync('\u0000unknown-user\u0000', 10);

const locked = (until: Date): HttpProblem =>
  new HttpProblem(423, ErrorCode.Locked, `登录失败次数过多，请于 ${toShanghaiIso(until)} 之后再试`, { lockedUntil: toShanghaiIso(until) });

export interface AuthDependencies {
  db: DataSource;
  config: Pick<AppConfig, 'jwtSecret' | 'jwtTtl'>;
  security: Pick<SecurityConfig, 'maxFailedLogins' | 'lockoutMinutes'>;
  book: RouteBook;
}

export function createAuth({ db, config, security, book }: AuthDependencies) {
  const routes = book.router();
  const users = db.getRepository(User);
  const failures = db.getRepository(SignInFailure);
  // One secret key object: verifying does not parse the secret again on every request.
  const secret = createSecretKey(Buffer.from(config.jwtSecret, 'utf8'));

  /** Counts a failure from this address; the one that reaches the limit locks it and restarts the count. */
  const failed = async (user: User, address: string): Promise<void> => {
    const key = { userId: user.id, address };
    const now = new Date();
    const count = ((await failures.findOneBy(key))?.failures ?? 0) + 1;
    const lockedUntil = count >= security.maxFailedLogins ? new Date(now.getTime() + security.lockoutMinutes * 60_000) : null;
    await failures.upsert({ ...key, failures: lockedUntil ? 0 : count, lockedUntil, updatedAt: now }, ['userId', 'address']);
    if (lockedUntil) throw locked(lockedUntil);
  };

  routes.route({
    method: 'post', path: '/api/auth/login', tag: 'auth', summary: 'Sign in: a bearer token with an expiry',
    access: 'public', body: loginBody, answer: loginAnswer,
    responses: { 200: 'signed in', 401: 'unknown user or wrong password', 423: 'locked after repeated failures' },
  }, async ({ body: { username, password } }, req, res) => {
    res.locals.auditActor = { name: username };
    const address = (req.ip ?? 'unknown').slice(0, 64);
    // A deactivated account answers exactly like an unknown one: no lock, no count, same 401.
    const found = await users.findOneBy({ username });
    const user = found?.active ? found : null;
    // An account-wide lock is the admin's (or an older release's); the automatic one is per address.
    if (user?.lockedUntil && user.lockedUntil.getTime() > Date.now()) throw locked(user.lockedUntil);
    const here = user ? await failures.findOneBy({ userId: user.id, address }) : null;
    if (here?.lockedUntil && here.lockedUntil.getTime() > Date.now()) throw locked(here.lockedUntil);
    const matches = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !matches) {
      if (user) await failed(user, address);
      throw unauthorized('用户名或密码不正确');
    }
    if (here) await failures.delete({ userId: user.id, address });
    if (user.failedLogins > 0 || user.lockedUntil) await users.update({ id: user.id }, { failedLogins: 0, lockedUntil: null });
    const actor: Actor = { id: user.id, username: user.username, role: user.role as Role, departmentCode: user.departmentCode };
    res.locals.auditActor = { id: actor.id, name: actor.username, role: actor.role };
    const token = jwt.sign(
      { username: actor.username, role: actor.role, departmentCode: actor.departmentCode ?? null },
      secret,
      { algorithm: 'HS256', subject: String(actor.id), expiresIn: config.jwtTtl as SignOptions['expiresIn'] },
    );
    res.json({ token, user: { ...actor, departmentCode: actor.departmentCode ?? undefined } });
  });

  // The token says who; the account row says what they may do now. One primary-key read per
  // request, so a deactivation or a role change takes effect on the next request.
  const authenticate: RequestHandler = async (req, _res, next) => {
    const header = req.headers.authorization ?? '';
    const [scheme, token] = header.split(' ');
    if (scheme !== 'Bearer' || !token) return next(unauthorized());
    let subject: number;
    try {
      // Pinned to HS256; a token without `exp` or with a non-numeric subject is no token.
      subject = Number(tokenClaims.parse(jwt.verify(token, secret, { algorithms: ['HS256'] })).sub);
    } catch {
      return next(unauthorized('登录令牌无效或已过期，请重新登录'));
    }
    const account = await users.findOne({
      where: { id: subject }, select: { id: true, username: true, role: true, departmentCode: true, active: true },
    });
    if (!account?.active) return next(unauthorized('该账户已停用'));
    req.user = { id: account.id, username: account.username, role: account.role, departmentCode: account.departmentCode ?? null };
    next();
  };

  return { router: routes.express, authenticate };
}

/** Function-level authorization: the route names the roles it admits. */
export function allow(...roles: Role[]): RequestHandler & Policy {
  const guard: RequestHandler = (req, _res, next) => {
    const user = req.user;
    if (!user) return next(unauthorized());
    if (!roles.includes(user.role)) return next(forbidden(`角色 ${user.role} 无权办理此操作；可办理的角色：${roles.join('、')}`));
    next();
  };
  return Object.assign(guard, { policy: roles });
}

/** The signed-in actor; routes behind `authenticate` always have one. */
export function actorOf(req: { user?: Actor }): Actor {
  if (!req.user) throw unauthorized();
  return req.user;
}
