/**
 * The board's receive line, worker side: bytes from the host's ring land in a local
 * queue that the REPL and `sys.stdin` read. While user code runs, a Ctrl-C byte is
 * taken out of the stream and turned into KeyboardInterrupt, as a board's UART
 * interrupt handler does.
 */
import { Ctrl, drainInput, type SharedChannel } from '../shared-channel';

const CTRL_C = 0x03; // interrupt character
/** Like a UART's receive buffer overflowing: past this, bytes are dropped. */
const QUEUE_LIMIT = 8 * 1024 * 1024;

export class BoardInput {
  private buffer = new Uint8Array(4096);
  private head = 0;
  private tail = 0;
  private pendingCtrlC = 0;
  private lastSignal = 0;

  constructor(
    private readonly channel: SharedChannel,
    /** True while running code would take Ctrl-C as an interrupt. */
    private readonly interruptible: () => boolean,
    /** Schedules KeyboardInterrupt in the running code. */
    private readonly interrupt: () => void,
  ) {}

  /** Moves new bytes from the host into the queue and acts on Ctrl-C. Cheap when nothing changed. */
  poll(): void {
    const control = this.channel.control;
    Atomics.add(control, Ctrl.heartbeat, 1);
    if (Atomics.load(control, Ctrl.inWrite) !== Atomics.load(control, Ctrl.inRead)) {
      this.append(drainInput(this.channel));
    }
    if (this.pendingCtrlC > 0 && this.interruptible()) {
      this.removeFirstCtrlC();
      this.interrupt();
    }
  }

  get size(): number {
    return this.tail - this.head;
  }

  /** The next byte, or undefined when the queue is empty. */
  take(): number | undefined {
    if (this.head === this.tail) return undefined;
    const byte = this.buffer[this.head++]!;
    if (byte === CTRL_C) this.pendingCtrlC--;
    return byte;
  }

  /** Copies up to `target.length` queued bytes into `target`. */
  takeInto(target: Uint8Array): number {
    const count = Math.min(target.length, this.size);
    target.set(this.buffer.subarray(this.head, this.head + count));
    for (let i = 0; i < count; i++) if (target[i] === CTRL_C) this.pendingCtrlC--;
    this.head += count;
    return count;
  }

  /**
   * Blocks until the host signals (new bytes, changed hardware) or `timeoutMs`
   * passes. Returns at once when something arrived since the last wait.
   */
  waitForSignal(timeoutMs: number): void {
    const control = this.channel.control;
    const signal = Atomics.load(control, Ctrl.signal);
    if (signal === this.lastSignal && timeoutMs > 0) {
      Atomics.wait(control, Ctrl.signal, signal, timeoutMs);
    }
    this.lastSignal = Atomics.load(control, Ctrl.signal);
  }

  private append(bytes: Uint8Array): void {
    if (this.size + bytes.length > QUEUE_LIMIT) bytes = bytes.subarray(0, Math.max(0, QUEUE_LIMIT - this.size));
    if (this.tail + bytes.length > this.buffer.length) {
      const live = this.buffer.subarray(this.head, this.tail);
      const capacity = Math.max(this.buffer.length, (live.length + bytes.length) * 2);
      const next = capacity > this.buffer.length ? new Uint8Array(capacity) : this.buffer;
      next.set(live, 0);
      this.buffer = next;
      this.tail = live.length;
      this.head = 0;
    }
    this.buffer.set(bytes, this.tail);
    this.tail += bytes.length;
    for (const byte of bytes) if (byte === CTRL_C) this.pendingCtrlC++;
  }

  private removeFirstCtrlC(): void {
    const index = this.buffer.indexOf(CTRL_C, this.head);
    if (index < 0 || index >= this.tail) return;
    this.buffer.copyWithin(index, index + 1, this.tail);
    this.tail--;
    this.pendingCtrlC--;
  }
}
