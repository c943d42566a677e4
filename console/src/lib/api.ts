// The typed API client: paths, parameters and request bodies come from the server's OpenAPI
// document (api-schema.d.ts, `npm run console:types`), so a contract change breaks the build.
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './api-schema';
import { ApiProblem, type Problem } from './problem';
import { getSession, setSession } from './session';

/** Routes anyone may call; every other call needs the session's token. */
const PUBLIC = /^\/api\/(auth\/login|track\/)/;

/** A call for a signed-in route after signing out (a poll about to stop) is not sent at all. */
export class SignedOut extends Error {}

const auth: Middleware = {
  onRequest({ request }) {
    const session = getSession();
    if (session) request.headers.set('Authorization', `Bearer ${session.token}`);
    else if (!PUBLIC.test(new URL(request.url).pathname)) throw new SignedOut('signed out');
    return request;
  },
  onResponse({ response }) {
    // An expired or revoked token ends the session; the sign-in guard then shows the sign-in page.
    if (response.status === 401 && getSession() && !response.url.endsWith('/api/auth/login')) setSession(null);
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: '' });
api.use(auth);

interface Answer {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** The answer's body as `T`, or an ApiProblem thrown for a problem+json answer. */
export async function unwrap<T>(call: Promise<Answer>): Promise<T> {
  let answer: Answer;
  try {
    answer = await call;
  } catch (err) {
    if (err instanceof SignedOut) throw new ApiProblem({ status: 401, title: '未登录或登录已失效', detail: '请先登录。' });
    throw new ApiProblem({ status: 0, title: '无法连接服务器', detail: '无法连接服务器，请检查网络后重试。' });
  }
  if (!answer.response.ok) {
    const body = (answer.error ?? {}) as Partial<Problem>;
    throw new ApiProblem({ status: answer.response.status, title: body.title ?? answer.response.statusText, ...body } as Problem);
  }
  return answer.data as T;
}
