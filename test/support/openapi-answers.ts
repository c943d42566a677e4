// Checks live answers against the OpenAPI document the server serves: every JSON 2xx answer must
// match the schema the document gives for its method, path and status (JSON Schema 2020-12, with
// formats), and so must a JSON answer of another status the document gives a JSON schema (a
// problem+json error is not JSON by media type and passes). Opt in by wrapping a client: `checked(client, checker)`; a mismatch throws, naming the
// route and the validator's message.
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { Answer, ApiClient } from './http';

type Schema = Record<string, unknown>;

interface Operation {
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
}

const JSON_MEDIA = 'application/json';

/** `/api/cases/{id}` → a matcher of `/api/cases/…`; literal segments outrank parameters. */
function templateOf(path: string): { path: string; pattern: RegExp; params: number } {
  const escaped = path.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return { path, pattern: new RegExp(`^${escaped.join('[^/]+')}$`), params: escaped.length - 1 };
}

export class AnswerChecker {
  private readonly ajv = new Ajv2020({ allErrors: true, strict: true });
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly templates: ReturnType<typeof templateOf>[];
  /** `GET /api/cases/{id}` of every 2xx answer checked against a schema; `GET /healthz 503` of any other. */
  readonly checked = new Set<string>();

  constructor(readonly document: OpenApiDocument) {
    addFormats(this.ajv);
    this.templates = Object.keys(document.paths).map(templateOf).sort((a, b) => a.params - b.params);
  }

  /** The document as the server at `base` serves it. */
  static async load(base: string): Promise<AnswerChecker> {
    const res = await fetch(`${base}/api/openapi.json`);
    if (res.status !== 200) throw new Error(`GET /api/openapi.json answered ${res.status}`);
    return new AnswerChecker(await res.json() as OpenApiDocument);
  }

  /** The document's path template a request path falls under, e.g. `/api/cases/{id}`. */
  templateFor(method: string, url: string): string {
    const path = url.split('?')[0];
    const match = this.templates.find((template) => template.pattern.test(path) && this.document.paths[template.path][method.toLowerCase()]);
    if (!match) throw new Error(`${method.toUpperCase()} ${path}: no such route in the OpenAPI document`);
    return match.path;
  }

  /** The JSON schema of a 2xx answer; undefined when the document declares none. */
  schemaFor(method: string, template: string, status: number): Schema | undefined {
    const operation = this.document.paths[template]?.[method.toLowerCase()];
    const response = operation?.responses?.[String(status)];
    if (!response) throw new Error(`${method.toUpperCase()} ${template}: the document lists no ${status} answer`);
    return response.content?.[JSON_MEDIA]?.schema;
  }

  /** The JSON schema the document gives a status outside 2xx, if it lists one. */
  private otherSchemaFor(method: string, template: string, status: number): Schema | undefined {
    return this.document.paths[template]?.[method.toLowerCase()]?.responses?.[String(status)]?.content?.[JSON_MEDIA]?.schema;
  }

  /**
   * Throws when a JSON 2xx answer does not match its schema (or its status is undocumented), or
   * a JSON answer of another status does not match the schema the document gives that status.
   * Answers of other media types, and routes the document gives no schema, pass unchecked.
   */
  check(method: string, url: string, answer: Pick<Answer, 'status' | 'body' | 'contentType'>): void {
    if (!answer.contentType?.startsWith(JSON_MEDIA)) return;
    const success = answer.status >= 200 && answer.status < 300;
    const template = this.templateFor(method, url);
    const route = `${method.toUpperCase()} ${template}`;
    const schema = success ? this.schemaFor(method, template, answer.status) : this.otherSchemaFor(method, template, answer.status);
    if (!schema) return;
    const key = `${route} ${answer.status}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.compiled.set(key, validate);
    }
    if (!validate(answer.body)) {
      throw new Error(`${method.toUpperCase()} ${url} → ${answer.status} does not match the document's schema of ${route}: `
        + this.ajv.errorsText(validate.errors, { dataVar: 'answer', separator: '; ' }));
    }
    this.checked.add(success ? route : key);
  }
}

export type CheckedClient = Pick<ApiClient, 'get' | 'post' | 'put' | 'delete' | 'send'>;

/** The client's calls, each answer checked against the document before it is returned. */
export function checked(client: ApiClient, checker: AnswerChecker): CheckedClient {
  const after = (method: string, path: string) => (answer: Answer): Answer => {
    checker.check(method, path, answer);
    return answer;
  };
  return {
    get: (path) => client.get(path).then(after('GET', path)),
    post: (path, body) => client.post(path, body).then(after('POST', path)),
    put: (path, body) => client.put(path, body).then(after('PUT', path)),
    delete: (path) => client.delete(path).then(after('DELETE', path)),
    send: (method, path, body, headers) => client.send(method, path, body, headers).then(after(method, path)),
  };
}
