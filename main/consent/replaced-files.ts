/**
 * Local files the app replaced, kept in the user-data folder (`replaced-files/`) so a
 * replacement can be undone: there is no system trash to use from here (web mode runs
 * headless, often on another machine). Each kept file sits under a folder named for
 * the moment it was replaced, at its path inside the project folder, beside a small
 * JSON note saying where it came from.
 */
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, readFile, realpath, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import * as v from 'valibot';
import { REPLACED_ID_PATTERN } from '../../preload/contract';
import type { ReplacedFileInfo } from '../../preload/contract-types';
import { splitLocalPath } from '../local/confine-path';
import { UserFacingError } from '../services/user-facing-error';

export interface ReplacedFile {
  /** The folder name under `replaced-files/`. */
  id: string;
  /** The project folder and the path inside it that was replaced. */
  folder: string;
  path: string;
  replacedAt: number;
  /** Where the old bytes are now. */
  keptAt: string;
}

const NOTE = 'replaced.json';

/**
 * What a note must hold to be trusted: it lives in a folder anyone with the user's
 * rights can edit, so its path is checked like a path from the renderer (relative, no
 * `..`) and its `keptAt` is never used; the bytes are looked for under the id's folder.
 */
const noteSchema = v.object({
  id: v.string(),
  folder: v.pipe(v.string(), v.check((folder) => isAbsolute(folder), 'an absolute folder')),
  path: v.pipe(
    v.string(),
    v.check((path) => {
      try {
        return splitLocalPath(path).length > 0;
      } catch {
        return false;
      }
    }, 'a path inside the folder'),
  ),
  replacedAt: v.pipe(v.number(), v.finite()),
});

/** A kept file that cannot be given back: no such id, or its note or bytes are damaged. */
export class KeptFileError extends UserFacingError {
  constructor(
    readonly id: string,
    readonly reason: 'unknown' | 'damaged',
    where: string,
    options?: { cause?: unknown },
  ) {
    super(
      'not-found',
      reason === 'unknown'
        ? 'That replaced file is no longer kept: it may have been deleted from the app’s user data.'
        : 'That replaced file’s record is damaged, so the app cannot restore it.',
      undefined,
      reason === 'damaged' ? `What is left of it is in ${where}.` : undefined,
      options,
    );
    this.name = 'KeptFileError';
  }
}

export class ReplacedFiles {
  constructor(readonly root: string) {}

  /** Keeps `bytes`, the old content of `path` in `folder`; returns where. */
  async keep(folder: string, path: string, bytes: Uint8Array): Promise<ReplacedFile> {
    const replacedAt = Date.now();
    const id = `${new Date(replacedAt).toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
    // `path` was confined to the project folder by LocalFolderService: relative, no `..`.
    const keptAt = join(this.root, id, path);
    await mkdir(dirname(keptAt), { recursive: true });
    await writeFile(keptAt, bytes);
    const note: ReplacedFile = { id, folder, path, replacedAt, keptAt };
    await writeFile(join(this.root, id, NOTE), JSON.stringify(note));
    return note;
  }

  /** Everything kept that can be restored, newest first. */
  async list(): Promise<ReplacedFileInfo[]> {
    let ids: string[];
    try {
      ids = await readdir(this.root);
    } catch {
      return [];
    }
    const out: ReplacedFileInfo[] = [];
    for (const id of ids) {
      try {
        out.push(await this.info(id));
      } catch {
        // Not one of ours, or damaged: the bytes are still there for a person to find.
      }
    }
    return out.sort((a, b) => b.replacedAt - a.replacedAt);
  }

  /** One kept file's record, checked: its id names a folder right under the root, its note is sound, its bytes are there. */
  async info(id: string): Promise<ReplacedFileInfo> {
    const { info } = await this.locate(id);
    return info;
  }

  /** One kept file's record and its bytes. */
  async read(id: string): Promise<{ info: ReplacedFileInfo; bytes: Uint8Array }> {
    const { info, keptAt } = await this.locate(id);
    try {
      return { info, bytes: new Uint8Array(await readFile(keptAt)) };
    } catch (error) {
      throw new KeptFileError(id, 'damaged', join(this.root, id), { cause: error });
    }
  }

  private async locate(id: string): Promise<{ info: ReplacedFileInfo; keptAt: string }> {
    // The contract checked the id already; checked again here because this class is the
    // one that turns it into a path, and only a direct child folder of the root will do.
    if (!REPLACED_ID_PATTERN.test(id)) throw new UserFacingError('invalid-argument', 'That is not the id of a replaced file.');
    const dir = join(this.root, id);
    const folder = await lstat(dir).catch(() => null);
    // A symlink here is not something keep() made: treat it as not kept.
    if (!folder?.isDirectory()) throw new KeptFileError(id, 'unknown', dir);
    let note: v.InferOutput<typeof noteSchema>;
    try {
      note = v.parse(noteSchema, JSON.parse(await readFile(join(dir, NOTE), 'utf8')));
    } catch (error) {
      throw new KeptFileError(id, 'damaged', dir, { cause: error });
    }
    if (note.id !== id) throw new KeptFileError(id, 'damaged', dir);
    const keptAt = join(dir, ...splitLocalPath(note.path));
    const bytes = await lstat(keptAt).catch(() => null);
    // A folder on the way swapped for a symlink would lead the read elsewhere.
    if (!bytes?.isFile() || !(await staysInside(dir, keptAt))) throw new KeptFileError(id, 'damaged', dir);
    return { info: { id, folder: note.folder, path: splitLocalPath(note.path).join('/'), replacedAt: note.replacedAt, size: bytes.size }, keptAt };
  }
}

async function staysInside(dir: string, file: string): Promise<boolean> {
  try {
    const r = relative(await realpath(dir), await realpath(file));
    return r !== '' && !r.startsWith(`..${sep}`) && !isAbsolute(r);
  } catch {
    return false;
  }
}
