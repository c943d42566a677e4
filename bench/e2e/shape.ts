// The shape both sides drive: one case over five ordinary matters of five departments (no panel,
// no prerequisite, not decided at the window), taken from the demo catalogue.
import { DEMO_CATALOGUE } from '../../entities/seed';

export interface CaseShape {
  matterCodes: string[];
  departments: string[];
  /** Every required material of the matters, once. */
  materials: Array<{ code: string }>;
}

export function caseShape(wanted = 5): CaseShape {
  const picked = new Map<string, (typeof DEMO_CATALOGUE.matters)[number]>();
  for (const matter of DEMO_CATALOGUE.matters) {
    if (matter.instant || matter.approval || matter.requires?.length || picked.has(matter.departmentCode)) continue;
    picked.set(matter.departmentCode, matter);
    if (picked.size === wanted) break;
  }
  const matters = [...picked.values()];
  const materials = [...new Set(matters.flatMap((m) => m.materials.filter((x) => x.required).map((x) => x.code)))].map((code) => ({ code }));
  return { matterCodes: matters.map((m) => m.code), departments: [...picked.keys()], materials };
}
