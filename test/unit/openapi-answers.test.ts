// The 2xx answers in the OpenAPI document: a declared answer schema is published as the server
// writes it (zod's output side), text answers are described strings, and a route that chooses
// its media type by query lists each.
import { expect } from 'chai';
import { z } from 'zod';
import type { EndpointSpec } from '../../api/endpoints';
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

  it('when a text route declares its answer schema, then it is the only content', () => {
    const content = contentOf(spec({ produces: 'text/csv', answer: z.string().describe('one row per department') }));
    expect(content).to.deep.equal({ 'text/csv': { schema: { type: 'string', description: 'one row per department' } } });
  });
});
