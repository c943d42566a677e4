// The one error middleware: typed business failures and validation errors become problem+json.
import type { ErrorRequestHandler } from 'express';
import { ApplicationFailure } from '@temporalio/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ErrorCode, type IllegalTransitionDetails } from '../domain/errors';
import { forbidden, HttpProblem, illegalTransition, notFound, PROBLEM_TITLES } from './problems';

/** Maps a failure raised inside a workflow update (validator or handler) to an HTTP problem. */
export function fromWorkflowFailure(err: unknown): HttpProblem | undefined {
  if (!(err instanceof WorkflowUpdateFailedError)) return undefined;
  const cause = err.cause;
  if (!(cause instanceof ApplicationFailure)) return undefined;
  switch (cause.type) {
    case ErrorCode.IllegalTransition: {
      const details = cause.details?.[0] as IllegalTransitionDetails | undefined;
      return illegalTransition(cause.message, details?.state ?? 'unknown', details?.event ?? 'unknown', details?.allowed ?? [], details?.rules);
    }
    case ErrorCode.Forbidden:
      return forbidden(cause.message);
    case ErrorCode.NotFound:
      return notFound(cause.message);
    default:
      return undefined;
  }
}

export const problemMiddleware: ErrorRequestHandler = (err, req, res, _next) => {
  const problem = err instanceof HttpProblem ? err : fromWorkflowFailure(err) ?? fromExpress(err);
  if (!problem) {
    req.log?.error({ err }, 'unhandled error');
  }
  const status = problem?.status ?? 500;
  const detail = problem?.message ?? '系统出现意外错误，请稍后重试；如仍不能办理，请把请求编号（requestId）告知系统管理员';
  res.locals.problemDetail = detail;
  res.status(status).type('application/problem+json').json({
    type: `urn:problem:${problem?.code ?? ErrorCode.Internal}`,
    title: problem?.title ?? PROBLEM_TITLES[ErrorCode.Internal],
    status,
    detail,
    instance: req.originalUrl,
    requestId: String(req.id ?? ''),
    ...(problem?.extra ?? {}),
  });
};

/** body-parser errors (malformed JSON, too large) carry an HTTP status of their own. */
function fromExpress(err: unknown): HttpProblem | undefined {
  const status = (err as { status?: number; type?: string }).status;
  if (status === 400) return new HttpProblem(400, ErrorCode.Validation, '请求内容不是有效的 JSON', { errors: [{ path: '', message: '不是有效的 JSON' }] });
  if (status === 413) return new HttpProblem(413, ErrorCode.PayloadTooLarge, '请求内容超过了大小上限');
  if (status === 415) return new HttpProblem(415, ErrorCode.Validation, '请求内容的编码不受支持');
  return undefined;
}
