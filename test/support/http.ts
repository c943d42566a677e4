// A tiny HTTP client for tests: sign in as a demo user, then call the API and get status + body.
import { TEST_PASSWORD } from './system';

export interface Answer<T = any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  status: number;
  body: T;
  contentType: string | null;
  headers: Headers;
}

export class ApiClient {
  constructor(private readonly base: string, readonly token?: string) {}

  static async signIn(base: string, username: string): Promise<ApiClient> {
    const answer = await new ApiClient(base).post('/api/auth/login', { username, password: TEST_PASSWORD });
    if (answer.status !== 200) throw new Error(`sign-in of ${username} failed: ${answer.status} ${JSON.stringify(answer.body)}`);
    return new ApiClient(base, answer.body.token);
  }

  /** The same signed-in user, talking to another server. */
  on(base: string): ApiClient {
    return new ApiClient(base, this.token);
  }

  get(path: string): Promise<Answer> {
    return this.request('GET', path);
  }

  post(path: string, body?: unknown): Promise<Answer> {
    return this.request('POST', path, body === undefined ? undefined : JSON.stringify(body));
  }

  put(path: string, body?: unknown): Promise<Answer> {
    return this.request('PUT', path, body === undefined ? undefined : JSON.stringify(body));
  }

  delete(path: string): Promise<Answer> {
    return this.request('DELETE', path);
  }

  /** Sends a raw string body (for malformed-JSON tests). */
  postRaw(path: string, raw: string): Promise<Answer> {
    return this.request('POST', path, raw);
  }

  /** Any method with a raw body, e.g. JSON that does not parse. */
  sendRaw(method: string, path: string, raw: string): Promise<Answer> {
    return this.request(method, path, raw);
  }

  /** Any method, a JSON body (or none) and extra headers. */
  send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    return this.request(method, path, body === undefined ? undefined : JSON.stringify(body), headers);
  }

  private async request(method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<Answer> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}), ...headers },
      ...(body === undefined ? {} : { body }),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // keep the raw text
    }
    return { status: res.status, body: parsed, contentType: res.headers.get('content-type'), headers: res.headers };
  }
}
