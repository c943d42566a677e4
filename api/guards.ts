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
import type { EndpointSpec, Guards } from './endpoints';
import { badRequest, HttpProblem } from './problems';

const tooMany = (what: string): RequestHandler => (_req, _res, next) =>
  next(new HttpProblem(429, ErrorCode.TooManyRequests, 'Too many requests', `too many ${what}; slow down and retry after a minute`));

export function createGuards(
  db: DataSource, security: Pick<SecurityConfig, 'loginsPerMinute' | 'writesPerMinute' | 'idempotencyPendingMinutes'>,
): Guards {
  const loginLimit = rateLimit({
    windowMs: 60_000,
    limit: security.loginsPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => ipKeyGenerator(req.ip ?? ''),
    handler: tooMany('sign-in attempts from this address'),
  });
  const writeLimit = rateLimit({
    windowMs: 60_000,
    limit: security.writesPerMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // Behind the access policy: every caller here is signed in, so count per user.
    keyGenerator: (req) => `user:${req.user?.id ?? ipKeyGenerator(req.ip ?? '')}`,
    handler: tooMany('changes from this account'),
  });
  const idempotent = idempotencyKeys(db, security.idempotencyPendingMinutes * 60_000);

  return (spec: EndpointSpec) => {
    if (spec.access === 'public') return spec.method === 'get' ? [] : [loginLimit];
    return [
      ...(spec.method === 'get' ? [] : [writeLimit]),
      ...(spec.idempotent ? [idempotent] : []),
    ];
  };
}

const KEY_PATTERN = /^[\x21-\x7e]{1,128}$/;

/**
 * `Idempotency-Key`: the first request with a key runs; a retry with the same key and the same
 * request gets the first answer (header `Idempotent-Replayed: true`) and creates nothing new. The
 * same key with a different request is refused (422); a retry while the first still runs gets 409.
 * A first answer of 5xx is not kept, so the retry runs again. A key still pending after
 * `abandonedAfterMs` belongs to a request whose process died: it is released and the retry runs.
 */
export function idempotencyKeys(db: DataSource, abandonedAfterMs: number): RequestHandler {
  const records = db.getRepository(IdempotencyRecord);
  /** Deletes the pending record if it is older than the limit; true when this caller released it. */
  const releaseAbandoned = async (record: IdempotencyRecord): Promise<boolean> => {
    if (record.state !== 'pending' || Date.now() - record.createdAt.getTime() < abandonedAfterMs) return false;
    const released = await records.createQueryBuilder().delete()
      .where('id = :id AND state = :state', { id: record.id, state: 'pending' }).execute();
    return (released.affected ?? 0) > 0;
  };
  const middleware: RequestHandler = async (req, res, next) => {
    const key = req.get('Idempotency-Key');
    if (key === undefined) return next();
    if (!KEY_PATTERN.test(key)) throw badRequest([{ path: 'headers.idempotency-key', message: 'must be 1–128 visible ASCII characters' }]);
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
        throw new HttpProblem(422, ErrorCode.IdempotencyKeyReused, 'Idempotency key reused', 'this Idempotency-Key was used for a different request');
      }
      // Of two retries racing for an abandoned key, one releases it and runs; the other sees it pending.
      if (await releaseAbandoned(first)) return middleware(req, res, next);
      if (first.state !== 'done') {
        throw new HttpProblem(409, ErrorCode.Conflict, 'Request in progress', 'a request with this Idempotency-Key is still being processed; retry shortly');
      }
      res.status(first.responseStatus ?? 200).set('Idempotent-Replayed', 'true');
      if (first.responseBody !== null) res.type(first.responseStatus! >= 400 ? 'application/problem+json' : 'application/json').send(first.responseBody);
      else res.end();
      return;
    }
    keepFirstAnswer(res, async (status, body) => {
      if (status >= 500) await records.delete({ actorId, key });
      else await records.update({ actorId, key }, { state: 'done', responseStatus: status, responseBody: body });
    });
    next();
  };
  return middleware;
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
