import { usePolling } from '../../../lib/usePolling';
import type { CaseView } from '../../../lib/types';
import { getCase } from '../api/agent';

/** One case, live; nothing is fetched without an id (a concluded case needs no polling). */
export const useCaseView = (id: string | null) =>
  usePolling<CaseView | null>(() => (id ? getCase(id) : Promise.resolve(null)), [id], 10_000);
