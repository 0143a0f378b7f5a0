/**
 * The AHT20 temperature and humidity sensor on the I2C bus (0x38), with a slider for
 * each: the driver's next measurement reads what they say. Until moved, the room's
 * own slow drift applies.
 */
import type { VirtualBoardState } from '../../../preload/contract-types';
import type { Terminal } from '../layout';
import { s } from '../svg';
import type { BoardPart, VirtualApi } from './part';
import { Slider } from './slider';

export class Aht20Part implements BoardPart {
  readonly element: SVGGElement;
  readonly sda: Terminal;
  readonly scl: Terminal;
  private readonly temperature: Slider;
  private readonly humidity: Slider;

  constructor(x: number, y: number, api: VirtualApi) {
    this.sda = { x: x + 62, y: y + 20 };
    this.scl = { x: x + 62, y: y + 32 };
    this.temperature = new Slider({
      x: x - 8, y: y + 54, width: 112, label: 'Temp', min: -10, max: 50, step: 0.5,
      format: (v) => `${v.toFixed(1)} °C`, autoLabel: 'room', onInput: (v) => void api.setSensor('temperature', v),
    });
    this.humidity = new Slider({
      x: x - 8, y: y + 80, width: 112, label: 'Hum', min: 0, max: 100, step: 1,
      format: (v) => `${v.toFixed(0)} %`, autoLabel: 'room', onInput: (v) => void api.setSensor('humidity', v),
    });
    this.element = s(
      'g',
      { class: 'part aht20', 'data-part': 'aht20' },
      s('rect', { class: 'module-pcb purple', x, y, width: 62, height: 50, rx: 4 }),
      s('rect', { class: 'sensor-chip', x: x + 8, y: y + 12, width: 18, height: 18, rx: 2 }),
      s('circle', { class: 'sensor-vent', cx: x + 17, cy: y + 21, r: 3 }),
      ...['VIN', 'SDA', 'SCL', 'GND'].map((name, i) =>
        s('g', {}, s('circle', { class: 'header-hole', cx: x + 56, cy: y + 8 + i * 12, r: 3 }), s('text', { class: 'silk tiny', x: x + 50, y: y + 10 + i * 12, 'text-anchor': 'end' }, name)),
      ),
      s('text', { class: 'silk tiny', x: x + 4, y: y + 44 }, 'AHT20 0x38'),
      this.temperature.element,
      this.humidity.element,
    );
  }

  update(state: VirtualBoardState): void {
    this.temperature.set(state.temperature, 22.5);
    this.humidity.set(state.humidity, 45);
  }
}
