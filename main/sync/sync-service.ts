/**
 * Sync between the local project folder and the board: a preview compares both sides
 * by content hash and is kept under an id; applying it runs exactly the previewed
 * transfers. Copies (upload/download of chosen files, drag and drop) share the same
 * runner, progress and cancel. The CLI's `sync` command can use this class too.
 */
import { randomUUID } from 'node:crypto';
import type { FsEntry, ReplaceDecisions, SyncPlan, SyncProgress, SyncRequest, SyncResult, WriteConsent, WriteOutcome } from '../../preload/contract-types';
import { normaliseLocalPath } from '../local/confine-path';
import type { LocalFolderService } from '../local/local-folder';
import { describeError } from '../services/describe-error';
import { UserFacingError } from '../services/user-facing-error';
import { joinBoardPath, relativeBoardPath, type BoardFiles } from './board-files';
import { bytesToTransfer, compareTrees, type FileFacts } from './compare-trees';
import type { IgnoreList } from './ignore-list';
import { checkReplacements } from './transfer-consent';
import { runTransfers, type RunHandle, type TransferStep } from './transfer-runner';

/**
 * The app's replace rule, for copies and syncs: files that would be replaced with other
 * content are asked about first, and local writes go through it. The CLI runs without
 * it: a typed `mpstudio sync` is the user's own instruction, as `cp` is.
 */
export interface ReplaceGuard {
  writeLocal(rel: string, bytes: Uint8Array, consent?: WriteConsent): Promise<WriteOutcome>;
}

/** Previews kept for `apply`; older ones are forgotten. */
const MAX_KEPT_PLANS = 16;
const FLAT_NOTE = 'The board has no folders, so files in subfolders cannot be copied to it.';

const joinLocal = (dir: string, rel: string) => normaliseLocalPath(dir ? `${dir}/${rel}` : rel);
const baseName = (path: string) => path.split('/').filter(Boolean).pop() ?? '';

export class SyncService {
  private readonly plans = new Map<string, SyncPlan>();
  private readonly running = new Map<string, RunHandle>();

  constructor(
    private readonly local: LocalFolderService,
    private readonly board: BoardFiles,
    private readonly emit: (progress: SyncProgress) => void,
    private readonly guard?: ReplaceGuard,
  ) {}

  async preview(request: SyncRequest): Promise<SyncPlan> {
    const localDir = normaliseLocalPath(request.localDir);
    const caps = await this.board.capabilities();
    if (!caps.folders && request.boardDir !== '/') {
      throw new UserFacingError('not-supported', 'This board has no folders: sync to / instead.');
    }
    // No folder chosen is an error, never "an empty folder" (which would plan to delete everything).
    this.local.root();
    const ignore = this.local.ignoreList();
    const localEntries = await this.localFiles(localDir, request.direction === 'download');
    const localFiles = localEntries.filter((e) => !ignore.ignores(e.path, false));
    const boardFiles = (await this.boardFiles(request.boardDir, ignore, request.direction === 'upload')).filter((f) => caps.folders || !f.path.includes('/'));
    const known = await this.prefetchBoardHashes(localFiles, boardFiles, request.boardDir, caps.folders && caps.hashlib);
    const entries = await compareTrees(
      localFiles,
      boardFiles,
      {
        local: (path) => this.local.sha256(joinLocal(localDir, path)),
        board: async (path) => {
          const full = joinBoardPath(request.boardDir, path);
          return known.get(full) ?? this.board.hash(full);
        },
      },
      {
        direction: request.direction,
        deleteExtra: request.deleteExtra,
        impossible: (path) => (!caps.folders && path.includes('/') ? FLAT_NOTE : null),
      },
    );
    const plan: SyncPlan = {
      ...request,
      localDir,
      id: randomUUID(),
      entries,
      bytesToTransfer: bytesToTransfer(entries),
      ignored: localEntries.length - localFiles.length,
    };
    this.plans.set(plan.id, plan);
    for (const old of this.plans.keys()) {
      if (this.plans.size <= MAX_KEPT_PLANS) break;
      this.plans.delete(old);
    }
    return plan;
  }

  /** Hashes, in a few commands, the board files whose size matches the local copy (those compareTrees asks about). */
  private async prefetchBoardHashes(local: FileFacts[], board: FileFacts[], boardDir: string, possible: boolean): Promise<Map<string, string>> {
    if (!possible || !this.board.hashMany) return new Map();
    const localSize = new Map(local.map((f) => [f.path, f.size]));
    const candidates = board.filter((f) => localSize.get(f.path) === f.size).map((f) => joinBoardPath(boardDir, f.path));
    return candidates.length > 0 ? this.board.hashMany(candidates) : new Map();
  }

  /** Runs a previewed plan. `deleteExtra === false` drops its deletions; it can never add them. */
  async apply(id: string, deleteExtra?: boolean, decisions: ReplaceDecisions = {}): Promise<SyncResult> {
    const plan = this.plans.get(id);
    if (!plan) throw new UserFacingError('not-found', 'This sync preview is out of date: preview again.');
    const steps: TransferStep[] = [];
    for (const e of plan.entries) {
      const local = joinLocal(plan.localDir, e.path);
      const board = joinBoardPath(plan.boardDir, e.path);
      if (e.action === 'upload') steps.push({ kind: 'upload', local, board, size: e.localSize ?? 0 });
      else if (e.action === 'download') steps.push({ kind: 'download', board, local, size: e.boardSize ?? 0 });
      else if (e.action === 'delete' && deleteExtra !== false) {
        steps.push(plan.direction === 'upload' ? { kind: 'delete-board', board } : { kind: 'delete-local', local });
      }
    }
    const result = await this.run(id, steps, decisions);
    // Asked about replacements: the plan stays, to be applied again with the answers.
    if (result.outcome !== 'needs-consent') this.plans.delete(id);
    return result;
  }

  /** Copies local files and folders (by relative path) into the board folder `boardDir`. */
  async copyToBoard(items: readonly string[], boardDir: string, id: string, decisions: ReplaceDecisions = {}): Promise<SyncResult> {
    const caps = await this.board.capabilities();
    const ignore = this.local.ignoreList();
    const steps: TransferStep[] = [];
    for (const item of items.map(normaliseLocalPath)) {
      const target = joinBoardPath(boardDir, baseName(item));
      const entry = await this.local.stat(item);
      if (!entry) throw new UserFacingError('not-found', `"${item}" does not exist (any more).`);
      if (entry.type === 'file') {
        steps.push({ kind: 'upload', local: item, board: target, size: entry.size });
        continue;
      }
      if (!caps.folders) throw new UserFacingError('not-supported', `"${item}" is a folder, and this board has no folders.`);
      steps.push({ kind: 'mkdir-board', board: target });
      for (const e of await this.local.listForTransfer(item)) {
        if (ignore.ignores(e.path, e.type === 'dir')) continue;
        const board = joinBoardPath(target, e.path.slice(item.length + 1));
        steps.push(e.type === 'dir' ? { kind: 'mkdir-board', board } : { kind: 'upload', local: e.path, board, size: e.size });
      }
    }
    return this.run(id, steps, decisions);
  }

  /** Copies board files and folders into the local folder `localDir`. */
  async copyToLocal(items: readonly string[], localDir: string, id: string, decisions: ReplaceDecisions = {}): Promise<SyncResult> {
    const dir = normaliseLocalPath(localDir);
    const steps: TransferStep[] = [];
    for (const item of items) {
      const entry = await this.board.stat(item);
      if (!entry) throw new UserFacingError('not-found', `"${item}" is no longer on the board.`);
      const target = joinLocal(dir, baseName(item));
      if (entry.type === 'file') {
        steps.push({ kind: 'download', board: item, local: target, size: entry.size });
        continue;
      }
      steps.push({ kind: 'mkdir-local', local: target });
      for (const e of await this.board.list(item, true)) {
        const rel = relativeBoardPath(item, e.path);
        if (rel === null || rel === '') continue;
        const local = joinLocal(target, rel);
        steps.push(e.type === 'dir' ? { kind: 'mkdir-local', local } : { kind: 'download', board: e.path, local, size: e.size });
      }
    }
    return this.run(id, steps, decisions);
  }

  /** Stops the sync or copy `id`, including its board transfer in flight. Unknown ids are ignored. */
  async cancel(id: string): Promise<void> {
    const handle = this.running.get(id);
    if (!handle) return;
    handle.cancelled = true;
    if (handle.current) await this.board.cancel(handle.current).catch(() => undefined);
  }

  private async run(id: string, steps: TransferStep[], decisions: ReplaceDecisions): Promise<SyncResult> {
    if (this.running.has(id)) throw new UserFacingError('busy', 'A transfer with this id is already running.');
    const handle: RunHandle = { cancelled: false, current: null };
    this.running.set(id, handle);
    try {
      if (this.guard) {
        const checked = await checkReplacements(steps, decisions, { local: this.local, board: this.board });
        if (checked.conflicts.length > 0) {
          return { id, outcome: 'needs-consent', conflicts: checked.conflicts, uploaded: [], downloaded: [], deleted: [], bytes: 0, seconds: 0 };
        }
        steps = checked.steps;
      }
      return await runTransfers(id, steps, handle, { local: this.local, board: this.board, emit: this.emit, ...(this.guard && { writeLocal: this.guard.writeLocal }) });
    } finally {
      this.running.delete(id);
    }
  }

  private async localFiles(dir: string, mayBeMissing: boolean): Promise<FileFacts[]> {
    let entries;
    try {
      entries = await this.local.listForTransfer(dir);
    } catch (error) {
      // Downloading into a folder that does not exist yet: it is simply empty.
      if (mayBeMissing && describeError(error).code === 'not-found') return [];
      throw error;
    }
    const prefix = dir ? `${dir}/` : '';
    return entries.filter((e) => e.type === 'file').map((e) => ({ path: e.path.slice(prefix.length), size: e.size }));
  }

  /** The board's files under `dir`; a missing folder is empty only when it is the target. */
  private async boardFiles(dir: string, ignore: IgnoreList, mayBeMissing: boolean): Promise<FileFacts[]> {
    let entries: FsEntry[];
    try {
      entries = await this.board.list(dir, true);
    } catch (error) {
      if (mayBeMissing && describeError(error).code === 'not-found') return [];
      throw error;
    }
    const files: FileFacts[] = [];
    for (const e of entries) {
      const rel = relativeBoardPath(dir, e.path);
      if (e.type !== 'file' || !rel || ignore.ignores(rel, false)) continue;
      files.push({ path: rel, size: e.size });
    }
    return files;
  }
}
