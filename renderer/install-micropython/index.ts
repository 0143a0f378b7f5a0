/**
 * Install MicroPython: the dialog (Tools menu) and the offer made when a bootloader
 * drive appears. The IDE mounts it with `installMicroPython({ api, notifications, connect, boardStatus })`.
 */
import './install-micropython.css';
import type { Notifications } from '../src/ui/notifications';
import { offerInstallOnDrives } from './drive-offer';
import { openInstallDialog, type InstallDialogDeps } from './install-dialog';

export interface InstallMicroPython {
  /** Opens the dialog; `targetPath` (a bootloader drive or an ESP's port) is picked when it is listed. */
  open(targetPath?: string): void;
  dispose(): void;
}

export function installMicroPython(deps: InstallDialogDeps & { notifications: Notifications }): InstallMicroPython {
  const open = (targetPath?: string) => openInstallDialog(deps, targetPath ? { targetPath } : {});
  const stopOffers = offerInstallOnDrives(deps.api, deps.notifications, open);
  return { open, dispose: stopOffers };
}
