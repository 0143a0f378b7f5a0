/**
 * The local project folder, sync between it and the board, and the mirror that keeps
 * a copy of every board file opened or saved.
 */
import type { ReplaceConflict } from './replace-types';
import type { WireError } from './wire-types';

/** The local project folder the file browser shows. */
export interface LocalFolder {
  /** Absolute host path; empty when none is chosen. */
  path: string;
  /** False when the remembered folder has gone (moved, unmounted). */
  exists: boolean;
  /** True when main can show a native folder dialog (Electron); web mode takes a typed path. */
  canPick: boolean;
}

export interface LocalEntry {
  /** Relative to the local folder, `/`-separated, never starting with `/`. */
  path: string;
  name: string;
  type: 'file' | 'dir';
  size: number;
  mtimeMs: number;
  /** True when sync's ignore list excludes it. */
  ignored: boolean;
}

/** Sent (debounced) when something changed in the local folder on disk. */
export interface LocalChange {
  folder: string;
  /** Relative paths that changed, as far as the watcher knows; empty means "rescan". */
  paths: string[];
}

export type SyncDirection = 'upload' | 'download';
/**
 * `new`: only at the source; `changed`: both, content differs; `unchanged`: same hash;
 * `board-only` (upload) / `local-only` (download): only at the target.
 */
export type SyncStatus = 'new' | 'changed' | 'unchanged' | 'board-only' | 'local-only';
export type SyncAction = 'upload' | 'download' | 'delete' | 'none';

export interface SyncRequest {
  direction: SyncDirection;
  /** Folder inside the local folder, relative; empty for its root. */
  localDir: string;
  /** Folder on the board, absolute. */
  boardDir: string;
  /** Delete target files the source no longer has. Off unless the user asks. */
  deleteExtra: boolean;
}

export interface SyncEntry {
  /** Relative to both roots, `/`-separated. */
  path: string;
  status: SyncStatus;
  action: SyncAction;
  localSize?: number;
  boardSize?: number;
  /** Why a file the source has cannot be copied (e.g. the board has no folders). */
  note?: string;
}

export interface SyncPlan extends SyncRequest {
  id: string;
  entries: SyncEntry[];
  /** Bytes the plan will move. */
  bytesToTransfer: number;
  /** Local paths the ignore list left out. */
  ignored: number;
}

export interface SyncProgress {
  /** A sync plan's id, or the transfer id of a copy. */
  id: string;
  phase: 'transferring' | 'deleting' | 'done';
  /** The file being moved now. */
  file?: string;
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  bytesPerSecond: number;
}

export interface SyncResult {
  id: string;
  /** `needs-consent`: nothing was copied, because `conflicts` would replace files that differ. */
  outcome: 'completed' | 'cancelled' | 'failed' | 'needs-consent';
  conflicts?: ReplaceConflict[];
  uploaded: string[];
  downloaded: string[];
  deleted: string[];
  bytes: number;
  seconds: number;
  error?: WireError;
}

/** A board whose opened and saved files the mirror keeps. */
export interface MirrorBoard {
  boardId: string;
  /** The board's banner when last seen, for a friendly name. */
  label: string;
  files: number;
  lastSavedAt: number;
}

export interface MirrorFile {
  /** Board path. */
  path: string;
  size: number;
  savedAt: number;
  sha256: string;
  /** How many earlier copies are kept too. */
  versions: number;
}
