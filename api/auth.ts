// Sign-in and the two guards every route uses: `authenticate` (a valid bearer token) and
// `allow(...roles)` (function-level authorization, deny by default).
import bcrypt from 'bcryptjs';
import { Router, type RequestHandler } from 'express';
import jwt, { type SignOptions } from 'jsonwebtoken';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import { User } from '../entities';
import { ROLES, type Actor, type Role } from '../domain/types';
import type { AppConfig } from '../config';
import { forbidden, unauthorized } from './problems';
import { parse } from './validation';

declare module 'express-serve-static-core' {
  interface Request {
    user?: Actor;
  }
}

const loginBody = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) });
const tokenClaims = z.object({
  sub: z.string(),
  username: z.string(),
  role: z.enum(ROLES),
  departmentCode: z.string().nullable().optional(),
});

export function createAuth({ db, config }: { db: DataSource; config: Pick<AppConfig, 'jwtSecret' | 'jwtTtl'> }) {
  const router = Router();
  router.post('/api/auth/login', async (req, res) => {
    const { username, password } = parse(loginBody, req.body);
    const user = await db.getRepository(User).findOneBy({ username });
    if (!user || !(await bcrypt.compare(password, user.passwordHash))) throw unauthorized('unknown user or wrong password');
    const actor: Actor = { id: user.id, username: user.username, role: user.role as Role, departmentCode: user.departmentCode };
    const token = jwt.sign(
      { username: actor.username, role: actor.role, departmentCode: actor.departmentCode ?? null },
      config.jwtSecret,
      { subject: String(actor.id), expiresIn: config.jwtTtl as SignOptions['expiresIn'] },
    );
    res.json({ token, user: { ...actor, departmentCode: actor.departmentCode ?? undefined } });
  });

  const authenticate: RequestHandler = (req, _res, next) => {
    const header = req.headers.authorization ?? '';
    const [scheme, token] = header.split(' ');
    if (scheme !== 'Bearer' || !token) return next(unauthorized());
    try {
      const claims = tokenClaims.parse(jwt.verify(token, config.jwtSecret));
      req.user = { id: Number(claims.sub), username: claims.username, role: claims.role, departmentCode: claims.departmentCode ?? null };
      next();
    } catch {
      next(unauthorized('the token is invalid or expired'));
    }
  };

  return { router, authenticate };
}

/** Function-level authorization: the route names the roles it admits. */
export function allow(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    const user = req.user;
    if (!user) return next(unauthorized());
    if (!roles.includes(user.role)) return next(forbidden(`role ${user.role} may not do this; allowed: ${roles.join(', ')}`));
    next();
  };
}

/** The signed-in actor; routes behind `authenticate` always have one. */
export function actorOf(req: { user?: Actor }): Actor {
  if (!req.user) throw unauthorized();
  return req.user;
}
