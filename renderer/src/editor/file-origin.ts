/**
 * Where an editor buffer belongs and how to read and write it there: the board's
 * flash through the engine (`fs:read`, `fs:write`, which writes atomically), or the
 * local project folder through `local:read` / `local:write`.
 */
import { studio } from '../studio-api';

export type Side = 'board' | 'local';

export interface FileLocation {
  side: Side;
  /** `/main.py` on the board; locally, relative to the project folder (`lib/x.py`). */
  path: string;
}

/** What the file browser (or anything else) hands the editor to open a file. */
export interface OpenFileRequest extends FileLocation {
  /** `board:/main.py` or `local:/home/a/x.py`; derived from side and path when left out. */
  uri?: string;
  /** The file's text, when the caller has read it already. */
  content?: string;
  /** A 1-based line to show. */
  line?: number;
}

export function uriOf(location: FileLocation): string {
  return `${location.side}:${location.path}`;
}

export function baseName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}

export async function readText(location: FileLocation): Promise<string> {
  if (location.side === 'board') return new TextDecoder().decode(await studio.fs.read(location.path));
  return new TextDecoder().decode(await studio.local.read(location.path));
}

export async function writeText(location: FileLocation, text: string): Promise<void> {
  if (location.side === 'board') {
    await studio.fs.write(location.path, new TextEncoder().encode(text));
    return;
  }
  await studio.local.write(location.path, new TextEncoder().encode(text));
}
