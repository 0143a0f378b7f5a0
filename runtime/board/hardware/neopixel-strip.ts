/**
 * WS2812 ("NeoPixel") strips as they see `machine.bitstream`: each LED takes the first
 * 24 bits that reach it, green, red, blue, most significant bit first, and passes the
 * rest down the strip (WS2812B datasheet, "data transmission method"). A strip keeps
 * its colours until the next frame. Every pin that sent a bitstream has one.
 */

export const NEOPIXEL_COUNT = 8;
/** Bytes per LED on a WS2812: G, R, B. */
const BYTES_PER_LED = 3;
/** Bitstreams to more pins than this are ignored, so a stray program cannot grow the state. */
const MAX_STRIPS = 8;

export class NeoPixelStrips {
  private readonly strips = new Map<number, string[]>();

  /** A frame sent to `pin`; returns false when it changed nothing. */
  receive(pin: number, data: Uint8Array): boolean {
    const isNew = !this.strips.has(pin);
    if (isNew && this.strips.size >= MAX_STRIPS) return false;
    const previous = this.strips.get(pin) ?? Array<string>(NEOPIXEL_COUNT).fill('#000000');
    const colours = [...previous];
    // A short frame updates the first LEDs only; the rest keep their latched colour.
    for (let led = 0; led < NEOPIXEL_COUNT && (led + 1) * BYTES_PER_LED <= data.length; led++) {
      const g = data[led * BYTES_PER_LED]!;
      const r = data[led * BYTES_PER_LED + 1]!;
      const b = data[led * BYTES_PER_LED + 2]!;
      colours[led] = `#${hex(r)}${hex(g)}${hex(b)}`;
    }
    this.strips.set(pin, colours);
    return isNew || colours.some((colour, i) => colour !== previous[i]);
  }

  /** Pin number → the strip's colours as `#rrggbb`. */
  snapshot(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const [pin, colours] of this.strips) out[String(pin)] = [...colours];
    return out;
  }

  reset(): void {
    this.strips.clear();
  }
}

const hex = (byte: number) => byte.toString(16).padStart(2, '0');
