/**
 * The local mirror in the board pane: every board file the app ever opened or saved,
 * per board, kept on this computer. Offered when the board is not connected (and on
 * demand): open a copy in the editor, save it into the local folder, or restore it
 * to the board once one is connected.
 */
import type { MirrorFile } from '../../preload/contract-types';
import { el, setEnabled, toolButton } from './dom';
import { baseName, formatBytes, joinPath } from './format';
import type { Shared } from './shared';
import { writeAsking } from '../src/consent/replace-flow';

export class MirrorView {
  readonly element: HTMLElement;
  private readonly boardSelect = el('select', { 'aria-label': 'Board', class: 'fb-mirror-board' });
  private readonly list = el('div', { class: 'fb-mirror-list', role: 'listbox', 'aria-label': 'Mirrored files' });
  private readonly buttons: Record<'open' | 'save' | 'restore', HTMLButtonElement>;
  private files: MirrorFile[] = [];
  private selected: string | null = null;

  constructor(private readonly s: Shared) {
    this.buttons = {
      open: toolButton('Open', 'Open the mirrored copy in the editor', 'mirror-open', () => void this.open()),
      save: toolButton('Save to local', 'Save the copy into the local folder', 'mirror-save', () => void this.saveToLocal()),
      restore: toolButton('Restore to board', 'Write the copy back to the board', 'mirror-restore', () => void this.restore()),
    };
    this.boardSelect.addEventListener('change', () => void this.loadFiles());
    this.element = el(
      'section',
      { class: 'fb-mirror', 'aria-label': 'Local mirror' },
      el('div', { class: 'fb-mirror-head' }, el('strong', {}, 'Mirror'), el('span', { class: 'fb-muted' }, ' copies of board files you opened or saved')),
      this.boardSelect,
      el('div', { class: 'fb-toolbar' }, this.buttons.open, this.buttons.save, this.buttons.restore),
      this.list,
    );
    s.api.mirror.onChanged(() => {
      if (!this.element.hidden) void this.refresh();
    });
  }

  private get boardId(): string {
    return this.boardSelect.value;
  }

  async refresh(): Promise<void> {
    try {
      const boards = await this.s.api.mirror.boards();
      const previous = this.boardId;
      this.boardSelect.replaceChildren(
        ...boards.map((b) => el('option', { value: b.boardId }, `${b.label} · ${b.files} file${b.files === 1 ? '' : 's'}`)),
      );
      if (boards.some((b) => b.boardId === previous)) this.boardSelect.value = previous;
      await this.loadFiles();
    } catch (error) {
      this.s.messages.error('Could not read the mirror', error);
    }
  }

  private async loadFiles(): Promise<void> {
    this.files = this.boardId ? await this.s.api.mirror.list(this.boardId) : [];
    if (!this.files.some((f) => f.path === this.selected)) this.selected = null;
    this.render();
  }

  private render(): void {
    const rows = this.files.map((f) => {
      const row = el(
        'div',
        { class: 'fb-mirror-row', role: 'option', 'data-path': f.path, 'aria-selected': f.path === this.selected ? 'true' : 'false', title: `${f.path}, saved ${new Date(f.savedAt).toLocaleString()}` },
        el('span', { class: 'fb-name' }, f.path),
        el('span', { class: 'fb-size' }, formatBytes(f.size)),
      );
      row.addEventListener('click', () => {
        this.selected = f.path;
        this.render();
      });
      row.addEventListener('dblclick', () => void this.open());
      return row;
    });
    this.list.replaceChildren(...(rows.length ? rows : [el('div', { class: 'fb-placeholder' }, 'No mirrored files yet.')]));
    const none = this.selected ? null : 'Select a mirrored file first.';
    setEnabled(this.buttons.open, none, 'Open the mirrored copy in the editor');
    setEnabled(this.buttons.save, none ?? (this.s.localFolder() ? null : 'Choose a local folder first.'), 'Save the copy into the local folder');
    setEnabled(this.buttons.restore, none ?? (this.s.boardConnected() ? null : 'Connect a board to restore files to it.'), 'Write the copy back to the board');
  }

  private async open(): Promise<void> {
    const path = this.selected;
    if (!path) return;
    try {
      const bytes = await this.s.api.mirror.read(this.boardId, path);
      this.s.openFile({ side: 'board', path, content: new TextDecoder().decode(bytes) });
    } catch (error) {
      this.s.messages.error(`Could not open the copy of ${path}`, error);
    }
  }

  private async saveToLocal(): Promise<void> {
    const path = this.selected;
    if (!path) return;
    const target = joinPath('local', this.s.localTargetDir(), baseName(path));
    try {
      const written = await writeAsking((consent) => this.s.api.mirror.saveToLocal(this.boardId, path, target, consent));
      if (written) this.s.messages.info(`Saved the copy of ${path} as ${written.path} in the local folder.`);
      await this.s.refreshLocal();
    } catch (error) {
      this.s.messages.error(`Could not save the copy of ${path}`, error);
    }
  }

  private async restore(): Promise<void> {
    const path = this.selected;
    if (!path) return;
    try {
      const written = await writeAsking((consent) => this.s.api.mirror.restore(this.boardId, path, consent));
      if (written) this.s.messages.info(written.path === path ? `Restored ${path} on the board from the mirror.` : `Restored the copy of ${path} on the board as ${written.path}.`);
    } catch (error) {
      this.s.messages.error(`Could not restore ${path}`, error);
    } finally {
      await this.s.refreshBoard();
    }
  }

  /** Re-checks which buttons apply (the board connected or went away). */
  update(): void {
    this.render();
  }
}
