// The one list shape (DESIGN §5.1): `?page=&pageSize=` in, `{items, page, pageSize, total}` out.
import { z } from 'zod';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
/** Deep offsets cost a scan of every row before them; nobody pages this far by hand. */
export const MAX_PAGE = 10_000;

/** The paging fields of a list's query schema: spread them into its `z.object`. */
export const pagingShape = {
  page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
};

export interface Paging {
  page: number;
  pageSize: number;
}

export interface Page<T> extends Paging {
  items: T[];
  total: number;
}

/** Rows to skip before the page. */
export const offsetOf = ({ page, pageSize }: Paging): number => (page - 1) * pageSize;

/** For `find({... skip, take})`. */
export const skipTake = (paging: Paging): { skip: number; take: number } => ({ skip: offsetOf(paging), take: paging.pageSize });

export const pageOf = <T>(items: T[], total: number, { page, pageSize }: Paging): Page<T> => ({ items, page, pageSize, total });
