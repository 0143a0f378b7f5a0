/**
 * What the user typed at the friendly REPL that the board has not finished with: the line
 * being typed, plus the earlier lines of a compound statement or paste that is still open.
 *
 * A command (a file-browser refresh, a completion) enters the raw REPL with Ctrl-C, which
 * wipes the board's copy of that input while the terminal still shows it. The session asks
 * this tracker for the input afterwards and types it again, so a half-typed `1+2` still
 * answers `3` when the user presses Enter. It also tells when a typed statement is still
 * running, so a command can give it a moment to finish instead of interrupting it.
 */

/** Keys that end what was typed so far: Enter, Ctrl-C (cancel) and Ctrl-D (run a paste, or soft reset). */
const TERMINATORS = new Set([0x0d, 0x0a, 0x03, 0x04]);
const CTRL_C = 0x03;
/** The prompts the board prints when it waits for input: primary, continuation line, paste mode. */
const PROMPTS = /\n>>> |\n\.\.\. |=== /g;
/** Longest prompt pattern, less one: how much output to keep to find a prompt cut across chunks. */
const TAIL_LENGTH = 4;
/** How often waitForEcho looks again. */
const ECHO_POLL_MS = 10;
/** Byte-for-character, so prompts are found whatever else (UTF-8 cut mid-character) the output holds. */
const LATIN1 = new TextDecoder('latin1');

export class TypedInput {
  #pending: number[] = [];
  #tail = '\n';
  /**
   * Prompts still owed by the board: each Enter (or Ctrl-D) is answered by exactly one prompt,
   * even when the user typed ahead of the echo. More than zero means a statement is running.
   */
  #promptsOwed = 0;
  #promptWaiters = new Set<() => void>();
  /** When the user last typed, and when the board last showed anything (ms since the epoch). */
  #lastTypedAt = 0;
  #lastShownAt = 0;

  /** Bytes the user's keystrokes put on the wire, in the friendly REPL. */
  typed(bytes: Uint8Array): void {
    this.#lastTypedAt = Date.now();
    for (const byte of bytes) {
      this.#pending.push(byte);
      // Ctrl-C ends whatever runs or is open with a single prompt.
      if (byte === CTRL_C) this.#promptsOwed = 1;
      else if (TERMINATORS.has(byte)) this.#promptsOwed++;
    }
  }

  /** Friendly-REPL output from the board, as the terminal shows it. */
  shown(bytes: Uint8Array): void {
    this.#lastShownAt = Date.now();
    const text = this.#tail + LATIN1.decode(bytes);
    let freshPrompt = false;
    for (const match of text.matchAll(PROMPTS)) {
      if (match.index + match[0].length <= this.#tail.length) continue; // Counted with the previous chunk.
      this.#promptsOwed = Math.max(0, this.#promptsOwed - 1);
      freshPrompt = match[0] === '\n>>> ';
    }
    this.#tail = text.slice(-TAIL_LENGTH);
    // At a fresh `>>> ` with nothing owed, everything up to the last Enter is done with; keys typed ahead stay.
    if (freshPrompt && this.#promptsOwed === 0) this.#pending = this.#pending.slice(this.#lastTerminator() + 1);
    if (this.#promptsOwed === 0) for (const wake of this.#promptWaiters) wake();
  }

  /** The input to type again once the board is back at a fresh prompt. Empty when there is none. */
  get pending(): Uint8Array {
    return Uint8Array.from(this.#pending);
  }

  /**
   * True while a statement typed at the REPL has not given its prompt back, e.g. `time.sleep(2)`
   * or a loop. A command entering the raw REPL would interrupt it.
   */
  get statementRunning(): boolean {
    return this.#promptsOwed > 0;
  }

  /** Resolves when the board shows a prompt, or after `ms`, whichever comes first. */
  waitForPrompt(ms: number): Promise<void> {
    if (this.#promptsOwed === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.#promptWaiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#promptWaiters.add(done);
    });
  }

  /**
   * Resolves once the board has answered the last keystroke and then gone quiet for
   * `quietMs`, or after `maxMs`. A command's Ctrl-C sent before the echo of a key just typed
   * would have the echo read (and dropped) as part of the command's exchange: the terminal
   * then lacks a character the board has (`eep = 7` shown, `keep = 7` run). Keys typed long
   * ago, or a board that printed since, cost nothing.
   */
  async waitForEcho(quietMs: number, maxMs: number): Promise<void> {
    const deadline = Date.now() + maxMs;
    const answered = () => this.#lastShownAt >= this.#lastTypedAt;
    if (answered() && Date.now() - this.#lastTypedAt >= quietMs) return;
    while (Date.now() < deadline) {
      if (answered() && Date.now() - this.#lastShownAt >= quietMs) return;
      await new Promise((resolve) => setTimeout(resolve, Math.min(ECHO_POLL_MS, Math.max(1, deadline - Date.now()))));
    }
  }

  /** A running statement was interrupted: what was submitted is finished and must not be typed again. */
  dropSubmitted(): void {
    this.#pending = this.#pending.slice(this.#lastTerminator() + 1);
    this.#promptsOwed = 0;
  }

  /** Forgets everything: a program run, a reset or a new connection starts from a clean prompt. */
  clear(): void {
    this.#pending = [];
    this.#promptsOwed = 0;
    this.#tail = '\n';
  }

  #lastTerminator(): number {
    for (let i = this.#pending.length - 1; i >= 0; i--) if (TERMINATORS.has(this.#pending[i] as number)) return i;
    return -1;
  }
}
