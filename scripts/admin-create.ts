// `npm run admin:create -- --username <name>`: the first administrator of a deployment
// (DATABASE_URL, or the embedded database). The password comes from ADMIN_PASSWORD, so it stays
// out of the shell history and the process list. An existing account is left as it is.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../entities/data-source';
import { ensureAdmin } from '../entities/first-admin';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { username: { type: 'string' }, 'display-name': { type: 'string' } } });
  const username = values.username ?? process.env.ADMIN_USERNAME;
  const password = process.env.ADMIN_PASSWORD;
  if (!username || !password) {
    console.error('usage: ADMIN_PASSWORD=<at least 12 characters> npm run admin:create -- --username <name> [--display-name <name>]');
    process.exit(2);
  }
  const db = await openDatabase({ url: process.env.DATABASE_URL || undefined, dataDir: path.resolve(process.env.DATA_DIR ?? 'data') });
  try {
    const outcome = await ensureAdmin(db, { username, password, ...(values['display-name'] ? { displayName: values['display-name'] } : {}) });
    console.log(outcome === 'created' ? `admin ${username} created` : `an account named ${username} already exists; nothing changed`);
  } finally {
    await db.destroy();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
