// The OpenAPI 3.1 document, generated from the same route declarations (and zod schemas) the
// router validates with, so the document cannot drift from what the API accepts.
import { z } from 'zod';
import type { EndpointSpec, MediaType } from './endpoints';

type JsonSchema = Record<string, unknown>;

/** Inputs are described as callers send them (`io: 'input'`), answers as the server writes them (`io: 'output'`). */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): JsonSchema {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** What a text answer without a declared schema is. */
const TEXT_ANSWERS: Partial<Record<MediaType, string>> = {
  'text/csv': 'CSV text with a header row',
  'text/html': 'an HTML page',
  'text/plain': 'plain text',
  'text/event-stream': 'server-sent events (text/event-stream): `event:`, `id:` and `data:` lines, `data` being JSON',
};

/** The 2xx `content`: the declared answer per media type; a text answer is at least a described string. */
function answerContent(spec: EndpointSpec): Record<string, unknown> {
  const produces = spec.produces ?? 'application/json';
  const declared: Partial<Record<MediaType, z.ZodType>> = spec.answer instanceof z.ZodType ? { [produces]: spec.answer } : spec.answer ?? {};
  const media = declared[produces] ? Object.keys(declared) as MediaType[] : [produces, ...Object.keys(declared) as MediaType[]];
  return Object.fromEntries(media.map((type) => {
    const schema = declared[type];
    if (schema) return [type, { schema: jsonSchema(schema, 'output') }];
    return [type, type === 'application/json' ? {} : { schema: { type: 'string', description: TEXT_ANSWERS[type] } }];
  }));
}

/** Express `/api/cases/:id` → OpenAPI `/api/cases/{id}`. */
export const openApiPath = (path: string): string => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

function parameters(spec: EndpointSpec): unknown[] {
  const fromShape = (schema: z.ZodType | undefined, where: 'path' | 'query') => {
    if (!schema) return [];
    const json = jsonSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
    return Object.entries(json.properties ?? {}).map(([name, property]) => ({
      name, in: where, required: where === 'path' || (json.required ?? []).includes(name), schema: property,
    }));
  };
  const idempotency = spec.idempotent
    ? [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', minLength: 1, maxLength: 128 },
      description: 'A retry with the same key gets the first answer and creates nothing new.' }]
    : [];
  return [...fromShape(spec.params, 'path'), ...fromShape(spec.query, 'query'), ...idempotency];
}

function responses(spec: EndpointSpec): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const [status, description] of Object.entries(spec.responses)) {
    const code = Number(status);
    const own = code >= 300 ? spec.statusAnswers?.[code] : undefined;
    answers[status] = own
      ? { description, content: { 'application/json': { schema: jsonSchema(own, 'output') } } }
      : code >= 400 ? problem(description) : { description, content: answerContent(spec) };
  }
  const add = (status: number, description: string) => {
    answers[String(status)] ??= problem(description);
  };
  if (spec.params || spec.query || spec.body) add(400, 'invalid input; `errors` names every offending field');
  if (spec.access !== 'public') {
    add(401, 'no valid bearer token');
    add(403, `role not allowed; allowed: ${spec.access.join(', ')}`);
  }
  if (spec.params) add(404, 'not found, or outside the caller\'s scope');
  if (spec.body) add(413, 'body above the size limit');
  if (spec.idempotent) add(422, 'this Idempotency-Key was used for a different request');
  if (spec.method !== 'get' || spec.path.startsWith('/api/track/')) add(429, 'rate limit reached');
  return answers;
}

export function openApiDocument(specs: readonly EndpointSpec[], info: { title: string; version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of specs) {
    const operation = {
      tags: [spec.tag],
      summary: spec.summary,
      operationId: `${spec.method}${openApiPath(spec.path).replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ?? '').toUpperCase())}`,
      security: spec.access === 'public' ? [] : [{ bearer: [] }],
      ...(spec.access === 'public' ? {} : { 'x-roles': spec.access }),
      parameters: parameters(spec),
      ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(spec.body) } } } } : {}),
      responses: responses(spec),
    };
    (paths[openApiPath(spec.path)] ??= {})[spec.method] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      ...info,
      description: '并联审批 orchestrator: one-window acceptance, parallel departmental review with working-day deadlines. '
        + 'Errors are application/problem+json; instants are ISO-8601 in Asia/Shanghai.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status'],
          description: 'RFC 9457. Programs match on type, status, errors[].path, state, event, allowed, rules and missing; '
            + 'title, detail and errors[].message are Chinese text for the people at the window and may be reworded.',
          properties: {
            type: { type: 'string', description: 'stable: urn:problem:<code>' },
            title: { type: 'string', description: 'for people (Chinese), one per type' },
            status: { type: 'integer' },
            detail: { type: 'string', description: 'for people (Chinese): what was refused and why' },
            instance: { type: 'string' }, requestId: { type: 'string' },
            errors: { type: 'array', items: { type: 'object', properties: { path: { type: 'string', description: 'stable: the offending field' }, message: { type: 'string', description: 'for people (Chinese)' } } } },
            state: { type: 'string' }, event: { type: 'string' }, allowed: { type: 'array', items: { type: 'string' } },
            rules: { type: 'array', items: { type: 'string' }, description: 'the rules (chart guards) that refused an action the state does take' },
            missing: { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, name: { type: 'string' }, core: { type: 'boolean' } } }, description: '受理 refused: the required materials neither handed in nor owed' },
          },
        },
      },
    },
  };
}
