/**
 * Handlers for `mirror:*`, and the wrapping of `fs:read`/`fs:write` that feeds the
 * mirror: every file the app reads from or writes to a board is also copied into the
 * user-data folder, under the board's id, once the board operation has succeeded.
 */
import { join } from 'node:path';
import type { Handlers } from '../../preload/contract';
import type { BoardStatus } from '../../preload/contract-types';
import type { LocalFolderService } from '../local/local-folder';
import { MirrorStore } from '../mirror/mirror-store';
import type { BoardFiles } from '../sync/board-files';
import type { ServiceContext } from './service-context';

type MirrorChannels = 'mirror:boards' | 'mirror:list' | 'mirror:read' | 'mirror:restore' | 'mirror:saveToLocal';

export function createMirror(ctx: Pick<ServiceContext, 'userDataDir'>): MirrorStore {
  return new MirrorStore(join(ctx.userDataDir, 'mirror'));
}

/** The id the mirror files a board under: the engine's `boardId`, else its link. */
export function mirrorIdOf(status: BoardStatus): { id: string; label: string } | null {
  const target = status.target;
  const link = target ? (target.kind === 'virtual' ? 'virtual board' : target.path) : '';
  const id = status.boardId ?? (link ? `link:${link}` : '');
  if (!id) return null;
  return { id, label: status.banner ? `${status.banner.split(';')[1]?.trim() || status.banner} (${link})` : link || id };
}

/**
 * Returns `table` with `fs:read` and `fs:write` recording into the mirror, and `fs:rename` moving its copies. A failure
 * to record never fails the board operation: the user's file is on the board.
 */
export function withMirrorRecording(
  table: Handlers,
  mirror: MirrorStore,
  emit: ServiceContext['emit'],
): Handlers {
  const record = async (path: string, bytes: Uint8Array) => {
    try {
      const who = mirrorIdOf(await table['board:status']());
      if (!who) return;
      await mirror.record(who.id, who.label, path, bytes);
      emit('mirror:changed', { boardId: who.id });
    } catch {
      // The mirror is a safety net; the board operation itself has already succeeded.
    }
  };
  const read = table['fs:read'];
  const write = table['fs:write'];
  const rename = table['fs:rename'];
  return {
    ...table,
    'fs:read': async (path, transferId) => {
      const read_ = await read(path, transferId);
      // A Node Buffer would reach web mode's JSON as {type:'Buffer'} (toJSON runs before
      // the wire codec's replacer sees it): hand on a plain Uint8Array view instead.
      const bytes = new Uint8Array(read_.buffer, read_.byteOffset, read_.byteLength);
      await record(path, bytes);
      return bytes;
    },
    'fs:write': async (path, bytes, transferId, consent) => {
      const outcome = await write(path, bytes, transferId, consent);
      await record(outcome.path, bytes);
      return outcome;
    },
    // A renamed or moved file keeps its mirrored copies under its new path.
    'fs:rename': async (from, to) => {
      await rename(from, to);
      try {
        const who = mirrorIdOf(await table['board:status']());
        if (who && (await mirror.move(who.id, from, to))) emit('mirror:changed', { boardId: who.id });
      } catch {
        // The mirror is a safety net; the rename itself has succeeded.
      }
    },
  };
}

export function mirrorHandlers(mirror: MirrorStore, board: BoardFiles, local: LocalFolderService): Pick<Handlers, MirrorChannels> {
  return {
    'mirror:boards': () => mirror.boards(),
    'mirror:list': (boardId) => mirror.list(boardId),
    'mirror:read': (boardId, path) => mirror.read(boardId, path),
    // Replaced in front by the replace rule (consent-handlers.ts), which asks before overwriting.
    'mirror:restore': async (boardId, path) => {
      await board.write(path, await mirror.read(boardId, path));
      return { path, unchanged: false };
    },
    'mirror:saveToLocal': async (boardId, path, rel) => {
      await local.write(rel, await mirror.read(boardId, path));
      return { path: rel, unchanged: false };
    },
  };
}
