// A known path asked with a method it does not take is a 405 naming the methods it does take
// (RFC 9110 §15.5.6), not a 404 that says the path does not exist.
import type { RequestHandler } from 'express';
import { match } from 'path-to-regexp';
import { ErrorCode } from '../../domain/errors';
import type { EndpointSpec } from '../endpoints';
import { HttpProblem } from '../problems';

export function methodNotAllowed(specs: readonly EndpointSpec[]): RequestHandler {
  return (req, res, next) => {
    const allowed = [...new Set(specs.filter((spec) => match(spec.path, { decode: false })(req.path)).map((spec) => spec.method.toUpperCase()))].sort();
    if (allowed.length === 0 || allowed.includes(req.method)) return next();
    if (allowed.includes('GET')) allowed.push('HEAD');
    res.set('Allow', allowed.join(', '));
    next(new HttpProblem(405, ErrorCode.MethodNotAllowed, `此地址不支持 ${req.method} 请求；支持的方法：${allowed.join('、')}`, { allowed }));
  };
}
