// What stands between a case and its acceptance, by hand-worked material lists.
import { expect } from 'chai';
import { acceptanceShortfall, type MaterialRequirement } from '../../domain/window';

const material = (code: string, required: boolean, core: boolean, matterCode = 'M-1'): MaterialRequirement => ({ matterCode, code, name: `${code}-name`, required, core });
const REQUIREMENTS = [
  material('form', true, true), material('report', true, true), material('license', true, false), material('proxy', false, false),
  material('form', true, true, 'M-2'),
];
const codes = (missing: { code: string }[]) => missing.map(({ code }) => code);

describe('acceptance shortfall (受理 needs every required material, 容缺 only covers non-core ones)', () => {
  const rows: [string, string[], string[], string[]][] = [
    ['everything handed in: nothing stands in the way', ['form', 'report', 'license', 'proxy'], [], []],
    ['an optional material may be absent', ['form', 'report', 'license'], [], []],
    ['a missing required one counts, once per matter that asks for it', ['report', 'license'], [], ['form', 'form']],
    ['容缺 covers a missing non-core material', ['form', 'report'], ['license'], []],
    ['容缺 never covers a core material', ['form', 'license'], ['report'], ['report']],
    ['owing what was handed in changes nothing', ['form', 'report', 'license'], ['license'], []],
    ['nothing handed in, nothing owed: every required one', [], [], ['form', 'report', 'license', 'form']],
  ];
  for (const [name, handedIn, owed, expected] of rows) {
    it(`when ${name}`, () => {
      expect(codes(acceptanceShortfall(REQUIREMENTS, handedIn, owed))).to.deep.equal(expected);
    });
  }
});
