/**
 * Puts the replace rule (main/consent/replace-rule.ts) in front of every channel that
 * writes a file: `fs:write`, `local:write`, `mirror:restore`, `mirror:saveToLocal`, and
 * `replaced:restore` (a restore may replace a file too, which is then kept in turn).
 * Sync and the file browser's copies reach the board through `fs:write` and the local
 * folder through `local:write` of this table, so no path around the rule is left.
 */
import { join, resolve } from 'node:path';
import type { Handlers } from '../../preload/contract';
import type { WriteConsent, WriteOutcome } from '../../preload/contract-types';
import { writeWithConsent } from '../consent/replace-rule';
import { ReplacedFiles } from '../consent/replaced-files';
import { boardReplaceTarget, localReplaceTarget } from '../consent/replace-targets';
import type { LocalFolderService } from '../local/local-folder';
import { normaliseLocalPath } from '../local/confine-path';
import type { MirrorStore } from '../mirror/mirror-store';
import { mirrorIdOf } from './mirror-handlers';
import type { ServiceContext } from './service-context';
import { UserFacingError } from './user-facing-error';

export function createReplacedFiles(ctx: Pick<ServiceContext, 'userDataDir'>): ReplacedFiles {
  return new ReplacedFiles(join(ctx.userDataDir, 'replaced-files'));
}

/**
 * `replaced:*`: the local files the app replaced, and restoring one. A restore goes back
 * only into the project folder it came from, at its path there, through the same rule
 * (and the same local side) as every other local write, so it can be undone as well.
 */
export function replacedHandlers(deps: { local: LocalFolderService; replaced: ReplacedFiles }): Pick<Handlers, 'replaced:list' | 'replaced:restore'> {
  const local = localReplaceTarget(deps.local, deps.replaced);
  return {
    'replaced:list': () => deps.replaced.list(),
    'replaced:restore': async (id, consent) => {
      const { info, bytes } = await deps.replaced.read(id);
      const open = await deps.local.info();
      // The same path in another project would be another file: refuse, and say which folder to open.
      if (!open.exists || resolve(open.path) !== resolve(info.folder)) {
        throw new UserFacingError(
          'forbidden',
          `${info.path} was replaced in the folder ${info.folder}, ${open.path ? 'which is not the local folder open now' : 'and no local folder is open now'}.`,
          undefined,
          `Open ${info.folder} in the Local pane to restore it there.`,
        );
      }
      return writeWithConsent(local, info.path, bytes, { side: 'replaced', path: info.path, replacedAt: info.replacedAt }, consent);
    },
  };
}

export function withReplaceConsent(table: Handlers, deps: { local: LocalFolderService; replaced: ReplacedFiles; mirror: MirrorStore }): Handlers {
  const rawBoardWrite = table['fs:write'];
  const board = (transferId?: string) =>
    boardReplaceTarget({
      stat: (path) => table['fs:stat'](path),
      hash: (path) => table['fs:hash'](path),
      keepInMirror: async (path) => {
        const who = mirrorIdOf(await table['board:status']());
        if (!who) throw new UserFacingError('not-connected', 'The board is not connected.');
        await deps.mirror.record(who.id, who.label, path, await table['fs:read'](path, undefined));
      },
      write: async (path, bytes) => {
        await rawBoardWrite(path, bytes as Uint8Array<ArrayBuffer>, transferId, undefined);
      },
    });
  const local = localReplaceTarget(deps.local, deps.replaced);
  const toBoard = (path: string, bytes: Uint8Array, from: 'editor' | 'mirror', consent?: WriteConsent, transferId?: string): Promise<WriteOutcome> =>
    writeWithConsent(board(transferId), path, bytes, { side: from, path }, consent);
  const toLocal = (rel: string, bytes: Uint8Array, from: 'editor' | 'mirror', source: string, consent?: WriteConsent): Promise<WriteOutcome> =>
    writeWithConsent(local, normaliseLocalPath(rel), bytes, { side: from, path: source }, consent);

  return {
    ...table,
    'fs:write': (path, bytes, transferId, consent) => toBoard(path, bytes, 'editor', consent, transferId),
    'local:write': (rel, bytes, consent) => toLocal(rel, bytes, 'editor', rel, consent),
    'mirror:restore': async (boardId, path, consent) => toBoard(path, await deps.mirror.read(boardId, path), 'mirror', consent),
    'mirror:saveToLocal': async (boardId, path, rel, consent) => toLocal(rel, await deps.mirror.read(boardId, path), 'mirror', path, consent),
  };
}
