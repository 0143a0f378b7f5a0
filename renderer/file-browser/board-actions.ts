/**
 * What the board pane's buttons and drops do: each operation runs through the
 * contract's `fs:*` or `sync:*` channels, re-reads the side it changed so the tree shows
 * what is really there, and only then reports the outcome in plain words: a message
 * never tells of a change the tree does not show yet.
 */
import type { SyncResult } from '../../preload/contract-types';
import { transferAsking, writeAsking } from '../src/consent/replace-flow';
import { baseName, formatBytes, isWithin, joinPath, newTransferId, parentOf } from './format';
import { confirmDialog, promptInFolder } from './modal';
import type { Shared } from './shared';
import type { TreeEntry } from './file-tree';

export class BoardActions {
  constructor(private readonly s: Shared) {}

  private async guarded(doing: string, job: () => Promise<void>): Promise<void> {
    this.s.messages.clear();
    let failure: { error: unknown } | null = null;
    try {
      await job();
    } catch (error) {
      failure = { error };
    }
    await this.s.refreshBoard();
    if (failure) this.s.messages.error(doing, failure.error);
  }

  /** Reports a copy's outcome; a cancel says that the board's old files are intact. */
  private report(result: SyncResult, what: string): void {
    if (result.outcome === 'failed') this.s.messages.error(`${what} stopped`, result.error);
    else if (result.outcome === 'needs-consent') this.s.messages.info(`${what} not done: the files it would replace kept changing. Nothing was copied.`);
    else if (result.outcome === 'cancelled') this.s.messages.info(`${what} cancelled. Files not yet copied were left as they were.`);
    else this.s.messages.info(`${what}: ${result.uploaded.length + result.downloaded.length} file(s), ${formatBytes(result.bytes)} in ${result.seconds.toFixed(1)} s.`);
  }

  open(entry: TreeEntry): void {
    if (entry.type === 'file') this.s.openFile({ side: 'board', path: entry.path });
  }

  async newFile(dir: string): Promise<void> {
    const answer = await promptInFolder('New file on the board', dir, 'File name', 'new_file.py', 'Create');
    if (answer === null) return;
    const path = joinPath('board', boardFolder(answer.folder), answer.name);
    await this.guarded(`Could not create ${path}`, async () => {
      if (await this.s.api.fs.stat(path)) throw new Error(`"${path}" already exists.`);
      await this.s.api.fs.write(path, new Uint8Array());
      this.s.openFile({ side: 'board', path, content: '' });
    });
  }

  async newFolder(dir: string): Promise<void> {
    const answer = await promptInFolder('New folder on the board', dir, 'Folder name', 'lib', 'Create');
    if (answer === null) return;
    const path = joinPath('board', boardFolder(answer.folder), answer.name);
    await this.guarded(`Could not create the folder ${path}`, () => this.s.api.fs.mkdir(path));
  }

  async rename(entry: TreeEntry, newName: string): Promise<void> {
    if (newName.includes('/')) {
      this.s.messages.error(`Could not rename ${entry.path}`, { message: 'A name cannot contain "/". Drag the file onto a folder to move it.' });
      return;
    }
    const target = joinPath('board', parentOf('board', entry.path), newName);
    await this.guarded(`Could not rename ${entry.path}`, async () => {
      if (await this.s.api.fs.stat(target)) throw new Error(`"${target}" already exists.`);
      await this.s.api.fs.rename(entry.path, target);
      this.s.onPathChanged?.({ side: 'board', from: entry.path, to: target });
    });
  }

  async remove(entries: readonly TreeEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const folders = entries.filter((e) => e.type === 'dir').length;
    const what = entries.length === 1 ? `"${entries[0]!.path}"` : `${entries.length} items`;
    const ok = await confirmDialog(
      'Delete from the board',
      `Delete ${what} from the board?${folders ? ' Folders are deleted with everything in them.' : ''} This cannot be undone, though the local mirror keeps files you opened or saved.`,
      'Delete',
    );
    if (!ok) return;
    await this.guarded(`Could not delete ${what}`, async () => {
      // Deeper paths first, so a folder and something inside it can both be selected.
      for (const e of [...entries].sort((a, b) => b.path.length - a.path.length)) {
        await this.s.api.fs.remove(e.path, e.type === 'dir');
        this.s.onPathChanged?.({ side: 'board', from: e.path, to: null });
      }
    });
  }

  /** Moves board entries into the folder `dir`. */
  async move(paths: readonly string[], dir: string): Promise<void> {
    await this.guarded('Could not move', async () => {
      for (const path of paths) {
        if (parentOf('board', path) === dir) continue;
        if (isWithin(dir, path)) throw new Error(`"${path}" cannot be moved into itself.`);
        const target = joinPath('board', dir, baseName(path));
        // Some file systems' rename silently replaces the target: never let a move do that.
        if (await this.s.api.fs.stat(target)) throw new Error(`"${target}" already exists. Rename one of them first.`);
        await this.s.api.fs.rename(path, target);
        this.s.onPathChanged?.({ side: 'board', from: path, to: target });
      }
    });
  }

  /** Copies board entries into the local folder. */
  async download(paths: readonly string[], localDir: string): Promise<void> {
    if (!this.s.localFolder()) {
      this.s.messages.error('Could not download', { message: 'Choose a local folder first (Local pane).' });
      return;
    }
    this.s.messages.clear();
    const id = newTransferId();
    const total = await this.sizeOf(paths);
    const bar = this.s.transfers.start(id, `Downloading ${paths.length === 1 ? baseName(paths[0]!) : `${paths.length} items`}`, total, () => this.s.api.sync.cancel(id));
    let tell: () => void;
    try {
      const result = await transferAsking((decisions) => this.s.api.sync.copyToLocal([...paths], localDir, id, decisions));
      tell = () => this.report(result, 'Download');
    } catch (error) {
      tell = () => this.s.messages.error('Could not download', error);
    } finally {
      bar.finish();
    }
    // The tree shows the copy before the message says it is over (see sync-dialog.ts).
    await this.s.refreshLocal();
    tell();
  }

  /** Copies local entries (relative paths) into the board folder `dir`. */
  async upload(localPaths: readonly string[], dir: string, total: number): Promise<void> {
    this.s.messages.clear();
    const id = newTransferId();
    const bar = this.s.transfers.start(id, `Uploading ${localPaths.length === 1 ? baseName(localPaths[0]!) : `${localPaths.length} items`}`, total, () => this.s.api.sync.cancel(id));
    let tell: () => void;
    try {
      const result = await transferAsking((decisions) => this.s.api.sync.copyToBoard([...localPaths], dir, id, decisions));
      tell = () => this.report(result, 'Upload');
    } catch (error) {
      tell = () => this.s.messages.error('Could not upload', error);
    } finally {
      bar.finish();
    }
    await this.s.refreshBoard();
    tell();
  }

  /** Writes files dropped from the operating system into the board folder `dir`. */
  async uploadFiles(files: readonly File[], dir: string): Promise<void> {
    this.s.messages.clear();
    for (const file of files) {
      const path = joinPath('board', dir, file.name);
      const id = newTransferId();
      const bar = this.s.transfers.start(id, `Uploading ${file.name}`, file.size, () => this.s.api.fs.cancel(id));
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const incoming = { side: 'computer' as const, path: file.name, modifiedAt: file.lastModified };
        if ((await writeAsking((consent) => this.s.api.fs.write(path, bytes, id, consent), { incoming })) === null) {
          this.s.messages.info(`${file.name} was not uploaded: the board keeps its own ${path}.`);
        }
      } catch (error) {
        const cancelled = (error as { code?: string }).code === 'cancelled';
        if (cancelled) this.s.messages.info(`Upload of ${file.name} cancelled. The board kept its old file.`);
        else this.s.messages.error(`Could not upload ${file.name}`, error);
        bar.finish();
        break;
      }
      bar.finish();
    }
    await this.s.refreshBoard();
  }

  private async sizeOf(paths: readonly string[]): Promise<number> {
    let total = 0;
    for (const path of paths) {
      const entry = await this.s.api.fs.stat(path).catch(() => null);
      if (entry?.type === 'file') total += entry.size;
      else if (entry) for (const e of await this.s.api.fs.list(path, true).catch(() => [])) total += e.type === 'file' ? e.size : 0;
    }
    return total;
  }
}

/** A folder as typed in a dialog (`lib`, `/lib/`), as a board path (`/lib`). */
function boardFolder(typed: string): string {
  return `/${typed.replace(/^\/+|\/+$/g, '')}`;
}
