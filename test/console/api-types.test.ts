// The console's API types are generated from the OpenAPI document; a route change without
// `npm run console:types` fails here instead of in a user's browser.
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { API_SCHEMA_FILE, generateApiTypes } from '../../scripts/console-api-types';

describe('console API types', () => {
  it('when the OpenAPI document is regenerated, then the committed console types match it', async () => {
    const fresh = await generateApiTypes();
    const committed = readFileSync(API_SCHEMA_FILE, 'utf8');
    expect(committed === fresh, 'console/src/lib/api-schema.d.ts is stale: run `npm run console:types`').to.equal(true);
  });
});
