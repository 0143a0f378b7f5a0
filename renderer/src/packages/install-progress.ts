/**
 * The install's live view: one row per file with its state and a bar, the step being
 * done, and a Cancel button while it runs.
 */
import type { PackageProgress } from '../../../preload/contract-types';
import { h } from '../ui/dom';

const LABELS = { installing: 'Installing', exists: 'Already there', installed: 'Installed', failed: 'Failed' } as const;

export class InstallProgress {
  readonly element = h('section', { class: 'pkg-progress', 'aria-label': 'Install progress', hidden: true });
  readonly cancelButton = h('button', { type: 'button', 'data-action': 'cancel', title: 'Stop the install: files it created are removed, replaced files keep their old content' }, 'Cancel');
  #step = h('div', { class: 'pkg-step' });
  #files = h('ul', { class: 'pkg-files' });
  #rows = new Map<string, HTMLLIElement>();

  constructor() {
    this.element.append(h('div', { class: 'pkg-progress-head' }, this.#step, this.cancelButton), this.#files);
  }

  start(title: string): void {
    this.#rows.clear();
    this.#files.replaceChildren();
    this.#step.textContent = title;
    this.element.hidden = false;
    this.cancelButton.hidden = false;
    this.cancelButton.disabled = false;
  }

  update(progress: PackageProgress): void {
    if (progress.log) this.#step.textContent = progress.log;
    const file = progress.file;
    if (!file) return;
    let row = this.#rows.get(file.path);
    if (!row) {
      row = h('li', {}, h('span', { class: 'pkg-file-name' }), h('progress', { max: '1', value: '0' }), h('span', { class: 'pkg-file-state' }));
      this.#rows.set(file.path, row);
      this.#files.append(row);
    }
    row.dataset.status = file.status;
    row.querySelector('.pkg-file-name')!.textContent = file.path;
    const bar = row.querySelector('progress')!;
    bar.max = Math.max(file.bytesTotal, 1);
    bar.value = file.status === 'failed' ? 0 : file.bytesDone;
    row.querySelector('.pkg-file-state')!.textContent = `${LABELS[file.status]}${file.status === 'installing' ? ` ${file.bytesDone}/${file.bytesTotal} B` : ''}`;
    this.#step.textContent = `File ${file.index} of ${file.count}`;
  }

  finish(summary: string): void {
    this.#step.textContent = summary;
    this.cancelButton.hidden = true;
  }
}
