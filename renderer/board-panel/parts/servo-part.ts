/**
 * A hobby servo (SG90) on a PWM pin: its horn turns to the angle the pulse width
 * asks for (servo-angle.ts), and its label says the angle.
 */
import type { VirtualBoardState } from '../../../preload/contract-types';
import type { Terminal } from '../layout';
import { servoAngle } from '../servo-angle';
import { s } from '../svg';
import type { BoardPart } from './part';

export class ServoPart implements BoardPart {
  readonly element: SVGGElement;
  readonly terminal: Terminal;
  private readonly horn: SVGGElement;
  private readonly label: SVGTextElement;
  private angle = 90;
  private readonly hub: { x: number; y: number };

  constructor(x: number, y: number) {
    this.hub = { x: x + 30, y: y + 30 };
    this.terminal = { x: x + 118, y: y + 30 };
    this.horn = s(
      'g',
      { class: 'servo-horn' },
      s('path', { d: `M ${this.hub.x - 5} ${this.hub.y} L ${this.hub.x - 3} ${this.hub.y - 34} Q ${this.hub.x} ${this.hub.y - 39} ${this.hub.x + 3} ${this.hub.y - 34} L ${this.hub.x + 5} ${this.hub.y} Z` }),
      s('circle', { cx: this.hub.x, cy: this.hub.y, r: 8 }),
    );
    this.label = s('text', { class: 'part-label', x: x + 4, y: y + 76 }, 'Servo');
    this.element = s(
      'g',
      { class: 'part servo', 'data-part': 'servo' },
      s('rect', { class: 'servo-ear', x: x - 6, y: y + 20, width: 100, height: 20, rx: 3 }),
      s('rect', { class: 'servo-body', x: x + 4, y: y + 10, width: 80, height: 40, rx: 4 }),
      s('text', { class: 'servo-brand', x: x + 60, y: y + 34, 'text-anchor': 'middle' }, 'SG90'),
      s('path', { class: 'servo-cable brown', d: `M ${x + 84} ${y + 26} H ${x + 118}` }),
      s('path', { class: 'servo-cable red', d: `M ${x + 84} ${y + 30} H ${x + 106}` }),
      s('path', { class: 'servo-cable orange', d: `M ${x + 84} ${y + 34} H ${x + 100} V ${y + 30} H ${x + 118}` }),
      this.horn,
      s('circle', { class: 'servo-screw', cx: this.hub.x, cy: this.hub.y, r: 2 }),
      this.label,
    );
    this.turn();
  }

  update(state: VirtualBoardState): void {
    const angle = servoAngle(state.pwm[String(state.wiring.servo)]);
    if (angle !== null && angle !== this.angle) {
      this.angle = angle;
      this.turn();
    }
    this.label.textContent = angle === null ? `Servo ${this.angle.toFixed(0)}° (no signal)` : `Servo ${angle.toFixed(0)}°`;
    this.element.dataset.angle = String(this.angle);
  }

  private turn(): void {
    // 0° points left, 90° up, 180° right.
    this.horn.setAttribute('transform', `rotate(${this.angle - 90} ${this.hub.x} ${this.hub.y})`);
  }
}
