import type { CaseView } from '../../../lib/types';
import { usePolling } from '../../../lib/usePolling';
import { getCase, listCases, type CaseStatus } from '../api/window';
import { stepsAwaitingWindow } from '../components/window-actions';

/** Accepted cases that may still owe the window materials (容缺) or wait on it (部门退回). */
const MAY_OWE: CaseStatus[] = ['accepted', 'inReview', 'suspended'];

/** Cases whose materials the window still has to collect: 容缺 owed, or a step sent back. */
export function useOwedCases() {
  return usePolling(async (): Promise<CaseView[]> => {
    const pages = await Promise.all(MAY_OWE.map((status) => listCases({ status, pageSize: 100 })));
    const views = await Promise.all(pages.flatMap((page) => page.items).map((item) => getCase(item.id)));
    return views
      .filter((view) => (view.deficiency?.owed.length ?? 0) > 0 || stepsAwaitingWindow(view.timeline).length > 0)
      .sort((a, b) => String(a.deficiency?.dueAt ?? '9').localeCompare(String(b.deficiency?.dueAt ?? '9')));
  }, [], 15_000);
}
