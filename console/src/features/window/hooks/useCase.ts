import { usePolling } from '../../../lib/usePolling';
import { getCase } from '../api/window';

export const useCase = (id: string) => usePolling(() => getCase(id), [id]);
