/**
 * The open files: one CodeMirror view per tab, each knowing where it came from
 * (board or local disk) and whether it has unsaved changes. Save goes back where the
 * file came from; Save As can write it to the other side. A save that fails keeps
 * the tab marked unsaved and says why.
 */
import { closeCompletion } from '@codemirror/autocomplete';
import { EditorState, type Text } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { BoardStatus, BufferBackup } from '../../../preload/contract-types';
import { choose } from '../ui/dialogs';
import { h } from '../ui/dom';
import { icon } from '../ui/icons';
import type { Notifications } from '../ui/notifications';
import type { BoardCompletionCache } from './board-completions';
import { BufferBackups } from './buffer-backup';
import { editorExtensions } from './editor-extensions';
import { boardLabelOf } from './board-label';
import { baseName, readText, sha256Of, uriOf, type FileLocation, type OpenFileRequest } from './file-origin';
import { goToLine } from './line-highlight';
import { askSaveLocation } from './save-as-dialog';
import { saveWithConsent } from './save-flow';
import { TabStripOverflow } from './tab-strip-overflow';
import { followedLocation, tabOwner, type PathChange } from './tab-owner';

export interface EditorDoc {
  id: string;
  /** Null for a buffer never saved. */
  location: FileLocation | null;
  name: string;
  view: EditorView;
  /** The view's own box: CodeMirror forces the editor's display and position, so tabs show and hide this. */
  pane: HTMLElement;
  savedText: Text;
  /**
   * SHA-256 of the file as the tab last read or wrote it (before CodeMirror's line-end
   * normalising), or null for a buffer that never had one: the version Save may replace.
   */
  savedHash: Promise<string> | null;
  dirty: boolean;
  tab: HTMLElement;
}

export interface EditorTabsOptions {
  completions: BoardCompletionCache;
  notifications: Notifications;
  defaultLocalFolder(): string;
  /** The connected board: board tabs belong to the one they were opened from. */
  board(): BoardStatus;
  onCursor(line: number, column: number): void;
  onActiveChange(doc: EditorDoc | undefined): void;
}

export class EditorTabs {
  readonly element: HTMLElement;
  private readonly strip = h('div', { class: 'editor-tabs', role: 'tablist', 'aria-label': 'Open files' });
  private readonly overflow: TabStripOverflow;
  private readonly host = h('div', { class: 'editor-host' });
  private readonly welcome = h(
    'div',
    { class: 'editor-welcome' },
    h('div', {}, 'No file open. Open one from the file browser, or start a new one (', h('kbd', {}, 'Ctrl+N'), ').'),
    h('div', {}, h('kbd', {}, 'F5'), ' runs the current file on the board, ', h('kbd', {}, 'Ctrl+F2'), ' stops it.'),
  );
  private docs: EditorDoc[] = [];
  private current: EditorDoc | undefined;
  private untitledCount = 0;
  readonly backups = new BufferBackups();

  constructor(private readonly options: EditorTabsOptions) {
    this.overflow = new TabStripOverflow(this.strip, {
      tabs: () => this.docs.map((d) => ({ id: d.id, name: d.name, title: d.tab.title, active: d === this.current, dirty: d.dirty })),
      activate: (id) => {
        const doc = this.docs.find((d) => d.id === id);
        if (doc) {
          this.activate(doc);
          doc.view.focus();
        }
      },
    });
    this.element = h('div', { class: 'editor-area' }, this.overflow.element, this.host);
    this.host.append(this.welcome);
  }

  get active(): EditorDoc | undefined {
    return this.current;
  }

  get all(): readonly EditorDoc[] {
    return this.docs;
  }

  hasUnsaved(): boolean {
    return this.docs.some((doc) => doc.dirty);
  }

  /** Opens a file, or shows its tab when it is open already. */
  async open(request: OpenFileRequest): Promise<EditorDoc | undefined> {
    const uri = request.uri ?? uriOf(request);
    const board = this.options.board();
    // A board file is the same tab only on the same board: /main.py of another board is another file.
    let doc = this.docs.find((d) => d.location && uriOf(d.location) === uri && (request.side !== 'board' || !d.location.boardId || d.location.boardId === board.boardId));
    if (!doc) {
      let content = request.content;
      if (content === undefined) {
        try {
          content = await readText(request);
        } catch (error) {
          this.options.notifications.error(`Opening ${request.path}`, error);
          return undefined;
        }
      }
      const location: FileLocation = { side: request.side, path: request.path };
      if (request.side === 'board' && board.boardId) Object.assign(location, { boardId: board.boardId, boardLabel: boardLabelOf(board) });
      doc = this.create(location, baseName(request.path), content, content);
    }
    this.activate(doc);
    if (request.line !== undefined) goToLine(doc.view, request.line);
    return doc;
  }

  /** A new buffer with no file behind it; `name` names it (a copy of an example), else untitled-N.py. */
  newFile(content = '', name?: string): EditorDoc {
    const doc = this.create(null, name ?? `untitled-${++this.untitledCount}.py`, content, '');
    this.activate(doc);
    doc.view.focus();
    return doc;
  }

  /** Brings back a buffer from a backup, marked unsaved, under its old id. */
  restore(backup: BufferBackup): EditorDoc {
    const match = /^(board|local):(.+)$/.exec(backup.uri);
    const location: FileLocation | null = match ? { side: match[1] as FileLocation['side'], path: match[2] as string } : null;
    const name = location ? baseName(location.path) : `untitled-${++this.untitledCount}.py`;
    const doc = this.create(location, name, backup.content, null, backup.id);
    this.activate(doc);
    return doc;
  }

  activate(doc: EditorDoc): void {
    this.current = doc;
    for (const d of this.docs) {
      const selected = d === doc;
      d.tab.setAttribute('aria-selected', String(selected));
      d.pane.hidden = !selected;
      if (!selected) closeCompletion(d.view); // A list left open would pop up again on return.
    }
    this.welcome.hidden = true;
    this.overflow.reveal(doc.tab);
    this.options.onActiveChange(doc);
    // The cursor listener only hears a tab's own moves: say where this tab's cursor is.
    const head = doc.view.state.selection.main.head;
    const line = doc.view.state.doc.lineAt(head);
    this.options.onCursor(line.number, head - line.from + 1);
    requestAnimationFrame(() => doc.view.requestMeasure());
  }

  /** Closes a tab, asking first when it has unsaved changes. Resolves false if the user kept it. */
  async close(doc: EditorDoc | undefined = this.current): Promise<boolean> {
    if (!doc) return true;
    if (doc.dirty) {
      const answer = await choose('Unsaved changes', `${doc.name} has changes that are not saved. Save them before closing?`, [
        { value: 'save', label: 'Save', primary: true },
        { value: 'discard', label: "Don't save" },
        { value: 'cancel', label: 'Cancel' },
      ]);
      if (answer === 'cancel') return false;
      if (answer === 'save' && !(await this.save(doc))) return false;
    }
    const index = this.docs.indexOf(doc);
    this.docs.splice(index, 1);
    doc.tab.remove();
    doc.view.destroy();
    doc.pane.remove();
    await this.backups.discard(doc.id);
    if (this.current === doc) {
      this.current = undefined;
      const next = this.docs[Math.min(index, this.docs.length - 1)];
      if (next) this.activate(next);
      else {
        this.welcome.hidden = false;
        this.options.onActiveChange(undefined);
      }
    }
    return true;
  }

  /** Saves where the file came from; a new buffer asks where. True when saved. */
  async save(doc: EditorDoc | undefined = this.current): Promise<boolean> {
    if (!doc) return false;
    if (!doc.location) return this.saveAs(doc);
    return this.writeTo(doc, doc.location, true);
  }

  async saveAs(doc: EditorDoc | undefined = this.current): Promise<boolean> {
    if (!doc) return false;
    const location = await askSaveLocation(doc.location, doc.name, this.options.defaultLocalFolder());
    if (!location) return false;
    const own = doc.location?.side === location.side && doc.location.path === location.path;
    return this.writeTo(doc, { ...doc.location, ...location }, own);
  }

  /** The tab whose file has this name (a traceback's `File "main.py"`). */
  findByName(fileName: string): EditorDoc | undefined {
    const wanted = fileName.startsWith('/') ? fileName : `/${fileName}`;
    return (
      this.docs.find((d) => d.location?.side === 'board' && d.location.path === wanted) ??
      this.docs.find((d) => d.name === baseName(fileName))
    );
  }

  /** `own`: `location` is the tab's own file, which it may replace without asking while it still holds what the tab last saw. */
  private async writeTo(doc: EditorDoc, requested: FileLocation, own: boolean): Promise<boolean> {
    const text = doc.view.state.doc;
    let location: FileLocation;
    try {
      const written = await saveWithConsent({ location: requested, text: text.toString(), ownHash: own ? doc.savedHash : null, board: this.options.board() });
      if (written === 'save-as') return this.saveAs(doc);
      if (!written) return false;
      location = written;
    } catch (error) {
      // The buffer stays marked unsaved: the file on the other side does not have it.
      this.options.notifications.error(`Saving ${requested.path}`, error, [{ label: 'Try again', run: () => void this.writeTo(doc, requested, own) }]);
      return false;
    }
    doc.location = location;
    delete doc.tab.dataset.deleted; // Saved again: the file exists once more.
    doc.name = baseName(location.path);
    doc.savedText = text;
    doc.savedHash = sha256Of(text.toString());
    // Typing may have gone on while the write was under way: only what was written counts as saved.
    doc.dirty = !doc.view.state.doc.eq(text);
    this.refreshTab(doc);
    if (doc === this.current) this.options.onActiveChange(doc);
    if (!doc.dirty) await this.backups.discard(doc.id);
    this.options.notifications.show({ kind: 'info', title: `Saved ${location.path} to the ${location.side === 'board' ? 'board' : 'local disk'}`, timeoutMs: 2500 });
    return true;
  }

  private create(location: FileLocation | null, name: string, content: string, savedContent: string | null, id = newTabId()): EditorDoc {
    const tab = h('div', { class: 'editor-tab', role: 'tab', 'data-id': id });
    const pane = h('div', { class: 'editor-pane', 'data-tab-id': id, hidden: true });
    this.host.append(pane);
    const doc: EditorDoc = {
      id,
      location,
      name,
      tab,
      pane,
      dirty: false,
      savedText: EditorState.create({ doc: savedContent ?? '' }).doc,
      savedHash: savedContent === null ? null : sha256Of(savedContent),
      view: undefined as unknown as EditorView,
    };
    doc.view = new EditorView({
      parent: pane,
      state: EditorState.create({
        doc: content,
        extensions: editorExtensions({
          completions: this.options.completions,
          onChange: () => this.changed(doc),
          onCursor: (line, column) => {
            if (doc === this.current) this.options.onCursor(line, column);
          },
        }),
      }),
    });
    tab.addEventListener('mousedown', (event) => {
      if (event.button === 1) {
        event.preventDefault();
        void this.close(doc);
      }
    });
    tab.addEventListener('click', () => this.activate(doc));
    this.docs.push(doc);
    this.strip.append(tab);
    if (savedContent === null) {
      doc.dirty = true;
      this.backups.schedule(this.backupSubject(doc));
    }
    this.refreshTab(doc);
    return doc;
  }

  private changed(doc: EditorDoc): void {
    const dirty = !doc.view.state.doc.eq(doc.savedText);
    if (dirty !== doc.dirty) {
      doc.dirty = dirty;
      this.refreshTab(doc);
    }
    if (dirty) this.backups.schedule(this.backupSubject(doc));
    else void this.backups.discard(doc.id);
  }

  private backupSubject(doc: EditorDoc) {
    return { id: doc.id, uri: doc.location ? uriOf(doc.location) : `untitled:${doc.name}`, text: () => doc.view.state.doc.toString() };
  }

  /** Keeps every unsaved buffer at once (the server just went out of reach). */
  keepUnsavedNow(): void {
    for (const doc of this.docs) if (doc.dirty) this.backups.saveNow(this.backupSubject(doc));
  }

  /** The connected board changed: tabs of another board say so. */
  boardChanged(): void {
    for (const doc of this.docs) this.refreshTab(doc);
  }

  /**
   * A file or folder was renamed or moved, or deleted, in the file browser: its tabs
   * follow it. A deleted file's tab closes when it has nothing unsaved; with unsaved
   * changes it stays, marked, and saving writes the file again.
   */
  async followPath(change: PathChange): Promise<void> {
    const boardId = this.options.board().boardId;
    for (const doc of [...this.docs]) {
      const at = doc.location;
      const next = at && followedLocation(at, change, boardId);
      if (!at || next === at) continue;
      if (next === null) {
        if (!doc.dirty) await this.close(doc);
        else {
          doc.tab.dataset.deleted = 'true';
          this.refreshTab(doc);
        }
        continue;
      }
      doc.location = next;
      doc.name = baseName(next.path);
      if (doc.dirty) this.backups.schedule(this.backupSubject(doc));
      this.refreshTab(doc);
      if (doc === this.current) this.options.onActiveChange(doc);
    }
  }

  private refreshTab(doc: EditorDoc): void {
    const close = h('button', { type: 'button', class: 'close', title: 'Close (Ctrl+W)', 'aria-label': `Close ${doc.name}` }, icon('close'));
    close.addEventListener('click', (event) => {
      event.stopPropagation();
      void this.close(doc);
    });
    const owner = tabOwner(doc.location, this.options.board().boardId, doc.tab.dataset.deleted === 'true');
    doc.tab.title = owner.title;
    doc.tab.dataset.dirty = String(doc.dirty);
    doc.tab.replaceChildren(
      h('span', { class: 'origin', 'data-side': doc.location?.side ?? 'new', 'data-other-board': String(owner.otherBoard) }, owner.chip),
      h('span', { class: 'name' }, doc.name),
      h('span', { class: 'dirty', title: 'Unsaved changes', hidden: !doc.dirty }, icon('circle-filled')),
      close,
    );
  }
}

function newTabId(): string {
  return `tab-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
