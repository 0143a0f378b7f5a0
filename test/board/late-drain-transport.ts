/**
 * LateDrainTransport: wraps a real transport so that each write settles only after the
 * board's next output has been delivered (or after `maxWaitMs`). That is what a loaded
 * host does with a serial port or pty: the drain callback of a keystroke's write can come
 * after the board's echo and prompt were already read. Code that books a keystroke only
 * once its write resolved then sees the answer before the question.
 */
import { EventEmitter } from 'node:events';
import type { Transport, TransportCloseReason } from '../../main/board/transport';

export class LateDrainTransport extends EventEmitter implements Transport {
  readonly description: string;
  readonly #inner: Transport;
  readonly #maxWaitMs: number;

  constructor(inner: Transport, maxWaitMs = 150) {
    super();
    this.#inner = inner;
    this.#maxWaitMs = maxWaitMs;
    this.description = `${inner.description} (late drain)`;
    inner.on('data', (chunk) => this.emit('data', chunk));
    inner.on('close', (reason: TransportCloseReason) => this.emit('close', reason));
  }

  get isOpen(): boolean {
    return this.#inner.isOpen;
  }

  async write(bytes: Uint8Array): Promise<void> {
    const answered = new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.#inner.off('data', onData);
        resolve();
      };
      // After the listeners that forward the answer: the session has seen it by then.
      const onData = (): void => void setImmediate(done);
      const timer = setTimeout(done, this.#maxWaitMs);
      this.#inner.on('data', onData);
    });
    await this.#inner.write(bytes);
    await answered;
  }

  close(): Promise<void> {
    return this.#inner.close();
  }
}
