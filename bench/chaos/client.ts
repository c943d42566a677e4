// A client that behaves like a careful real one: every write carries an Idempotency-Key and is
// sent again with the same key after a network error, a timeout, a 5xx, a 429 or a 409 "request
// in progress", with backoff, until it gets a definitive answer. Reads are retried the same way.
import { randomUUID } from 'node:crypto';

export interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** One write as the client saw it: the key, every try, and the definitive answer. */
export interface WriteRecord {
  key: string;
  method: string;
  path: string;
  /** Tries sent (1 = answered the first time). */
  tries: number;
  /**
   * What made the client try again: `refused` (nothing listening), `cut` (the connection dropped
   * with the request sent), `timeout`, `5xx`, `429`, `in-progress`.
   */
  retriedOn: string[];
  status: number;
  body: Answer['body'];
  startedAt: number;
  answeredAt: number;
}

export interface ClientStats {
  requests: number;
  /** Writes sent and not yet answered, now. */
  writesInFlight: number;
  networkErrors: number;
  serverErrors: number;
  inProgress: number;
  replayed: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const REQUEST_TIMEOUT_MS = 120_000;

/** Give up (and report the write as undecided, status 0) after this long without an answer. */
export const GIVE_UP_MS = 15 * 60_000;

const isInProgress = (answer: Answer): boolean =>
  answer.status === 409 && /in progress/i.test(`${answer.body?.title ?? ''} ${answer.body?.type ?? ''}`);

export class ChaosClient {
  constructor(private readonly base: string, readonly username: string, private readonly token: string, readonly stats: ClientStats) {}

  static async signIn(base: string, username: string, password: string, stats: ClientStats): Promise<ChaosClient> {
    const answer = await new ChaosClient(base, username, '', stats).once('POST', '/api/auth/login', JSON.stringify({ username, password }), {});
    if (answer.status !== 200) throw new Error(`sign-in of ${username}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return new ChaosClient(base, username, answer.body.token, stats);
  }

  /** A read, retried until it is answered without a 5xx. */
  async get(path: string): Promise<Answer> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        const answer = await this.once('GET', path, undefined, {});
        if (answer.status < 500 && answer.status !== 429) return answer;
        this.stats.serverErrors += 1;
      } catch {
        this.stats.networkErrors += 1;
      }
      await sleep(backoff(attempt));
    }
  }

  /** A write with a fresh Idempotency-Key, sent until a definitive answer (or GIVE_UP_MS). */
  async write(path: string, body: unknown): Promise<WriteRecord> {
    const key = `chaos-${randomUUID()}`;
    const text = JSON.stringify(body);
    const record: WriteRecord = { key, method: 'POST', path, tries: 0, retriedOn: [], status: 0, body: undefined, startedAt: Date.now(), answeredAt: 0 };
    for (let attempt = 0; Date.now() - record.startedAt < GIVE_UP_MS; attempt += 1) {
      record.tries += 1;
      let reason: string;
      try {
        const answer = await this.once('POST', path, text, { 'idempotency-key': key });
        if (answer.status >= 500) {
          reason = '5xx';
          this.stats.serverErrors += 1;
        } else if (answer.status === 429) {
          reason = '429';
        } else if (isInProgress(answer)) {
          reason = 'in-progress';
          this.stats.inProgress += 1;
        } else {
          Object.assign(record, { status: answer.status, body: answer.body, answeredAt: Date.now() });
          return record;
        }
      } catch (err) {
        reason = networkFailure(err);
        this.stats.networkErrors += 1;
      }
      record.retriedOn.push(reason);
      await sleep(backoff(attempt));
    }
    record.answeredAt = Date.now();
    return record;
  }

  private async once(method: string, path: string, body: string | undefined, headers: Record<string, string>): Promise<Answer> {
    this.stats.requests += 1;
    const writing = method !== 'GET';
    if (writing) this.stats.writesInFlight += 1;
    let res: Response;
    let text: string;
    try {
      res = await fetch(`${this.base}${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}), ...headers },
        ...(body === undefined ? {} : { body }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      text = await res.text();
    } finally {
      if (writing) this.stats.writesInFlight -= 1;
    }
    if (res.headers.get('idempotent-replayed') === 'true') this.stats.replayed += 1;
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON: keep the text
    }
    return { status: res.status, body: parsed };
  }
}

function networkFailure(err: unknown): string {
  const cause = (err as { cause?: { code?: string } }).cause;
  if (cause?.code === 'ECONNREFUSED') return 'refused';
  if ((err as Error).name === 'TimeoutError') return 'timeout';
  return 'cut';
}

/** 200 ms doubling to 5 s, with jitter so the clients do not come back in step. */
function backoff(attempt: number): number {
  const ceiling = Math.min(5000, 200 * 2 ** attempt);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}
