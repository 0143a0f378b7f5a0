/**
 * `mip install` as one call: ask the board where libraries go and which .mpy it loads,
 * download and check every file on the host, then write them with the engine's atomic
 * transfers and note what was installed. The CLI and the Packages panel both use this.
 */
import type { BoardSession } from '../board/board-session';
import type { DeviceFs } from '../board/device-fs';
import { probeBoardTarget, type BoardTarget } from './board-target';
import { httpGet, type HttpGetOptions } from './http-get';
import { readRecord, writeRecord } from './installed-record';
import { DEFAULT_INDEX } from './package-source';
import { resolvePlan, type InstallPlan } from './resolve-plan';
import { writePlan, type FileProgress, type WriteOutcome } from './write-plan';
import { joinBoardPath } from '../board/fs-paths';

export interface InstallOptions {
  index?: string | undefined;
  /** Install folder; by default the board's `…/lib` on sys.path (the root on flat file systems). */
  target?: string | undefined;
  /** False for `--no-mpy`: source files even where the index has compiled ones. */
  mpy?: boolean;
  signal?: AbortSignal | undefined;
  onLog?: (line: string) => void;
  onFile?: (progress: FileProgress) => void;
  /** Host downloads (tests may pass a CA or an environment). */
  http?: Omit<HttpGetOptions, 'signal'>;
}

export interface InstallResult extends WriteOutcome {
  target: BoardTarget;
  plan: InstallPlan;
}

export async function installPackages(session: BoardSession, fs: DeviceFs, specs: readonly string[], options: InstallOptions = {}): Promise<InstallResult> {
  const index = (options.index ?? DEFAULT_INDEX).replace(/\/+$/, '');
  const target = await probeBoardTarget(session, fs, { targetOverride: options.target, mpy: options.mpy ?? true });
  options.onLog?.(`Installing ${specs.join(', ')} from ${index} to ${target.dir}${target.mpy === 'py' ? ' (source)' : ` (.mpy v${target.mpy})`}`);
  const plan = await resolvePlan(specs, {
    index,
    mpy: target.mpy,
    signal: options.signal,
    onLog: options.onLog,
    get: (url, getOptions) => httpGet(url, { ...options.http, ...getOptions }),
  });
  const outcome = await writePlan(session, fs, plan, target, { signal: options.signal, onFile: options.onFile });
  const record = await readRecord(fs, target.dir);
  for (const p of plan.packages) {
    const previous = record[p.name];
    record[p.name] = { name: p.name, version: p.version, files: p.files.map((f) => joinBoardPath(target.dir, f)), deps: p.deps, requested: p.requested !== undefined || previous?.requested === true };
  }
  await writeRecord(fs, target.dir, record);
  return { ...outcome, target, plan };
}
