// What the request log must never hold beside credentials (config/logger.ts redacts those): the
// secret half of a tracking look-up (the phone's last four digits; the tracking code is cut to its
// first four) and the stream route's `access_token`.
import type { Request } from 'express';

const TRACK_PATH = /^(\/api\/track\/[^/?]{0,4})[^/?]*/;
const SECRET_PARAMS = /([?&](?:phoneLast4|access_token)=)[^&]*/g;

export function redactUrl(url: string): string {
  return url.replace(TRACK_PATH, '$1…').replace(SECRET_PARAMS, '$1[redacted]');
}

/** pino-http's request serializer, applied after the standard one. */
export function redactRequest(serialized: { url?: string; query?: Record<string, unknown>; params?: Record<string, unknown> } & Partial<Pick<Request, 'url'>>) {
  if (typeof serialized.url === 'string') serialized.url = redactUrl(serialized.url);
  if (serialized.query) {
    serialized.query = Object.fromEntries(Object.entries(serialized.query).map(([key, value]) => [key, ['phoneLast4', 'access_token'].includes(key) ? '[redacted]' : value]));
  }
  if (serialized.params && 'trackingCode' in serialized.params) serialized.params = { ...serialized.params, trackingCode: '[redacted]' };
  return serialized;
}
