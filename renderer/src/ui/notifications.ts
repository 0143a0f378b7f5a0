/**
 * Messages for the user in the corner of the window: errors in plain words with
 * the fix (for example the dialout command), never a silent failure.
 */
import { toStudioError } from '../../../preload/build-api';
import { h } from './dom';

export type NoticeKind = 'info' | 'warning' | 'error';
export interface NoticeAction {
  label: string;
  run(): void;
}
export interface Notice {
  kind: NoticeKind;
  title: string;
  body?: string;
  /** A command or step that fixes the problem, shown so it can be copied. */
  hint?: string;
  actions?: NoticeAction[];
  /** Milliseconds before it goes away by itself; errors stay until dismissed. */
  timeoutMs?: number;
}

const INFO_TIMEOUT_MS = 6000;

export class Notifications {
  readonly element = h('div', { class: 'notifications', role: 'status', 'aria-live': 'polite' });

  show(notice: Notice): () => void {
    const close = () => item.remove();
    const actions = [...(notice.actions ?? []), { label: 'Dismiss', run: () => undefined }];
    const item = h(
      'div',
      { class: 'notification', 'data-kind': notice.kind },
      h('div', { class: 'title' }, notice.title),
      notice.body ? h('div', { class: 'body' }, notice.body) : null,
      notice.hint ? h('div', { class: 'hint' }, 'To fix it:', h('code', {}, notice.hint)) : null,
      h(
        'div',
        { class: 'actions' },
        ...actions.map((action) => {
          const button = h('button', { type: 'button' }, action.label);
          button.addEventListener('click', () => {
            close();
            action.run();
          });
          return button;
        }),
      ),
    );
    this.element.append(item);
    const timeout = notice.timeoutMs ?? (notice.kind === 'info' ? INFO_TIMEOUT_MS : 0);
    if (timeout > 0) setTimeout(close, timeout);
    return close;
  }

  /** Shows a failed request: what was being done, the board's words, and the hint. */
  error(doing: string, error: unknown, actions?: NoticeAction[]): void {
    const e = toStudioError(error);
    this.show({
      kind: 'error',
      title: `${doing} failed`,
      body: e.detail ? `${e.message}\n${e.detail}` : e.message,
      ...(e.hint && { hint: e.hint }),
      ...(actions && { actions }),
    });
  }
}
