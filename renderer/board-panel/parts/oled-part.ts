/**
 * The SSD1306 OLED module: blue board, four header pins, and the 128×64 glass drawn
 * pixel for pixel on a canvas from the board's frame, lit by the contrast setting.
 */
import type { OledState, VirtualBoardState } from '../../../preload/contract-types';
import { h } from '../../src/ui/dom';
import type { Terminal } from '../layout';
import { island, s } from '../svg';
import type { BoardPart } from './part';

const WIDTH = 128;
const HEIGHT = 64;
/** OLED blue-white, the colour of the common modules' pixels. */
const LIT = [170, 225, 255];

export class OledPart implements BoardPart {
  readonly element: SVGGElement;
  readonly canvas: HTMLCanvasElement;
  /** Where SDA and SCL leave the module. */
  readonly sda: Terminal;
  readonly scl: Terminal;
  private readonly image: ImageData;
  private lastFrame = '';

  constructor(x: number, y: number) {
    this.canvas = h('canvas', { class: 'oled-glass', width: String(WIDTH), height: String(HEIGHT), 'data-part': 'oled' });
    const context = this.canvas.getContext('2d')!;
    this.image = context.createImageData(WIDTH, HEIGHT);
    const pins = ['GND', 'VCC', 'SCL', 'SDA'];
    const pinX = (i: number) => x + 116 + i * 16;
    this.scl = { x: pinX(2), y: y + 148, via: y + 166 };
    this.sda = { x: pinX(3), y: y + 148, via: y + 160 };
    this.element = s(
      'g',
      { class: 'part oled' },
      s('rect', { class: 'module-pcb blue', x, y, width: 200, height: 150, rx: 6 }),
      ...[
        [x + 8, y + 8],
        [x + 192, y + 8],
        [x + 8, y + 142],
        [x + 192, y + 142],
      ].map(([cx, cy]) => s('circle', { class: 'mount-hole', cx, cy, r: 4 })),
      s('rect', { class: 'oled-frame', x: x + 6, y: y + 18, width: 188, height: 104, rx: 3 }),
      island(x + 10, y + 25, 180, 90, this.canvas),
      ...pins.map((name, i) =>
        s('g', {}, s('circle', { class: 'header-hole', cx: pinX(i), cy: y + 140, r: 3.5 }), s('text', { class: 'silk tiny', x: pinX(i), y: y + 132, 'text-anchor': 'middle' }, name)),
      ),
      s('text', { class: 'silk tiny', x: x + 10, y: y + 136 }, 'SSD1306 · I2C 0x3C'),
    );
    this.draw(null);
  }

  update(state: VirtualBoardState): void {
    const key = state.oled ? `${state.oled.on}|${state.oled.contrast}|${state.oled.frame}` : '';
    if (key === this.lastFrame) return;
    this.lastFrame = key;
    this.draw(state.oled);
  }

  private draw(oled: OledState | null): void {
    const data = this.image.data;
    const frame = oled?.on ? Uint8Array.from(atob(oled.frame), (c) => c.charCodeAt(0)) : null;
    // Contrast dims the pixels, but a display at contrast 0 is still faintly visible.
    const level = oled ? 0.35 + (0.65 * oled.contrast) / 255 : 0;
    for (let y = 0; y < HEIGHT; y++) {
      for (let x = 0; x < WIDTH; x++) {
        const lit = frame !== null && ((frame[y * 16 + (x >> 3)]! >> (7 - (x & 7))) & 1) === 1;
        const i = (y * WIDTH + x) * 4;
        data[i] = lit ? Math.round(LIT[0]! * level) : 8;
        data[i + 1] = lit ? Math.round(LIT[1]! * level) : 10;
        data[i + 2] = lit ? Math.round(LIT[2]! * level) : 14;
        data[i + 3] = 255;
      }
    }
    this.canvas.getContext('2d')!.putImageData(this.image, 0, 0);
    this.canvas.dataset.on = String(Boolean(oled?.on));
  }
}
