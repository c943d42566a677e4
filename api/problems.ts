// HTTP errors as application/problem+json (RFC 9457). Handlers throw these (or let Temporal
// failures through); one middleware in errors.ts renders them.
import { ErrorCode } from '../domain/errors';

export interface FieldProblem {
  path: string;
  message: string;
}

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly title: string,
    detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
  }
}

export const badRequest = (errors: FieldProblem[]): HttpProblem =>
  new HttpProblem(400, ErrorCode.Validation, 'Invalid request', errors.map((e) => `${e.path || '(body)'}: ${e.message}`).join('; '), { errors });

export const unauthorized = (detail = 'a valid bearer token is required'): HttpProblem =>
  new HttpProblem(401, ErrorCode.Unauthorized, 'Unauthorized', detail);

export const forbidden = (detail: string): HttpProblem => new HttpProblem(403, ErrorCode.Forbidden, 'Forbidden', detail);

export const notFound = (what: string): HttpProblem => new HttpProblem(404, ErrorCode.NotFound, 'Not found', `${what} was not found`);

export const illegalTransition = (detail: string, state: string, event: string, allowed: string[]): HttpProblem =>
  new HttpProblem(409, ErrorCode.IllegalTransition, 'Illegal transition', detail, { state, event, allowed });
