// A JSON body nested thousands deep parses, but anything that walks it recursively (hashing for
// Idempotency-Key, validation, logging) would exhaust the stack. No route takes more than a few
// levels, so a deeper body is refused at the door, before anything reads it.
import type { RequestHandler } from 'express';
import { badRequest } from '../problems';

export const MAX_BODY_DEPTH = 32;

/** The nesting depth of a parsed JSON value, walked without recursion. */
export function jsonDepth(value: unknown): number {
  let deepest = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > MAX_BODY_DEPTH) return deepest;
    for (const child of Object.values(node as Record<string, unknown>)) stack.push([child, depth + 1]);
  }
  return deepest;
}

export const limitBodyDepth: RequestHandler = (req, _res, next) => {
  if (jsonDepth(req.body) > MAX_BODY_DEPTH) return next(badRequest([{ path: 'body', message: `嵌套超过 ${MAX_BODY_DEPTH} 层` }]));
  next();
};
