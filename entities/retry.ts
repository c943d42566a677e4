// MySQL resolves a lock cycle between two transactions by rolling one back (a deadlock victim),
// e.g. two attempts of one projection writing the same rows at once. The victim runs again
// (callers may name more codes, such as a duplicate key from two first inserts racing).
const RETRIED = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);

export async function retryOnDeadlock<T>(work: () => Promise<T>, { attempts = 5, alsoRetry = [] }: { attempts?: number; alsoRetry?: string[] } = {}): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (err) {
      const code = (err as { driverError?: { code?: string }; code?: string }).driverError?.code ?? (err as { code?: string }).code;
      if (attempt >= attempts || !code || !(RETRIED.has(code) || alsoRetry.includes(code))) throw err;
    }
  }
}
