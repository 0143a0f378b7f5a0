/**
 * A queue of bytes arriving from the board that protocol code can wait on: "read until
 * this text", "read what has come", each with a timeout and an abort signal. When the
 * link closes, every waiter rejects at once with the close error.
 */
import { BoardDisconnectedError, BoardTimeoutError } from './errors';

export interface WaitOptions {
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  /** Message for the timeout error. */
  what?: string;
}

type Waiter = () => void;

export class IncomingBytes {
  #buffer = new Uint8Array(0);
  #waiters = new Set<Waiter>();
  #closedWith: Error | null = null;

  get length(): number {
    return this.#buffer.length;
  }

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    const next = new Uint8Array(this.#buffer.length + chunk.length);
    next.set(this.#buffer);
    next.set(chunk, this.#buffer.length);
    this.#buffer = next;
    this.#wake();
  }

  /** Puts bytes back at the front (the unread tail of a response). */
  unshift(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    const next = new Uint8Array(this.#buffer.length + bytes.length);
    next.set(bytes);
    next.set(this.#buffer, bytes.length);
    this.#buffer = next;
    this.#wake();
  }

  /** Marks the link closed: all current and future waits reject with `error`. */
  close(error: Error): void {
    this.#closedWith = error;
    this.#wake();
  }

  /** Drops and returns everything buffered. */
  drain(): Uint8Array {
    const all = this.#buffer;
    this.#buffer = new Uint8Array(0);
    return all;
  }

  /** Resolves with everything buffered once at least one byte is there. */
  async readSome(options: WaitOptions): Promise<Uint8Array> {
    await this.#waitFor(() => this.#buffer.length > 0, options);
    return this.drain();
  }

  /** Resolves with the bytes up to and including `pattern`; the rest stays buffered. */
  async readUntil(pattern: string | Uint8Array, options: WaitOptions): Promise<Uint8Array> {
    const needle = typeof pattern === 'string' ? new TextEncoder().encode(pattern) : pattern;
    let end = -1;
    await this.#waitFor(() => {
      end = indexOf(this.#buffer, needle);
      return end >= 0;
    }, options);
    const upTo = end + needle.length;
    const out = this.#buffer.slice(0, upTo);
    this.#buffer = this.#buffer.slice(upTo);
    return out;
  }

  /** Resolves with exactly `count` bytes. */
  async readExactly(count: number, options: WaitOptions): Promise<Uint8Array> {
    await this.#waitFor(() => this.#buffer.length >= count, options);
    const out = this.#buffer.slice(0, count);
    this.#buffer = this.#buffer.slice(count);
    return out;
  }

  #wake(): void {
    for (const waiter of [...this.#waiters]) waiter();
  }

  #waitFor(ready: () => boolean, options: WaitOptions): Promise<void> {
    if (ready()) return Promise.resolve();
    if (this.#closedWith) return Promise.reject(this.#closedWith);
    if (options.signal?.aborted) return Promise.reject(abortReason(options.signal));
    return new Promise<void>((resolve, reject) => {
      const finish = (error?: Error): void => {
        clearTimeout(timer);
        this.#waiters.delete(check);
        options.signal?.removeEventListener('abort', onAbort);
        if (error) reject(error);
        else resolve();
      };
      const check: Waiter = () => {
        if (ready()) finish();
        else if (this.#closedWith) finish(this.#closedWith);
      };
      const onAbort = (): void => finish(abortReason(options.signal as AbortSignal));
      const timer = setTimeout(
        () => finish(new BoardTimeoutError(options.what ?? `The board did not answer within ${options.timeoutMs} ms.`)),
        options.timeoutMs,
      );
      this.#waiters.add(check);
      options.signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
}

function abortReason(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError');
}

export function indexOf(haystack: Uint8Array, needle: Uint8Array, from = 0): number {
  if (needle.length === 0) return from;
  const first = needle[0];
  outer: for (let i = haystack.indexOf(first as number, from); i >= 0 && i <= haystack.length - needle.length; i = haystack.indexOf(first as number, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

export const disconnected = (cause?: unknown): BoardDisconnectedError => new BoardDisconnectedError(undefined, cause);
