// The signed-in account and its token, kept in localStorage so a reload keeps the session.
import { useSyncExternalStore } from 'react';

export type Role = 'clerk' | 'officer' | 'leader' | 'agent' | 'supervisor' | 'admin';

export interface SessionUser {
  id: string;
  username: string;
  role: Role;
  departmentCode?: string | null;
}

export interface Session {
  token: string;
  user: SessionUser;
}

const KEY = 'approval-console.session';
const listeners = new Set<() => void>();
let current: Session | null = read();

function read(): Session | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

function emit(): void {
  for (const listener of listeners) listener();
}

export function getSession(): Session | null {
  return current;
}

export function setSession(session: Session | null): void {
  current = session;
  if (session) localStorage.setItem(KEY, JSON.stringify(session));
  else localStorage.removeItem(KEY);
  emit();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): Session | null {
  return useSyncExternalStore(subscribe, getSession);
}

export const ROLE_LABELS: Record<Role, string> = {
  clerk: '窗口人员',
  officer: '部门审批人员',
  leader: '部门负责人',
  agent: '代办员',
  supervisor: '效能办',
  admin: '系统管理员',
};

/** Where each role lands after signing in. */
export const HOME_PATHS: Record<Role, string> = {
  clerk: '/window',
  officer: '/review',
  leader: '/review',
  supervisor: '/supervision',
  agent: '/agent',
  admin: '/admin',
};
