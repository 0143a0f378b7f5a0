/** Handlers for `sync:*`: previewed sync by content hash, copies, progress and cancel. */
import type { Handlers } from '../../preload/contract';
import type { LocalFolderService } from '../local/local-folder';
import type { BoardFiles } from '../sync/board-files';
import { SyncService } from '../sync/sync-service';
import type { ServiceContext } from './service-context';

type SyncChannels = 'sync:preview' | 'sync:apply' | 'sync:copyToBoard' | 'sync:copyToLocal' | 'sync:cancel';

export function createSync(ctx: Pick<ServiceContext, 'emit'>, local: LocalFolderService, board: BoardFiles): SyncService {
  return new SyncService(local, board, (progress) => ctx.emit('sync:progress', progress));
}

export function syncHandlers(sync: SyncService): Pick<Handlers, SyncChannels> {
  return {
    'sync:preview': (request) => sync.preview(request),
    'sync:apply': (id, deleteExtra) => sync.apply(id, deleteExtra),
    'sync:copyToBoard': (items, boardDir, id) => sync.copyToBoard(items, boardDir, id),
    'sync:copyToLocal': (items, localDir, id) => sync.copyToLocal(items, localDir, id),
    'sync:cancel': (id) => sync.cancel(id),
  };
}
