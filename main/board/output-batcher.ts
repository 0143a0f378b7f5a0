/**
 * Collects terminal bytes and hands them on at most once every `intervalMs` as one
 * string, so a program printing in a tight loop does not flood IPC with tiny messages.
 * A chunk after a quiet interval (the echo of a keystroke) goes on the next tick, not
 * an interval later: only output that streams waits for its turn.
 */
export class OutputBatcher {
  #decoder = new TextDecoder('utf-8');
  #pending = '';
  #timer: NodeJS.Timeout | null = null;
  #lastFlush = -Infinity;
  readonly #flushTo: (text: string) => void;
  readonly #intervalMs: number;

  constructor(flushTo: (text: string) => void, intervalMs = 16) {
    this.#flushTo = flushTo;
    this.#intervalMs = intervalMs;
  }

  push(bytes: Uint8Array): void {
    // Streaming decode keeps multi-byte UTF-8 characters split across chunks intact.
    this.#pending += this.#decoder.decode(bytes, { stream: true });
    if (this.#timer) return;
    // The next tick still gathers what arrives with this chunk (a line and its prompt).
    const wait = Math.max(0, this.#intervalMs - (performance.now() - this.#lastFlush));
    this.#timer = setTimeout(() => this.flush(), wait);
  }

  flush(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (!this.#pending) return;
    this.#lastFlush = performance.now();
    const text = this.#pending;
    this.#pending = '';
    this.#flushTo(text);
  }
}
