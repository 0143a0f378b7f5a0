/** Handlers for `sync:*`: previewed sync by content hash, copies, progress and cancel. */
import type { Handlers } from '../../preload/contract';
import type { LocalFolderService } from '../local/local-folder';
import type { BoardFiles } from '../sync/board-files';
import { SyncService, type ReplaceGuard } from '../sync/sync-service';
import type { ServiceContext } from './service-context';

type SyncChannels = 'sync:preview' | 'sync:apply' | 'sync:copyToBoard' | 'sync:copyToLocal' | 'sync:cancel';

export function createSync(ctx: Pick<ServiceContext, 'emit'>, local: LocalFolderService, board: BoardFiles, guard: ReplaceGuard): SyncService {
  return new SyncService(local, board, (progress) => ctx.emit('sync:progress', progress), guard);
}

export function syncHandlers(sync: SyncService): Pick<Handlers, SyncChannels> {
  return {
    'sync:preview': (request) => sync.preview(request),
    'sync:apply': (id, deleteExtra, decisions) => sync.apply(id, deleteExtra, decisions),
    'sync:copyToBoard': (items, boardDir, id, decisions) => sync.copyToBoard(items, boardDir, id, decisions),
    'sync:copyToLocal': (items, localDir, id, decisions) => sync.copyToLocal(items, localDir, id, decisions),
    'sync:cancel': (id) => sync.cancel(id),
  };
}
