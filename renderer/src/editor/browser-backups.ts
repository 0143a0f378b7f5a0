/**
 * Unsaved buffers kept in the browser's own storage (localStorage) while the page cannot
 * reach the server (web mode, socket closed). They are handed to the server's backups
 * once it answers again, and a page opened later on the same address finds them too.
 */
import type { BufferBackup } from '../../../preload/contract-types';

const PREFIX = 'mpstudio.unsaved.';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // Storage switched off in this browser: nothing to keep it in.
  }
}

export function keepInBrowser(backup: BufferBackup): void {
  try {
    storage()?.setItem(PREFIX + backup.id, JSON.stringify(backup));
  } catch {
    // Storage full or refused: the buffer is still open in the tab.
  }
}

export function forgetInBrowser(id: string): void {
  storage()?.removeItem(PREFIX + id);
}

export function listInBrowser(): BufferBackup[] {
  const store = storage();
  if (!store) return [];
  const out: BufferBackup[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    try {
      const parsed = JSON.parse(store.getItem(key) ?? '') as BufferBackup;
      if (typeof parsed.id === 'string' && typeof parsed.content === 'string') out.push(parsed);
    } catch {
      // A damaged entry is skipped rather than blocking the others.
    }
  }
  return out;
}
