/**
 * A strip of 8 WS2812 NeoPixels: each LED shows the colour the last bitstream on
 * its data pin gave it, brighter colours glowing more.
 */
import type { VirtualBoardState } from '../../../preload/contract-types';
import type { Terminal } from '../layout';
import { s } from '../svg';
import type { BoardPart } from './part';

const COUNT = 8;
const PITCH = 32;

export class NeoPixelPart implements BoardPart {
  readonly element: SVGGElement;
  readonly terminal: Terminal;
  private readonly leds: Array<{ lens: SVGCircleElement; glow: SVGCircleElement; colour: string }> = [];

  constructor(x: number, y: number, via: number) {
    this.terminal = { x: x + 10, y, via };
    this.element = s('g', { class: 'part neopixels', 'data-part': 'neopixels' }, s('rect', { class: 'strip-pcb', x, y, width: COUNT * PITCH + 14, height: 40, rx: 4 }));
    this.element.append(s('text', { class: 'silk tiny', x: x + 4, y: y + 37 }, 'DIN'), s('text', { class: 'silk tiny', x: x + COUNT * PITCH + 10, y: y + 37, 'text-anchor': 'end' }, 'WS2812 × 8'));
    for (let i = 0; i < COUNT; i++) {
      const cx = x + 23 + i * PITCH;
      const glow = s('circle', { class: 'neo-glow', cx, cy: y + 18, r: 15 });
      const lens = s('circle', { class: 'neo-lens', cx, cy: y + 18, r: 7, 'data-index': i, fill: '#000000' });
      this.element.append(s('rect', { class: 'neo-package', x: cx - 11, y: y + 7, width: 22, height: 22, rx: 2 }), glow, lens);
      this.leds.push({ lens, glow, colour: '#000000' });
    }
  }

  update(state: VirtualBoardState): void {
    const colours = state.neopixels[String(state.wiring.neopixel)];
    this.leds.forEach((led, i) => {
      const colour = colours?.[i] ?? '#000000';
      if (colour === led.colour) return;
      led.colour = colour;
      led.lens.dataset.colour = colour;
      const channels = [1, 3, 5].map((k) => parseInt(colour.slice(k, k + 2), 16));
      const peak = Math.max(...channels);
      // The eye sees a dim LED as much brighter than its duty: show the hue, lit by the square root.
      const shown = peak === 0 ? '#1b1b1b' : `rgb(${channels.map((c) => Math.round((c / peak) * 255 * (0.35 + 0.65 * Math.sqrt(peak / 255)))).join(',')})`;
      led.lens.setAttribute('fill', shown);
      led.glow.setAttribute('fill', shown);
      led.glow.style.opacity = Math.sqrt(peak / 255).toFixed(2);
    });
  }
}
