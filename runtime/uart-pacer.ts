/**
 * Paces bytes like a UART at a given baud rate: ten bits per byte (start, eight
 * data, stop). One pacer per direction, since a serial line is full duplex.
 */

/** Bits on the wire per byte at 8N1. */
export const BITS_PER_BYTE = 10;
/** Bytes released per step: small enough to look like a stream, large enough for timers. */
export const PACING_SLICE_BYTES = 64;

export class UartPacer {
  private lineFreeAt = 0;

  constructor(readonly baudRate: number) {}

  /** Milliseconds `count` bytes take on the wire. */
  durationMs(count: number): number {
    return (count * BITS_PER_BYTE * 1000) / this.baudRate;
  }

  /** Books `count` bytes on the line and resolves when the last one has gone out. */
  async transmit(count: number): Promise<void> {
    const now = performance.now();
    const start = Math.max(now, this.lineFreeAt);
    this.lineFreeAt = start + this.durationMs(count);
    const wait = this.lineFreeAt - now;
    if (wait >= 1) await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
