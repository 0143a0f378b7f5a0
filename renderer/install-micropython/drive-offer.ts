/**
 * Offers Install MicroPython when a bootloader drive appears (an RP2 board in BOOTSEL,
 * a micro:bit's MICROBIT drive): one notification per drive, while it stays mounted.
 */
import type { StudioApi } from '../../preload/contract';
import type { Notifications } from '../src/ui/notifications';
import { driveKindName } from './firmware-form';

export function offerInstallOnDrives(api: StudioApi, notifications: Notifications, open: (drivePath: string) => void): () => void {
  const offered = new Map<string, () => void>();
  return api.flash.onDrivesChanged((drives) => {
    for (const [path, dismiss] of offered) {
      if (!drives.some((d) => d.path === path)) {
        dismiss();
        offered.delete(path);
      }
    }
    for (const drive of drives) {
      if (offered.has(drive.path)) continue;
      const dismiss = notifications.show({
        kind: 'info',
        title: `${drive.label} drive found (${driveKindName(drive)})`,
        body: `A board in bootloader mode is at ${drive.path}. Install MicroPython on it?`,
        actions: [{ label: 'Install MicroPython…', run: () => open(drive.path) }],
        timeoutMs: 0,
      });
      offered.set(drive.path, dismiss);
    }
  });
}
