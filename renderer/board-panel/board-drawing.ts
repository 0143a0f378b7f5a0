/**
 * The whole drawing: the Pico, its parts and the wires between them, as one SVG that
 * scales with the panel. Each part follows the board's state; the movable parts'
 * pin tags open the wiring menu.
 */
import type { BoardWiring, VirtualBoardState } from '../../preload/contract-types';
import { VIEW } from './layout';
import { Aht20Part } from './parts/aht20-part';
import { LightSensorPart, PotentiometerPart } from './parts/analog-parts';
import { ButtonPart } from './parts/button-part';
import { NeoPixelPart } from './parts/neopixel-part';
import { OledPart } from './parts/oled-part';
import type { BoardPart, VirtualApi } from './parts/part';
import { ServoPart } from './parts/servo-part';
import { PicoDrawing } from './pico-drawing';
import { s } from './svg';
import { Wires } from './wires';

const WIRE_COLOURS = { sda: '#2f7de1', scl: '#e8b400', button: '#2e9d4b', servo: '#f08a24', neopixel: '#13a8a8', pot: '#8e5bd6', light: '#d6548f' };

export class BoardDrawing {
  readonly element: SVGSVGElement;
  readonly oled: OledPart;
  private readonly parts: BoardPart[];
  private readonly pico = new PicoDrawing();
  private readonly wires: Wires;
  private readonly tags = new Map<keyof BoardWiring, SVGTextElement>();

  constructor(api: VirtualApi, openWiring: (part: keyof BoardWiring, anchor: Element) => void) {
    this.oled = new OledPart(120, 24);
    const aht20 = new Aht20Part(24, 292, api);
    const button = new ButtonPart(24, 470, api);
    const servo = new ServoPart(16, 588);
    const light = new LightSensorPart(330, 300, api);
    const pot = new PotentiometerPart(330, 404, api);
    const neopixels = new NeoPixelPart(150, 628, 586);
    this.parts = [this.pico, this.oled, aht20, button, servo, light, pot, neopixels];
    this.wires = new Wires(this.pico, [
      { id: 'oled-sda', terminal: this.oled.sda, side: 'left', lane: 0, colour: WIRE_COLOURS.sda, gpio: () => 4 },
      { id: 'oled-scl', terminal: this.oled.scl, side: 'left', lane: 1, colour: WIRE_COLOURS.scl, gpio: () => 5 },
      { id: 'aht20-sda', terminal: aht20.sda, side: 'left', lane: 0, colour: WIRE_COLOURS.sda, gpio: () => 4 },
      { id: 'aht20-scl', terminal: aht20.scl, side: 'left', lane: 1, colour: WIRE_COLOURS.scl, gpio: () => 5 },
      { id: 'button', terminal: button.terminal, side: 'left', lane: 2, colour: WIRE_COLOURS.button, gpio: (w) => w.button },
      { id: 'servo', terminal: servo.terminal, side: 'left', lane: 3, colour: WIRE_COLOURS.servo, gpio: (w) => w.servo },
      { id: 'light', terminal: light.terminal, side: 'right', lane: 0, colour: WIRE_COLOURS.light, gpio: () => 27 },
      { id: 'pot', terminal: pot.terminal, side: 'right', lane: 1, colour: WIRE_COLOURS.pot, gpio: () => 26 },
      { id: 'neopixel', terminal: neopixels.terminal, side: 'right', lane: 2, colour: WIRE_COLOURS.neopixel, gpio: (w) => w.neopixel },
    ]);
    const tag = (part: keyof BoardWiring, x: number, y: number) => {
      const text = s('text', { class: 'wire-tag', x, y, tabindex: 0, role: 'button', 'data-wiring': part, 'aria-haspopup': 'menu' });
      text.append(s('title', {}, 'Wire it to another pin'));
      const open = () => openWiring(part, text);
      text.addEventListener('click', open);
      text.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          open();
        }
      });
      this.tags.set(part, text);
      return text;
    };
    this.element = s(
      'svg',
      { class: 'board-drawing', viewBox: `0 0 ${VIEW.width} ${VIEW.height}`, role: 'img', 'aria-label': 'The virtual board and its parts' },
      s('defs', {}, s('filter', { id: 'glow', x: '-50%', y: '-50%', width: '200%', height: '200%' }, s('feGaussianBlur', { stdDeviation: 4 }))),
      s('rect', { class: 'breadboard', x: 0, y: 0, width: VIEW.width, height: VIEW.height, rx: 8 }),
      this.pico.element,
      ...this.parts.filter((part) => part !== this.pico).map((part) => part.element),
      this.wires.element,
      s('text', { class: 'fixed-tag', x: 122, y: 16 }, 'I2C0: SDA GP4 · SCL GP5'),
      s('text', { class: 'fixed-tag', x: 430, y: 296, 'text-anchor': 'end' }, 'GP27 (ADC1)'),
      s('text', { class: 'fixed-tag', x: 430, y: 400, 'text-anchor': 'end' }, 'GP26 (ADC0)'),
      tag('button', 24, 538),
      tag('servo', 16, 680),
      tag('neopixel', 150, 696),
    );
  }

  update(state: VirtualBoardState): void {
    for (const part of this.parts) part.update(state);
    this.wires.update(state.wiring);
    for (const [part, text] of this.tags) {
      const label = `${part === 'neopixel' ? 'DIN' : part === 'servo' ? 'signal' : 'to'} GP${state.wiring[part]} ▾`;
      if (text.firstChild?.nodeType === Node.TEXT_NODE) text.firstChild.textContent = label;
      else text.prepend(label);
    }
  }
}
