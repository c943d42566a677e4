// What an applicant hands in for a case that can be accepted as it stands: every required
// material of the chosen demo matters (the catalogue a test system is seeded with). Tests about
// missing materials name what they leave out instead.
import { DEMO_CATALOGUE } from '../../entities/seed';

export function completeMaterials(matterCodes: readonly string[], leaveOut: readonly string[] = []): { code: string }[] {
  const codes = matterCodes.flatMap((code) => {
    // A matter the catalogue does not know asks for nothing (the API refuses it on its own).
    const matter = DEMO_CATALOGUE.matters.find((candidate) => candidate.code === code);
    return (matter?.materials ?? []).filter((material) => material.required).map((material) => material.code);
  });
  return [...new Set(codes)].filter((code) => !leaveOut.includes(code)).map((code) => ({ code }));
}
