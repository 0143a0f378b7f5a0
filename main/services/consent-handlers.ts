/**
 * Puts the replace rule (main/consent/replace-rule.ts) in front of every channel that
 * writes a file: `fs:write`, `local:write`, `mirror:restore`, `mirror:saveToLocal`.
 * Sync and the file browser's copies reach the board through `fs:write` and the local
 * folder through `local:write` of this table, so no path around the rule is left.
 */
import { join } from 'node:path';
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
