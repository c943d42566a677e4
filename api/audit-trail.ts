// The audit trail of the HTTP API: every state-changing request and every denied attempt
// becomes a row of the hash-chained audit log (activities/audit-log.ts), written before the
// answer leaves.
import type { RequestHandler, Request, Response } from 'express';
import type { Logger } from 'pino';
import type { AuditLog, AuditOutcome, AuditRecord } from '../activities/audit-log';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
const DENIED = new Set([401, 403, 404, 423, 429]);

export function outcomeOf(status: number): AuditOutcome {
  if (status >= 500) return 'failed';
  if (DENIED.has(status)) return 'denied';
  if (status >= 400) return 'refused';
  return 'succeeded';
}

/** What a handler may tell the audit trail beyond what the request shows. */
export interface AuditLocals {
  /** Set by api/endpoints.ts when a declared route matched. */
  matchedRoute?: { path: string; params: Record<string, string> };
  auditActor?: { id?: number; name: string; role?: string };
  auditObject?: { type: string; id: string };
  problemDetail?: string;
}

/** The object of a request: the path segment before its first parameter, and that parameter. */
function objectOf(locals: AuditLocals): { type: string; id: string } | null {
  if (locals.auditObject) return locals.auditObject;
  const match = locals.matchedRoute?.path.match(/\/([A-Za-z-]+)\/:([A-Za-z]+)/);
  if (!match) return null;
  const id = locals.matchedRoute?.params[match[2]];
  return typeof id === 'string' ? { type: match[1], id: id.slice(0, 120) } : null;
}

function recordOf(req: Request, res: Response): AuditRecord | null {
  const status = res.statusCode;
  if (READS.has(req.method) && !DENIED.has(status)) return null;
  const locals = res.locals as AuditLocals;
  const actor = req.user
    ? { id: req.user.id, name: req.user.username, role: req.user.role }
    : locals.auditActor ?? null;
  const object = objectOf(locals);
  const pattern = locals.matchedRoute?.path ?? req.path;
  return {
    at: new Date(),
    requestId: String(req.id ?? ''),
    actorId: actor?.id ?? null,
    actorName: actor?.name?.slice(0, 64) ?? null,
    actorRole: actor?.role ?? null,
    action: `${req.method} ${pattern}`.slice(0, 160),
    objectType: object?.type ?? null,
    objectId: object?.id ?? null,
    outcome: outcomeOf(status),
    status,
    detail: locals.problemDetail?.slice(0, 2000) ?? null,
  };
}

/**
 * Writes the audit row before the answer leaves: a client that has its answer can rely on the
 * row being there. An audit write that fails is logged and the answer still goes out.
 */
export function auditTrail(log: AuditLog, logger: Logger): RequestHandler {
  return (req, res, next) => {
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    res.end = ((...args: unknown[]) => {
      const record = recordOf(req, res);
      if (!record) return end(...args);
      log.append(record)
        .catch((err: unknown) => logger.error({ err, requestId: record.requestId }, 'audit append failed'))
        .finally(() => end(...args));
      return res;
    }) as Response['end'];
    next();
  };
}
