/**
 * Coalesces REPL output into one terminal write per animation frame. A board that
 * prints as fast as it can sends thousands of small chunks a second; writing each
 * one separately would keep the page busy. xterm.js then parses each batch in
 * time-sliced steps, so the page keeps painting and answering input.
 */
export interface WriteSink {
  write(data: string, done?: () => void): void;
}

/** Above this much text handed to the terminal and not yet parsed, wait before handing more. */
const HIGH_WATER_CHARS = 512 * 1024;

export class OutputBatcher {
  private queue: string[] = [];
  private scheduled = false;
  private inFlight = 0;

  constructor(private readonly sink: WriteSink) {}

  push(chunk: string): void {
    if (!chunk) return;
    this.queue.push(chunk);
    this.schedule();
  }

  /** True while output is still waiting to reach the screen. */
  get busy(): boolean {
    return this.queue.length > 0 || this.inFlight > 0;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // A hidden page gets no animation frames; a timer keeps the queue bounded there.
    if (document.hidden) setTimeout(() => this.flush(), 50);
    else requestAnimationFrame(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    if (this.queue.length === 0) return;
    if (this.inFlight >= HIGH_WATER_CHARS) return; // The write callback reschedules.
    const data = this.queue.join('');
    this.queue = [];
    this.inFlight += data.length;
    this.sink.write(data, () => {
      this.inFlight -= data.length;
      if (this.queue.length > 0) this.schedule();
    });
  }
}
