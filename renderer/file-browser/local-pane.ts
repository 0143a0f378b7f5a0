/**
 * The local pane: the project folder the user picked (remembered in the settings,
 * watched for changes on disk), its tree, and the ways to move files to the board:
 * upload the selection, drag it onto the board pane, or sync the whole folder.
 */
import type { LocalEntry, LocalFolder } from '../../preload/contract-types';
import { el, setEnabled, toolButton } from './dom';
import { FileTree } from './file-tree';
import { promptDialog } from './modal';
import { DRAG_BOARD, DRAG_LOCAL, type Shared } from './shared';

type ButtonName = 'choose' | 'refresh' | 'open' | 'upload' | 'syncUp' | 'syncDown';
const TITLES: Record<ButtonName, string> = {
  choose: 'Choose the local project folder',
  refresh: 'Read the local folder again',
  open: 'Open the selected file in the editor',
  upload: 'Copy the selected items to the board',
  syncUp: 'Sync the local folder to the board (only what changed)',
  syncDown: 'Download the board’s files into the local folder (only what changed)',
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
  private folder: LocalFolder = { path: '', exists: false, canPick: false };
  private refreshing: Promise<void> = Promise.resolve();
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
      onDelete: () => undefined,
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
    const b = (name: ButtonName, label: string, run: () => void) => toolButton(label, TITLES[name], name, run);
    this.buttons = {
      choose: b('choose', 'Folder…', () => void this.choose()),
      refresh: b('refresh', '⟳', () => void this.refresh()),
      open: b('open', 'Open', () => this.tree.selection.forEach((e) => e.type === 'file' && s.openFile({ side: 'local', path: e.path }))),
      upload: b('upload', '↑ Board', () => hooks.upload(this.tree.selection.map((e) => e.path))),
      syncUp: b('syncUp', 'Sync ↑', () => hooks.sync('upload')),
      syncDown: b('syncDown', 'Sync ↓', () => hooks.sync('download')),
    };
    this.element = el(
      'section',
      { class: 'fb-pane fb-local', 'aria-label': 'Local files' },
      el('div', { class: 'fb-pane-head' }, el('strong', {}, 'Local'), this.pathLabel),
      el('div', { class: 'fb-toolbar' }, ...Object.values(this.buttons)),
      this.tree.element,
    );
    this.unsubscribe = s.api.local.onChanged((change) => {
      if (change.folder === this.folder.path) void this.refresh();
    });
  }

  get path(): string {
    return this.folder.exists ? this.folder.path : '';
  }

  refresh(): Promise<void> {
    this.refreshing = this.refreshing.then(() => this.load()).catch(() => undefined);
    return this.refreshing;
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
    if (!this.folder.path) this.tree.showPlaceholder('Choose a folder on this computer to work with (Folder…).');
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

  private updateButtons(): void {
    const none = this.folder.exists ? null : 'Choose a local folder first.';
    const board = this.s.boardConnected() ? null : 'The board is not connected.';
    const some = this.tree.selection.length > 0 ? null : 'Select items first.';
    const oneFile = this.tree.selection.length === 1 && this.tree.selection[0]!.type === 'file' ? null : 'Select one file to open.';
    setEnabled(this.buttons.choose, null, TITLES.choose);
    setEnabled(this.buttons.refresh, none, TITLES.refresh);
    setEnabled(this.buttons.open, none ?? oneFile, TITLES.open);
    setEnabled(this.buttons.upload, none ?? board ?? some, TITLES.upload);
    setEnabled(this.buttons.syncUp, none ?? board, TITLES.syncUp);
    setEnabled(this.buttons.syncDown, none ?? board, TITLES.syncDown);
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
