/**
 * Feeds REPL output to the terminal without letting a flood freeze the page.
 * A lone chunk (an echoed keystroke) is written at once, so typing feels direct.
 * While output streams, chunks are coalesced into one write per animation frame,
 * cut into slices small enough that xterm.js, which yields to the page only between
 * writes, never parses for long without a frame. Past a high-water mark of text
 * handed over but not yet parsed, it waits for the terminal to catch up.
 */
export interface WriteSink {
  write(data: string, done?: () => void): void;
}

/** Large enough to keep calls few, small enough to parse well within a frame. */
const SLICE_CHARS = 16 * 1024;
/** Above this much text handed to the terminal and not yet parsed, wait before handing more. */
const HIGH_WATER_CHARS = 256 * 1024;

export class OutputBatcher {
  private queue: string[] = [];
  private scheduled = false;
  private inFlight = 0;
  private holding = false;

  constructor(private readonly sink: WriteSink) {}

  /**
   * Queues a chunk. `onlyIf` is asked when the chunk's turn comes (after what is queued
   * before it has reached the terminal), e.g. to add a newline only where one is needed.
   */
  push(chunk: string, onlyIf?: () => boolean): void {
    if (!chunk) return;
    if (onlyIf) {
      this.conditional(chunk, onlyIf);
      return;
    }
    if (!this.busy && !this.holding && chunk.length <= SLICE_CHARS) {
      this.hand(chunk);
      return;
    }
    this.queue.push(chunk);
    this.schedule();
  }

  /** True while output is still waiting to reach the screen. */
  get busy(): boolean {
    return this.queue.length > 0 || this.inFlight > 0;
  }

  private conditional(chunk: string, onlyIf: () => boolean): void {
    if (!this.busy && !this.holding) {
      if (onlyIf()) this.hand(chunk);
      return;
    }
    // Decide once everything before it has been parsed (a zero-length write's callback says
    // when), holding back what arrives meanwhile so the chunk keeps its place.
    this.flushNow();
    this.holding = true;
    this.inFlight += 1;
    this.sink.write('', () => {
      this.inFlight -= 1;
      this.holding = false;
      if (onlyIf()) this.queue.unshift(chunk);
      if (this.queue.length > 0) this.schedule();
    });
  }

  private flushNow(): void {
    if (this.queue.length === 0) return;
    const data = this.queue.join('');
    this.queue = [];
    for (let at = 0; at < data.length; at += SLICE_CHARS) this.hand(data.slice(at, at + SLICE_CHARS));
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // A hidden page gets no animation frames; a timer keeps the queue moving there.
    if (document.hidden) setTimeout(() => this.flush(), 50);
    else requestAnimationFrame(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    if (this.holding || this.queue.length === 0 || this.inFlight >= HIGH_WATER_CHARS) return; // A write callback reschedules.
    this.flushNow();
  }

  private hand(data: string): void {
    this.inFlight += data.length;
    this.sink.write(data, () => {
      this.inFlight -= data.length;
      if (this.queue.length > 0) this.schedule();
    });
  }
}
