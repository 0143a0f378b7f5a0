/**
 * Runs a list of transfer steps (uploads, downloads, deletions) one at a time,
 * reporting progress and stopping cleanly on cancel or on the first error. A cancel
 * also cancels the board transfer in flight; the board engine's atomic writes mean
 * the file being replaced keeps its old content.
 */
import type { SyncProgress, SyncResult, WriteConsent, WriteOutcome } from '../../preload/contract-types';
import type { LocalFolderService } from '../local/local-folder';
import { describeError } from '../services/describe-error';
import type { BoardFiles } from './board-files';

export type TransferStep =
  | { kind: 'upload'; local: string; board: string; size: number; consent?: WriteConsent }
  | { kind: 'download'; board: string; local: string; size: number; consent?: WriteConsent }
  | { kind: 'mkdir-board'; board: string }
  | { kind: 'mkdir-local'; local: string }
  | { kind: 'delete-board'; board: string }
  | { kind: 'delete-local'; local: string };

/** Progress events closer together than this are merged, so a fast link does not flood the UI. */
export const PROGRESS_INTERVAL_MS = 100;

export interface RunHandle {
  cancelled: boolean;
  /** The board transfer in flight, to cancel it. */
  current: string | null;
}

export interface RunDeps {
  local: LocalFolderService;
  board: BoardFiles;
  emit(progress: SyncProgress): void;
  /** Writes into the local folder under the replace rule (the app's `local:write`); plain `local.write` without it. */
  writeLocal?(rel: string, bytes: Uint8Array, consent?: WriteConsent): Promise<WriteOutcome>;
}

/** Thrown between the steps of a file when a cancel came in; the catch turns it into `cancelled`. */
class StopForCancel extends Error {}

function stopIfCancelled(handle: RunHandle): void {
  if (handle.cancelled) throw new StopForCancel('cancelled');
}

function parentOf(boardPath: string): string {
  const i = boardPath.lastIndexOf('/');
  return i <= 0 ? '/' : boardPath.slice(0, i);
}

export async function runTransfers(id: string, steps: readonly TransferStep[], handle: RunHandle, deps: RunDeps): Promise<SyncResult> {
  const started = performance.now();
  const result: SyncResult = { id, outcome: 'completed', uploaded: [], downloaded: [], deleted: [], bytes: 0, seconds: 0 };
  const filesTotal = steps.filter((s) => s.kind === 'upload' || s.kind === 'download').length;
  const bytesTotal = steps.reduce((n, s) => n + ('size' in s ? s.size : 0), 0);
  let filesDone = 0;
  let lastEmit = 0;
  const knownBoardDirs = new Set<string>(['/']);
  const progress = (phase: SyncProgress['phase'], file?: string, force = false) => {
    const now = performance.now();
    if (!force && now - lastEmit < PROGRESS_INTERVAL_MS) return;
    lastEmit = now;
    const seconds = (now - started) / 1000;
    deps.emit({
      id,
      phase,
      ...(file !== undefined && { file }),
      filesDone,
      filesTotal,
      bytesDone: result.bytes,
      bytesTotal,
      bytesPerSecond: seconds > 0 ? Math.round(result.bytes / seconds) : 0,
    });
  };
  // Creates the board folders above a path, asking the board only once per folder.
  const ensureBoardDir = async (dir: string): Promise<void> => {
    if (knownBoardDirs.has(dir)) return;
    await ensureBoardDir(parentOf(dir));
    const found = await deps.board.stat(dir);
    if (!found) await deps.board.mkdir(dir);
    knownBoardDirs.add(dir);
  };
  const transferId = (n: number) => `${id.slice(0, 48)}-${n}`;

  try {
    let n = 0;
    for (const step of steps) {
      if (handle.cancelled) break;
      n++;
      switch (step.kind) {
        case 'upload': {
          progress('transferring', step.board, true);
          const bytes = await deps.local.read(step.local);
          await ensureBoardDir(parentOf(step.board));
          stopIfCancelled(handle);
          handle.current = transferId(n);
          const written = await deps.board.write(step.board, bytes, handle.current, step.consent);
          handle.current = null;
          result.uploaded.push(written?.path ?? step.board);
          result.bytes += bytes.byteLength;
          filesDone++;
          break;
        }
        case 'download': {
          progress('transferring', step.board, true);
          stopIfCancelled(handle);
          handle.current = transferId(n);
          const bytes = await deps.board.read(step.board, handle.current);
          handle.current = null;
          if (deps.writeLocal) await deps.writeLocal(step.local, bytes, step.consent);
          else await deps.local.write(step.local, bytes);
          result.downloaded.push(step.board);
          result.bytes += bytes.byteLength;
          filesDone++;
          break;
        }
        case 'mkdir-board':
          await ensureBoardDir(step.board);
          break;
        case 'mkdir-local':
          await deps.local.mkdir(step.local);
          break;
        case 'delete-board':
          progress('deleting', step.board);
          await deps.board.remove(step.board, false);
          result.deleted.push(step.board);
          break;
        case 'delete-local':
          progress('deleting', step.local);
          await deps.local.remove(step.local, false);
          result.deleted.push(step.local);
          break;
      }
      progress('transferring');
    }
    if (handle.cancelled) result.outcome = 'cancelled';
  } catch (error) {
    const wire = describeError(error);
    result.outcome = handle.cancelled || wire.code === 'cancelled' ? 'cancelled' : 'failed';
    if (result.outcome === 'failed') result.error = wire;
  } finally {
    handle.current = null;
  }
  result.seconds = (performance.now() - started) / 1000;
  progress('done', undefined, true);
  return result;
}
