/**
 * Handlers for `flash:*` (Install MicroPython) on the FlashService, and the events
 * they push: `flash:progress` during an install, `flash:drivesChanged` when a
 * bootloader drive appears or goes.
 */
import type { Handlers } from '../../preload/contract';
import type { ConnectionManager } from '../board/connection-manager';
import { FirmwareCatalogStore } from '../flash/firmware-catalog';
import { FlashError } from '../flash/flash-errors';
import { FlashService } from '../flash/flash-service';
import { systemMountLister } from '../flash/mount-points';
import type { EmitEvent, ServiceContext } from './service-context';

type FlashChannels = 'flash:catalog' | 'flash:refreshCatalog' | 'flash:drives' | 'flash:install' | 'flash:enterBootloader';

/** How long `machine.bootloader()` gets before the link is let go: the board resets and never answers. */
const BOOTLOADER_GRACE_MS = 1500;

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
    'flash:enterBootloader': async () => {
      const target = board.status.target;
      if (target?.kind !== 'serial' || board.status.state === 'disconnected') {
        throw new FlashError('No RP2 board is connected over USB.', 'Connect to the board first, or hold BOOTSEL while plugging it in.', 'not-connected');
      }
      // The board restarts into its ROM at once, so the exec never completes; give it a moment and let go.
      const exec = board.session().execText('import machine\nmachine.bootloader()').catch(() => undefined);
      await Promise.race([exec, new Promise((resolve) => setTimeout(resolve, BOOTLOADER_GRACE_MS))]);
      await board.disconnect().catch(() => undefined);
    },
  };
}
