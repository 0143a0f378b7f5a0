/**
 * The two analog inputs: a potentiometer (its knob turns with the slider) and a
 * light-dependent resistor. `ADC.read_u16()` reads the slider's value at once; the
 * light follows a one-minute day until the slider is moved.
 */
import type { VirtualBoardState } from '../../../preload/contract-types';
import type { Terminal } from '../layout';
import { s } from '../svg';
import type { BoardPart, VirtualApi } from './part';
import { Slider } from './slider';

export class PotentiometerPart implements BoardPart {
  readonly element: SVGGElement;
  readonly terminal: Terminal;
  private readonly pointer: SVGLineElement;
  private readonly slider: Slider;
  private readonly centre: { x: number; y: number };

  constructor(x: number, y: number, api: VirtualApi) {
    this.centre = { x: x + 44, y: y + 24 };
    this.terminal = { x, y: y + 24 };
    this.pointer = s('line', { class: 'knob-pointer', x1: this.centre.x, y1: this.centre.y, x2: this.centre.x, y2: this.centre.y - 14 });
    this.slider = new Slider({
      x: x - 6, y: y + 50, width: 112, label: 'Pot', min: 0, max: 65535, step: 1,
      format: (v) => String(Math.round(v)), onInput: (v) => void api.setPotentiometer(Math.round(v)),
    });
    this.element = s(
      'g',
      { class: 'part potentiometer', 'data-part': 'potentiometer' },
      s('rect', { class: 'pot-body', x: x + 20, y: y + 2, width: 48, height: 44, rx: 4 }),
      s('line', { class: 'leg', x1: x, y1: y + 24, x2: x + 20, y2: y + 24 }),
      s('circle', { class: 'knob', cx: this.centre.x, cy: this.centre.y, r: 17 }),
      this.pointer,
      s('text', { class: 'part-label', x: x + 74, y: y + 20 }, '10 kΩ'),
      this.slider.element,
    );
  }

  update(state: VirtualBoardState): void {
    this.slider.set(state.potentiometer, state.potentiometer);
    // A 270° pot: −135° at 0, +135° at 65535.
    const degrees = -135 + (state.potentiometer / 65535) * 270;
    this.pointer.setAttribute('transform', `rotate(${degrees.toFixed(1)} ${this.centre.x} ${this.centre.y})`);
  }
}

export class LightSensorPart implements BoardPart {
  readonly element: SVGGElement;
  readonly terminal: Terminal;
  private readonly slider: Slider;
  private readonly face: SVGCircleElement;

  constructor(x: number, y: number, api: VirtualApi) {
    this.terminal = { x, y: y + 20 };
    this.face = s('circle', { class: 'ldr-face', cx: x + 40, cy: y + 20, r: 14 });
    this.slider = new Slider({
      x: x - 6, y: y + 40, width: 112, label: 'Light', min: 0, max: 65535, step: 1,
      format: (v) => `${Math.round((v / 65535) * 100)} %`, autoLabel: 'day', onInput: (v) => void api.setSensor('light', Math.round(v)),
    });
    this.element = s(
      'g',
      { class: 'part light-sensor', 'data-part': 'light' },
      s('line', { class: 'leg', x1: x, y1: y + 20, x2: x + 26, y2: y + 20 }),
      this.face,
      s('path', { class: 'ldr-track', d: `M ${x + 31} ${y + 14} h 18 v 4 h -18 v 4 h 18 v 4 h -18` }),
      s('text', { class: 'part-label', x: x + 60, y: y + 24 }, 'LDR'),
      this.slider.element,
    );
  }

  update(state: VirtualBoardState): void {
    this.slider.set(state.light, 32768);
    const brightness = state.light === null ? 0.5 : state.light / 65535;
    this.face.style.setProperty('--light', brightness.toFixed(2));
  }
}
