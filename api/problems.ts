// HTTP errors as application/problem+json (RFC 9457). Handlers throw these (or let Temporal
// failures through); one middleware in errors.ts renders them. People read `title` and `detail`
// (Chinese, for the window staff); programs read `type`, `status` and the extension fields
// (`errors[].path`, `state`, `event`, `allowed`, `rules`, `missing`), which never change wording.
import { ErrorCode } from '../domain/errors';
import type { MissingMaterial } from '../domain/window';

/** The one title of each problem type: a problem's `title` is always its type's. */
export const PROBLEM_TITLES: Readonly<Record<ErrorCode, string>> = {
  [ErrorCode.Validation]: '请求有误',
  [ErrorCode.Unauthorized]: '未登录或登录已失效',
  [ErrorCode.Forbidden]: '无权操作',
  [ErrorCode.NotFound]: '未找到',
  [ErrorCode.IllegalTransition]: '当前状态不能办理',
  [ErrorCode.Conflict]: '与现有数据冲突',
  [ErrorCode.Locked]: '账户已锁定',
  [ErrorCode.TooManyRequests]: '请求过于频繁',
  [ErrorCode.PayloadTooLarge]: '请求内容过大',
  [ErrorCode.IdempotencyKeyReused]: '幂等键已用于其他请求',
  [ErrorCode.MethodNotAllowed]: '不支持的请求方法',
  [ErrorCode.Internal]: '系统内部错误',
};

export interface FieldProblem {
  path: string;
  /** In Chinese, for people; `path` is what programs match on. */
  message: string;
}

export class HttpProblem extends Error {
  readonly title: string;

  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    detail: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(detail);
    this.title = PROBLEM_TITLES[code];
  }
}

export const badRequest = (errors: FieldProblem[]): HttpProblem =>
  new HttpProblem(400, ErrorCode.Validation, errors.map((e) => `${e.path || '请求内容'}：${e.message}`).join('；'), { errors });

export const unauthorized = (detail = '请先登录：需要有效的登录令牌（Bearer）'): HttpProblem =>
  new HttpProblem(401, ErrorCode.Unauthorized, detail);

export const forbidden = (detail: string): HttpProblem => new HttpProblem(403, ErrorCode.Forbidden, detail);

/** `what` names the record with its id, e.g. `案件 12`: the detail reads `案件 12 不存在`. */
export const notFound = (what: string): HttpProblem => new HttpProblem(404, ErrorCode.NotFound, `${what} 不存在`);

/** 409: `detail` names the rule that refused the action; `allowed` lists what a person may send instead; `rules` the refusing guards. */
export const illegalTransition = (detail: string, state: string, event: string, allowed: string[], rules?: string[]): HttpProblem =>
  new HttpProblem(409, ErrorCode.IllegalTransition, detail, { state, event, allowed, ...(rules && rules.length > 0 ? { rules } : {}) });

/** 409 for a value that clashes with a stored one (a taken code or name): `field` is the offending path. */
export const conflict = (detail: string, field: string): HttpProblem =>
  new HttpProblem(409, ErrorCode.Conflict, detail, { errors: [{ path: field, message: detail }] });

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
  return new HttpProblem(409, ErrorCode.IllegalTransition, detail, {
    state, event, allowed, missing: distinct.map(({ code, name, core }) => ({ code, name, core })),
  });
}
