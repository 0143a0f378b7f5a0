/**
 * `mip remove PKG`: deletes the files the app recorded for a package, then its folders
 * once they are empty. Dependencies stay unless `withDeps`, and then only those that no
 * other installed package still needs and that were not asked for by name.
 */
import type { BoardSession } from '../board/board-session';
import type { DeviceFs } from '../board/device-fs';
import { dirnameOf } from '../board/fs-paths';
import { probeBoardTarget } from './board-target';
import { readRecord, writeRecord, type InstalledRecord } from './installed-record';
import { PackageNotFoundError } from './package-errors';

export interface RemoveResult {
  removedPackages: string[];
  removedFiles: string[];
}

export async function removePackage(session: BoardSession, fs: DeviceFs, name: string, options: { target?: string | undefined; withDeps?: boolean; onLog?: (line: string) => void } = {}): Promise<RemoveResult> {
  const target = await probeBoardTarget(session, fs, { targetOverride: options.target, mpy: false });
  const record = await readRecord(fs, target.dir);
  if (!record[name]) throw new PackageNotFoundError(`${name} is not installed by MicroPython Studio in ${target.dir} (mip list shows what is).`);
  const doomed = [name, ...(options.withDeps ? orphanedDeps(record, name) : [])];
  const result: RemoveResult = { removedPackages: [], removedFiles: [] };
  const stillOwned = new Set(Object.values(record).filter((p) => !doomed.includes(p.name)).flatMap((p) => p.files));
  for (const pkg of doomed) {
    for (const file of record[pkg]?.files ?? []) {
      if (stillOwned.has(file)) continue;
      if (await fs.stat(file)) {
        options.onLog?.(`Removing ${file}`);
        await fs.remove(file);
        result.removedFiles.push(file);
      }
    }
    delete record[pkg];
    result.removedPackages.push(pkg);
  }
  if (!target.flat) await removeEmptyFolders(fs, result.removedFiles, target.dir);
  await writeRecord(fs, target.dir, record);
  return result;
}

/** Dependencies of `name`, recursively, that nothing else needs and nobody asked for. */
function orphanedDeps(record: InstalledRecord, name: string): string[] {
  const out: string[] = [];
  const visit = (pkg: string): void => {
    for (const dep of record[pkg]?.deps ?? []) {
      if (out.includes(dep) || !record[dep] || record[dep].requested) continue;
      const neededElsewhere = Object.values(record).some((p) => p.name !== name && !out.includes(p.name) && p.name !== dep && p.deps.includes(dep));
      if (neededElsewhere) continue;
      out.push(dep);
      visit(dep);
    }
  };
  visit(name);
  return out;
}

/** Folders under `stop` that held removed files and are now empty, deepest first. */
async function removeEmptyFolders(fs: DeviceFs, files: readonly string[], stop: string): Promise<void> {
  const dirs = new Set<string>();
  for (const file of files) for (let d = dirnameOf(file); d !== stop && d !== '/' && d.startsWith(`${stop}/`); d = dirnameOf(d)) dirs.add(d);
  for (const dir of [...dirs].sort((a, b) => b.length - a.length)) {
    if ((await fs.list(dir).catch(() => null))?.length === 0) await fs.remove(dir).catch(() => undefined);
  }
}
