// Request parsing with zod: a failed parse is a 400 whose `errors` name every offending field.
import type { z } from 'zod';
import { badRequest } from './problems';

export function parse<S extends z.ZodType>(schema: S, value: unknown, prefix = ''): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw badRequest(result.error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  })));
}
