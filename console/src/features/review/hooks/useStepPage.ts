import { usePolling } from '../../../lib/usePolling';
import { getCase, getStep } from '../api/review';

/** A step and the case it belongs to (sibling steps, timeline), kept fresh. */
export function useStepPage(stepId: string) {
  return usePolling(async () => {
    const step = await getStep(stepId);
    const kase = await getCase(step.caseId);
    return { step, kase };
  }, [stepId]);
}
