// The body generator the valid-body fuzz sends from: every body it makes for a write route is one
// the route's own zod schema accepts, refinements included, and it reaches beyond the one shape a
// hand-written sample has (optional fields left out and sent, lists of several lengths, values at
// their limits).
import { expect } from 'chai';
import fc from 'fast-check';
import { z } from 'zod';
import type { EndpointSpec } from '../../api/endpoints';
import { bodyArbitrary } from '../support/body-arbitraries';
import { declaredRouteBook } from '../support/routes';

const SEED = 20_261_101;
const PER_ROUTE = 50;
const label = (spec: EndpointSpec) => `${spec.method.toUpperCase()} ${spec.path}`;

describe('body arbitraries (generated from the routes\' zod schemas)', () => {
  const writes = declaredRouteBook().specs.filter((spec) => spec.body);

  it('when the routes are read, then there are write routes with bodies to generate for', () => {
    expect(writes.length).to.be.above(40);
  });

  it(`when ${PER_ROUTE} bodies are made for each write route, then the route's own schema accepts every one`, () => {
    for (const spec of writes) {
      const bodies = fc.sample(bodyArbitrary(spec.body!), { numRuns: PER_ROUTE, seed: SEED });
      for (const body of bodies) {
        const parsed = spec.body!.safeParse(JSON.parse(JSON.stringify(body)));
        expect(parsed.success, `${label(spec)} ${JSON.stringify(body).slice(0, 300)} → ${parsed.error?.message}`).to.equal(true);
      }
    }
  });

  it('when bodies are made, then optional fields are both left out and sent, and lists come in several lengths', () => {
    const schema = z.strictObject({ note: z.string().trim().min(1).max(20).optional(), items: z.array(z.string().max(5)).min(1).max(8) });
    const bodies = fc.sample(bodyArbitrary(schema), { numRuns: 200, seed: SEED }) as Array<{ note?: string; items: string[] }>;
    expect(bodies.some((body) => 'note' in body)).to.equal(true);
    expect(bodies.some((body) => !('note' in body))).to.equal(true);
    expect(new Set(bodies.map((body) => body.items.length)).size).to.be.at.least(4);
    expect(bodies.some((body) => body.note?.length === 20)).to.equal(true);
  });

  it('when a refinement guards a field (a calendar date, a 1–5 level, a role that needs a department), then the bodies still satisfy it', () => {
    const date = z.string().refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)));
    const schema = z.strictObject({
      heldOn: date,
      level: z.number().int().refine((value) => value >= 1 && value <= 5),
      role: z.enum(['officer', 'clerk']),
      departmentCode: z.string().min(1).max(8).optional(),
    }).refine((body) => (body.role === 'officer') === (body.departmentCode !== undefined));
    for (const body of fc.sample(bodyArbitrary(schema), { numRuns: 100, seed: SEED })) expect(schema.safeParse(body).success).to.equal(true);
  });

  it('when a vocabulary names real values for a field, then they are sent there, and values the schema refuses are not', () => {
    const schema = z.strictObject({ matterCodes: z.array(z.string().regex(/^[A-Z]{3}-\d{3}$/)).min(1).max(3), materials: z.array(z.strictObject({ code: z.string().max(16) })).max(2) });
    const vocabulary = { matterCodes: ['ZJJ-001', 'not a code'], 'materials.code': ['application-form'] };
    const bodies = fc.sample(bodyArbitrary(schema, { vocabulary }), { numRuns: 100, seed: SEED }) as Array<z.infer<typeof schema>>;
    expect(bodies.some((body) => body.matterCodes.includes('ZJJ-001'))).to.equal(true);
    expect(bodies.some((body) => body.materials.some((material) => material.code === 'application-form'))).to.equal(true);
    expect(bodies.every((body) => !body.matterCodes.includes('not a code'))).to.equal(true);
  });

  it('when a schema holds a type the generator does not know, then it says which field, rather than making bodies that fail', () => {
    expect(() => bodyArbitrary(z.strictObject({ when: z.date() }))).to.throw(/zod date at when/);
  });
});
