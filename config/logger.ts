// Structured JSON logs (pino) for the API and the worker.
import pino, { type Logger } from 'pino';

/** Credentials never reach the log: the bearer token and cookies of every logged request. */
export const REDACTED_PATHS = ['req.headers.authorization', 'req.headers.cookie'];

export function createLogger(level: string, name: string, destination?: pino.DestinationStream): Logger {
  const options = { name, level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}
