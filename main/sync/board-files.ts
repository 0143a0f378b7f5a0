/**
 * What sync, copies and the mirror need from the board: its file operations, in the
 * shape of the contract's `fs:*` channels. Built from the composed handler table, so
 * they run through the board engine's own implementation (atomic writes, quoting,
 * progress, cancel) and through the mirror's recording, exactly as the UI's calls do.
 */
import type { Handlers } from '../../preload/contract';
import type { FsCapabilities, FsEntry, WriteConsent, WriteOutcome } from '../../preload/contract-types';
import { hashMany } from './batch-hash';

export interface BoardFiles {
  capabilities(): Promise<FsCapabilities>;
  list(path: string, recursive: boolean): Promise<FsEntry[]>;
  read(path: string, transferId?: string): Promise<Uint8Array>;
  /**
   * Replaces the file atomically: a failed or cancelled write leaves the old one. Through
   * the app's table the replace rule applies: a differing file needs `consent`.
   */
  write(path: string, bytes: Uint8Array<ArrayBuffer>, transferId?: string, consent?: WriteConsent): Promise<WriteOutcome | void>;
  mkdir(path: string): Promise<void>;
  remove(path: string, recursive: boolean): Promise<void>;
  stat(path: string): Promise<FsEntry | null>;
  /** The file's SHA-256, lowercase hex. */
  hash(path: string): Promise<string>;
  cancel(transferId: string): Promise<void>;
  /** SHA-256 of many files at once (a shortcut); paths it could not hash are absent. */
  hashMany?(paths: readonly string[]): Promise<Map<string, string>>;
}

export type FsHandlers = Pick<
  Handlers,
  'fs:capabilities' | 'fs:list' | 'fs:read' | 'fs:write' | 'fs:mkdir' | 'fs:remove' | 'fs:stat' | 'fs:hash' | 'fs:cancel' | 'board:exec'
>;

/**
 * Board files through a handler table. `table` is a getter because the table is
 * composed after the groups that use it are built.
 */
export function boardFilesFromHandlers(table: () => FsHandlers): BoardFiles {
  return {
    capabilities: () => table()['fs:capabilities'](),
    list: (path, recursive) => table()['fs:list'](path, recursive),
    read: (path, transferId) => table()['fs:read'](path, transferId),
    write: (path, bytes, transferId, consent) => table()['fs:write'](path, bytes, transferId, consent),
    mkdir: (path) => table()['fs:mkdir'](path),
    remove: (path, recursive) => table()['fs:remove'](path, recursive),
    stat: (path) => table()['fs:stat'](path),
    hash: (path) => table()['fs:hash'](path),
    cancel: (transferId) => table()['fs:cancel'](transferId),
    hashMany: (paths) => hashMany(async (source) => (await table()['board:exec'](source)).stdout, paths),
  };
}

/** Joins a board folder and a relative `/`-path: `('/', 'a/b')` → `/a/b`. */
export function joinBoardPath(dir: string, rel: string): string {
  const base = dir.replace(/\/+$/, '');
  return rel ? `${base}/${rel}` : base || '/';
}

/** The relative part of `path` under `dir`, or null when it is not under it. */
export function relativeBoardPath(dir: string, path: string): string | null {
  const base = dir.replace(/\/+$/, '');
  if (path === base) return '';
  return path.startsWith(`${base}/`) ? path.slice(base.length + 1) : null;
}
