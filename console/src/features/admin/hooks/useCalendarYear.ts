import { usePolling } from '../../../lib/usePolling';
import { getCalendarYear } from '../api/admin';

export const useCalendarYear = (year: number) => usePolling(() => getCalendarYear(year), [year], 15_000);
