// The route reference in docs/ is generated from the OpenAPI document; a route change without
// `npm run docs:routes` fails here.
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { ROUTES_FILE, routeReference } from '../../scripts/docs-routes';

describe('route reference', () => {
  it('when the OpenAPI document is rendered again, then docs/routes.md matches it', () => {
    expect(readFileSync(ROUTES_FILE, 'utf8') === routeReference(), 'docs/routes.md is stale: run `npm run docs:routes`').to.equal(true);
  });
});
