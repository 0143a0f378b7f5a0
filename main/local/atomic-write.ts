/**
 * The one way the app writes a file on this computer (project folder, settings, backups,
 * mirror, window state): a fresh temporary file beside the target, created exclusively
 * and never through a symlink, synced to disk, then renamed over the target.
 *
 * Why each step: a predictable temporary name (`x.py.tmp`) can be planted as a symlink
 * by a cloned repository or an unzipped project, and a plain `writeFile` follows it out
 * of the folder; two writers sharing one name race each other's rename (ENOENT); and
 * without the fsync a crash right after the rename can leave an empty file.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, open, realpath, rm, rename, unlink } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';

/** Thrown when, after the rename, the target is not a regular file inside the root. */
export class WriteEscapedError extends Error {
  constructor(readonly target: string) {
    super(`"${target}" did not end up as a plain file inside its folder, so the write was undone.`);
    this.name = 'WriteEscapedError';
  }
}

// O_NOFOLLOW where the platform has it (not Windows, where links need privileges anyway).
const EXCLUSIVE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/** The unpredictable temporary name for `target`, hidden, in the same folder (same disk: rename stays atomic). */
export function temporaryNameFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(8).toString('hex')}.mpstudio-tmp`);
}

/**
 * Writes `data` to `target` atomically. With `root`, checks after the rename that the
 * target is a regular file whose real path lies inside `root`, and removes it otherwise.
 * The target keeps its permission bits when it existed.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array, options: { root?: string } = {}): Promise<void> {
  const mode = await lstat(target).then(
    (info) => (info.isFile() ? info.mode & 0o7777 : 0o666),
    () => 0o666,
  );
  const temporary = temporaryNameFor(target);
  const handle = await open(temporary, EXCLUSIVE, mode);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
  if (options.root !== undefined && !(await isPlainFileInside(options.root, target))) {
    await unlink(target).catch(() => undefined);
    throw new WriteEscapedError(target);
  }
}

async function isPlainFileInside(root: string, target: string): Promise<boolean> {
  try {
    if (!(await lstat(target)).isFile()) return false;
    const r = relative(await realpath(root), await realpath(target));
    return r !== '' && r !== '..' && !r.startsWith(`..${sep}`) && !isAbsolute(r);
  } catch {
    return false;
  }
}
