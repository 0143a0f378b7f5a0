/**
 * Sync's comparison: given the files on both sides, decides per path whether it is
 * new, changed, unchanged or only at the target, and what to do about it. Sizes
 * settle most cases for free; only files of equal size are compared by SHA-256, so a
 * board is asked for a hash only when it can make the difference.
 */
import type { SyncAction, SyncDirection, SyncEntry, SyncStatus } from '../../preload/contract-types';

export interface FileFacts {
  /** Relative to the synced folder, `/`-separated. */
  path: string;
  size: number;
}

export interface HashSource {
  local(path: string): Promise<string>;
  board(path: string): Promise<string>;
}

export interface CompareOptions {
  direction: SyncDirection;
  deleteExtra: boolean;
  /** Paths that cannot be created at the target, with the reason (e.g. a flat board). */
  impossible?: (path: string) => string | null;
}

export async function compareTrees(
  local: readonly FileFacts[],
  board: readonly FileFacts[],
  hashes: HashSource,
  options: CompareOptions,
): Promise<SyncEntry[]> {
  const upload = options.direction === 'upload';
  const localByPath = new Map(local.map((f) => [f.path, f]));
  const boardByPath = new Map(board.map((f) => [f.path, f]));
  const paths = [...new Set([...localByPath.keys(), ...boardByPath.keys()])].sort();
  const entries: SyncEntry[] = [];
  for (const path of paths) {
    const l = localByPath.get(path);
    const b = boardByPath.get(path);
    let status: SyncStatus;
    if (l && b) {
      const same = l.size === b.size && (await hashes.local(path)) === (await hashes.board(path));
      status = same ? 'unchanged' : 'changed';
    } else if (l) {
      status = upload ? 'new' : 'local-only';
    } else {
      status = upload ? 'board-only' : 'new';
    }
    let action: SyncAction = 'none';
    if (status === 'new' || status === 'changed') action = upload ? 'upload' : 'download';
    else if (status === 'board-only' || status === 'local-only') action = options.deleteExtra ? 'delete' : 'none';
    const entry: SyncEntry = { path, status, action };
    if (l) entry.localSize = l.size;
    if (b) entry.boardSize = b.size;
    const why = action === 'upload' ? options.impossible?.(path) : null;
    if (why) {
      entry.action = 'none';
      entry.note = why;
    }
    entries.push(entry);
  }
  return entries;
}

/** Bytes a plan moves: the source side's size of every transferred file. */
export function bytesToTransfer(entries: readonly SyncEntry[]): number {
  let total = 0;
  for (const e of entries) {
    if (e.action === 'upload') total += e.localSize ?? 0;
    if (e.action === 'download') total += e.boardSize ?? 0;
  }
  return total;
}
