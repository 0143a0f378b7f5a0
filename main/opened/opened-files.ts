/**
 * Files the system asked the app to open: "Open with" in a file manager, a second
 * launch with a file, macOS's open-file event, or paths on `mpstudio web`'s command
 * line. Each is a file outside the project folder, so it gets its own grant: the
 * renderer may read and write exactly the files admitted here, and no other path on
 * this computer. Files wait in a queue until a window takes them, since the first
 * launch's files arrive before any page has loaded.
 */
import { lstat, readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import { MAX_FILE_BYTES } from '../../preload/contract';
import type { OpenedFile, OpenedFiles as OpenedBatch } from '../../preload/contract-types';
import { sha256, type ReplaceTarget } from '../consent/replace-rule';
import type { ReplacedFiles } from '../consent/replaced-files';
import { writeFileAtomic } from '../local/atomic-write';
import { UserFacingError } from '../services/user-facing-error';

/** How many files one launch may hand over; a glob gone wrong should not open a thousand tabs. */
const MAX_FILES_PER_LAUNCH = 20;

export class OpenedFiles {
  /** Real paths the renderer may read and write. */
  readonly #granted = new Set<string>();
  #waiting: OpenedFile[] = [];
  #problems: string[] = [];

  constructor(private readonly onArrived: () => void) {}

  /**
   * Admits the file arguments of a launch. Switches (Chromium and Electron add their own,
   * like `--allow-file-access-from-files`) are skipped; relative paths are relative to
   * the launch's working folder. What cannot be opened is said, not dropped silently.
   */
  async admit(args: readonly string[], cwd: string): Promise<void> {
    const paths = args.filter((arg) => arg !== '' && !arg.startsWith('-'));
    if (paths.length === 0) return;
    for (const [i, arg] of paths.entries()) {
      if (i >= MAX_FILES_PER_LAUNCH) {
        this.#problems.push(`Only the first ${MAX_FILES_PER_LAUNCH} files were opened; ${paths.length - MAX_FILES_PER_LAUNCH} more were left.`);
        break;
      }
      const file = await this.#check(isAbsolute(arg) ? arg : resolve(cwd, arg));
      if (typeof file === 'string') this.#problems.push(file);
      else if (!this.#waiting.some((w) => w.path === file.path)) {
        this.#granted.add(file.path);
        this.#waiting.push(file);
      }
    }
    this.onArrived();
  }

  /** The files waiting for a window, and what could not be opened; both are then forgotten. */
  take(): OpenedBatch {
    const batch = { files: this.#waiting, problems: this.#problems };
    this.#waiting = [];
    this.#problems = [];
    return batch;
  }

  async read(path: string): Promise<Uint8Array<ArrayBuffer>> {
    return new Uint8Array(await readFile(this.#grantedPath(path)));
  }

  /**
   * The replace rule's view of an opened file: a replaced version is kept in
   * `replaced-files/` like a local folder's, under the folder it came from. "Keep both"
   * may create `name (2).py` beside a granted file, and that copy is granted in turn.
   */
  replaceTarget(replaced: ReplacedFiles): ReplaceTarget {
    return {
      side: 'file',
      stat: async (path) => {
        const info = await stat(this.#reachable(path)).catch(() => null);
        if (!info) return null;
        return { type: info.isDirectory() ? 'dir' : 'file', size: info.size, modifiedAt: info.mtimeMs };
      },
      hash: async (path) => sha256(await this.read(path)),
      keep: async (path) => {
        const real = this.#grantedPath(path);
        await replaced.keep(dirname(real), basename(real), await this.read(real));
      },
      write: async (path, bytes) => {
        const target = this.#reachable(path);
        await writeFileAtomic(target, bytes);
        this.#granted.add(target);
      },
    };
  }

  /** `path` when it was admitted; anything else is refused, whatever the caller says. */
  #grantedPath(path: string): string {
    if (!this.#granted.has(path)) throw new UserFacingError('forbidden', `"${path}" was not opened by the system, so the app may not touch it.`);
    return path;
  }

  /** A granted path, or a "Keep both" name beside one (`blink (2).py` next to `blink.py`). */
  #reachable(path: string): string {
    if (this.#granted.has(path)) return path;
    const keepBothOf = /^(.*) \(\d{1,3}\)(\.[^./]*)?$/.exec(path);
    if (keepBothOf && this.#granted.has(`${keepBothOf[1]}${keepBothOf[2] ?? ''}`)) return path;
    return this.#grantedPath(path);
  }

  /** The file to open, or why it cannot be. */
  async #check(path: string): Promise<OpenedFile | string> {
    let real: string;
    try {
      real = await realpath(path);
    } catch {
      return `Cannot open "${path}": there is no such file.`;
    }
    const info = await lstat(real).catch(() => null);
    if (!info?.isFile()) return `Cannot open "${path}": it is not a file.`;
    if (info.size > MAX_FILE_BYTES) return `Cannot open "${path}": it is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB.`;
    return { path: real, name: basename(real) };
  }
}
