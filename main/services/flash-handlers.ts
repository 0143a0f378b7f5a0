/**
 * Handlers for `flash:*` (Install MicroPython) on the FlashService, and the events
 * they push: `flash:progress` during an install, `flash:drivesChanged` when a
 * bootloader drive appears or goes.
 */
import type { Handlers } from '../../preload/contract';
import type { ConnectionManager } from '../board/connection-manager';
import { FirmwareCatalogStore } from '../flash/firmware-catalog';
import { enterBootloader } from '../flash/enter-bootloader';
import { FlashService } from '../flash/flash-service';
import { systemMountLister } from '../flash/mount-points';
import type { EmitEvent, ServiceContext } from './service-context';

type FlashChannels = 'flash:catalog' | 'flash:refreshCatalog' | 'flash:drives' | 'flash:install' | 'flash:enterBootloader';

export function createFlashService(ctx: ServiceContext, board: ConnectionManager): FlashService {
  return new FlashService({
    catalog: new FirmwareCatalogStore({ userDataDir: ctx.userDataDir, ...(ctx.firmwareSite && { site: ctx.firmwareSite }) }),
    mounts: ctx.mountLister ?? systemMountLister,
    // esptool needs the port to itself: let go of the board if the app holds that port.
    releasePort: async (path) => {
      const target = board.status.target;
      if (target?.kind === 'serial' && target.path === path) await board.disconnect();
    },
  });
}

export function flashHandlers(service: FlashService, board: ConnectionManager, ctx: Pick<ServiceContext, 'onDispose'> & { emit: EmitEvent }): Pick<Handlers, FlashChannels> {
  const stopWatching = service.watchDrives((drives) => ctx.emit('flash:drivesChanged', drives));
  ctx.onDispose(stopWatching);
  return {
    'flash:catalog': () => service.catalog(),
    'flash:refreshCatalog': () => service.refreshCatalog(),
    'flash:drives': () => service.drives(),
    'flash:install': (request) => service.install(request, (progress) => ctx.emit('flash:progress', progress)),
    'flash:enterBootloader': () => enterBootloader(board),
  };
}
