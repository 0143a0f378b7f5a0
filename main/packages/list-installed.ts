/**
 * `mip list`: the packages the app recorded, plus whatever else sits in the install
 * folder (`.py`/`.mpy` modules and package folders put there by other tools).
 */
import type { BoardSession } from '../board/board-session';
import type { DeviceFs } from '../board/device-fs';
import { probeBoardTarget } from './board-target';
import { readRecord, RECORD_NAME, type InstalledPackage } from './installed-record';

export interface InstalledListing {
  dir: string;
  recorded: InstalledPackage[];
  /** Modules and package folders in `dir` that no recorded package owns (names as imported). */
  other: string[];
}

export async function listInstalled(session: BoardSession, fs: DeviceFs, options: { target?: string | undefined } = {}): Promise<InstalledListing> {
  const target = await probeBoardTarget(session, fs, { targetOverride: options.target, mpy: false });
  const recordedList = Object.values(await readRecord(fs, target.dir)).sort((a, b) => a.name.localeCompare(b.name));
  const owned = new Set(recordedList.flatMap((p) => p.files));
  const entries = (await fs.stat(target.dir)) ? await fs.list(target.dir) : [];
  const other: string[] = [];
  for (const entry of entries) {
    if (entry.name === RECORD_NAME || owned.has(entry.path)) continue;
    if (entry.type === 'file' && /\.m?py$/.test(entry.name)) {
      if (target.flat && /^(main|boot)\.py$/.test(entry.name)) continue; // The user's program, not a library.
      other.push(entry.name.replace(/\.m?py$/, ''));
    } else if (entry.type === 'dir' && ![...owned].some((f) => f.startsWith(`${entry.path}/`))) other.push(entry.name);
  }
  return { dir: target.dir, recorded: recordedList, other: other.sort() };
}
