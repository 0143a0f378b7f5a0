/**
 * A queue of bytes arriving from the board that protocol code can wait on: "read until
 * this text", "read what has come", each with a timeout and an abort signal. When the
 * link closes, every waiter rejects at once with the close error.
 *
 * The queue is a list of chunks with a cap. A board that floods (a program printing
 * in a tight loop while nobody reads, line noise at full speed) cannot grow it without
 * bound: past the cap the oldest bytes are dropped, counted in `dropped`, and reported
 * to `onOverflow`. Waiting for a prompt still works after a drop (a prompt comes last);
 * protocol code that needs every byte compares `dropped` before and after.
 */
import { BoardDisconnectedError, BoardTimeoutError } from './errors';

export interface WaitOptions {
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  /** Message for the timeout error. */
  what?: string;
}

export interface IncomingBytesOptions {
  /** The most bytes kept unread; 1 MiB by default, far above any prompt or banner wait. */
  capBytes?: number;
  /** Told each time bytes are dropped: how many this time, and in total. */
  onOverflow?: (droppedNow: number, droppedTotal: number) => void;
}

/** Far more than anything the protocol waits for (banners, prompts, one raw-paste grant). */
export const DEFAULT_INCOMING_CAP = 1024 * 1024;

type Waiter = () => void;

export class IncomingBytes {
  #chunks: Uint8Array[] = [];
  /** Bytes of `#chunks[0]` already read. */
  #head = 0;
  #length = 0;
  /** Stream offset of the first unread byte: bytes read or dropped so far. */
  #consumed = 0;
  #dropped = 0;
  #waiters = new Set<Waiter>();
  #closedWith: Error | null = null;
  readonly #cap: number;
  readonly #onOverflow: IncomingBytesOptions['onOverflow'];

  constructor(options: IncomingBytesOptions = {}) {
    this.#cap = options.capBytes ?? DEFAULT_INCOMING_CAP;
    this.#onOverflow = options.onOverflow;
  }

  get length(): number {
    return this.#length;
  }

  /** Bytes dropped so far because nobody read them before the cap was reached. */
  get dropped(): number {
    return this.#dropped;
  }

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    // A copy: the transport may reuse its buffer.
    this.#chunks.push(chunk.slice());
    this.#length += chunk.length;
    // Waiters look first, so a prompt inside this very chunk is found before any drop.
    this.#wake();
    if (this.#length > this.#cap) this.#dropOldest(this.#length - this.#cap);
  }

  /** Puts bytes back at the front (the unread tail of a response). */
  unshift(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.#compactHead();
    this.#chunks.unshift(bytes.slice());
    this.#length += bytes.length;
    this.#consumed -= bytes.length;
    this.#wake();
  }

  /** Marks the link closed: all current and future waits reject with `error`. */
  close(error: Error): void {
    this.#closedWith = error;
    this.#wake();
  }

  /** Drops and returns everything buffered. */
  drain(): Uint8Array {
    return this.#take(this.#length);
  }

  /** Resolves with everything buffered once at least one byte is there. */
  readSome(options: WaitOptions): Promise<Uint8Array> {
    return this.#waitFor(() => (this.#length > 0 ? this.drain() : undefined), options);
  }

  /** Resolves with the bytes up to and including `pattern`; the rest stays buffered. */
  readUntil(pattern: string | Uint8Array, options: WaitOptions): Promise<Uint8Array> {
    const needle = typeof pattern === 'string' ? new TextEncoder().encode(pattern) : pattern;
    // Only bytes not yet searched are searched again (plus an overlap for a split match),
    // so a long wait on a busy link stays linear in what arrives.
    let searchedTo = this.#consumed;
    return this.#waitFor(() => {
      const from = Math.max(this.#consumed, searchedTo - needle.length + 1);
      const region = this.#copy(from - this.#consumed, this.#length);
      searchedTo = this.#consumed + this.#length;
      const at = indexOf(region, needle);
      return at < 0 ? undefined : this.#take(from - this.#consumed + at + needle.length);
    }, options);
  }

  /** Resolves with exactly `count` bytes. */
  readExactly(count: number, options: WaitOptions): Promise<Uint8Array> {
    return this.#waitFor(() => (this.#length >= count ? this.#take(count) : undefined), options);
  }

  /** Copies the unread bytes [start, end) without consuming them. */
  #copy(start: number, end: number): Uint8Array {
    const out = new Uint8Array(Math.max(0, end - start));
    let position = -this.#head; // Offset of the current chunk's byte 0 among the unread bytes.
    let written = 0;
    for (const chunk of this.#chunks) {
      const chunkEnd = position + chunk.length;
      if (chunkEnd > start && position < end) {
        const from = Math.max(start, position) - position;
        const to = Math.min(end, chunkEnd) - position;
        out.set(chunk.subarray(from, to), written);
        written += to - from;
      }
      position = chunkEnd;
      if (position >= end) break;
    }
    return out;
  }

  /** Removes and returns the first `count` unread bytes. */
  #take(count: number): Uint8Array {
    const out = this.#copy(0, count);
    this.#discard(count);
    return out;
  }

  #discard(count: number): void {
    let left = count;
    while (left > 0 && this.#chunks.length > 0) {
      const first = this.#chunks[0] as Uint8Array;
      const available = first.length - this.#head;
      if (available <= left) {
        this.#chunks.shift();
        this.#head = 0;
        left -= available;
      } else {
        this.#head += left;
        left = 0;
      }
    }
    const removed = count - left;
    this.#length -= removed;
    this.#consumed += removed;
  }

  #dropOldest(count: number): void {
    this.#discard(count);
    this.#dropped += count;
    this.#onOverflow?.(count, this.#dropped);
  }

  /** Makes the first chunk start at its first unread byte (before putting bytes in front of it). */
  #compactHead(): void {
    if (this.#head === 0 || this.#chunks.length === 0) return;
    this.#chunks[0] = (this.#chunks[0] as Uint8Array).slice(this.#head);
    this.#head = 0;
  }

  #wake(): void {
    for (const waiter of [...this.#waiters]) waiter();
  }

  /** Waits until `attempt` returns a value; it runs at once and after every change. */
  #waitFor<T>(attempt: () => T | undefined, options: WaitOptions): Promise<T> {
    const now = attempt();
    if (now !== undefined) return Promise.resolve(now);
    if (this.#closedWith) return Promise.reject(this.#closedWith);
    if (options.signal?.aborted) return Promise.reject(abortReason(options.signal));
    return new Promise<T>((resolve, reject) => {
      const stop = (): void => {
        clearTimeout(timer);
        this.#waiters.delete(check);
        options.signal?.removeEventListener('abort', onAbort);
      };
      // The bytes are taken inside the check itself, synchronously: no later push or
      // drop can come between finding a match and consuming it.
      const check: Waiter = () => {
        const value = attempt();
        if (value !== undefined) {
          stop();
          resolve(value);
        } else if (this.#closedWith) {
          stop();
          reject(this.#closedWith);
        }
      };
      const onAbort = (): void => {
        stop();
        reject(abortReason(options.signal as AbortSignal));
      };
      const timer = setTimeout(() => {
        stop();
        reject(new BoardTimeoutError(options.what ?? `The board did not answer within ${options.timeoutMs} ms.`));
      }, options.timeoutMs);
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
