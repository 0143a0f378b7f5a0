/**
 * Puts a checked plan on the board. Each file goes through the engine's verified, atomic
 * write, so none is ever half-written; files already there with the same content are
 * skipped. When anything fails or is cancelled, the files and folders this install
 * created are removed again, and files it replaced keep their old content (the atomic
 * write only swaps a file once its new content is verified).
 */
import type { BoardSession } from '../board/board-session';
import type { DeviceFs } from '../board/device-fs';
import { DiskFullError, NotSupportedError } from '../board/errors';
import { boardSidePath, dirnameOf, joinBoardPath } from '../board/fs-paths';
import { boardFileStates, type FileState } from './board-file-state';
import type { BoardTarget } from './board-target';
import type { InstallPlan } from './resolve-plan';

export type FileStatus = 'installing' | 'exists' | 'installed' | 'failed';

export interface FileProgress {
  /** Absolute board path. */
  path: string;
  status: FileStatus;
  bytesDone: number;
  bytesTotal: number;
  /** 1-based position among the plan's files. */
  index: number;
  count: number;
}

export interface WritePlanOptions {
  signal?: AbortSignal | undefined;
  onFile?: (progress: FileProgress) => void;
}

export interface WriteOutcome {
  written: string[];
  existing: string[];
}

/** Refuses, before writing anything, what a flat file system cannot hold. */
export function checkFitsFileSystem(plan: InstallPlan, target: BoardTarget): void {
  if (!target.flat) return;
  if (target.dir !== '/') throw new NotSupportedError(`This board's file system is flat (no folders), so nothing can be installed into ${target.dir}; leave out --target to install into the root.`);
  const nested = plan.files.filter((f) => f.path.includes('/'));
  if (nested.length) {
    const names = [...new Set(nested.map((f) => f.packageName))].join(', ');
    throw new NotSupportedError(`${names} needs folders (${nested.map((f) => f.path).join(', ')}), and this board's file system is flat: it cannot be installed here. Nothing was written.`);
  }
}

export async function writePlan(session: BoardSession, fs: DeviceFs, plan: InstallPlan, target: BoardTarget, options: WritePlanOptions = {}): Promise<WriteOutcome> {
  checkFitsFileSystem(plan, target);
  const features = await fs.features();
  const files = plan.files.map((f) => {
    const path = joinBoardPath(target.dir, f.path);
    return { ...f, boardPath: path, sidePath: boardSidePath(path, target.flat) };
  });
  const states = await boardFileStates(session, features, files.map((f) => ({ boardPath: f.sidePath, data: f.data, sha256: f.sha256 })));
  const stateOf = (sidePath: string): FileState => states.get(sidePath) ?? 'different';
  const toWrite = files.filter((f) => stateOf(f.sidePath) !== 'same');
  if (features.statvfs && toWrite.length) {
    const { free } = await fs.space();
    const needed = toWrite.reduce((sum, f) => sum + f.data.length, 0);
    if (needed > free) throw new DiskFullError(toWrite[0]!.path, new Error(`needs ${needed} bytes, ${free} free`));
  }
  const createdFiles: string[] = [];
  const createdDirs: string[] = [];
  /** Folders seen to exist: one stat per folder, not per file. */
  const knownDirs = new Set<string>(['/']);
  const outcome: WriteOutcome = { written: [], existing: [] };
  let current: (typeof files)[number] | null = null;
  try {
    for (const [i, file] of files.entries()) {
      options.signal?.throwIfAborted();
      const base = { path: file.boardPath, index: i + 1, count: files.length, bytesTotal: file.data.length };
      if (stateOf(file.sidePath) === 'same') {
        outcome.existing.push(file.boardPath);
        options.onFile?.({ ...base, status: 'exists', bytesDone: file.data.length });
        continue;
      }
      current = file;
      if (!target.flat) await makeParents(fs, dirnameOf(file.boardPath), createdDirs, knownDirs);
      options.onFile?.({ ...base, status: 'installing', bytesDone: 0 });
      if (stateOf(file.sidePath) === 'missing') createdFiles.push(file.boardPath);
      await fs.write(file.boardPath, file.data, { signal: options.signal, onProgress: (done) => options.onFile?.({ ...base, status: 'installing', bytesDone: done }) });
      outcome.written.push(file.boardPath);
      options.onFile?.({ ...base, status: 'installed', bytesDone: file.data.length });
      current = null;
    }
  } catch (err) {
    if (current) options.onFile?.({ path: current.boardPath, index: files.indexOf(current) + 1, count: files.length, bytesTotal: current.data.length, status: 'failed', bytesDone: 0 });
    await rollBack(fs, createdFiles, createdDirs);
    throw err;
  }
  return outcome;
}

/** mkdir -p, remembering what it made and what it found. */
async function makeParents(fs: DeviceFs, dir: string, created: string[], known: Set<string>): Promise<void> {
  if (known.has(dir)) return;
  const entry = await fs.stat(dir);
  if (entry?.type !== 'dir') {
    await makeParents(fs, dirnameOf(dir), created, known);
    await fs.mkdir(dir);
    created.push(dir);
  }
  known.add(dir);
}

/** Removes what this install created; best effort, since the link may be what failed. */
export async function rollBack(fs: DeviceFs, files: readonly string[], dirs: readonly string[]): Promise<void> {
  for (const path of [...files].reverse()) await fs.remove(path).catch(() => undefined);
  for (const dir of [...dirs].reverse()) await fs.remove(dir).catch(() => undefined);
}
