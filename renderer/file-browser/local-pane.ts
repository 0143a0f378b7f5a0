/**
 * The local pane: the project folder the user picked (remembered in the settings,
 * watched for changes on disk), its tree, and the ways to move files to the board:
 * upload the selection, drag it onto the board pane, or sync the whole folder.
 */
import { RefreshQueue } from './refresh-queue';
import type { LocalEntry, LocalFolder } from '../../preload/contract-types';
import type { IconName } from '../src/ui/icons';
import { el, iconTool, setEnabled } from './dom';
import { FileTree, type TreeEntry } from './file-tree';
import { confirmDialog, promptDialog } from './modal';
import { openReplacedFilesDialog } from './replaced-dialog';
import { attachRowMenu, oneFileWhy, type RowMenuActions } from './row-menu';
import { DRAG_BOARD, DRAG_LOCAL, type Shared } from './shared';

type ButtonName = 'choose' | 'refresh' | 'upload' | 'syncUp' | 'syncDown';
/** What each action does: the toolbar's tooltips, and the accessible names of its buttons. */
const TITLES: Record<ButtonName, string> = {
  choose: 'Choose the local project folder',
  refresh: 'Read the local folder again',
  upload: 'Copy the selected items to the board (↑ Board)',
  syncUp: 'Sync the local folder to the board (only what changed)',
  syncDown: 'Download the board’s files into the local folder (only what changed)',
};
const ICONS: Record<ButtonName, IconName> = {
  choose: 'folder-opened',
  refresh: 'refresh',
  upload: 'arrow-up',
  syncUp: 'cloud-upload',
  syncDown: 'cloud-download',
};

/**
 * A newly chosen folder opens its subfolders, breadth first, while the tree stays under
 * this many rows: a project shows whole, a huge folder (/usr, a home folder) shows its
 * top level at once instead of being read entirely.
 */
const AUTO_OPEN_ENTRIES = 400;

export interface LocalPaneHooks {
  upload(paths: string[]): void;
  download(boardPaths: string[], localDir: string): void;
  sync(direction: 'upload' | 'download'): void;
  onFolderChange(): void;
}

export class LocalPane {
  readonly element: HTMLElement;
  readonly tree: FileTree;
  private readonly pathLabel = el('span', { class: 'fb-local-path' });
  private readonly buttons: Record<ButtonName, HTMLButtonElement>;
  /** This pane's reads, one at a time (aria-busy while any is queued). */
  private readonly reads: RefreshQueue;
  private folder: LocalFolder = { path: '', exists: false, canPick: false };
  /** Open folders (relative paths) of the folder `openFor`; only these are listed and watched. */
  private readonly open = new Set<string>();
  private openFor: string | null = null;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly s: Shared,
    private readonly hooks: LocalPaneHooks,
  ) {
    this.tree = new FileTree({
      side: 'local',
      label: 'Files in the local folder',
      dragType: DRAG_LOCAL,
      onOpen: (entry) => s.openFile({ side: 'local', path: entry.path }),
      onRename: (entry, name) => void this.rename(entry.path, name),
      onDelete: () => {
        if (this.whyNot().delete === null) void this.remove(this.tree.selection);
      },
      onSelectionChange: () => this.updateButtons(),
      acceptsDrop: (types) => this.folder.exists && types.includes(DRAG_BOARD),
      onDrop: (dir, data) => {
        const board = data.getData(DRAG_BOARD);
        if (board) hooks.download(JSON.parse(board) as string[], dir);
      },
      folders: {
        isOpen: (path) => this.open.has(path),
        toggle: (path, open) => {
          if (open) this.open.add(path);
          else this.open.delete(path);
          void this.refresh();
        },
      },
    });
    const b = (name: ButtonName, run: () => void) => iconTool(ICONS[name], TITLES[name], name, run);
    this.buttons = {
      choose: b('choose', () => void this.choose()),
      refresh: b('refresh', () => void this.refresh()),
      upload: b('upload', () => hooks.upload(this.tree.selection.map((e) => e.path))),
      syncUp: b('syncUp', () => hooks.sync('upload')),
      syncDown: b('syncDown', () => hooks.sync('download')),
    };
    const more = attachRowMenu(this.tree, 'local', s.messages, () => this.rowMenuActions());
    this.element = el(
      'section',
      { class: 'fb-pane fb-local', 'aria-label': 'Local files' },
      el('div', { class: 'fb-pane-head' }, el('strong', {}, 'Local'), this.pathLabel),
      el('div', { class: 'fb-toolbar', role: 'toolbar', 'aria-label': 'Local files' }, ...Object.values(this.buttons), more),
      this.tree.element,
    );
    this.reads = new RefreshQueue(this.element, () => this.load());
    this.unsubscribe = s.api.local.onChanged((change) => {
      if (change.folder === this.folder.path) void this.refresh();
    });
  }

  get path(): string {
    return this.folder.exists ? this.folder.path : '';
  }

  /** Reads the folder again; `aria-busy` until the last queued read is done (its rows are replaced then). */
  refresh(): Promise<void> {
    return this.reads.run();
  }

  private async load(): Promise<void> {
    try {
      this.folder = await this.s.api.local.folder();
    } catch (error) {
      this.s.messages.error('Could not read the local folder setting', error);
    }
    this.pathLabel.textContent = this.folder.path || 'no folder chosen';
    this.pathLabel.title = this.folder.path;
    this.element.dataset.folder = this.folder.path;
    if (!this.folder.path) this.tree.showPlaceholder('Choose a folder on this computer to work with (the folder button above).');
    else if (!this.folder.exists) this.tree.showPlaceholder(`The folder ${this.folder.path} is gone. Choose another one.`);
    else {
      try {
        this.tree.setEntries(await this.listShown());
        this.element.dataset.loaded = String(Date.now());
      } catch (error) {
        this.tree.showPlaceholder('The local folder could not be read.');
        this.s.messages.error('Could not read the local folder', error);
      }
    }
    this.updateButtons();
    this.hooks.onFolderChange();
  }

  /** Lists the root and each open folder whose parents are open, and has main watch just those. */
  private async listShown(): Promise<LocalEntry[]> {
    const listed = new Map<string, LocalEntry[]>();
    const list = async (dir: string): Promise<LocalEntry[]> => {
      const entries = listed.get(dir) ?? (await this.s.api.local.list(dir, false));
      listed.set(dir, entries);
      return entries;
    };
    if (this.openFor !== this.folder.path) {
      this.openFor = this.folder.path;
      this.open.clear();
      let rows = (await list('')).length;
      const queue = (await list('')).filter((e) => e.type === 'dir').map((e) => e.path);
      while (queue.length > 0 && rows < AUTO_OPEN_ENTRIES) {
        const dir = queue.shift() as string;
        const children = await list(dir);
        if (rows + children.length > AUTO_OPEN_ENTRIES) break;
        rows += children.length;
        this.open.add(dir);
        queue.push(...children.filter((e) => e.type === 'dir').map((e) => e.path));
      }
    }
    const shown = [...this.open].filter((dir) => ancestorsOf(dir).every((a) => this.open.has(a))).sort();
    const entries = [...(await list(''))];
    for (const dir of shown) {
      // A folder removed meanwhile simply shows nothing; the watcher's event relists.
      entries.push(...(await list(dir).catch(() => [])));
    }
    await this.s.api.local.watch(shown).catch(() => undefined);
    return entries;
  }

  private async choose(): Promise<void> {
    try {
      if (this.folder.canPick) {
        if (!(await this.s.api.local.pickFolder())) return;
      } else {
        const path = await promptDialog('Local folder', 'Full path of the folder', this.folder.path || '/', 'Use this folder');
        if (path === null) return;
        await this.s.api.local.setFolder(path.trim());
      }
    } catch (error) {
      this.s.messages.error('Could not use that folder', error);
    }
    await this.refresh();
  }

  private async rename(path: string, name: string): Promise<void> {
    const i = path.lastIndexOf('/');
    const target = i < 0 ? name : `${path.slice(0, i)}/${name}`;
    try {
      await this.s.api.local.rename(path, target);
      this.s.onPathChanged?.({ side: 'local', from: path, to: target });
    } catch (error) {
      this.s.messages.error(`Could not rename ${path}`, error);
    }
    await this.refresh();
  }

  /** Why each action cannot run on the selection now (null: it can); the toolbar and the menu share these. */
  private whyNot() {
    const selection = this.tree.selection;
    const none = this.folder.exists ? null : 'Choose a local folder first.';
    const board = this.s.boardConnected() ? null : 'The board is not connected.';
    const some = selection.length > 0 ? null : 'Select items first.';
    return {
      refresh: none,
      open: none ?? oneFileWhy(selection),
      rename: none ?? (selection.length === 1 ? null : 'Select one item to rename.'),
      delete: none ?? some,
      upload: none ?? board ?? some,
      sync: none ?? board,
    };
  }

  private updateButtons(): void {
    const why = this.whyNot();
    setEnabled(this.buttons.choose, null, TITLES.choose);
    setEnabled(this.buttons.refresh, why.refresh, TITLES.refresh);
    setEnabled(this.buttons.upload, why.upload, TITLES.upload);
    setEnabled(this.buttons.syncUp, why.sync, TITLES.syncUp);
    setEnabled(this.buttons.syncDown, why.sync, TITLES.syncDown);
  }

  private rowMenuActions(): RowMenuActions {
    const why = this.whyNot();
    const selection = this.tree.selection;
    return {
      open: { why: why.open, run: () => selection.forEach((e) => e.type === 'file' && this.s.openFile({ side: 'local', path: e.path })) },
      rename: { why: why.rename, run: () => this.tree.startRename(selection[0]?.path ?? '') },
      delete: { why: why.delete, run: () => void this.remove(selection) },
      transfer: { action: 'upload', label: 'Upload to Board', icon: 'arrow-up', why: why.upload, run: () => this.hooks.upload(selection.map((e) => e.path)) },
      // The full path on this computer, as a terminal or another program needs it.
      pathOf: (entry) => `${this.folder.path.replace(/[\\/]+$/, '')}/${entry.path}`,
      pane: [
        {
          action: 'replacedFiles',
          label: 'Replaced files…',
          icon: 'history',
          why: why.refresh,
          run: () => openReplacedFilesDialog(this.s, this.folder.path),
        },
      ],
    };
  }

  /** Deletes local files and folders after asking; open tabs of deleted files follow (tabs-follow-files). */
  private async remove(entries: readonly TreeEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const folders = entries.some((e) => e.type === 'dir');
    const what = entries.length === 1 ? `"${entries[0]!.path}"` : `${entries.length} items`;
    const ok = await confirmDialog(
      'Delete from this computer',
      `Delete ${what} from the local folder?${folders ? ' Folders are deleted with everything in them.' : ''} This cannot be undone.`,
      'Delete',
    );
    if (!ok) return;
    this.s.messages.clear();
    try {
      // Deeper paths first, so a folder and something inside it can both be selected.
      for (const e of [...entries].sort((a, b) => b.path.length - a.path.length)) {
        await this.s.api.local.remove(e.path, e.type === 'dir');
        this.s.onPathChanged?.({ side: 'local', from: e.path, to: null });
      }
    } catch (error) {
      this.s.messages.error(`Could not delete ${what}`, error);
    }
    await this.refresh();
  }

  /** The board connected or went away. */
  boardChanged(): void {
    this.updateButtons();
  }

  dispose(): void {
    this.unsubscribe();
  }
}

/** `a/b/c` → `['a', 'a/b']`. */
function ancestorsOf(path: string): string[] {
  const parts = path.split('/');
  return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('/'));
}
