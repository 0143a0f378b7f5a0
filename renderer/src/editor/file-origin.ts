/**
 * Where an editor buffer belongs and how to read and write it there: the board's
 * flash through the engine (`fs:read`, `fs:write`, which writes atomically), the
 * local project folder through `local:read` / `local:write`, or a file the system
 * opened in the app ("Open with") through `opened:read` / `opened:write`.
 */
import type { WriteConsent, WriteOutcome } from '../../../preload/contract-types';
import { studio } from '../studio-api';

/** `file`: a file on this computer that the system opened in the app, outside the project folder. */
export type Side = 'board' | 'local' | 'file';

export interface FileLocation {
  side: Side;
  /** `/main.py` on the board; locally, relative to the project folder (`lib/x.py`); an opened file's absolute path. */
  path: string;
  /** For a board file: the board it was opened from (`BoardStatus.boardId`) and its name to show. */
  boardId?: string;
  boardLabel?: string;
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
  if (location.side === 'file') return new TextDecoder().decode(await studio.opened.read(location.path));
  return new TextDecoder().decode(await studio.local.read(location.path));
}

/** Writes under the replace rule: replacing a file whose content differs needs `consent`. */
export function writeText(location: FileLocation, text: string, consent?: WriteConsent): Promise<WriteOutcome> {
  const bytes = new TextEncoder().encode(text);
  if (location.side === 'board') return studio.fs.write(location.path, bytes, undefined, consent);
  if (location.side === 'file') return studio.opened.write(location.path, bytes, consent);
  return studio.local.write(location.path, bytes, consent);
}

/** SHA-256 of text as UTF-8, lowercase hex: what the replace rule compares. */
export async function sha256Of(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
