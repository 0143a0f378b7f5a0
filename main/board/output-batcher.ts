/**
 * Collects terminal bytes and hands them on at most every `intervalMs` as one string,
 * so a program printing in a tight loop does not flood IPC with tiny messages.
 */
export class OutputBatcher {
  #decoder = new TextDecoder('utf-8');
  #pending = '';
  #timer: NodeJS.Timeout | null = null;
  readonly #flushTo: (text: string) => void;
  readonly #intervalMs: number;

  constructor(flushTo: (text: string) => void, intervalMs = 16) {
    this.#flushTo = flushTo;
    this.#intervalMs = intervalMs;
  }

  push(bytes: Uint8Array): void {
    // Streaming decode keeps multi-byte UTF-8 characters split across chunks intact.
    this.#pending += this.#decoder.decode(bytes, { stream: true });
    this.#timer ??= setTimeout(() => this.flush(), this.#intervalMs);
  }

  flush(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (!this.#pending) return;
    const text = this.#pending;
    this.#pending = '';
    this.#flushTo(text);
  }
}
