// A process that starts before its dependencies (a worker before the Temporal server, in a
// compose deployment) waits for them rather than exiting: retries with exponential backoff.
import type { Logger } from 'pino';

export interface BackoffOptions {
  initialMs?: number;
  maxMs?: number;
  /** Give up after this many attempts; unlimited by default. */
  attempts?: number;
  sleep?: (ms: number) => Promise<void>;
}

export async function withBackoff<T>(what: string, attempt: () => Promise<T>, logger: Pick<Logger, 'warn'>, options: BackoffOptions = {}): Promise<T> {
  const { initialMs = 1000, maxMs = 30_000, attempts = Infinity, sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)) } = options;
  for (let n = 1, delay = initialMs; ; n += 1, delay = Math.min(delay * 2, maxMs)) {
    try {
      return await attempt();
    } catch (err) {
      if (n >= attempts) throw err;
      logger.warn({ err: err instanceof Error ? err.message : String(err), attempt: n, retryInMs: delay }, `${what} not reachable yet; retrying`);
      await sleep(delay);
    }
  }
}
