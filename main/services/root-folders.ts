/**
 * The two folders the app serves files from: the project folder (`localFolder`) and the
 * virtual board's flash (`virtualBoardFolder`). Both are set only through `RootFolders`,
 * the one validated setter, whether the change comes from `local:setFolder`, the folder
 * dialog or `settings:update`.
 *
 * Who may choose a folder: in the desktop app, the user through the native folder dialog
 * (main remembers what was picked there) or the remembered setting; never a path the
 * renderer supplies, since a compromised page could then read any file. In web mode the
 * token holder is the user at a keyboard with no native dialog, so a typed path is
 * accepted. Every path, picked or typed, passes the same checks.
 */
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, parse, resolve } from 'node:path';
import type { Settings } from '../../preload/contract-types';
import type { CheckedFolder, SettingsStore } from './settings-store';
import { UserFacingError } from './user-facing-error';

export type RootKey = 'localFolder' | 'virtualBoardFolder';

const WHAT: Record<RootKey, string> = { localFolder: 'project folder', virtualBoardFolder: 'virtual board folder' };

/** The real path of an existing folder that may serve files, or `''` to forget the folder. */
export async function checkedRootFolder(path: string, key: RootKey = 'localFolder'): Promise<CheckedFolder> {
  if (path === '') return '' as CheckedFolder;
  if (!isAbsolute(path)) throw new UserFacingError('invalid-argument', `"${path}" is not a full path: start it with /.`);
  let real: string;
  try {
    real = await realpath(resolve(path));
    if (!(await stat(real)).isDirectory()) throw new Error('not a folder');
  } catch (error) {
    throw new UserFacingError('not-found', `"${path}" is not an existing folder.`, undefined, undefined, { cause: error });
  }
  // The whole disk would put every file of the computer one path away.
  if (parse(real).root === real) throw new UserFacingError('forbidden', `The whole disk (${real}) cannot be the ${WHAT[key]}: choose a folder inside it.`);
  return real as CheckedFolder;
}

export interface RootFolderOptions {
  /** Web mode: a typed path is the user's own choice. The desktop app: only picked folders. */
  acceptTypedPaths: boolean;
  /** The native folder dialog (desktop only). */
  pickNatively?: ((purpose: RootKey) => Promise<string | null>) | undefined;
}

export class RootFolders {
  /** Real paths the user chose in the native dialog during this run. */
  readonly #picked = new Set<string>();

  constructor(
    private readonly settings: SettingsStore,
    private readonly options: RootFolderOptions,
  ) {}

  get canPick(): boolean {
    return this.options.pickNatively !== undefined;
  }

  /** Shows the folder dialog; the folder chosen there becomes the root. Null when cancelled. */
  async pick(key: RootKey): Promise<Settings | null> {
    if (!this.options.pickNatively) throw new UserFacingError('not-supported', 'This window cannot show a folder dialog: type the folder’s full path instead.');
    const chosen = await this.options.pickNatively(key);
    if (chosen === null) return null;
    const checked = await checkedRootFolder(chosen, key);
    this.#picked.add(checked);
    return this.settings.update({ [key]: checked });
  }

  /** Checks every root in a patch from the renderer; throws before anything is saved. */
  async check(patch: Partial<Record<RootKey, string>>): Promise<Partial<Record<RootKey, CheckedFolder>>> {
    const out: Partial<Record<RootKey, CheckedFolder>> = {};
    for (const key of ['localFolder', 'virtualBoardFolder'] as const) {
      const path = patch[key];
      if (path === undefined) continue;
      const checked = await checkedRootFolder(path, key);
      if (!this.options.acceptTypedPaths && checked !== '' && checked !== this.settings.get()[key] && !this.#picked.has(checked)) {
        throw new UserFacingError('forbidden', `The ${WHAT[key]} is chosen with the folder dialog in the desktop app, not by a typed path.`, undefined, 'Use the Choose folder button.');
      }
      out[key] = checked;
    }
    return out;
  }

  /** Sets one root from the renderer, after `check`. */
  async set(key: RootKey, path: string): Promise<Settings> {
    return this.settings.update(await this.check({ [key]: path }));
  }
}
