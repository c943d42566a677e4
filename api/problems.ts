// HTTP errors as application/problem+json (RFC 9457). Handlers throw these (or let Temporal
// failures through); one middleware in errors.ts renders them.
import { ErrorCode } from '../domain/errors';
import type { MissingMaterial } from '../domain/window';

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

/** 409: `detail` names the rule that refused the action; `allowed` lists what a person may send instead; `rules` the refusing guards. */
export const illegalTransition = (detail: string, state: string, event: string, allowed: string[], rules?: string[]): HttpProblem =>
  new HttpProblem(409, ErrorCode.IllegalTransition, 'Illegal transition', detail, { state, event, allowed, ...(rules && rules.length > 0 ? { rules } : {}) });

/**
 * 受理 refused while required materials are missing: names each one, and what the window may do
 * instead (一次告知 and 补正; 容缺 only when every missing one is non-core; 不予受理; withdrawal).
 */
export function materialsOutstanding(state: string, event: string, missing: MissingMaterial[]): HttpProblem {
  const distinct = missing.filter((material, i) => missing.findIndex((other) => other.code === material.code) === i);
  const names = distinct.map((material) => `${material.name}${material.core ? '（核心材料）' : ''}`).join('、');
  const tolerable = distinct.every((material) => !material.core);
  const allowed = ['REQUEST_SUPPLEMENT', ...(tolerable ? ['ACCEPT_WITH_DEFICIENCY'] : []), 'REFUSE', 'WITHDRAW'];
  const detail = `必要材料未齐，不能受理：${names}。请一次告知补正${tolerable ? '，或对非核心材料容缺受理' : '（核心材料不能容缺）'}`;
  return new HttpProblem(409, ErrorCode.IllegalTransition, 'Illegal transition', detail, {
    state, event, allowed, missing: distinct.map(({ code, name, core }) => ({ code, name, core })),
  });
}
