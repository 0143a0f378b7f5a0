/**
 * Finds the bootloader drives among the mounted volumes: a volume with an
 * INFO_UF2.TXT is a UF2 drive (RP2040/RP2350 in BOOTSEL), one with DETAILS.TXT is a
 * micro:bit's DAPLink drive.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { driveFromDetails, driveFromInfoUf2, type BootDrive } from './drive-info';
import type { MountLister, MountPoint } from './mount-points';

export const INFO_UF2 = 'INFO_UF2.TXT';
export const DETAILS_TXT = 'DETAILS.TXT';

async function readSmall(path: string): Promise<string | null> {
  try {
    return (await readFile(path, 'utf8')).slice(0, 4096);
  } catch {
    return null;
  }
}

/** Describes one mounted folder, or null when it is not a bootloader drive. */
export async function describeDrive(point: MountPoint): Promise<BootDrive | null> {
  const info = await readSmall(join(point.path, INFO_UF2));
  if (info !== null) return driveFromInfoUf2(point.path, point.label, info);
  const details = await readSmall(join(point.path, DETAILS_TXT));
  if (details !== null) return driveFromDetails(point.path, point.label, details);
  return null;
}

export async function findBootDrives(list: MountLister): Promise<BootDrive[]> {
  const points = await list().catch(() => [] as MountPoint[]);
  const drives = await Promise.all(points.map((p) => describeDrive(p)));
  return drives.filter((d): d is BootDrive => d !== null);
}
