/**
 * The wires from the parts to the Pico's pads, redrawn when the wiring changes. The
 * I2C parts share the SDA and SCL lanes, drawn as one bus. A part wired to a pad on
 * the far side of the board runs below it.
 */
import type { BoardWiring } from '../../preload/contract-types';
import { BELOW_BOARD_Y, wirePath, type Terminal } from './layout';
import type { PicoDrawing } from './pico-drawing';
import { s } from './svg';

export interface WireSpec {
  id: string;
  terminal: Terminal;
  /** The side of the board the part sits on. */
  side: 'left' | 'right';
  lane: number;
  colour: string;
  gpio(wiring: BoardWiring): number;
}

export class Wires {
  readonly element = s('g', { class: 'wires' });
  private readonly paths = new Map<string, SVGPathElement>();
  private key = '';

  constructor(
    private readonly pico: PicoDrawing,
    private readonly specs: WireSpec[],
  ) {
    for (const spec of specs) {
      const path = s('path', { class: 'wire', stroke: spec.colour, 'data-wire': spec.id });
      this.paths.set(spec.id, path);
      this.element.append(path);
    }
  }

  update(wiring: BoardWiring): void {
    const key = JSON.stringify(wiring);
    if (key === this.key) return;
    this.key = key;
    for (const spec of this.specs) {
      const pad = this.pico.pad(spec.gpio(wiring));
      const path = this.paths.get(spec.id)!;
      if (!pad) {
        path.removeAttribute('d');
        continue;
      }
      const crossing = pad.side !== spec.side && spec.terminal.via === undefined;
      const terminal = crossing ? { ...spec.terminal, via: BELOW_BOARD_Y + 4 + spec.lane * 4 } : spec.terminal;
      path.setAttribute('d', wirePath(terminal, pad, pad.side, spec.lane));
      path.dataset.gpio = String(spec.gpio(wiring));
    }
  }
}
