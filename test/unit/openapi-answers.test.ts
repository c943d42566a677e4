// The 2xx answers in the OpenAPI document: a declared answer schema is published as the server
// writes it (zod's output side), text answers are described strings, and a route that chooses
// its media type by query lists each; a status outside 2xx answers problem+json unless the route
// declares its own JSON for it.
import { expect } from 'chai';
import { z } from 'zod';
import { RouteBook, type EndpointSpec } from '../../api/endpoints';
import { openApiDocument } from '../../api/openapi';

const spec = (extra: Partial<EndpointSpec>): EndpointSpec => ({
  method: 'get', path: '/api/things', tag: 'things', summary: 'things', access: 'public', responses: { 200: 'the things' }, ...extra,
});

const contentOf = (declared: EndpointSpec) => {
  const document = openApiDocument([declared], { title: 't', version: '1' });
  return (document.paths['/api/things'].get as { responses: Record<string, { content: Record<string, { schema?: Record<string, unknown> }> }> }).responses['200'].content;
};

describe('OpenAPI answers', () => {
  it('when a route declares its answer, then the 2xx JSON content carries it as written (defaults required, no extra fields)', () => {
    const content = contentOf(spec({ answer: z.object({ id: z.number(), page: z.number().default(1) }) }));
    expect(content['application/json'].schema).to.deep.include({
      type: 'object', required: ['id', 'page'], additionalProperties: false,
    });
  });

  it('when a JSON route declares no answer, then its content has no schema', () => {
    expect(contentOf(spec({}))).to.deep.equal({ 'application/json': {} });
  });

  it('when a text route declares no answer, then its content is a described string', () => {
    const content = contentOf(spec({ produces: 'text/event-stream' }));
    expect(content['text/event-stream'].schema).to.include({ type: 'string' });
    expect(content['text/event-stream'].schema?.description).to.match(/server-sent events/);
  });

  it('when a route answers JSON or a printable page by query, then both media types carry their schema', () => {
    const content = contentOf(spec({
      produces: 'text/html',
      answer: { 'application/json': z.object({ kind: z.literal('acceptance') }), 'text/html': z.string().describe('the printable paper') },
    }));
    expect(Object.keys(content).sort()).to.deep.equal(['application/json', 'text/html']);
    expect(content['application/json'].schema).to.deep.include({ type: 'object', required: ['kind'] });
    expect(content['text/html'].schema).to.deep.equal({ type: 'string', description: 'the printable paper' });
  });

  it('when a route declares its own JSON for a status outside 2xx, then that status carries it instead of a problem', () => {
    const declared = spec({
      answer: z.object({ status: z.literal('ok') }),
      statusAnswers: { 503: z.object({ status: z.literal('unavailable') }) },
      responses: { 200: 'up', 503: 'down', 409: 'refused' },
    });
    const { responses } = openApiDocument([declared], { title: 't', version: '1' }).paths['/api/things'].get as {
      responses: Record<string, { content: Record<string, { schema?: Record<string, unknown> }> }>;
    };
    expect(Object.keys(responses['503'].content)).to.deep.equal(['application/json']);
    expect(responses['503'].content['application/json'].schema).to.deep.include({ type: 'object', required: ['status'] });
    expect(responses['503'].content['application/json'].schema?.properties).to.deep.equal({ status: { type: 'string', const: 'unavailable' } });
    expect(responses['409'].content).to.deep.equal({ 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } });
    expect(responses['200'].content['application/json'].schema?.properties).to.deep.equal({ status: { type: 'string', const: 'ok' } });
  });

  it('when a route declares its own JSON for a 2xx or an unlisted status, then mounting it fails naming the status', () => {
    const mount = (statusAnswers: EndpointSpec['statusAnswers']) => () => new RouteBook().router()
      .route(spec({ statusAnswers, responses: { 200: 'up', 503: 'down' } }), async () => {});
    expect(mount({ 502: z.object({}) })).to.throw(/statusAnswers for 502/);
    expect(mount({ 200: z.object({}) })).to.throw(/statusAnswers for 200/);
    expect(mount({ 503: z.object({}) })).not.to.throw();
  });

  it('when a text route declares its answer schema, then it is the only content', () => {
    const content = contentOf(spec({ produces: 'text/csv', answer: z.string().describe('one row per department') }));
    expect(content).to.deep.equal({ 'text/csv': { schema: { type: 'string', description: 'one row per department' } } });
  });
});
