/**
 * Watches the folders of the local project that the file browser shows (the root and
 * each opened folder), one non-recursive `fs.watch` each, and reports changes gathered
 * over a short quiet period, so a `git checkout` becomes one event, not hundreds.
 *
 * Not a recursive watch: on Linux that walks the whole tree and holds a watch per
 * folder, which for a folder like /usr took seconds and hundreds of MB that stayed.
 * Switching folders, or showing other folders, closes the watchers no longer needed.
 */
import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import type { LocalChange } from '../../preload/contract-types';

/** Changes closer together than this are reported as one. */
export const WATCH_QUIET_MS = 150;
/** Past this many paths in one burst, the event just says "rescan". */
const MAX_PATHS_PER_EVENT = 200;
/** More open folders than anyone reads at once; beyond it, the rest go unwatched. */
export const MAX_WATCHED_FOLDERS = 500;

export class FolderWatcher {
  /** Watchers by folder, relative to the root (`''` is the root). */
  private readonly watchers = new Map<string, FSWatcher>();
  private folder = '';
  private pending = new Set<string>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly onChange: (change: LocalChange) => void) {}

  /** The number of folders being watched (for tests and diagnostics). */
  get watchedCount(): number {
    return this.watchers.size;
  }

  /** Watches `folder`'s root from now on (`''`: nothing), dropping every other watcher. */
  watch(folder: string): void {
    if (folder === this.folder && this.watchers.size > 0) return;
    this.stop();
    this.folder = folder;
    if (folder) this.show(['']);
  }

  /**
   * The folders shown now (relative, already confined by the caller): each is watched,
   * any other is released.
   */
  show(dirs: readonly string[]): void {
    if (!this.folder) return;
    const wanted = new Set(['', ...dirs].slice(0, MAX_WATCHED_FOLDERS));
    for (const [dir, watcher] of this.watchers) {
      if (wanted.has(dir)) continue;
      watcher.close();
      this.watchers.delete(dir);
    }
    for (const dir of wanted) if (!this.watchers.has(dir)) this.add(dir);
  }

  private add(dir: string): void {
    const folder = this.folder;
    try {
      const watcher = watch(dir ? join(folder, dir) : folder, { persistent: false }, (_event, name) => {
        this.note(typeof name === 'string' && name !== '' ? (dir ? `${dir}/${name}` : name) : dir);
      });
      // A watched folder that disappears reports an error; the UI then sees "rescan".
      watcher.on('error', () => {
        watcher.close();
        this.watchers.delete(dir);
        this.onChange({ folder, paths: [] });
      });
      this.watchers.set(dir, watcher);
    } catch {
      // A folder that cannot be watched (gone, no permission) is skipped silently.
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
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.pending.clear();
  }
}
