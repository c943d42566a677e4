// `npm run audit:verify`: recomputes the audit log's hash chain and reports the first row that
// does not hold. Reads DATABASE_URL (or the embedded database under DATA_DIR); changes nothing.
// Exit code 0: intact; 1: broken; 2: could not check.
import { verifyAuditChain } from '../activities/audit-log';
import { loadConfig } from '../config';
import { createDataSource } from '../entities/data-source';

async function main(): Promise<number> {
  const config = loadConfig();
  const db = createDataSource({ url: config.databaseUrl, dataDir: config.dataDir });
  await db.initialize();
  try {
    const check = await verifyAuditChain(db);
    console.log(JSON.stringify(check));
    return check.intact ? 0 : 1;
  } finally {
    await db.destroy();
  }
}

main().then((code) => process.exit(code), (err: unknown) => {
  console.error(err);
  process.exit(2);
});
