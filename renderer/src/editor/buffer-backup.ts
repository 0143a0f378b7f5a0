/**
 * Keeps every unsaved buffer in the user-data folder (`backup:save`), a short while
 * after the last keystroke, so a crash or a killed window never loses typed work.
 * While web mode's server cannot be reached, the browser's own storage keeps them
 * instead (browser-backups.ts) until the server answers again.
 * A buffer's backup goes away once it is saved or closed on purpose.
 */
import type { BufferBackup } from '../../../preload/contract-types';
import { serverLink } from '../server-link';
import { studio } from '../studio-api';
import { forgetInBrowser, keepInBrowser, listInBrowser } from './browser-backups';

/** Long enough not to write on every keystroke, short enough that a kill loses little. */
export const BACKUP_DELAY_MS = 400;

export interface BackupSubject {
  id: string;
  uri: string;
  text(): string;
}

export class BufferBackups {
  private timers = new Map<string, ReturnType<typeof setTimeout>>();
  private pending = new Map<string, Promise<void>>();

  schedule(subject: BackupSubject): void {
    clearTimeout(this.timers.get(subject.id));
    this.timers.set(
      subject.id,
      setTimeout(() => this.saveNow(subject), BACKUP_DELAY_MS),
    );
  }

  /** Keeps the buffer now: on the server, or in this browser while the server is out of reach. */
  saveNow(subject: BackupSubject): void {
    clearTimeout(this.timers.get(subject.id));
    this.timers.delete(subject.id);
    const backup: BufferBackup = { id: subject.id, uri: subject.uri, content: subject.text(), savedAt: Date.now() };
    if (serverLink.state === 'lost') {
      keepInBrowser(backup);
      return;
    }
    // A save that fails (the link went down meanwhile) lands in the browser instead.
    const saving = studio.backup.save(backup).catch(() => keepInBrowser(backup));
    this.pending.set(subject.id, saving);
  }

  /** Gives the buffers kept in this browser to the server's backups; the server has answered again. */
  async handBack(): Promise<void> {
    for (const backup of listInBrowser()) {
      try {
        await studio.backup.save(backup);
        forgetInBrowser(backup.id);
      } catch {
        return; // Still out of reach: they stay in the browser.
      }
    }
  }

  async discard(id: string): Promise<void> {
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    await this.pending.get(id);
    this.pending.delete(id);
    forgetInBrowser(id);
    await studio.backup.discard(id).catch(() => undefined);
  }

  /** The server's backups and this browser's, the newer one where both have a buffer. */
  async list(): Promise<BufferBackup[]> {
    const byId = new Map((await studio.backup.list().catch(() => [])).map((b) => [b.id, b]));
    for (const kept of listInBrowser()) {
      if ((byId.get(kept.id)?.savedAt ?? -1) < kept.savedAt) byId.set(kept.id, kept);
    }
    return [...byId.values()].sort((a, b) => a.savedAt - b.savedAt);
  }
}
