/**
 * Composes every handler group into the full `Handlers` table of the contract.
 * Each area's handlers live in their own file; adding an area is one line here.
 */
import type { Handlers } from '../../preload/contract';
import { appHandlers } from './app-handlers';
import { exampleHandlers } from './example-handlers';
import { backupHandlers } from './backup-handlers';
import { createReplacedFiles, replacedHandlers, withReplaceConsent } from './consent-handlers';
import { createLocalFolder, localHandlers } from './local-handlers';
import { createMirror, mirrorHandlers, withMirrorRecording } from './mirror-handlers';
import { boardFilesFromHandlers } from '../sync/board-files';
import { createSync, syncHandlers } from './sync-handlers';
import { createPlotFeed, plotHandlers } from './plot-handlers';
import { boardHandlers } from './board-handlers';
import { ConnectionManager } from '../board/connection-manager';
import { createVirtualBoardHost, virtualHandlers } from './virtual-handlers';
import { createSyntaxChecker, lintHandlers } from './lint-handlers';
import { RootFolders } from './root-folders';
import { packageHandlers } from './package-handlers';
import { createFlashService, flashHandlers } from './flash-handlers';
import { OpenedFiles } from '../opened/opened-files';
import { openedHandlers } from './opened-handlers';
import type { ServiceContext } from './service-context';

/** `opened` is shared with whoever admits the files the system opens (create-services.ts). */
export function createHandlers(ctx: ServiceContext, opened = new OpenedFiles(() => ctx.emit('opened:waiting', null))): Handlers {
  // The file browser's groups reach the board through the finished table (`fs:*`),
  // and the mirror wraps that table's `fs:read`/`fs:write` to keep a copy of each file.
  // The one validated setter of the folders files are served from (see root-folders.ts).
  const roots = new RootFolders(ctx.settings, { acceptTypedPaths: ctx.mode === 'web', pickNatively: ctx.pickFolder });
  const localParts = createLocalFolder(ctx, roots);
  const local = localParts.service;
  const mirror = createMirror(ctx);
  const replaced = createReplacedFiles(ctx);
  let table: Handlers | undefined;
  const boardFiles = boardFilesFromHandlers(() => table as Handlers);
  const virtualBoard = createVirtualBoardHost(ctx);
  const board = new ConnectionManager({
    autoReconnect: ctx.settings.get().autoReconnect,
    createVirtualTransport: virtualBoard.createTransport,
    ...(ctx.portLister && { lister: ctx.portLister }),
  });
  // The IDE's settings dialog switches automatic reconnection; follow it live.
  const stopFollowing = ctx.settings.onChange((settings) => {
    board.autoReconnect = settings.autoReconnect;
  });
  ctx.onDispose(() => void stopFollowing());
  ctx.onDispose(() => board.dispose());
  const groups = {
    ...boardHandlers(board, ctx.emit),
    ...appHandlers(ctx, roots),
    ...exampleHandlers(ctx),
    ...backupHandlers(ctx),
    ...localHandlers(localParts),
    // Local writes of copies and syncs go through the finished table's `local:write`: the replace rule.
    ...syncHandlers(createSync(ctx, local, boardFiles, { writeLocal: (rel, bytes, consent) => (table as Handlers)['local:write'](rel, bytes as Uint8Array<ArrayBuffer>, consent) })),
    ...mirrorHandlers(mirror, boardFiles, local),
    // The board's output reaches the feed once the connection manager exists (feed.attach).
    ...plotHandlers(createPlotFeed(ctx, board)),
    ...virtualHandlers(virtualBoard),
    ...lintHandlers(createSyntaxChecker(ctx)),
    ...packageHandlers(ctx, board),
    ...flashHandlers(createFlashService(ctx, board), board, ctx),
    ...openedHandlers(opened, replaced),
    ...replacedHandlers({ local, replaced }),
  };
  // Every channel of the contract must have a handler: a missing one is a compile error here.
  const complete: Handlers = groups;
  // Outermost: no file is replaced with other content without the user's consent (consent-handlers.ts).
  table = withReplaceConsent(withMirrorRecording(complete, mirror, ctx.emit), { local, mirror, replaced });
  return table;
}
