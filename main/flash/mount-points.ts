/**
 * The mounted volumes of this computer, where a bootloader drive may be: Linux's
 * /proc/mounts (removable media under /media, /run/media or /mnt), macOS's /Volumes,
 * Windows' drive letters. Tests pass their own list instead (see `MountLister`).
 */
import { readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';

export interface MountPoint {
  path: string;
  /** The volume label when known; the folder name usually is the label. */
  label: string;
}

export type MountLister = () => Promise<MountPoint[]>;

/** /proc/mounts escapes spaces and the like as octal (`\040`). */
function unescapeMountPath(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_m, octal: string) => String.fromCharCode(parseInt(octal, 8)));
}

/** Parses /proc/mounts text: FAT volumes only, as every UF2 and DAPLink drive is one. */
export function parseProcMounts(text: string): MountPoint[] {
  const points: MountPoint[] = [];
  for (const line of text.split('\n')) {
    const [, mountPoint, fsType] = line.split(' ');
    if (!mountPoint || !fsType || !/^(vfat|msdos|fat|fuseblk|exfat)$/.test(fsType)) continue;
    const path = unescapeMountPath(mountPoint);
    points.push({ path, label: basename(path) });
  }
  return points;
}

async function linuxMounts(): Promise<MountPoint[]> {
  return parseProcMounts(await readFile('/proc/mounts', 'utf8'));
}

async function macMounts(): Promise<MountPoint[]> {
  const names = await readdir('/Volumes').catch(() => [] as string[]);
  return names.map((name) => ({ path: join('/Volumes', name), label: name }));
}

async function windowsMounts(): Promise<MountPoint[]> {
  // Removable drives take the letters after the system's; checking each root is cheap.
  const points: MountPoint[] = [];
  for (const letter of 'DEFGHIJKLMNOPQRSTUVWXYZ') {
    const root = `${letter}:\\`;
    if (existsSync(root)) points.push({ path: root, label: `${letter}:` });
  }
  return points;
}

export const systemMountLister: MountLister = () => {
  if (process.platform === 'darwin') return macMounts();
  if (process.platform === 'win32') return windowsMounts();
  return linuxMounts();
};

/** A fixed list, for tests and for `--drive DIR`. */
export function fixedMountLister(paths: string[]): MountLister {
  return async () => paths.map((path) => ({ path, label: basename(path) }));
}
