/**
 * The app's note of what it installed, kept on the board next to the packages
 * (`{dir}/.mpstudio-packages.json`), so `mip list` and `mip remove` work from any host.
 * Kept short: on a micro:bit every byte of flash counts.
 */
import type { DeviceFs } from '../board/device-fs';
import { joinBoardPath } from '../board/fs-paths';

export const RECORD_NAME = '.mpstudio-packages.json';

export interface InstalledPackage {
  name: string;
  version: string;
  /** Absolute board paths. */
  files: string[];
  deps: string[];
  /** True when the user asked for it; false when it came as a dependency. */
  requested: boolean;
}

export type InstalledRecord = Record<string, InstalledPackage>;

export function recordPath(dir: string): string {
  return joinBoardPath(dir, RECORD_NAME);
}

export async function readRecord(fs: DeviceFs, dir: string): Promise<InstalledRecord> {
  const path = recordPath(dir);
  if (!(await fs.stat(path))) return {};
  // A board error (lost link, MemoryError) must fail the caller: treating the note as empty
  // would make an install overwrite it and a remove say "not installed".
  const bytes = await fs.read(path);
  try {
    const json = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, { v?: string; f?: string[]; d?: string[]; r?: number }>;
    const record: InstalledRecord = {};
    for (const [name, p] of Object.entries(json)) {
      record[name] = { name, version: String(p.v ?? ''), files: Array.isArray(p.f) ? p.f.map(String) : [], deps: Array.isArray(p.d) ? p.d.map(String) : [], requested: p.r === 1 };
    }
    return record;
  } catch {
    return {}; // A damaged note is not worth failing an install over: it is rewritten.
  }
}

export async function writeRecord(fs: DeviceFs, dir: string, record: InstalledRecord): Promise<void> {
  const path = recordPath(dir);
  if (Object.keys(record).length === 0) {
    if (await fs.stat(path)) await fs.remove(path);
    return;
  }
  const compact = Object.fromEntries(Object.values(record).map((p) => [p.name, { v: p.version, f: p.files, d: p.deps, r: p.requested ? 1 : 0 }]));
  await fs.write(path, new TextEncoder().encode(JSON.stringify(compact)));
}
