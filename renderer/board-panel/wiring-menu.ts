/**
 * Rewiring a movable part: its pin tag in the drawing opens a small menu of the
 * GPIOs it may move to (not those of the fixed parts or the other movable ones). The
 * choice is remembered for this virtual board by main.
 */
import type { BoardWiring } from '../../preload/contract-types';
import { h } from '../src/ui/dom';
import { WIRABLE_GPIOS } from './pico-pinout';

/** GPIOs the fixed parts use: I2C on GP4/GP5, the analog inputs on GP26–28, the LED on GP25. */
const FIXED = new Set([4, 5, 25, 26, 27, 28]);

export const PART_NAMES: Record<keyof BoardWiring, string> = { button: 'Button', servo: 'Servo', neopixel: 'NeoPixels' };

export class WiringMenu {
  readonly element = h('div', { class: 'wiring-menu', role: 'menu', hidden: true });
  private closeListener: ((event: Event) => void) | null = null;

  constructor(private readonly choose: (wiring: BoardWiring) => void) {}

  open(part: keyof BoardWiring, wiring: BoardWiring, at: { x: number; y: number }): void {
    const taken = new Set(Object.entries(wiring).filter(([name]) => name !== part).map(([, gpio]) => gpio));
    const choices = WIRABLE_GPIOS.filter((gpio) => !FIXED.has(gpio) && !taken.has(gpio));
    this.element.replaceChildren(
      h('div', { class: 'title' }, `${PART_NAMES[part]} is on GP${wiring[part]}. Move it to:`),
      h(
        'div',
        { class: 'choices' },
        ...choices.map((gpio) => {
          const button = h('button', { type: 'button', role: 'menuitemradio', 'aria-checked': String(gpio === wiring[part]), 'data-gpio': String(gpio) }, `GP${gpio}`);
          button.addEventListener('click', () => {
            this.close();
            if (gpio !== wiring[part]) this.choose({ ...wiring, [part]: gpio });
          });
          return button;
        }),
      ),
    );
    this.element.style.left = `${at.x}px`;
    this.element.style.top = `${at.y}px`;
    this.element.hidden = false;
    (this.element.querySelector('[aria-checked="true"]') as HTMLElement | null)?.focus();
    this.closeListener = (event: Event) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !this.element.contains(event.target as Node)) this.close();
    };
    setTimeout(() => {
      document.addEventListener('pointerdown', this.closeListener!);
      document.addEventListener('keydown', this.closeListener!);
    });
  }

  close(): void {
    this.element.hidden = true;
    if (!this.closeListener) return;
    document.removeEventListener('pointerdown', this.closeListener);
    document.removeEventListener('keydown', this.closeListener);
    this.closeListener = null;
  }
}
