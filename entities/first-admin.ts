// The first administrator of a production deployment, which seeds no demo users: created by
// `npm run admin:create` or at the API's first start from INITIAL_ADMIN_USERNAME / _PASSWORD.
import bcrypt from 'bcryptjs';
import type { DataSource } from 'typeorm';
import { User } from './user';

export const ADMIN_PASSWORD_MIN = 12;
/** bcrypt reads only the first 72 bytes: a longer password would be cut without a word. */
const PASSWORD_MAX_BYTES = 72;
const USERNAME = /^[A-Za-z0-9._-]{3,64}$/;

export interface FirstAdmin {
  username: string;
  password: string;
  displayName?: string;
}

/** Creates the admin account unless one with that username exists; never changes an existing one. */
export async function ensureAdmin(ds: DataSource, { username, password, displayName = '系统管理员' }: FirstAdmin): Promise<'created' | 'exists'> {
  if (!USERNAME.test(username)) throw new RangeError('username: 3–64 letters, digits, dot, dash or underscore');
  if ([...password].length < ADMIN_PASSWORD_MIN) throw new RangeError(`password: at least ${ADMIN_PASSWORD_MIN} characters`);
  if (Buffer.byteLength(password, 'utf8') > PASSWORD_MAX_BYTES) throw new RangeError(`password: at most ${PASSWORD_MAX_BYTES} bytes`);
  const users = ds.getRepository(User);
  if (await users.existsBy({ username })) return 'exists';
  await users.insert({
    username, displayName, role: 'admin', departmentCode: null, passwordHash: await bcrypt.hash(password, 10),
    failedLogins: 0, lockedUntil: null, active: true, createdAt: new Date(),
  });
  return 'created';
}
