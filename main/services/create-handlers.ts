/**
 * Composes every handler group into the full `Handlers` table of the contract.
 * Each area's handlers live in their own file; adding an area is one line here.
 */
import { contract, type Handlers, type RequestChannel } from '../../preload/contract';
import { appHandlers } from './app-handlers';
import { backupHandlers } from './backup-handlers';
import { createLocalFolder, localHandlers } from './local-handlers';
import { createMirror, mirrorHandlers, withMirrorRecording } from './mirror-handlers';
import { boardFilesFromHandlers } from '../sync/board-files';
import { createSync, syncHandlers } from './sync-handlers';
import { createPlotFeed, plotHandlers } from './plot-handlers';
import { boardHandlers } from './board-handlers';
import { ConnectionManager } from '../board/connection-manager';
import { createVirtualBoardHost, virtualHandlers } from './virtual-handlers';
import { createSyntaxChecker, lintHandlers } from './lint-handlers';
import type { ServiceContext } from './service-context';
import { UserFacingError } from './user-facing-error';

export function createHandlers(ctx: ServiceContext): Handlers {
  // The file browser's groups reach the board through the finished table (`fs:*`),
  // and the mirror wraps that table's `fs:read`/`fs:write` to keep a copy of each file.
  const local = createLocalFolder(ctx);
  const mirror = createMirror(ctx);
  let table: Handlers | undefined;
  const boardFiles = boardFilesFromHandlers(() => table as Handlers);
  const virtualBoard = createVirtualBoardHost(ctx);
  const board = new ConnectionManager({ autoReconnect: ctx.settings.get().autoReconnect, createVirtualTransport: virtualBoard.createTransport });
  // The IDE's settings dialog switches automatic reconnection; follow it live.
  const stopFollowing = ctx.settings.onChange((settings) => {
    board.autoReconnect = settings.autoReconnect;
  });
  ctx.onDispose(() => void stopFollowing());
  ctx.onDispose(() => board.dispose());
  const groups = {
    ...boardHandlers(board, ctx.emit),
    ...appHandlers(ctx),
    ...backupHandlers(ctx),
    ...localHandlers(local),
    ...syncHandlers(createSync(ctx, local, boardFiles)),
    ...mirrorHandlers(mirror, boardFiles, local),
    // The board's output reaches the feed once the connection manager exists (feed.attach).
    ...plotHandlers(createPlotFeed(ctx, board)),
    ...virtualHandlers(virtualBoard),
    ...lintHandlers(createSyntaxChecker(ctx)),
  };
  table = withMirrorRecording(withUnbuiltChannels(groups), mirror, ctx.emit);
  return table;
}

/**
 * Temporary while the areas land one by one: channels in the contract that no group
 * implements yet answer with a clear `not-supported` error instead of crashing.
 */
function withUnbuiltChannels(groups: Partial<Handlers>): Handlers {
  const table: Record<string, unknown> = { ...groups };
  for (const [channel, spec] of Object.entries(contract)) {
    if (spec.kind !== 'request' || channel in table) continue;
    table[channel] = async () => {
      throw new UserFacingError('not-supported', `${channel as RequestChannel} is not available in this build.`);
    };
  }
  return table as Handlers;
}
