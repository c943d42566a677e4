import type { CaseView } from '../../../lib/types';
import { usePolling } from '../../../lib/usePolling';
import { getCase, getMyCases } from '../api/agent';

/** Cases that can still owe 容缺 materials: accepted and not yet delivered or withdrawn. */
const MAY_OWE = ['accepted', 'inReview', 'suspended', 'approved', 'partiallyApproved', 'denied'];

/** The agent's cases that still owe materials after a 容缺 acceptance, nearest deadline first. */
export function useOwedCases() {
  return usePolling(async (): Promise<CaseView[]> => {
    const { items } = await getMyCases(1, 100);
    const views = await Promise.all(items.filter((item) => MAY_OWE.includes(item.status)).map((item) => getCase(item.id)));
    return views
      .filter((view) => (view.deficiency?.owed.length ?? 0) > 0)
      .sort((a, b) => String(a.deficiency?.dueAt).localeCompare(String(b.deficiency?.dueAt)));
  }, [], 15_000);
}
