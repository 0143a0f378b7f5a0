/**
 * Progress of long transfers: a bar with bytes, speed and a Cancel button per
 * transfer. Fed by `fs:progress` (one board file) and `sync:progress` (a sync or a
 * copy of many files, whose files carry transfer ids `<id>-<n>`), combined so the
 * bar moves within each file too.
 */
import type { StudioApi } from '../../preload/contract';
import type { SyncProgress, TransferProgress } from '../../preload/contract-types';
import { el } from './dom';
import { formatBytes, formatSpeed } from './format';

interface Running {
  id: string;
  started: number;
  total: number;
  /** Bytes of files finished, as the sync reports them. */
  base: number;
  /** Bytes of the file in flight, from `fs:progress`. */
  partial: number;
  currentFile: string | null;
  finishedFiles: Set<string>;
  row: HTMLElement;
  bar: HTMLProgressElement;
  text: HTMLElement;
}

export interface TransferHandle {
  /** Removes the bar (the transfer is over). */
  finish(): void;
}

export class TransferList {
  readonly element = el('div', { class: 'fb-transfers', 'aria-live': 'polite' });
  private readonly running = new Map<string, Running>();
  private readonly unsubscribe: Array<() => void>;

  constructor(api: StudioApi) {
    this.unsubscribe = [api.fs.onProgress((p) => this.onFileProgress(p)), api.sync.onProgress((p) => this.onSyncProgress(p))];
    this.element.hidden = true;
  }

  /** Shows a bar for transfer `id`; `cancel` runs when the user presses Cancel. */
  start(id: string, label: string, total: number, cancel: () => Promise<void>): TransferHandle {
    const bar = el('progress', { max: Math.max(1, total), value: 0 });
    const text = el('span', { class: 'fb-transfer-text' }, `0 B of ${formatBytes(total)}`);
    const button = el('button', { type: 'button', class: 'fb-cancel', 'data-action': 'cancel-transfer' }, 'Cancel');
    const row = el('div', { class: 'fb-transfer', 'data-id': id, 'data-state': 'running' }, el('div', { class: 'fb-transfer-label' }, label), bar, el('div', { class: 'fb-transfer-line' }, text, button));
    button.addEventListener('click', () => {
      button.disabled = true;
      button.textContent = 'Cancelling…';
      row.dataset.state = 'cancelling';
      void cancel().catch(() => undefined);
    });
    const t: Running = { id, started: performance.now(), total, base: 0, partial: 0, currentFile: null, finishedFiles: new Set(), row, bar, text };
    this.running.set(id, t);
    this.element.append(row);
    this.element.hidden = false;
    return {
      finish: () => {
        this.running.delete(id);
        row.remove();
        this.element.hidden = this.running.size === 0;
      },
    };
  }

  /** True when `transferId` belongs to a transfer shown here (its own bar reports it). */
  owns(transferId: string): boolean {
    return this.ownerOf(transferId) !== undefined;
  }

  private ownerOf(transferId: string): Running | undefined {
    const direct = this.running.get(transferId);
    if (direct) return direct;
    for (const t of this.running.values()) if (transferId.startsWith(`${t.id.slice(0, 48)}-`)) return t;
    return undefined;
  }

  private onFileProgress(p: TransferProgress): void {
    const t = this.ownerOf(p.transferId);
    if (!t || t.finishedFiles.has(p.transferId)) return;
    if (t.id === p.transferId) t.total = p.bytesTotal;
    t.currentFile = p.transferId;
    t.partial = p.bytesDone;
    this.draw(t);
  }

  private onSyncProgress(p: SyncProgress): void {
    const t = this.running.get(p.id);
    if (!t) return;
    // A file the sync counts as done no longer adds its partial bytes.
    if (t.currentFile && p.bytesDone !== t.base) t.finishedFiles.add(t.currentFile);
    t.base = p.bytesDone;
    t.partial = 0;
    t.total = p.bytesTotal;
    this.draw(t, p.file);
  }

  private draw(t: Running, file?: string): void {
    const done = Math.min(t.total, t.base + t.partial);
    const seconds = (performance.now() - t.started) / 1000;
    t.bar.max = Math.max(1, t.total);
    t.bar.value = done;
    t.row.dataset.bytesDone = String(done);
    const speed = seconds > 0 ? formatSpeed(done / seconds) : '';
    t.text.textContent = `${formatBytes(done)} of ${formatBytes(t.total)}${speed ? ` · ${speed}` : ''}${file ? ` · ${file}` : ''}`;
  }

  dispose(): void {
    for (const u of this.unsubscribe) u();
  }
}
