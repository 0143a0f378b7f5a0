/**
 * The choices of the Install MicroPython dialog: where to install (a bootloader drive
 * or a serial port), the board, the version and variant, or a local file instead;
 * erasing for ESP boards. It only collects; the dialog runs the install.
 */
import type { FirmwareBoard, FirmwareCatalog, FirmwareRelease, PortInfo, BootDriveInfo } from '../../preload/contract-types';
import { h } from '../src/ui/dom';
import { boardsFor, preferredBoard, releasesOf, variantsOf, type InstallTarget } from './board-match';

export interface LocalFile {
  name: string;
  bytes: Uint8Array<ArrayBuffer>;
}

export interface FormChoice {
  target: InstallTarget;
  board?: FirmwareBoard;
  release?: FirmwareRelease;
  file?: LocalFile;
  erase: boolean;
}

const field = (label: string, control: HTMLElement, extra?: HTMLElement) => h('label', {}, h('span', {}, label), control, extra ?? null);

export class FirmwareForm {
  readonly element: HTMLElement;
  readonly targetSelect = h('select', { name: 'target', 'aria-label': 'Install onto' });
  readonly boardSelect = h('select', { name: 'board', 'aria-label': 'Board' });
  readonly variantSelect = h('select', { name: 'variant', 'aria-label': 'Variant' });
  readonly versionSelect = h('select', { name: 'version', 'aria-label': 'Version' });
  readonly eraseBox = h('input', { type: 'checkbox', name: 'erase' });
  readonly bootselButton = h('button', { type: 'button', class: 'enter-bootsel', title: 'Restart the connected RP2 board into BOOTSEL with machine.bootloader()' }, 'Enter BOOTSEL');
  readonly refreshButton = h('button', { type: 'button', class: 'refresh-list', title: 'Read the latest releases from micropython.org' }, 'Refresh');
  readonly localButton = h('button', { type: 'button', class: 'local-file' }, 'Use a local file…');
  private readonly fileInput = h('input', { type: 'file', accept: '.uf2,.hex,.bin', hidden: true });
  private readonly fileLine = h('div', { class: 'local-file-line', hidden: true });
  private readonly listDate = h('span', { class: 'list-date' });
  private readonly eraseRow: HTMLElement;
  private readonly releaseRows: HTMLElement;
  private targets: InstallTarget[] = [];
  private catalog: FirmwareCatalog = { boards: [], refreshedAt: null };
  private file: LocalFile | undefined;
  private listeners: Array<() => void> = [];

  constructor() {
    this.eraseRow = h('label', { class: 'erase-row' }, this.eraseBox, h('span', {}, 'Erase the whole flash first (removes every file on the board)'));
    this.releaseRows = h(
      'div',
      { class: 'release-rows' },
      field('Board', this.boardSelect),
      field('Variant', this.variantSelect),
      field('Version', this.versionSelect),
      h('div', { class: 'list-line' }, this.listDate, this.refreshButton),
    );
    this.element = h(
      'div',
      { class: 'firmware-form' },
      field('Install onto', this.targetSelect, this.bootselButton),
      this.releaseRows,
      h('div', { class: 'local-line' }, this.localButton, this.fileLine, this.fileInput),
      this.eraseRow,
    );
    this.targetSelect.addEventListener('change', () => this.fillBoards());
    this.boardSelect.addEventListener('change', () => this.fillVariants());
    this.variantSelect.addEventListener('change', () => this.fillVersions());
    this.versionSelect.addEventListener('change', () => this.changed());
    this.eraseBox.addEventListener('change', () => this.changed());
    this.localButton.addEventListener('click', () => this.fileInput.click());
    this.fileInput.addEventListener('change', () => void this.readPickedFile());
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Lists the drives first, then the serial ports (for ESP boards); keeps the choice when it is still there. */
  setTargets(drives: BootDriveInfo[], ports: PortInfo[], preferPath?: string): void {
    const previous = preferPath ?? this.targetSelect.value;
    this.targets = [
      ...drives.map((drive): InstallTarget => ({ kind: 'drive', drive })),
      ...ports.map((port): InstallTarget => ({ kind: 'serial', path: port.path, label: `${port.friendlyName} — ${port.path} (ESP, via esptool)` })),
    ];
    this.targetSelect.replaceChildren(
      ...this.targets.map((t) =>
        t.kind === 'drive'
          ? h('option', { value: t.drive.path }, `${t.drive.label} drive (${driveKindName(t.drive)}) — ${t.drive.path}`)
          : h('option', { value: t.path }, t.label),
      ),
    );
    if (this.targets.length === 0) this.targetSelect.append(h('option', { value: '' }, 'No board in bootloader mode found'));
    if (previous && this.targets.some((t) => pathOf(t) === previous)) this.targetSelect.value = previous;
    this.fillBoards();
  }

  setCatalog(catalog: FirmwareCatalog): void {
    const keep = this.boardSelect.value;
    this.catalog = catalog;
    this.listDate.textContent = catalog.refreshedAt
      ? `Releases from micropython.org as of ${new Date(catalog.refreshedAt).toLocaleString()}`
      : 'Releases not read from micropython.org yet';
    // The details (which pages, why) go in the tooltip: the line stays one line.
    this.listDate.title = catalog.refreshError ?? '';
    if (catalog.refreshError) this.listDate.textContent += catalog.refreshedAt ? ' (some boards could not be read)' : ' (micropython.org could not be reached)';
    this.fillBoards(keep);
  }

  setRefreshing(on: boolean): void {
    this.refreshButton.disabled = on;
    this.refreshButton.textContent = on ? 'Reading…' : 'Refresh';
  }

  get target(): InstallTarget | undefined {
    return this.targets.find((t) => pathOf(t) === this.targetSelect.value);
  }

  /** The current choice, or the reason it is not complete. */
  choice(): FormChoice | string {
    const target = this.target;
    if (!target) return 'Put the board in bootloader mode: hold BOOTSEL while plugging in an RP2 board; a micro:bit shows its MICROBIT drive; an ESP board needs its serial port.';
    const erase = target.kind === 'serial' && this.eraseBox.checked;
    if (this.file) return { target, file: this.file, erase };
    const board = this.catalog.boards.find((b) => b.id === this.boardSelect.value);
    if (!board) return 'Pick a board.';
    const release = board.releases.find((r) => r.url === this.versionSelect.value);
    if (!release) return board.releases.length === 0 ? `No releases of ${board.name} are known yet: Refresh (needs internet), or use a local file.` : 'Pick a version.';
    return { target, board, release, erase };
  }

  private fillBoards(keep?: string): void {
    const target = this.target;
    const boards = target ? boardsFor(target, this.catalog.boards) : [];
    this.boardSelect.replaceChildren(...boards.map((b) => h('option', { value: b.id }, b.name)));
    const preferred = keep && boards.some((b) => b.id === keep) ? keep : target ? preferredBoard(target, this.catalog.boards)?.id : undefined;
    if (preferred) this.boardSelect.value = preferred;
    this.eraseRow.hidden = target?.kind !== 'serial';
    this.fillVariants();
  }

  private fillVariants(): void {
    const board = this.catalog.boards.find((b) => b.id === this.boardSelect.value);
    const variants = board ? variantsOf(board) : [];
    this.variantSelect.replaceChildren(...(variants.length ? variants : ['']).map((v) => h('option', { value: v }, v || 'Standard')));
    this.variantSelect.disabled = variants.length <= 1;
    this.fillVersions();
  }

  private fillVersions(): void {
    const board = this.catalog.boards.find((b) => b.id === this.boardSelect.value);
    const releases = board ? releasesOf(board, this.variantSelect.value) : [];
    this.versionSelect.replaceChildren(
      ...releases.map((r, i) => h('option', { value: r.url }, `v${r.version} (${r.date})${i === 0 && !r.preview ? ' — latest' : ''}${r.preview ? ' — preview' : ''}`)),
    );
    if (releases.length === 0) this.versionSelect.append(h('option', { value: '' }, 'No releases known'));
    this.versionSelect.disabled = releases.length === 0;
    this.changed();
  }

  private async readPickedFile(): Promise<void> {
    const picked = this.fileInput.files?.[0];
    this.fileInput.value = '';
    if (!picked) return;
    this.file = { name: picked.name, bytes: new Uint8Array(await picked.arrayBuffer()) };
    const clear = h('button', { type: 'button', class: 'clear-file', title: 'Use a release instead', 'aria-label': 'Use a release instead' }, '×');
    clear.addEventListener('click', () => {
      this.file = undefined;
      this.fileLine.hidden = true;
      this.releaseRows.hidden = false;
      this.changed();
    });
    this.fileLine.replaceChildren(h('span', {}, `File: ${picked.name} (${Math.round(picked.size / 1024)} KiB)`), clear);
    this.fileLine.hidden = false;
    this.releaseRows.hidden = true;
    this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

function pathOf(target: InstallTarget): string {
  return target.kind === 'drive' ? target.drive.path : target.path;
}

export function driveKindName(drive: BootDriveInfo): string {
  return drive.kind === 'microbit' ? 'micro:bit' : drive.kind === 'uf2' ? 'UF2' : drive.kind.toUpperCase();
}
