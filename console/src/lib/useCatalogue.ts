import { useEffect, useState } from 'react';
import { api, unwrap } from './api';
import type { Department, Matter } from './types';

export interface Catalogue {
  matters: Matter[];
  departments: Department[];
  matterName: (code: string) => string;
  departmentName: (code: string) => string;
}

/** The catalogue (matters and departments), loaded once per page. */
export function useCatalogue(): Catalogue | undefined {
  const [catalogue, setCatalogue] = useState<Catalogue>();
  useEffect(() => {
    let live = true;
    void Promise.all([unwrap<Matter[]>(api.GET('/api/matters')), unwrap<Department[]>(api.GET('/api/departments'))]).then(([matters, departments]) => {
      if (!live) return;
      setCatalogue({
        matters,
        departments,
        matterName: (code) => matters.find((m) => m.code === code)?.name ?? code,
        departmentName: (code) => departments.find((d) => d.code === code)?.name ?? code,
      });
    }).catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return catalogue;
}
