/**
 * Install MicroPython: the dialog (Tools menu) and the offer made when a bootloader
 * drive appears. The IDE mounts it with `installMicroPython({ api, notifications, connect, boardStatus })`.
 */
import './install-micropython.css';
import type { Notifications } from '../src/ui/notifications';
import { offerInstallOnDrives } from './drive-offer';
import { openInstallDialog, type InstallDialogDeps } from './install-dialog';

export interface InstallMicroPython {
  open(drivePath?: string): void;
  dispose(): void;
}

export function installMicroPython(deps: InstallDialogDeps & { notifications: Notifications }): InstallMicroPython {
  const open = (drivePath?: string) => openInstallDialog(deps, drivePath ? { drivePath } : {});
  const stopOffers = offerInstallOnDrives(deps.api, deps.notifications, open);
  return { open, dispose: stopOffers };
}
