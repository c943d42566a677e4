// One declaration per route: who may call it, what its path, query and body look like, and what
// it answers. Mounting a route through here puts the access policy first in its handler chain
// (deny by default), parses every input with its zod schema (400 with field paths), and records
// the declaration for the OpenAPI document. Nothing else registers routes (only the static assets
// of the documentation page are served beside them). A query parameter the declaration does not
// name is a 400, like an unknown body field: a misspelt filter must not answer everything.
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import type { Role } from '../domain/types';
import { allow, type Policy } from './auth';
import { badRequest } from './problems';
import { parse } from './validation';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export type MediaType = 'application/json' | 'text/csv' | 'text/html' | 'text/plain' | 'text/event-stream';

/** `public`: no token needed (health, sign-in, tracking, documentation). */
export type Access = readonly Role[] | 'public';

export interface EndpointSpec<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType> {
  method: Method;
  /** Express path, e.g. `/api/cases/:id/accept`. */
  path: string;
  tag: string;
  summary: string;
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  /** Status → what it means; 400/401/403/404/413/429 are added from the route's shape. */
  responses: Record<number, string>;
  /** The media type of the 2xx answer (JSON unless said otherwise). */
  produces?: MediaType;
  /**
   * The 2xx body (api/answers.ts): its schema in the `produces` media type, or one per media type
   * when a query chooses between them (`format=html`); a text answer is a described `z.string()`.
   */
  answer?: z.ZodType | Partial<Record<MediaType, z.ZodType>>;
  /**
   * The JSON body of a listed status outside 2xx that is not a problem (`/healthz` answers its 503
   * with the parts that are down); every other error status is application/problem+json.
   */
  statusAnswers?: Partial<Record<number, z.ZodType>>;
  /** Accepts an `Idempotency-Key` header: a retry gets the first answer. */
  idempotent?: boolean;
}

type Infer<S> = S extends z.ZodType ? z.infer<S> : undefined;

export interface Input<P, Q, B> {
  params: Infer<P>;
  query: Infer<Q>;
  body: Infer<B>;
}

export type EndpointHandler<P, Q, B> = (input: Input<P, Q, B>, req: Request, res: Response) => Promise<void>;

/** Middleware that every route of a kind gets after its policy (rate limits, idempotency). */
export type Guards = (spec: EndpointSpec) => RequestHandler[];

/** The declarations of every mounted route, in mount order. */
export class RouteBook {
  readonly specs: EndpointSpec[] = [];

  constructor(private readonly guards: Guards = () => []) {}

  /** A router whose routes are declared through `route`. */
  router(): DeclaredRouter {
    return new DeclaredRouter(this, this.guards);
  }

  record(spec: EndpointSpec): void {
    if (this.specs.some((known) => known.method === spec.method && known.path === spec.path)) {
      throw new Error(`route declared twice: ${spec.method.toUpperCase()} ${spec.path}`);
    }
    this.specs.push(spec);
  }
}

export class DeclaredRouter {
  readonly express = Router();

  constructor(private readonly book: RouteBook, private readonly guards: Guards) {}

  route<P extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined>(
    spec: Omit<EndpointSpec, 'params' | 'query' | 'body'> & { params?: P; query?: Q; body?: B },
    handler: EndpointHandler<P, Q, B>,
  ): void {
    const declared = spec as EndpointSpec;
    checkPathParams(declared);
    checkStatusAnswers(declared);
    this.book.record(declared);
    const known = queryNames(declared.query);
    const run: RequestHandler = async (req, res) => {
      refuseUnknownQuery(Object.keys(req.query), known);
      const input = {
        params: declared.params ? parse(declared.params, req.params, 'params') : undefined,
        query: declared.query ? parse(declared.query, req.query, 'query') : undefined,
        body: declared.body ? parse(declared.body, req.body ?? {}) : undefined,
      } as Input<P, Q, B>;
      await handler(input, req, res);
    };
    // Leaving a router restores req.params; the audit trail reads the match from here instead.
    const remember: RequestHandler = (req, res, next) => {
      res.locals.matchedRoute = { path: spec.path, params: { ...req.params } };
      next();
    };
    this.express[spec.method](spec.path, remember, policyOf(spec.access), ...this.guards(declared), run);
  }
}

/** Every `:name` in the path must be described (and so validated) by the params schema. */
function checkPathParams(spec: EndpointSpec): void {
  const names = [...spec.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1]);
  if (names.length === 0) return;
  const shape = (spec.params as unknown as { shape?: Record<string, unknown> } | undefined)?.shape ?? {};
  const missing = names.filter((name) => !(name in shape));
  if (missing.length > 0) throw new Error(`${spec.method.toUpperCase()} ${spec.path}: no schema for path parameter(s) ${missing.join(', ')}`);
}

/** A status answered with its own JSON must be a listed status outside 2xx (2xx answers are `answer`). */
function checkStatusAnswers(spec: EndpointSpec): void {
  const stray = Object.keys(spec.statusAnswers ?? {}).map(Number).filter((code) => code < 300 || !(code in spec.responses));
  if (stray.length > 0) throw new Error(`${spec.method.toUpperCase()} ${spec.path}: statusAnswers for ${stray.join(', ')}, which responses does not list outside 2xx`);
}

/** The parameter names a query schema declares, read from its input side (so transforms and refinements count too). */
function queryNames(schema: z.ZodType | undefined): readonly string[] {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as { properties?: Record<string, unknown> };
  return Object.keys(json.properties ?? {});
}

function refuseUnknownQuery(names: string[], known: readonly string[]): void {
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length === 0) return;
  const takes = known.length === 0 ? '此接口不接受查询参数' : `此接口接受的查询参数：${known.join('、')}`;
  throw badRequest(unknown.map((name) => ({ path: `query.${name}`, message: `不认识的查询参数；${takes}` })));
}

const publicAccess: RequestHandler & Policy = Object.assign<RequestHandler, Policy>((_req, _res, next) => next(), { policy: 'public' });

function policyOf(access: Access): RequestHandler {
  return access === 'public' ? publicAccess : allow(...access);
}
