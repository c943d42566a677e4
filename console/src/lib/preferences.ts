// 适老化: a larger-text mode, remembered in localStorage.
import { useSyncExternalStore } from 'react';

const KEY = 'approval-console.large-text';
const listeners = new Set<() => void>();
let largeText = localStorage.getItem(KEY) === '1';

export function setLargeText(on: boolean): void {
  largeText = on;
  localStorage.setItem(KEY, on ? '1' : '0');
  for (const listener of listeners) listener();
}

export function useLargeText(): boolean {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, () => largeText);
}
