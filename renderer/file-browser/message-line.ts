/**
 * One line under a pane for what just happened: an error in plain words (with the
 * fix, when main gave one), or a short note such as "Upload cancelled".
 */
import { el } from './dom';

interface WireLike {
  message?: unknown;
  hint?: unknown;
  code?: unknown;
}

export class MessageLine {
  readonly element = el('div', { class: 'fb-message', role: 'alert', hidden: true });
  private timer: ReturnType<typeof setTimeout> | null = null;

  /** `doing` says what failed, e.g. "Could not delete /main.py". */
  error(doing: string, error: unknown): void {
    const e = (error ?? {}) as WireLike;
    const words = typeof e.message === 'string' && e.message ? e.message : String(error);
    const hint = typeof e.hint === 'string' ? ` ${e.hint}` : '';
    this.show('error', `${doing}: ${words}${hint}`, typeof e.code === 'string' ? e.code : undefined);
  }

  info(text: string): void {
    this.show('info', text);
  }

  clear(): void {
    this.element.hidden = true;
    this.element.textContent = '';
  }

  private show(kind: 'error' | 'info', text: string, code?: string): void {
    if (this.timer) clearTimeout(this.timer);
    const close = el('button', { type: 'button', class: 'fb-message-close', 'aria-label': 'Dismiss' }, '×');
    close.addEventListener('click', () => this.clear());
    this.element.replaceChildren(el('span', { class: 'fb-message-text' }, text), close);
    this.element.dataset.kind = kind;
    if (code) this.element.dataset.code = code;
    else delete this.element.dataset.code;
    this.element.hidden = false;
    // Notes fade; errors stay until dismissed or replaced.
    if (kind === 'info') this.timer = setTimeout(() => this.clear(), 8000);
  }
}
