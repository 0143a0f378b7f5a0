/**
 * LaggingBoard: sits between a socat pty end and a ScriptedRawPastePeer and plays the
 * two timings of a board on a loaded machine that issue 10 (defect 5) met:
 * - `startLoop()`: a REPL loop printing `>>> raw REPL; CTRL-B to exit\r\n>` that takes
 *   `lagMs` to notice Ctrl-C; everything sent meanwhile waits, as in a board's UART buffer.
 * - `stallAnswers()`: the next answers come late (the first after `firstMs`, then one
 *   every `gapMs`), so the host resends Ctrl-D and an extra answer arrives afterwards.
 */
import { EventEmitter } from 'node:events';
import type { Transport } from '../../main/board/transport';
import { ScriptedRawPastePeer, type PeerOptions } from './scripted-raw-paste-peer';

const LOOP_TEXT = '>>> raw REPL; CTRL-B to exit\r\n>\r\n';
const INTERRUPTED = 'Traceback (most recent call last):\r\n  File "<stdin>", line 1, in <module>\r\nKeyboardInterrupt: \r\n>>> ';

/** The side of the link the scripted peer sees: writes pass through `LaggingBoard`. */
class PeerSide extends EventEmitter {
  readonly description = 'lagging board (scripted)';
  readonly isOpen = true;
  constructor(private readonly send: (bytes: Uint8Array) => void) {
    super();
  }
  async write(bytes: Uint8Array): Promise<void> {
    this.send(bytes);
  }
  async close(): Promise<void> {}
}

export class LaggingBoard {
  readonly peer: ScriptedRawPastePeer;
  readonly #link: Transport;
  readonly #side: PeerSide;
  #loop: NodeJS.Timeout | null = null;
  #held: number[] = [];
  #interruptScheduled = false;
  /** Peer writes waiting to be released, in order, one every `gapMs`. */
  #stall: { queue: Uint8Array[]; gapMs: number; left: number } | null = null;

  constructor(link: Transport, options: PeerOptions & { lagMs: number }) {
    this.#link = link;
    this.#side = new PeerSide((bytes) => this.#fromPeer(bytes));
    this.peer = new ScriptedRawPastePeer(this.#side as unknown as Transport, options);
    link.on('data', (chunk) => {
      if (!this.#loop) return void this.#side.emit('data', chunk);
      this.#held.push(...chunk);
      if (this.#held.includes(0x03) && !this.#interruptScheduled) {
        this.#interruptScheduled = true;
        setTimeout(() => this.#interrupt(), options.lagMs);
      }
    });
  }

  startLoop(): void {
    this.#interruptScheduled = false;
    this.#loop = setInterval(() => void this.#link.write(Buffer.from(LOOP_TEXT)).catch(() => undefined), 5);
  }

  /**
   * Holds the peer's writes: the first until `firstMs` from now, then one every `gapMs`,
   * in order, until `count` have gone and nothing more is waiting.
   */
  stallAnswers(count: number, firstMs: number, gapMs: number): void {
    const stall = { queue: [] as Uint8Array[], gapMs, left: count };
    this.#stall = stall;
    const release = (): void => {
      const next = stall.queue.shift();
      if (next) {
        stall.left--;
        void this.#link.write(next).catch(() => undefined);
      }
      if (stall.left <= 0 && stall.queue.length === 0) this.#stall = null;
      else setTimeout(release, stall.gapMs);
    };
    setTimeout(release, firstMs);
  }

  #interrupt(): void {
    if (this.#loop) clearInterval(this.#loop);
    this.#loop = null;
    const afterCtrlC = this.#held.slice(this.#held.indexOf(0x03) + 1);
    this.#held = [];
    void this.#link.write(Buffer.from(INTERRUPTED)).then(() => {
      if (afterCtrlC.length > 0) this.#side.emit('data', Uint8Array.from(afterCtrlC));
    });
  }

  #fromPeer(bytes: Uint8Array): void {
    if (this.#stall) this.#stall.queue.push(bytes.slice());
    else void this.#link.write(bytes).catch(() => undefined);
  }
}
