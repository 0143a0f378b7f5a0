/**
 * Where things sit in the drawing (SVG user units), so the board, the parts and the
 * wires between them agree: the Pico in the middle, the OLED above it, sensors and
 * the button on the left, analog parts on the right, servo and NeoPixels below.
 */
import type { HeaderPin } from './pico-pinout';

export const VIEW = { width: 440, height: 704 };
export const BOARD = { x: 145, y: 238, width: 150, height: 330 };
const FIRST_ROW_Y = BOARD.y + 26;
export const ROW_PITCH = 15;
const PAD_INSET = 7;

/** The centre of a header pin's pad. */
export function padPosition(pin: Pick<HeaderPin, 'side' | 'row'>): { x: number; y: number } {
  return {
    x: pin.side === 'left' ? BOARD.x + PAD_INSET : BOARD.x + BOARD.width - PAD_INSET,
    y: FIRST_ROW_Y + pin.row * ROW_PITCH,
  };
}

/** Where a wire leaves a part; `via` is a height the wire first runs to (around the board). */
export interface Terminal {
  x: number;
  y: number;
  via?: number;
}

/**
 * A wire from a part's terminal to a pad, in right angles: out to its own lane beside
 * the board (lanes keep parallel wires apart), along it, then into the pad.
 */
export function wirePath(from: Terminal, pad: { x: number; y: number }, side: 'left' | 'right', lane: number): string {
  const laneX = side === 'left' ? BOARD.x - 8 - lane * 6 : BOARD.x + BOARD.width + 8 + lane * 6;
  const start = `M ${from.x} ${from.y}`;
  const via = from.via !== undefined ? ` V ${from.via}` : '';
  return `${start}${via} H ${laneX} V ${pad.y} H ${pad.x}`;
}

/** Below the board: where wires from the bottom parts run across. */
export const BELOW_BOARD_Y = BOARD.y + BOARD.height + 14;
