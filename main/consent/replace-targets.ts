/**
 * The two sides the replace rule writes to. The board side keeps an old file in the
 * mirror (per board, with versions) before it is replaced; the local side keeps it in
 * `replaced-files/`. Both write through the functions they are given, so the board's
 * atomic write, progress and cancel stay the engine's.
 */
import type { FsEntry } from '../../preload/contract-types';
import type { LocalFolderService } from '../local/local-folder';
import type { ReplacedFiles } from './replaced-files';
import type { ReplaceTarget } from './replace-rule';

export interface BoardOps {
  stat(path: string): Promise<FsEntry | null>;
  hash(path: string): Promise<string>;
  /** Reads the file and records it in the mirror; fails when it could not be kept. */
  keepInMirror(path: string): Promise<void>;
  write(path: string, bytes: Uint8Array): Promise<void>;
}

export function boardReplaceTarget(ops: BoardOps): ReplaceTarget {
  return {
    side: 'board',
    // Board flash keeps no trustworthy dates (the micro:bit has no clock), so none is given.
    stat: async (path) => {
      const entry = await ops.stat(path);
      return entry ? { type: entry.type, size: entry.size } : null;
    },
    hash: (path) => ops.hash(path),
    keep: (path) => ops.keepInMirror(path),
    write: (path, bytes) => ops.write(path, bytes),
  };
}

export function localReplaceTarget(local: LocalFolderService, replaced: ReplacedFiles): ReplaceTarget {
  return {
    side: 'local',
    stat: async (path) => {
      const entry = await local.stat(path);
      return entry ? { type: entry.type, size: entry.size, modifiedAt: entry.mtimeMs } : null;
    },
    hash: (path) => local.sha256(path),
    keep: async (path) => {
      await replaced.keep(local.root(), path, await local.read(path));
    },
    write: (path, bytes) => local.write(path, bytes),
  };
}
