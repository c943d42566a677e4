// problem+json answers in Chinese words: 409 names the refused action and what is allowed now,
// 400 points at the offending fields.
import { ACTION_LABELS, CASE_STATUS_LABELS, RECORD_STATUS_LABELS, STEP_STATUS_LABELS, label } from './labels';

export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  state?: string;
  event?: string;
  allowed?: string[];
  errors?: { path: string; message: string }[];
  requestId?: string;
}

export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
  get status(): number {
    return this.problem.status;
  }
}

const STATUS_WORDS: Record<number, string> = {
  400: '填写的内容有误，请检查标出的项目。',
  401: '用户名或密码不正确，或登录已失效，请重新登录。',
  403: '您没有执行此操作的权限。',
  404: '未找到该记录，或不在您的办理范围内。',
  409: '当前状态下不能执行此操作。',
  413: '提交的内容过大。',
  422: '重复提交的请求与原请求不一致。',
  423: '账号已被锁定，请稍后再试或联系管理员。',
  429: '操作过于频繁，请稍后再试。',
};

const stateName = (state: string | undefined): string =>
  state ? CASE_STATUS_LABELS[state] ?? STEP_STATUS_LABELS[state] ?? RECORD_STATUS_LABELS[state] ?? state : '';

/** The problem as Chinese sentences: a headline and, for 409, the actions allowed now. */
export function describeProblem(error: unknown): { message: string; allowed: string[]; detail?: string } {
  if (!(error instanceof ApiProblem)) return { message: '操作失败，请稍后重试。', allowed: [] };
  const { problem } = error;
  if (problem.status === 0) return { message: problem.detail ?? '无法连接服务器。', allowed: [] };
  if (problem.status === 409 && problem.event) {
    const allowed = (problem.allowed ?? []).map((event) => label(ACTION_LABELS, event));
    const where = problem.state ? `当前状态为「${stateName(problem.state)}」，` : '';
    return {
      message: `${where}不能执行「${label(ACTION_LABELS, problem.event)}」。`,
      allowed,
      detail: problem.detail,
    };
  }
  // A 409 naming fields (a taken username or code, a rule about one field) points at them like a 400.
  const conflict = problem.status === 409 && (problem.errors?.length ?? 0) > 0 ? '与现有记录或规则冲突，请检查标出的项目。' : undefined;
  const base = conflict ?? STATUS_WORDS[problem.status] ?? (problem.status >= 500 ? '服务器出错，请稍后重试。' : '操作失败。');
  return { message: base, allowed: [], detail: problem.detail };
}

/**
 * Field errors of a 400 (or a 409 naming fields) as antd Form `setFields` entries (`applicant.phone` → ['applicant','phone']).
 * The server words each field's message in Chinese, so it shows as it is.
 */
export function fieldErrors(error: unknown): { name: (string | number)[]; errors: string[] }[] {
  if (!(error instanceof ApiProblem) || (error.status !== 400 && error.status !== 409)) return [];
  return (error.problem.errors ?? [])
    .filter((item) => item.path)
    .map((item) => ({
      name: item.path.split('.').map((piece) => (/^\d+$/.test(piece) ? Number(piece) : piece)),
      errors: [item.message],
    }));
}
