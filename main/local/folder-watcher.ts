/**
 * Watches the local project folder with `fs.watch` (recursive) and reports changes,
 * gathered over a short quiet period so a `git checkout` becomes one event, not
 * hundreds. Switching folders stops the old watcher.
 */
import { watch, type FSWatcher } from 'node:fs';
import type { LocalChange } from '../../preload/contract-types';

/** Changes closer together than this are reported as one. */
export const WATCH_QUIET_MS = 150;
/** Past this many paths in one burst, the event just says "rescan". */
const MAX_PATHS_PER_EVENT = 200;

export class FolderWatcher {
  private watcher: FSWatcher | null = null;
  private folder = '';
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly onChange: (change: LocalChange) => void) {}

  /** Watches `folder` from now on (`''`: nothing). Folders that cannot be watched are skipped silently. */
  watch(folder: string): void {
    if (folder === this.folder && this.watcher) return;
    this.stop();
    this.folder = folder;
    if (!folder) return;
    try {
      this.watcher = watch(folder, { recursive: true, persistent: false }, (_event, name) => {
        this.note(typeof name === 'string' ? name.split('\\').join('/') : '');
      });
      // A watched folder that disappears reports an error; the UI then sees "rescan".
      this.watcher.on('error', () => {
        this.stop();
        this.onChange({ folder, paths: [] });
      });
    } catch {
      this.watcher = null;
    }
  }

  private note(path: string): void {
    this.pending.add(path);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), WATCH_QUIET_MS);
  }

  private flush(): void {
    this.timer = null;
    const paths = [...this.pending];
    this.pending.clear();
    const rescan = paths.includes('') || paths.length > MAX_PATHS_PER_EVENT;
    this.onChange({ folder: this.folder, paths: rescan ? [] : paths.sort() });
  }

  stop(): void {
    this.watcher?.close();
    this.watcher = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }
}
