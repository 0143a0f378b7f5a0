/**
 * Cuts a stream of text chunks into whole lines. A line split across two reads is
 * joined; a line longer than the cap is dropped whole (cutting it could invent
 * numbers), and the partial line held between reads never grows past the cap.
 */

/** Longer lines are not plot data; Mu gives up at 1 KB, we allow a little more. */
export const MAX_LINE_CHARS = 4096;

/** Terminal colour codes some boards print (`ESC [ … m`). */
const ANSI_ESCAPE = /\x1b\[[0-9;?]*[A-Za-z]/g;
const ESC = '\x1b';

export class LineSplitter {
  private partial = '';
  /** True while skipping the rest of a line that went over the cap. */
  private skipping = false;
  /** Lines dropped for being too long, since creation. */
  overlongLines = 0;

  constructor(private readonly maxLineChars = MAX_LINE_CHARS) {}

  /**
   * Feeds one chunk and calls `onLine` for every line it completes, without the line
   * ending. `\n`, `\r\n` and a lone `\r` all end a line (`\r\n` also yields an empty
   * line, which every caller ignores).
   */
  push(chunk: string, onLine: (line: string) => void): void {
    let start = 0;
    const length = chunk.length;
    // Each search result is kept until passed, so a long chunk is scanned once, not once per line.
    let lf = -2;
    let cr = -2;
    while (start < length) {
      if (lf !== -1 && lf < start) lf = chunk.indexOf('\n', start);
      if (cr !== -1 && cr < start) cr = chunk.indexOf('\r', start);
      const end = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
      if (end === -1) {
        this.hold(chunk, start, length);
        return;
      }
      this.hold(chunk, start, end);
      if (!this.skipping) onLine(clean(this.partial));
      this.partial = '';
      this.skipping = false;
      start = end + 1;
    }
  }

  /** The unfinished line held between reads (e.g. the idle `>>> ` prompt). */
  get pending(): string {
    return this.skipping ? '' : this.partial;
  }

  /** Characters held for an unfinished line; never more than the cap. */
  get heldChars(): number {
    return this.partial.length;
  }

  /** Forgets any partial line, e.g. after a clear or a reconnect. */
  reset(): void {
    this.partial = '';
    this.skipping = false;
  }

  private hold(chunk: string, from: number, to: number): void {
    if (this.skipping || from === to) return;
    if (this.partial.length + (to - from) > this.maxLineChars) {
      this.partial = '';
      this.skipping = true;
      this.overlongLines++;
      return;
    }
    this.partial += chunk.slice(from, to);
  }
}

function clean(line: string): string {
  return line.includes(ESC) ? line.replace(ANSI_ESCAPE, '') : line;
}
