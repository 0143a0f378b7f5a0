/**
 * The local pane: the project folder the user picked (remembered in the settings,
 * watched for changes on disk), its tree, and the ways to move files to the board:
 * upload the selection, drag it onto the board pane, or sync the whole folder.
 */
import type { LocalFolder } from '../../preload/contract-types';
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
        this.tree.setEntries(await this.s.api.local.list('', true));
        this.element.dataset.loaded = String(Date.now());
      } catch (error) {
        this.tree.showPlaceholder('The local folder could not be read.');
        this.s.messages.error('Could not read the local folder', error);
      }
    }
    this.updateButtons();
    this.hooks.onFolderChange();
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
