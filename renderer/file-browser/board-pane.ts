/**
 * The board pane: the flash as a tree (flat on boards without folders), free and
 * total space, and the board operations. Buttons the firmware cannot support are
 * disabled with a tooltip saying why. When no board is connected it offers the mirror.
 */
import { RefreshQueue } from './refresh-queue';
import type { BoardStatus, FsCapabilities, FsEntry } from '../../preload/contract-types';
import { BoardActions } from './board-actions';
import type { IconName } from '../src/ui/icons';
import { el, iconTool, setEnabled } from './dom';
import { FileTree, type TreeEntry } from './file-tree';
import { formatBytes } from './format';
import { MirrorView } from './mirror-view';
import { attachRowMenu, oneFileWhy, type RowMenuActions } from './row-menu';
import { DRAG_BOARD, DRAG_LOCAL, type Shared } from './shared';

const NOT_CONNECTED = 'The board is not connected.';
/** The board engine's temporary name for a file being replaced (see main/board/device-fs.ts). */
const ENGINE_TEMP_NAME = /^\.mpst-[a-z0-9]{1,12}\.tmp$/;
/** Quiet time after a write made elsewhere (the editor's save) before the tree is read again. */
const OUTSIDE_WRITE_REFRESH_MS = 400;
const CONNECTED_STATES = new Set<BoardStatus['state']>(['idle', 'busy', 'running']);

type ButtonName = 'refresh' | 'newFile' | 'newFolder' | 'download' | 'mirror';
/** What each action does: the toolbar's tooltips, and the accessible names of its buttons. */
const TITLES: Record<ButtonName, string> = {
  refresh: 'Read the board’s files again',
  newFile: 'New file on the board',
  newFolder: 'New folder on the board',
  download: 'Copy the selected items into the local folder (↓ Local)',
  mirror: 'Show the local mirror of board files',
};
const ICONS: Record<ButtonName, IconName> = {
  refresh: 'refresh',
  newFile: 'new-file',
  newFolder: 'new-folder',
  download: 'arrow-down',
  mirror: 'history',
};

export class BoardPane {
  readonly element: HTMLElement;
  readonly tree: FileTree;
  private readonly actions: BoardActions;
  private readonly mirror: MirrorView;
  private readonly space = el('span', { class: 'fb-space', 'aria-label': 'Board space' });
  private readonly buttons: Record<ButtonName, HTMLButtonElement>;
  private status: BoardStatus = { state: 'disconnected', target: null };
  private caps: FsCapabilities | null = null;
  private showMirror = false;
  private loadedOnce = false;
  /** This pane's reads, one at a time (aria-busy while any is queued). */
  private readonly reads: RefreshQueue;
  /** Bumped when the pane's board connects, goes away or changes: a listing begun before is stale. */
  private connection = 0;
  /** True until the first listing after a (re)connect, when no transfer can be in flight. */
  private freshConnection = false;
  private readonly unsubscribe: Array<() => void>;
  private outsideWriteTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly s: Shared) {
    this.actions = new BoardActions(s);
    this.mirror = new MirrorView(s);
    this.tree = new FileTree({
      side: 'board',
      label: 'Files on the board',
      dragType: DRAG_BOARD,
      onOpen: (entry) => this.actions.open(entry),
      onRename: (entry, name) => void this.actions.rename(entry, name),
      onDelete: () => this.onDeleteKey(),
      onSelectionChange: () => this.updateButtons(),
      acceptsDrop: (types) => this.connected && (types.includes(DRAG_BOARD) || types.includes(DRAG_LOCAL) || types.includes('Files')),
      onDrop: (dir, data) => void this.onDrop(dir, data),
    });
    const b = (name: ButtonName, run: () => void) => iconTool(ICONS[name], TITLES[name], name, run);
    this.buttons = {
      refresh: b('refresh', () => void this.refresh()),
      newFile: b('newFile', () => void this.actions.newFile(this.tree.targetDir())),
      newFolder: b('newFolder', () => void this.actions.newFolder(this.tree.targetDir())),
      download: b('download', () => void this.download()),
      mirror: b('mirror', () => this.toggleMirror()),
    };
    const more = attachRowMenu(this.tree, 'board', s.messages, () => this.rowMenuActions());
    this.element = el(
      'section',
      { class: 'fb-pane fb-board', 'aria-label': 'Board files', 'data-connected': 'false' },
      el('div', { class: 'fb-pane-head' }, el('strong', {}, 'Board'), this.space),
      el('div', { class: 'fb-toolbar', role: 'toolbar', 'aria-label': 'Board files' }, ...Object.values(this.buttons), more),
      this.tree.element,
      this.mirror.element,
    );
    this.reads = new RefreshQueue(this.element, () => this.load());
    this.mirror.element.hidden = true;
    this.unsubscribe = [
      s.api.board.onStatusChanged((status) => this.setStatus(status)),
      // A file written by someone else (the editor saving a new file) shows up in the tree.
      s.api.fs.onProgress((p) => {
        if (p.direction !== 'upload' || p.bytesDone < p.bytesTotal || s.transfers.owns(p.transferId)) return;
        if (this.outsideWriteTimer) clearTimeout(this.outsideWriteTimer);
        this.outsideWriteTimer = setTimeout(() => void this.refresh(), OUTSIDE_WRITE_REFRESH_MS);
      }),
    ];
    s.api.board.status().then(
      (status) => this.setStatus(status),
      () => this.setStatus({ state: 'disconnected', target: null }),
    );
  }

  get connected(): boolean {
    return CONNECTED_STATES.has(this.status.state);
  }

  private setStatus(status: BoardStatus): void {
    const was = this.connected;
    const wasId = this.status.boardId;
    this.status = status;
    this.element.dataset.connected = String(this.connected);
    const first = !this.loadedOnce;
    this.loadedOnce = true;
    if (this.connected && (!was || status.boardId !== wasId)) this.freshConnection = true;
    if (first || this.connected !== was || (this.connected && status.boardId !== wasId)) {
      this.connection++;
      void this.refresh();
    } else this.updateButtons();
  }

  /**
   * Reads the board again; overlapping calls run one after the other. The pane is
   * `aria-busy` until the last one is done, so anyone (a test, a screen reader) can
   * tell a settled tree from one about to change.
   */
  refresh(): Promise<void> {
    return this.reads.run();
  }

  private async load(): Promise<void> {
    // A listing of a board that went away (or was replaced) while it ran is dropped, not
    // shown or reported: the change queued a listing of the board now connected.
    const connection = this.connection;
    const stale = () => connection !== this.connection;
    if (!this.connected) {
      this.caps = null;
      this.space.textContent = '';
      this.tree.showPlaceholder('No board connected. The mirror below keeps copies of files you opened or saved.');
      this.updateButtons();
      return;
    }
    try {
      const caps = await this.s.api.fs.capabilities();
      if (stale()) return;
      this.caps = caps;
      let entries = await this.s.api.fs.list('/', caps.folders);
      if (stale()) return;
      if (this.freshConnection) entries = await this.removeInterruptedWrites(entries);
      if (stale()) return;
      this.tree.setEntries(entries.map((e): TreeEntry => ({ ...e })));
      this.element.dataset.flat = String(!caps.folders);
      delete this.element.dataset.error;
    } catch (error) {
      if (stale()) return;
      this.tree.showPlaceholder('The board’s files could not be read.');
      this.element.dataset.error = (error as { code?: string }).code ?? 'internal';
      this.s.messages.error('Could not read the board’s files', error);
    }
    // Marks each finished attempt, so tests (and people) can tell a fresh listing.
    this.element.dataset.loaded = String(Date.now());
    try {
      const space = await this.s.api.fs.space();
      if (stale()) return;
      this.space.textContent = `${formatBytes(space.free)} free of ${formatBytes(space.total)}`;
    } catch {
      if (stale()) return;
      this.space.textContent = 'space unknown';
    }
    this.updateButtons();
  }

  /**
   * A write cut off with the link leaves the engine's temporary file beside the intact
   * old one. Right after connecting nothing can be writing, so such leftovers go.
   */
  private async removeInterruptedWrites(entries: FsEntry[]): Promise<FsEntry[]> {
    this.freshConnection = false;
    const stale = entries.filter((e) => e.type === 'file' && ENGINE_TEMP_NAME.test(e.name));
    for (const e of stale) await this.s.api.fs.remove(e.path, false).catch(() => undefined);
    if (stale.length > 0) this.s.messages.info(`Removed ${stale.length} half-written temporary file(s) left by an interrupted upload; the files they were replacing are intact.`);
    return stale.length > 0 ? this.s.api.fs.list('/', this.caps?.folders ?? true) : entries;
  }

  private toggleMirror(): void {
    this.showMirror = !this.showMirror;
    this.updateButtons();
  }

  private onDeleteKey(): void {
    if (this.whyNot().delete === null) void this.actions.remove(this.tree.selection);
  }

  private download(): void {
    void this.actions.download(this.tree.selection.map((e) => e.path), this.s.localTargetDir());
  }

  /** Why each action cannot run on the selection now (null: it can); the toolbar and the menu share these. */
  private whyNot() {
    const selection = this.tree.selection;
    const off = this.connected ? null : NOT_CONNECTED;
    const flat = this.caps && !this.caps.folders ? 'This board’s file system has no folders.' : null;
    const noRename = this.caps && !this.caps.rename ? 'This board’s firmware cannot rename files (it has no os.rename).' : null;
    const some = selection.length > 0 ? null : 'Select items first.';
    return {
      refresh: off,
      newFile: off,
      newFolder: off ?? flat,
      open: off ?? oneFileWhy(selection),
      rename: off ?? noRename ?? (selection.length === 1 ? null : 'Select one item to rename.'),
      delete: off ?? some,
      download: off ?? some ?? (this.s.localFolder() ? null : 'Choose a local folder first.'),
    };
  }

  private rowMenuActions(): RowMenuActions {
    const why = this.whyNot();
    const selection = this.tree.selection;
    return {
      open: { why: why.open, run: () => selection.forEach((e) => this.actions.open(e)) },
      rename: { why: why.rename, run: () => this.tree.startRename(selection[0]?.path ?? '') },
      delete: { why: why.delete, run: () => void this.actions.remove(selection) },
      transfer: { action: 'download', label: 'Download to Local', icon: 'arrow-down', why: why.download, run: () => this.download() },
      pathOf: (entry) => entry.path,
    };
  }

  private async onDrop(dir: string, data: DataTransfer): Promise<void> {
    const board = data.getData(DRAG_BOARD);
    const local = data.getData(DRAG_LOCAL);
    if (board) {
      if (this.caps && !this.caps.folders) return;
      if (this.caps && !this.caps.rename) {
        this.s.messages.error('Could not move', { message: 'This board’s firmware cannot rename or move files.' });
        return;
      }
      await this.actions.move(JSON.parse(board) as string[], dir);
    } else if (local) {
      await this.actions.upload(JSON.parse(local) as string[], dir, 0);
    } else if (data.files.length > 0) {
      await this.actions.uploadFiles([...data.files], dir);
    }
  }

  private updateButtons(): void {
    const why = this.whyNot();
    setEnabled(this.buttons.refresh, why.refresh, TITLES.refresh);
    setEnabled(this.buttons.newFile, why.newFile, TITLES.newFile);
    setEnabled(this.buttons.newFolder, why.newFolder, TITLES.newFolder);
    setEnabled(this.buttons.download, why.download, TITLES.download);
    setEnabled(this.buttons.mirror, null, TITLES.mirror);
    this.buttons.mirror.setAttribute('aria-pressed', String(this.showMirror || !this.connected));
    const mirrorVisible = this.showMirror || !this.connected;
    if (mirrorVisible && this.mirror.element.hidden !== false) void this.mirror.refresh();
    this.mirror.element.hidden = !mirrorVisible;
    this.mirror.update();
  }

  /** Called when the local side changed in a way that affects buttons here. */
  localChanged(): void {
    this.updateButtons();
  }

  dispose(): void {
    for (const u of this.unsubscribe) u();
    if (this.outsideWriteTimer) clearTimeout(this.outsideWriteTimer);
  }
}
