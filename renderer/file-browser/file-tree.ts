/**
 * A file tree for either side (board or local): folders first, sizes on the right,
 * multi-select (click, Ctrl/⌘-click, Shift-click), keyboard (Enter opens, F2 renames,
 * Delete deletes), inline rename, and HTML5 drag and drop. It only displays and
 * reports; the panes decide what an action means.
 */
import { icon } from '../src/ui/icons';
import { el } from './dom';
import { baseName, formatBytes, parentOf, rootOf, type Side } from './format';

export interface TreeEntry {
  path: string;
  name: string;
  type: 'file' | 'dir';
  size: number;
  ignored?: boolean;
}

export interface FileTreeOptions {
  side: Side;
  label: string;
  /** The drag data type rows of this tree carry (a JSON array of paths). */
  dragType: string;
  onOpen(entry: TreeEntry): void;
  onRename(entry: TreeEntry, newName: string): void;
  onDelete(): void;
  onSelectionChange(): void;
  /** True when a drag may be dropped here (checked on dragover). */
  acceptsDrop(types: readonly string[]): boolean;
  onDrop(targetDir: string, data: DataTransfer): void;
  /**
   * Lazy trees (the local folder, which may be huge): the pane decides which folders are
   * open, and lists a folder's children only once it is opened. Without this, every
   * folder starts open and the tree holds the whole listing (the board's few files).
   */
  folders?: { isOpen(path: string): boolean; toggle(path: string, open: boolean): void };
}


/** How long after the last `dragover` a drag still counts as over the tree (browsers repeat it every ~50 ms). */
const DRAG_OVER_HOLD_MS = 500;
export class FileTree {
  readonly element: HTMLDivElement;
  private entries: TreeEntry[] = [];
  private byPath = new Map<string, TreeEntry>();
  /** Children per folder, sorted (folders first, then by name); built once per listing. */
  private children = new Map<string, TreeEntry[]>();
  private readonly collapsed = new Set<string>();
  private selected = new Set<string>();
  private anchor: string | null = null;
  private visible: TreeEntry[] = [];
  private placeholder = '';
  /** Opens the pane's context menu at a point (a right click, or the keyboard's Menu key). */
  onContextMenu: ((at: { x: number; y: number }) => void) | null = null;

  constructor(private readonly options: FileTreeOptions) {
    this.element = el('div', { class: 'fb-tree', role: 'tree', 'aria-multiselectable': 'true', 'aria-label': options.label, tabindex: 0 });
    this.element.addEventListener('keydown', (event) => this.onKey(event));
    // Empty space below the rows stands for the root, as in VS Code's explorer: clicking it
    // clears the selection, so a new file goes at the root again.
    this.element.addEventListener('click', (event) => {
      if (event.target === this.element && this.selected.size > 0) this.select([]);
    });
    this.element.addEventListener('dragover', (event) => this.onDragOver(event, rootOf(options.side)));
    this.element.addEventListener('dragleave', () => this.element.classList.remove('fb-drop-target'));
    this.element.addEventListener('drop', (event) => this.onDropEvent(event, rootOf(options.side)));
    // A drag from this tree ends here (dragend bubbles from its row): a render held back meanwhile happens now.
    this.element.addEventListener('dragend', () => {
      this.draggingFromHere = false;
      if (this.renderHeld) this.render();
    });
  }

  /** A drag started on one of these rows is under way: replacing the rows now would lose it. */
  private draggingFromHere = false;
  /**
   * A drag is over these rows: replacing the row under the pointer between its last
   * `dragover` and the drop loses the drop. Dragover repeats while the pointer is here,
   * so the hold lapses soon after it stops (a drag that left, was dropped or cancelled).
   */
  private dragOverTimer: ReturnType<typeof setTimeout> | undefined;
  /** A row's name is a text field being typed in: replacing the rows now would drop what was typed. */
  private renaming = false;
  private renderHeld = false;

  /** Shows these entries (any order); selection and collapsed folders that still exist are kept. */
  setEntries(entries: readonly TreeEntry[]): void {
    this.entries = [...entries];
    this.byPath = new Map(entries.map((e) => [e.path, e]));
    this.children = new Map();
    for (const e of this.entries) {
      const parent = parentOf(this.options.side, e.path);
      if (parent === e.path) continue;
      const list = this.children.get(parent) ?? [];
      list.push(e);
      this.children.set(parent, list);
    }
    for (const list of this.children.values()) {
      list.sort((a, b) => (a.type === b.type ? a.name.localeCompare(b.name) : a.type === 'dir' ? -1 : 1));
    }
    this.selected = new Set([...this.selected].filter((p) => this.byPath.has(p)));
    this.placeholder = '';
    this.render();
  }

  /** Replaces the rows with a line of text (not connected, no folder chosen…). */
  showPlaceholder(text: string): void {
    this.entries = [];
    this.byPath.clear();
    this.children.clear();
    this.selected.clear();
    this.placeholder = text;
    this.render();
  }

  get selection(): TreeEntry[] {
    return this.visible.filter((e) => this.selected.has(e.path));
  }

  /** Where a new file goes: the selected folder, the selected file's folder, or the root. */
  targetDir(): string {
    const [first] = this.selection;
    if (!first) return rootOf(this.options.side);
    return first.type === 'dir' ? first.path : parentOf(this.options.side, first.path);
  }

  select(paths: readonly string[]): void {
    this.selected = new Set(paths.filter((p) => this.byPath.has(p)));
    this.render();
    this.options.onSelectionChange();
  }

  /** Turns the row's name into a text field; Enter renames, Escape or leaving cancels. */
  startRename(path: string): void {
    const entry = this.byPath.get(path);
    const row = this.rowOf(path);
    const name = row?.querySelector<HTMLElement>('.fb-name');
    if (!entry || !row || !name) return;
    const input = el('input', { type: 'text', class: 'fb-rename', 'aria-label': `New name for ${entry.name}`, spellcheck: 'false' });
    input.value = entry.name;
    let done = false;
    const finish = (commit: boolean) => {
      if (done) return;
      done = true;
      input.replaceWith(name);
      this.renaming = false;
      if (this.renderHeld) this.render();
      this.element.focus();
      if (commit && input.value !== entry.name && input.value.trim() !== '') this.options.onRename(entry, input.value);
    };
    input.addEventListener('keydown', (event) => {
      event.stopPropagation();
      if (event.key === 'Enter') finish(true);
      if (event.key === 'Escape') finish(false);
    });
    input.addEventListener('blur', () => finish(false));
    input.addEventListener('click', (event) => event.stopPropagation());
    name.replaceWith(input);
    this.renaming = true;
    input.focus();
    input.setSelectionRange(0, entry.name.lastIndexOf('.') > 0 ? entry.name.lastIndexOf('.') : entry.name.length);
  }

  private rowOf(path: string): HTMLElement | undefined {
    return [...this.element.querySelectorAll<HTMLElement>('.fb-row')].find((r) => r.dataset.path === path);
  }

  private isOpen(path: string): boolean {
    return this.options.folders ? this.options.folders.isOpen(path) : !this.collapsed.has(path);
  }

  private childrenOf(dir: string): TreeEntry[] {
    return this.children.get(dir) ?? [];
  }

  private render(): void {
    // A folder watcher or a refresh may land mid-drag or mid-rename (an editor saving a
    // file, a slow listing): the dragged row or the name being typed must stay until the
    // drop or the rename ends (dragend, Enter, Escape, blur), so the render waits for it.
    this.renderHeld = this.draggingFromHere || this.dragOverTimer !== undefined || this.renaming;
    if (this.renderHeld) return;
    const rows: HTMLElement[] = [];
    this.visible = [];
    const walk = (dir: string, level: number) => {
      for (const entry of this.childrenOf(dir)) {
        this.visible.push(entry);
        rows.push(this.row(entry, level));
        if (entry.type !== 'dir' || !this.isOpen(entry.path)) continue;
        // An open folder with nothing in it says so on its own indented line; without it,
        // the next rows (the parent's) would look like its contents.
        if (this.childrenOf(entry.path).length === 0) rows.push(el('div', { class: 'fb-empty-folder', style: indent(level + 1) }, 'empty'));
        else walk(entry.path, level + 1);
      }
    };
    walk(rootOf(this.options.side), 1);
    // Entries whose parent is not listed (a partial listing) still show, at the top level.
    const shown = new Set(this.visible);
    for (const entry of this.entries) {
      if (shown.has(entry) || this.byPath.has(parentOf(this.options.side, entry.path))) continue;
      this.visible.push(entry);
      rows.push(this.row(entry, 1));
    }
    if (rows.length === 0) rows.push(el('div', { class: 'fb-placeholder' }, this.placeholder || 'Empty'));
    this.element.replaceChildren(...rows);
  }

  private row(entry: TreeEntry, level: number): HTMLElement {
    const isDir = entry.type === 'dir';
    const open = isDir && this.isOpen(entry.path);
    const twisty = el('span', { class: 'fb-twisty', 'aria-hidden': 'true' }, isDir ? icon(open ? 'chevron-down' : 'chevron-right') : '');
    const row = el(
      'div',
      {
        class: `fb-row${entry.ignored ? ' fb-ignored' : ''}`,
        role: 'treeitem',
        'data-path': entry.path,
        'data-type': entry.type,
        'aria-level': level,
        'aria-selected': this.selected.has(entry.path) ? 'true' : 'false',
        'aria-expanded': isDir ? String(open) : undefined,
        draggable: 'true',
        title: entry.ignored ? `${entry.path} (ignored by sync)` : entry.path,
        style: indent(level),
      },
      twisty,
      el('span', { class: 'fb-name' }, entry.name || baseName(entry.path)),
      el('span', { class: 'fb-size' }, isDir ? '' : formatBytes(entry.size)),
    );
    twisty.addEventListener('click', (event) => {
      event.stopPropagation();
      if (!isDir) return;
      if (this.options.folders) return this.options.folders.toggle(entry.path, !open);
      if (open) this.collapsed.add(entry.path);
      else this.collapsed.delete(entry.path);
      this.render();
    });
    row.addEventListener('click', (event) => this.onClick(entry, event));
    // As in VS Code's explorer: a right click acts on the selection when the row is in it, else on that row alone.
    row.addEventListener('contextmenu', (event) => {
      event.preventDefault();
      this.element.focus();
      if (!this.selected.has(entry.path)) {
        this.selected = new Set([entry.path]);
        this.anchor = entry.path;
        this.render();
        this.options.onSelectionChange();
      }
      this.onContextMenu?.({ x: event.clientX, y: event.clientY });
    });
    row.addEventListener('dblclick', () => {
      if (isDir) twisty.click();
      else this.options.onOpen(entry);
    });
    row.addEventListener('dragstart', (event) => {
      // Held from here on, even the selection's own render: the dragged row stays in the page.
      this.draggingFromHere = true;
      if (!this.selected.has(entry.path)) {
        this.select([entry.path]);
        for (const shown of this.element.querySelectorAll('[aria-selected="true"]')) shown.setAttribute('aria-selected', 'false');
        row.setAttribute('aria-selected', 'true');
      }
      event.dataTransfer?.setData(this.options.dragType, JSON.stringify(this.selection.map((e) => e.path)));
      if (event.dataTransfer) event.dataTransfer.effectAllowed = 'copyMove';
    });
    const dropDir = isDir ? entry.path : parentOf(this.options.side, entry.path);
    row.addEventListener('dragover', (event) => {
      event.stopPropagation();
      this.onDragOver(event, dropDir, row);
    });
    row.addEventListener('dragleave', () => row.classList.remove('fb-drop-target'));
    row.addEventListener('drop', (event) => {
      event.stopPropagation();
      row.classList.remove('fb-drop-target');
      this.onDropEvent(event, dropDir);
    });
    return row;
  }

  private onClick(entry: TreeEntry, event: MouseEvent): void {
    this.element.focus();
    if (event.shiftKey && this.anchor) {
      const a = this.visible.findIndex((e) => e.path === this.anchor);
      const b = this.visible.findIndex((e) => e.path === entry.path);
      const [from, to] = a < b ? [a, b] : [b, a];
      this.selected = new Set(this.visible.slice(from, to + 1).map((e) => e.path));
    } else if (event.ctrlKey || event.metaKey) {
      if (this.selected.has(entry.path)) this.selected.delete(entry.path);
      else this.selected.add(entry.path);
      this.anchor = entry.path;
    } else {
      this.selected = new Set([entry.path]);
      this.anchor = entry.path;
    }
    this.render();
    this.options.onSelectionChange();
  }

  private onKey(event: KeyboardEvent): void {
    const [first] = this.selection;
    if (event.key === 'Delete' && first) this.options.onDelete();
    else if (event.key === 'F2' && first) this.startRename(first.path);
    else if (event.key === 'Enter' && first && first.type === 'file') this.options.onOpen(first);
    else if (event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) this.openMenuFromKeyboard();
    else if ((event.key === 'a' || event.key === 'A') && (event.ctrlKey || event.metaKey)) this.select(this.visible.map((e) => e.path));
    else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      const i = first ? this.visible.indexOf(first) : -1;
      const next = this.visible[Math.max(0, Math.min(this.visible.length - 1, i + (event.key === 'ArrowDown' ? 1 : -1)))];
      if (next) this.select([next.path]);
    } else return;
    event.preventDefault();
  }

  /** The keyboard's context menu opens under the first selected row (or the tree's top). */
  private openMenuFromKeyboard(): void {
    const [first] = this.selection;
    const box = (first && this.rowOf(first.path)?.getBoundingClientRect()) || this.element.getBoundingClientRect();
    this.onContextMenu?.({ x: box.left + 16, y: box.top + Math.min(box.height, 22) });
  }

  private onDragOver(event: DragEvent, _dir: string, row?: HTMLElement): void {
    const types = [...(event.dataTransfer?.types ?? [])];
    if (!this.options.acceptsDrop(types)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = types.includes(this.options.dragType) ? 'move' : 'copy';
    (row ?? this.element).classList.add('fb-drop-target');
    clearTimeout(this.dragOverTimer);
    this.dragOverTimer = setTimeout(() => this.endDragOver(), DRAG_OVER_HOLD_MS);
  }

  /** The drag is no longer over these rows: a render held back meanwhile happens now. */
  private endDragOver(): void {
    clearTimeout(this.dragOverTimer);
    this.dragOverTimer = undefined;
    if (this.renderHeld) this.render();
  }

  private onDropEvent(event: DragEvent, dir: string): void {
    this.element.classList.remove('fb-drop-target');
    const data = event.dataTransfer;
    if (data && this.options.acceptsDrop([...data.types])) {
      event.preventDefault();
      this.options.onDrop(dir, data);
    }
    this.endDragOver();
  }
}

/** One level's indentation, as in VS Code's explorer. */
const INDENT_PX = 14;

/** A row's indentation for its depth, and the indent guides (one line per level) drawn in it. */
function indent(level: number): string {
  return `padding-left:${(level - 1) * INDENT_PX + 4}px;background-size:${(level - 1) * INDENT_PX}px 100%`;
}
