/**
 * The install's steps as a list (download, check, erase, write, verify, restart,
 * connect), each pending, active, done, skipped or failed, with a bar for the active one.
 */
import type { FlashProgress, FlashStep } from '../../preload/contract-types';
import { h } from '../src/ui/dom';

type RowState = 'pending' | 'active' | 'done' | 'skipped' | 'failed';

const ROWS: Array<{ step: FlashStep; label: string }> = [
  { step: 'download', label: 'Download' },
  { step: 'verify', label: 'Check the file' },
  { step: 'erase', label: 'Erase' },
  { step: 'write', label: 'Write' },
  { step: 'verify', label: 'Verify the write' },
  { step: 'reset', label: 'Restart the board' },
  { step: 'connect', label: 'Connect' },
];

export class InstallProgress {
  readonly element: HTMLElement;
  private readonly rows: Array<{ step: FlashStep; item: HTMLElement; detail: HTMLElement; state: RowState }>;
  private readonly bar = h('progress', { max: '1', value: '0', class: 'install-bar' });
  private current = -1;

  constructor() {
    this.rows = ROWS.map(({ step, label }) => {
      const detail = h('span', { class: 'detail' });
      const item = h('li', { 'data-state': 'pending', 'data-step': step }, h('span', { class: 'mark', 'aria-hidden': 'true' }), h('span', { class: 'label' }, label), detail);
      return { step, item, detail, state: 'pending' as RowState };
    });
    this.element = h('div', { class: 'install-progress' }, h('ol', {}, ...this.rows.map((r) => r.item)), this.bar);
  }

  /** Moves to the row of `p.step` at or after the current one; rows passed over are done or skipped. */
  update(p: FlashProgress): void {
    const index = this.rows.findIndex((r, i) => i >= Math.max(this.current, 0) && r.step === p.step);
    if (index === -1) return;
    if (index !== this.current) this.advanceTo(index);
    const row = this.rows[index];
    if (!row) return;
    row.detail.textContent = p.message;
    if (p.total) {
      this.bar.max = p.total;
      this.bar.value = p.done ?? 0;
      this.bar.hidden = false;
    } else this.bar.removeAttribute('value');
  }

  /** Marks everything up to and including `step` finished (the last write's verify included). */
  finishThrough(step: FlashStep): void {
    const index = this.rows.map((r) => r.step).lastIndexOf(step);
    this.advanceTo(index);
    this.set(index, 'done');
    this.current = index;
    this.bar.hidden = true;
  }

  fail(message: string): void {
    const index = Math.max(this.current, 0);
    this.set(index, 'failed');
    const row = this.rows[index];
    if (row) row.detail.textContent = message;
    this.bar.hidden = true;
  }

  private advanceTo(index: number): void {
    for (let i = 0; i < index; i++) {
      const row = this.rows[i];
      if (row && (row.state === 'pending' || row.state === 'active')) this.set(i, row.state === 'active' || this.touched(i) ? 'done' : 'skipped');
    }
    this.set(index, 'active');
    this.current = index;
  }

  /** A row counts as run when it showed a message. */
  private touched(i: number): boolean {
    return Boolean(this.rows[i]?.detail.textContent);
  }

  private set(index: number, state: RowState): void {
    const row = this.rows[index];
    if (!row) return;
    row.state = state;
    row.item.dataset.state = state;
  }
}
