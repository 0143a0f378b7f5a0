/**
 * Keeps every unsaved buffer in the user-data folder (`backup:save`), a short while
 * after the last keystroke, so a crash or a killed window never loses typed work.
 * A buffer's backup goes away once it is saved or closed on purpose.
 */
import type { BufferBackup } from '../../../preload/contract-types';
import { studio } from '../studio-api';

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
      setTimeout(() => {
        this.timers.delete(subject.id);
        const saving = studio.backup
          .save({ id: subject.id, uri: subject.uri, content: subject.text(), savedAt: Date.now() })
          .catch(() => undefined); // Backups are best effort; the buffer itself is still open.
        this.pending.set(subject.id, saving);
      }, BACKUP_DELAY_MS),
    );
  }

  async discard(id: string): Promise<void> {
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    await this.pending.get(id);
    this.pending.delete(id);
    await studio.backup.discard(id).catch(() => undefined);
  }

  list(): Promise<BufferBackup[]> {
    return studio.backup.list().catch(() => []);
  }
}
