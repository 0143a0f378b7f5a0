/**
 * The local project folder: which one it is (remembered in the settings) and the file
 * operations the file browser and sync perform in it. Every path goes through
 * `resolveInside`, so nothing outside the folder can be read, written or deleted.
 */
import { createHash } from 'node:crypto';
import { lstat, mkdir, readdir, readFile, rename, rm, rmdir, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { LocalEntry, LocalFolder, Settings } from '../../preload/contract-types';
import { checkedRootFolder } from '../services/root-folders';
import { UserFacingError } from '../services/user-facing-error';
import { IgnoreList } from '../sync/ignore-list';
import { writeFileAtomic, WriteEscapedError } from './atomic-write';
import { normaliseLocalPath, resolveInside } from './confine-path';
import { localError } from './local-errors';

/** A listing stops here, so a huge folder (a whole home directory) cannot stall the app. */
export const MAX_LISTED_ENTRIES = 20_000;
/** More files than any MicroPython board holds: a sync or copy of more is refused, with why. */
export const MAX_TRANSFER_ENTRIES = 5_000;

/**
 * Where the folder and ignore list are remembered, and who may change the folder: the
 * app's RootFolders (main/services/root-folders.ts), or a fixed pair (CLI, benchmarks).
 */
export interface FolderSettings {
  get(): Pick<Settings, 'localFolder' | 'syncIgnore'>;
  /** Checks and sets the folder (`''` forgets it); throws a UserFacingError when refused. */
  chooseFolder(path: string): Promise<unknown>;
  /** The native folder dialog, where there is one; false when cancelled. */
  pickFolder?: () => Promise<boolean>;
}

/** Settings for one folder given on a command line; `setFolder` changes it for this process only. */
export function fixedFolderSettings(localFolder: string, syncIgnore: string[] = []): FolderSettings {
  const current = { localFolder, syncIgnore };
  return {
    get: () => ({ ...current, syncIgnore: [...current.syncIgnore] }),
    chooseFolder: async (path) => (current.localFolder = await checkedRootFolder(path)),
  };
}

export class LocalFolderService {
  constructor(private readonly settings: FolderSettings) {}

  /** The chosen folder, or an error a user understands when there is none. */
  root(): string {
    const folder = this.settings.get().localFolder;
    if (!folder) throw new UserFacingError('not-found', 'No local folder is chosen yet: pick one in the Local pane.');
    return folder;
  }

  ignoreList(): IgnoreList {
    return new IgnoreList(this.settings.get().syncIgnore);
  }

  async info(): Promise<LocalFolder> {
    const path = this.settings.get().localFolder;
    return { path, exists: path ? await isDirectory(path) : false, canPick: this.settings.pickFolder !== undefined };
  }

  /** Makes `path` the project folder, if the folder settings' checks allow it. `''` forgets it. */
  async setFolder(path: string): Promise<LocalFolder> {
    await this.settings.chooseFolder(path);
    return this.info();
  }

  async pickFolder(): Promise<LocalFolder | null> {
    if (!this.settings.pickFolder) {
      throw new UserFacingError('not-supported', 'This window cannot show a folder dialog: type the folder’s full path instead.');
    }
    return (await this.settings.pickFolder()) ? this.info() : null;
  }

  /** Of the folders the file browser shows, those that exist and stay inside the root, normalised. */
  async shownFolders(dirs: readonly string[]): Promise<string[]> {
    const out: string[] = [];
    for (const dir of dirs) {
      try {
        const rel = normaliseLocalPath(dir);
        if (rel !== '' && (await stat(await this.resolve(rel))).isDirectory()) out.push(rel);
      } catch {
        // Gone or leading outside: not watched.
      }
    }
    return out;
  }

  private async resolve(rel: string): Promise<string> {
    try {
      return await resolveInside(this.root(), rel);
    } catch (error) {
      throw localError(error, rel || this.root());
    }
  }

  /**
   * Everything below `rel`, for a sync or a copy to the board. Refuses a folder with more
   * than MAX_TRANSFER_ENTRIES entries (a home folder, /usr) instead of starting a transfer
   * that could never fit, or silently leaving files out.
   */
  async listForTransfer(rel: string): Promise<LocalEntry[]> {
    const entries = await this.list(rel, true, MAX_TRANSFER_ENTRIES + 1);
    if (entries.length > MAX_TRANSFER_ENTRIES) {
      throw new UserFacingError(
        'invalid-argument',
        `"${rel || this.root()}" holds more than ${MAX_TRANSFER_ENTRIES.toLocaleString('en')} files and folders, far more than a MicroPython board can hold, so it is not synced.`,
        undefined,
        'Choose the project’s own folder, or add the large folders (build output, dependencies) to the sync ignore list.',
      );
    }
    return entries;
  }

  /** Entries of the folder `rel`; with `recursive`, everything below it (symlinked folders not entered), at most `limit`. */
  async list(rel: string, recursive = false, limit = MAX_LISTED_ENTRIES): Promise<LocalEntry[]> {
    const base = normaliseLocalPath(rel);
    const ignore = this.ignoreList();
    const out: LocalEntry[] = [];
    const walk = async (dirRel: string): Promise<void> => {
      const abs = await this.resolve(dirRel);
      let names: string[];
      try {
        names = (await readdir(abs)).sort();
      } catch (error) {
        throw localError(error, dirRel || this.root());
      }
      const subdirs: string[] = [];
      for (const name of names) {
        if (out.length >= limit) return;
        const childRel = dirRel ? `${dirRel}/${name}` : name;
        let info;
        let linked: boolean;
        try {
          const own = await lstat(`${abs}/${name}`);
          linked = own.isSymbolicLink();
          // A link is shown only when it stays inside the folder.
          info = linked ? await stat(await this.resolve(childRel)) : own;
        } catch {
          continue;
        }
        const type = info.isDirectory() ? 'dir' : 'file';
        if (!info.isDirectory() && !info.isFile()) continue;
        const ignored = ignore.ignores(childRel, type === 'dir');
        out.push({ path: childRel, name, type, size: type === 'file' ? info.size : 0, mtimeMs: info.mtimeMs, ignored });
        if (recursive && type === 'dir' && !linked) subdirs.push(childRel);
      }
      for (const sub of subdirs) if (out.length < limit) await walk(sub);
    };
    await walk(base);
    return out;
  }

  /** One entry, or null when nothing is there. */
  async stat(rel: string): Promise<LocalEntry | null> {
    const path = normaliseLocalPath(rel);
    const abs = await this.resolve(path);
    let info;
    try {
      info = await stat(abs);
    } catch {
      return null;
    }
    const type = info.isDirectory() ? 'dir' : 'file';
    return {
      path,
      name: path.split('/').pop() ?? '',
      type,
      size: type === 'file' ? info.size : 0,
      mtimeMs: info.mtimeMs,
      ignored: this.ignoreList().ignores(path, type === 'dir'),
    };
  }

  async read(rel: string): Promise<Uint8Array<ArrayBuffer>> {
    const abs = await this.resolve(rel);
    try {
      return new Uint8Array(await readFile(abs));
    } catch (error) {
      throw localError(error, rel);
    }
  }

  async sha256(rel: string): Promise<string> {
    return createHash('sha256').update(await this.read(rel)).digest('hex');
  }

  /**
   * Writes atomically through the one safe-write helper (exclusive, unpredictable
   * temporary name; checked after the rename), creating missing parent folders. Every
   * local write (file browser, sync, mirror's save-to-local) comes through here.
   */
  async write(rel: string, bytes: Uint8Array): Promise<void> {
    if (normaliseLocalPath(rel) === '') throw new UserFacingError('invalid-argument', 'A file needs a name.');
    const abs = await this.resolve(rel);
    try {
      await mkdir(dirname(abs), { recursive: true });
      // The parent may have been created just now: check again it is inside.
      await this.resolve(rel);
      await writeFileAtomic(abs, bytes, { root: this.root() });
    } catch (error) {
      if (error instanceof WriteEscapedError) throw new UserFacingError('forbidden', `"${rel}" would be written outside the project folder, so it was not.`, undefined, undefined, { cause: error });
      throw localError(error, rel);
    }
  }

  async mkdir(rel: string): Promise<void> {
    const abs = await this.resolve(rel);
    try {
      await mkdir(abs, { recursive: true });
    } catch (error) {
      throw localError(error, rel);
    }
  }

  /** Removes a file, an empty folder, or with `recursive` a whole folder. Never the root itself. */
  async remove(rel: string, recursive = false): Promise<void> {
    if (normaliseLocalPath(rel) === '') throw new UserFacingError('forbidden', 'The project folder itself cannot be deleted from here.');
    const parts = normaliseLocalPath(rel).split('/');
    // The link itself is removed, never what it points to.
    const parent = await this.resolve(parts.slice(0, -1).join('/'));
    const abs = `${parent}/${parts[parts.length - 1]}`;
    try {
      const info = await lstat(abs);
      if (!info.isDirectory()) await unlink(abs);
      else if (recursive) await rm(abs, { recursive: true });
      else await rmdir(abs);
    } catch (error) {
      throw localError(error, rel);
    }
  }

  async rename(from: string, to: string): Promise<void> {
    const source = await this.resolve(from);
    const target = await this.resolve(to);
    if (await exists(target)) throw new UserFacingError('already-exists', `"${to}" already exists.`);
    try {
      await mkdir(dirname(target), { recursive: true });
      await rename(source, target);
    } catch (error) {
      throw localError(error, from);
    }
  }
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}
