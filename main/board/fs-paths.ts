/**
 * Board path handling: normalising `/`-separated absolute paths, and mapping them onto a
 * flat file system (micro:bit), where only `/name` exists and the board wants `name`.
 */
import { NotSupportedError } from './errors';

/** `/a//b/./c/` → `/a/b/c`. Rejects `..` so nothing escapes the root. */
export function normalizeBoardPath(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') throw new NotSupportedError(`Paths with ".." are not allowed: ${path}`);
    parts.push(part);
  }
  return '/' + parts.join('/');
}

export function joinBoardPath(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}

export function dirnameOf(path: string): string {
  const cut = path.lastIndexOf('/');
  return cut <= 0 ? '/' : path.slice(0, cut);
}

export function basenameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** On a flat file system a path is a bare file name in the root. */
export function flatName(path: string): string {
  const normal = normalizeBoardPath(path);
  if (normal === '/') throw new NotSupportedError('The root of a flat file system is not a file.');
  const name = normal.slice(1);
  if (name.includes('/')) throw new NotSupportedError(`This board's file system is flat (no folders), so "${path}" cannot exist on it.`);
  return name;
}

/** The name this firmware wants in `open()` and `os.*` calls. */
export function boardSidePath(path: string, flat: boolean): string {
  return flat ? flatName(path) : normalizeBoardPath(path);
}
