/**
 * A one-line bar over the REPL that says no board is connected, with a Connect button.
 * Typing while disconnected shows it (once, however many keys follow), instead of a
 * message in the terminal per keystroke; it goes away when a board is connected.
 */
import { h } from '../ui/dom';

export class OfflineNotice {
  readonly element: HTMLElement;

  constructor(connect: () => void) {
    const button = h('button', { type: 'button', title: 'Connect to the board chosen in the toolbar' }, 'Connect');
    button.addEventListener('click', () => connect());
    this.element = h(
      'div',
      { class: 'repl-offline', role: 'status', hidden: true },
      h('span', {}, 'Not connected: what you type here goes to a board once one is connected.'),
      button,
    );
  }

  show(): void {
    this.element.hidden = false;
  }

  hide(): void {
    this.element.hidden = true;
  }
}
