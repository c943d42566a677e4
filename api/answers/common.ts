// What every answer shares: instants, dates, counts, rates and the one list shape.
import { z } from 'zod';

/** An instant as every answer shows it (toShanghaiIso): ISO-8601 to the second, in Asia/Shanghai. */
export const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/)
  .describe('ISO-8601 instant in Asia/Shanghai, e.g. 2026-11-21T14:30:00+08:00');
/** A calendar date, `YYYY-MM-DD`. */
export const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('a calendar date YYYY-MM-DD');
export const count = z.number().int().min(0);
/** A share between 0 and 1; null when there is nothing to divide by. */
export const rate = z.number().nullable();

/** Lists answer one shape: `{items, page, pageSize, total}`. */
export const page = <T extends z.ZodType>(item: T) => z.object({
  items: z.array(item), page: z.number().int().min(1), pageSize: z.number().int().min(0), total: count,
});

export const userRef = z.object({ id: z.number().int(), username: z.string().nullable() });
