// The clerk's case page: which required materials still stand between the case and 受理.
import { expect } from 'chai';
import { acceptanceShortfall, materialsHandedIn } from '../../console/src/features/window/components/window-actions';
import type { Material, TimelineEntry } from '../../console/src/lib/types';

const material = (code: string, required: boolean, core: boolean): Material => ({ code, name: `${code}-名称`, required, core });
const MATERIALS = [material('form', true, true), material('report', true, true), material('map', true, false), material('proxy', false, false)];
const entry = (action: string, materials: unknown[]): TimelineEntry => ({ action, detail: { materials } } as unknown as TimelineEntry);

describe('console: materials before 受理', () => {
  it('when registration and supplements handed materials in, then both count, as codes or as objects', () => {
    const timeline = [entry('REGISTERED', ['form']), entry('REQUEST_SUPPLEMENT', ['report']), entry('SUPPLEMENT_RECEIVED', [{ code: 'map' }])];
    expect([...materialsHandedIn(timeline)].sort()).to.deep.equal(['form', 'map']);
  });

  it('when required materials are missing, then exactly those are listed; optional ones never are', () => {
    expect(acceptanceShortfall(MATERIALS, [entry('REGISTERED', ['form'])]).map((m) => m.code)).to.deep.equal(['report', 'map']);
    expect(acceptanceShortfall(MATERIALS, [entry('REGISTERED', ['form', 'report', 'map'])])).to.deep.equal([]);
  });
});
