import { expect } from 'chai';
import { requirementCycle, type RequiresGraph } from '../../domain/matter-graph';

describe('requirementCycle', () => {
  // A ← B ← C (B requires A, C requires B); D stands alone.
  const graph: RequiresGraph = new Map([['A', []], ['B', ['A']], ['C', ['B']], ['D', []]]);
  const cases: [string, string, string[], number | null][] = [
    ['no requirements', 'A', [], null],
    ['a requirement upstream only', 'C', ['A'], null],
    ['a requirement on an unrelated matter', 'A', ['D'], null],
    ['itself', 'A', ['A'], 0],
    ['a direct cycle', 'A', ['B'], 0],
    ['a longer cycle, named at its index', 'A', ['D', 'C'], 1],
    ['a new matter requiring the chain', 'E', ['C'], null],
    ['the replaced requirements, not the stored ones', 'B', ['D'], null],
  ];
  for (const [label, code, requires, expected] of cases) {
    it(`when ${code} requires [${requires.join(', ')}] (${label}), then the cycle index is ${expected}`, () => {
      expect(requirementCycle(code, requires, graph)).to.equal(expected);
    });
  }
});
