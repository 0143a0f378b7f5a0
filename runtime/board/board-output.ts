/**
 * The board's transmit line, worker side. It turns the interpreter's bare `\n` into
 * the `\r\n` a board sends and puts every byte straight into the shared output ring,
 * so the host sees output at once even when a pure computation follows it. A full
 * ring blocks the board, as a full UART transmit buffer would.
 */
import { Ctrl, type SharedChannel } from '../shared-channel';

const LF = 0x0a;
const CR = 0x0d;
/**
 * Traceback lines for the board's own Python plumbing (flash, machine) start so.
 * A board's C code leaves no such frames, so they are taken out of the stream.
 */
const PLUMBING_FRAME = [...Buffer.from('  File "/_vboard/', 'latin1')];

export class BoardOutput {
  private previous = 0;
  private captured: number[] | null = null;
  private swallowing: number[] = [];
  private atLineStart = true;
  private held: number[] = [];
  private droppingLine = false;
  private write: number;
  private readonly control: Int32Array;
  private readonly ring: Uint8Array;

  constructor(
    channel: SharedChannel,
    /** Bytes the ring may hold: small when the link is paced, like a UART's FIFO. */
    private readonly capacity: number,
    /** Called while waiting for the host, so Ctrl-C still gets through. */
    private readonly whileBlocked: () => void,
  ) {
    this.control = channel.control;
    this.ring = channel.outputRing;
    this.write = Atomics.load(this.control, Ctrl.outWrite);
  }

  /** A byte the interpreter printed: cooked, so a lone `\n` goes out as `\r\n`. */
  printed(byte: number): void {
    if (this.swallowing.length > 0) {
      if (this.swallowing[0] === byte) {
        this.swallowing.shift();
        return;
      }
      this.swallowing = [];
    }
    if (this.droppingLine) {
      if (byte === LF) {
        this.droppingLine = false;
        this.atLineStart = true;
      }
      return;
    }
    if (this.atLineStart) {
      this.held.push(byte);
      if (this.held.length <= PLUMBING_FRAME.length && PLUMBING_FRAME[this.held.length - 1] === byte) {
        if (this.held.length === PLUMBING_FRAME.length) {
          this.held = [];
          this.droppingLine = true;
        }
        return;
      }
      const held = this.held;
      this.held = [];
      this.atLineStart = false;
      for (const b of held) this.cook(b);
      return;
    }
    this.cook(byte);
  }

  private cook(byte: number): void {
    if (byte === LF && this.previous !== CR) this.push(CR);
    this.push(byte);
    if (byte === LF) this.atLineStart = true;
  }

  /** Protocol bytes the board itself sends (raw-paste replies): never cooked. */
  sendRaw(bytes: ArrayLike<number>): void {
    for (let i = 0; i < bytes.length; i++) this.push(bytes[i]!);
  }

  sendText(text: string): void {
    this.sendRaw(Buffer.from(text, 'utf8'));
  }

  /** Drops `text` if it is what the interpreter prints next (the raw REPL's `OK` in raw-paste mode). */
  swallow(text: string): void {
    this.swallowing = [...Buffer.from(text, 'latin1')];
  }

  /** Runs `fn` with output diverted into a string, for the REPL's own messages we rewrite. */
  capture(fn: () => void): string {
    const outer = this.captured;
    const mine: number[] = [];
    this.captured = mine;
    try {
      fn();
    } finally {
      this.captured = outer;
    }
    return Buffer.from(mine).toString('latin1');
  }

  private push(byte: number): void {
    this.previous = byte;
    if (this.captured) {
      this.captured.push(byte);
      return;
    }
    const control = this.control;
    for (;;) {
      const read = Atomics.load(control, Ctrl.outRead);
      if (((this.write - read) | 0) < this.capacity) break;
      Atomics.wait(control, Ctrl.outRead, read, 20);
      this.whileBlocked();
    }
    this.ring[(this.write >>> 0) % this.ring.length] = byte;
    this.write = (this.write + 1) | 0;
    Atomics.store(control, Ctrl.outWrite, this.write);
    if (Atomics.load(control, Ctrl.outWaiting) === 1) Atomics.notify(control, Ctrl.outWrite);
  }
}
