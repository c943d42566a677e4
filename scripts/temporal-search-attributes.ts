// `npm run temporal:search-attributes`: registers the custom search attributes (TrackingCode,
// ProjectCode, DepartmentCodes, ApprovalStatus, Light, Channel) in the namespace TEMPORAL_NAMESPACE
// (`default`) of the cluster at TEMPORAL_ADDRESS (localhost:7233). Idempotent: attributes already
// there are left alone. Waits for a cluster that is still starting (compose runs it as a one-shot
// service before the worker and the API).
import { Connection } from '@temporalio/client';
import { withBackoff } from '../config/backoff';
import { createLogger } from '../config/logger';
import { registerSearchAttributes } from '../config/search-attributes';

async function main(): Promise<void> {
  const address = process.env.TEMPORAL_ADDRESS || 'localhost:7233';
  const namespace = process.env.TEMPORAL_NAMESPACE || 'default';
  const logger = createLogger(process.env.LOG_LEVEL ?? 'info', 'search-attributes');
  // A namespace that auto-setup has not created yet is retried like an unreachable server.
  const added = await withBackoff(`namespace ${namespace} at ${address}`, async () => {
    const connection = await Connection.connect({ address });
    try {
      return await registerSearchAttributes(connection, namespace);
    } finally {
      await connection.close();
    }
  }, logger, { attempts: 12 });
  console.log(added.length > 0 ? `added to ${namespace}: ${added.join(', ')}` : `${namespace} already has every search attribute`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
