import { api, unwrap } from '../../../lib/api';
import type { Session } from '../../../lib/session';

export function login(username: string, password: string): Promise<Session> {
  return unwrap<Session>(api.POST('/api/auth/login', { body: { username, password } }));
}
