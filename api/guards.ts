// The middleware a route gets after its access policy, chosen from its declaration: rate limits
// on sign-in and on every state-changing route (429), and Idempotency-Key handling on the routes
// that declare it.
import { createHash } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import { rateLimit, ipKeyGenerator } from 'express-rate-limit';
import type { DataSource } from 'typeorm';
import { canonicalJson } from '../activities/content-hash';
import type { SecurityConfig } from '../config';
import { ErrorCode } from '../domain/errors';
import { IdempotencyRecord } from '../entities';
import { isUniqueViolation } from '../entities/unique-violation';
import type { AuditLocals } from './audit-trail';
import type { EndpointSpec, Guards } from './endpoints';
import { badRequest, HttpProblem } from './problems';

const tooMany = (what: string): RequestHandler => (_req, _res, next) =>
  next(new HttpProblem(429, ErrorCode.TooManyRequests, `${what}过多，请一分钟后再试`));

export function createGuards(
  db: DataSource, security: Pick<SecurityConfig, 'loginsPerMinute' | 'lookupsPerMinute' | 'writesPerMinute' | 'idempotencyWaitSeconds'>,
): Guards {
  const loginLimit = rateLimit({
    windowMs: 60_000,
    limit: security.loginsPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => ipKeyGenerator(req.ip ?? ''),
    handler: tooMany('本地址的登录尝试'),
  });
  // Public look-ups (a tracking code with the phone's last four digits) cannot be guessed at speed.
  const lookupLimit = rateLimit({
    windowMs: 60_000,
    limit: security.lookupsPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => ipKeyGenerator(req.ip ?? ''),
    handler: tooMany('本地址的查询'),
  });
  const writeLimit = rateLimit({
    windowMs: 60_000,
    limit: security.writesPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // Behind the access policy: every caller here is signed in, so count per user.
    keyGenerator: (req) => `user:${req.user?.id ?? ipKeyGenerator(req.ip ?? '')}`,
    handler: tooMany('本账户的提交'),
  });
  const idempotent = idempotencyKeys(db, security.idempotencyWaitSeconds * 1000);

  return (spec: EndpointSpec) => {
    if (spec.access === 'public' && spec.method !== 'get') return [loginLimit];
    if (spec.access === 'public') return spec.path.startsWith('/api/track/') ? [lookupLimit] : [];
    return [
      ...(spec.method === 'get' ? [] : [writeLimit]),
      ...(spec.idempotent ? [idempotent] : []),
    ];
  };
}

const KEY_PATTERN = /^[\x21-\x7e]{1,128}$/;
const POLL_MS = 100;

/** What the idempotency middleware tells the route: the caller's key, for ids derived from it. */
export interface IdempotencyLocals {
  idempotency?: { actorId: number; key: string };
}

/**
 * An id derived from the caller's Idempotency-Key and a purpose (`case`, `update`, …), or
 * undefined without a key. Routes name their workflows and Temporal updates with it, so a retry of
 * a request whose answer was lost reaches the same workflow and the same update, and Temporal
 * answers the first outcome instead of applying the action twice.
 */
export function idFromKey(res: Response, purpose: string): string | undefined {
  const given = (res.locals as IdempotencyLocals).idempotency;
  if (!given) return undefined;
  return createHash('sha256').update(`${given.actorId}\n${given.key}\n${purpose}`, 'utf8').digest('hex').slice(0, 32);
}

/** The same derived id shaped as a UUID (version 8, RFC 9562), for objects whose ids are UUIDs. */
export function uuidFromKey(res: Response, purpose: string): string | undefined {
  const hex = idFromKey(res, purpose);
  if (!hex) return undefined;
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * `Idempotency-Key`: the first request with a key runs; a retry with the same key and the same
 * request gets the first answer (header `Idempotent-Replayed: true`) and creates nothing new. The
 * same key with a different request is refused (422). A first answer of 5xx is not kept, so the
 * retry runs again. A retry that finds the first still pending waits up to `waitMs` for its
 * answer; if none comes — the first request's process died, or it is slow — the retry runs the
 * request again. That is safe because the routes derive their workflow and update ids from the key
 * (`idFromKey`): the retry reaches the same update, and Temporal answers its first outcome.
 */
export function idempotencyKeys(db: DataSource, waitMs: number): RequestHandler {
  const records = db.getRepository(IdempotencyRecord);
  /** The record once it is no longer pending, or null if it still is after `waitMs`. */
  const settled = async (actorId: number, key: string): Promise<IdempotencyRecord | null> => {
    for (const deadline = Date.now() + waitMs; ;) {
      const record = await records.findOneBy({ actorId, key });
      if (!record || record.state === 'done') return record;
      if (Date.now() >= deadline) return null;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  };
  const middleware: RequestHandler = async (req, res, next) => {
    const key = req.get('Idempotency-Key');
    if (key === undefined) return next();
    if (!KEY_PATTERN.test(key)) throw badRequest([{ path: 'headers.idempotency-key', message: '应为 1–128 个可见 ASCII 字符' }]);
    const actorId = req.user!.id;
    const requestHash = createHash('sha256')
      .update(`${req.method} ${req.originalUrl}\n${canonicalJson(req.body ?? {})}`, 'utf8').digest('hex');
    try {
      await records.insert({
        actorId, key, method: req.method, path: req.originalUrl.slice(0, 200), requestHash, state: 'pending',
        responseStatus: null, responseBody: null, createdAt: new Date(),
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      const first = await records.findOneByOrFail({ actorId, key });
      if (first.requestHash !== requestHash) {
        throw new HttpProblem(422, ErrorCode.IdempotencyKeyReused, '此 Idempotency-Key 已用于另一个内容不同的请求，请换一个新的键重新提交');
      }
      const answered = first.state === 'done' ? first : await settled(actorId, key);
      // The first answer was a 5xx and was dropped meanwhile: this request takes the key afresh.
      if (answered === null && !(await records.existsBy({ actorId, key }))) return middleware(req, res, next);
      if (answered) {
        (res.locals as AuditLocals).auditObject ??= createdObject(res.locals as AuditLocals, answered);
        res.status(answered.responseStatus ?? 200).set('Idempotent-Replayed', 'true');
        if (answered.responseBody !== null) res.type(answered.responseStatus! >= 400 ? 'application/problem+json' : 'application/json').send(answered.responseBody);
        else res.end();
        return;
      }
    }
    (res.locals as IdempotencyLocals).idempotency = { actorId, key };
    keepFirstAnswer(res, async (status, body) => {
      if (status >= 500) await records.delete({ actorId, key, state: 'pending' });
      else await records.update({ actorId, key, state: 'pending' }, { state: 'done', responseStatus: status, responseBody: body });
    });
    next();
  };
  return middleware;
}

/**
 * The object a replayed answer of a create route (no path parameter) is about: the `id` of what
 * the first answer created. Its audit row then names the same object as the first answer's, which
 * matters when that row is the only one: the process died after keeping the answer and before
 * appending its own row. Routes with a path parameter are named by it in the audit trail already.
 */
function createdObject(locals: AuditLocals, answered: IdempotencyRecord): AuditLocals['auditObject'] {
  const route = locals.matchedRoute?.path;
  const status = answered.responseStatus ?? 200;
  if (!route || route.includes('/:') || status < 200 || status >= 300 || answered.responseBody === null) return undefined;
  let id: unknown;
  try {
    id = (JSON.parse(answered.responseBody) as { id?: unknown } | null)?.id;
  } catch {
    return undefined;
  }
  if (typeof id !== 'string' && typeof id !== 'number') return undefined;
  return { type: route.slice(route.lastIndexOf('/') + 1), id: String(id).slice(0, 120) };
}

/** Stores the JSON answer before it is sent, so a retry that follows it always finds it. */
function keepFirstAnswer(res: Response, store: (status: number, body: string) => Promise<void>): void {
  const json = res.json.bind(res);
  res.json = ((body: unknown) => {
    store(res.statusCode, JSON.stringify(body))
      .catch((err: unknown) => res.req.log?.error({ err }, 'idempotency record not stored'))
      .finally(() => json(body));
    return res;
  }) as Response['json'];
}
