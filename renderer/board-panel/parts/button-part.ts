/**
 * A push button between a GPIO and ground: pressed (mouse, touch, or Space/Enter
 * while focused) it pulls the pin low, released it lets the pin go back to its pull,
 * so `Pin(n, Pin.IN, Pin.PULL_UP)` reads 0 while pressed and `Pin.irq` sees both edges.
 */
import type { BoardWiring, VirtualBoardState } from '../../../preload/contract-types';
import type { Terminal } from '../layout';
import { s } from '../svg';
import type { BoardPart, VirtualApi } from './part';

export class ButtonPart implements BoardPart {
  readonly element: SVGGElement;
  readonly terminal: Terminal;
  private pressed = false;
  private wiring: BoardWiring | null = null;

  constructor(x: number, y: number, private readonly api: VirtualApi) {
    this.terminal = { x: x + 70, y: y + 28 };
    const cap = s('circle', { class: 'button-cap', cx: x + 28, cy: y + 28, r: 13 });
    this.element = s(
      'g',
      { class: 'part push-button', 'data-part': 'button', tabindex: 0, role: 'button', 'aria-pressed': 'false', 'aria-label': 'Push button (Space)' },
      s('rect', { class: 'button-legs', x: x + 2, y: y + 6, width: 52, height: 44, rx: 2 }),
      s('rect', { class: 'button-body', x: x + 6, y: y + 6, width: 44, height: 44, rx: 4 }),
      ...[
        [x + 11, y + 11],
        [x + 45, y + 11],
        [x + 11, y + 45],
        [x + 45, y + 45],
      ].map(([cx, cy]) => s('circle', { class: 'button-dot', cx, cy, r: 2 })),
      cap,
      s('line', { class: 'leg', x1: x + 50, y1: y + 28, x2: x + 70, y2: y + 28 }),
    );
    const press = (down: boolean) => {
      if (down === this.pressed || !this.wiring) return;
      this.pressed = down;
      this.element.setAttribute('aria-pressed', String(down));
      this.element.classList.toggle('pressed', down);
      // Pressed shorts the pin to ground; released, nobody drives it and its pull wins.
      void this.api.setPin(this.wiring.button, down ? 0 : null);
    };
    this.element.addEventListener('pointerdown', (event) => {
      event.preventDefault();
      this.element.setPointerCapture(event.pointerId);
      this.element.focus();
      press(true);
    });
    this.element.addEventListener('pointerup', () => press(false));
    this.element.addEventListener('pointercancel', () => press(false));
    this.element.addEventListener('keydown', (event) => {
      if (event.key !== ' ' && event.key !== 'Enter') return;
      event.preventDefault();
      if (!event.repeat) press(true);
    });
    this.element.addEventListener('keyup', (event) => {
      if (event.key === ' ' || event.key === 'Enter') press(false);
    });
    this.element.addEventListener('blur', () => press(false));
  }

  update(state: VirtualBoardState): void {
    if (this.wiring && this.wiring.button !== state.wiring.button && this.pressed) {
      this.pressed = false;
      this.element.classList.remove('pressed');
    }
    this.wiring = state.wiring;
  }
}
