import { useCatalogue } from '../../../lib/useCatalogue';

/** Department and matter names from the catalogue, the code until it has loaded. */
export function useNames() {
  const catalogue = useCatalogue();
  return {
    catalogue,
    department: (code: string | null | undefined) => (code ? catalogue?.departmentName(code) ?? code : '—'),
    matter: (code: string | null | undefined) => (code ? catalogue?.matterName(code) ?? code : '—'),
  };
}
