/**
 * Keeps every local path inside the chosen project folder. A relative path from the
 * renderer is normalised, refused if it climbs out (`..`, absolute, drive letters),
 * and then checked on disk: the real path of its deepest existing ancestor must lie
 * inside the folder's real path, so a symlink cannot lead outside either.
 */
import { lstat, realpath } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { UserFacingError } from '../services/user-facing-error';

/** A backslash is an ordinary file-name character except on Windows. */
const SEPARATORS = process.platform === 'win32' ? /[\\/]+/ : /\/+/;

/** Splits a relative `/`-separated path into checked segments; `''` is the root. */
export function splitLocalPath(rel: string): string[] {
  if (rel.includes('\0')) throw outside(rel);
  if (rel.startsWith('/') || rel.startsWith('\\') || /^[A-Za-z]:/.test(rel)) throw outside(rel);
  const parts = rel.split(SEPARATORS).filter((p) => p !== '' && p !== '.');
  if (parts.some((p) => p === '..')) throw outside(rel);
  return parts;
}

/** The normalised relative form: segments joined by `/`. */
export function normaliseLocalPath(rel: string): string {
  return splitLocalPath(rel).join('/');
}

function outside(rel: string): UserFacingError {
  return new UserFacingError('forbidden', `"${rel}" is outside the project folder.`);
}

function isInside(root: string, candidate: string): boolean {
  const r = relative(root, candidate);
  return r === '' || (!r.startsWith(`..${sep}`) && r !== '..' && !isAbsolute(r));
}

/**
 * The absolute host path for `rel` inside `root`, after checking that neither the
 * path nor any symlink on the way leaves the folder. The path itself need not exist.
 */
export async function resolveInside(root: string, rel: string): Promise<string> {
  const parts = splitLocalPath(rel);
  const realRoot = await realpath(root);
  let current = realRoot;
  let i = 0;
  // Walk down while things exist: a symlink is replaced by its real target, which
  // must be inside the folder; the first missing segment ends the walk.
  for (; i < parts.length; i++) {
    const next = join(current, parts[i]!);
    let info;
    try {
      info = await lstat(next);
    } catch {
      break;
    }
    if (info.isSymbolicLink()) {
      let target: string;
      try {
        target = await realpath(next);
      } catch {
        // A dangling link: writing through it would create a file wherever it points.
        throw new UserFacingError('forbidden', `"${rel}" is a broken symbolic link.`);
      }
      if (!isInside(realRoot, target)) throw outside(rel);
      current = target;
    } else {
      current = next;
    }
  }
  return join(current, ...parts.slice(i));
}
