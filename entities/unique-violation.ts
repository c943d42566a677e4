import { QueryFailedError } from 'typeorm';

/** True when a write failed on a UNIQUE constraint (MySQL/MariaDB or SQLite). */
export function isUniqueViolation(err: unknown): boolean {
  if (!(err instanceof QueryFailedError)) return false;
  const driverError = err.driverError as { code?: string; message?: string } | undefined;
  return driverError?.code === 'ER_DUP_ENTRY' || /UNIQUE constraint failed/.test(driverError?.message ?? err.message);
}
