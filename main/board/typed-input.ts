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
/** What the board prints when it waits for input: the primary prompt, a continuation line, paste mode. */
const FRESH_PROMPT = /\n>>> $/;
const ANY_PROMPT = /(\n>>> |\n\.\.\. |=== )$/;
/** Enough of the board's latest output to recognise a prompt at its end. */
const TAIL_LENGTH = 8;

export class TypedInput {
  #pending: number[] = [];
  #tail = '\n';
  /** An Enter (or Ctrl-D) went to the board and no prompt has come back yet. */
  #statementRunning = false;
  #promptWaiters = new Set<() => void>();

  /** Bytes the user's keystrokes put on the wire, in the friendly REPL. */
  typed(bytes: Uint8Array): void {
    for (const byte of bytes) {
      this.#pending.push(byte);
      if (TERMINATORS.has(byte)) this.#statementRunning = true;
    }
  }

  /** Friendly-REPL output from the board, as the terminal shows it. */
  shown(bytes: Uint8Array): void {
    this.#tail = (this.#tail + String.fromCharCode(...bytes.subarray(-TAIL_LENGTH))).slice(-TAIL_LENGTH);
    if (!ANY_PROMPT.test(this.#tail)) return;
    this.#statementRunning = false;
    // At a fresh `>>> ` everything up to the last Enter is done with; keys typed ahead stay.
    if (FRESH_PROMPT.test(this.#tail)) this.#pending = this.#pending.slice(this.#lastTerminator() + 1);
    for (const wake of this.#promptWaiters) wake();
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
    return this.#statementRunning;
  }

  /** Resolves when the board shows a prompt, or after `ms`, whichever comes first. */
  waitForPrompt(ms: number): Promise<void> {
    if (!this.#statementRunning) return Promise.resolve();
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

  /** A running statement was interrupted: what was submitted is finished and must not be typed again. */
  dropSubmitted(): void {
    this.#pending = this.#pending.slice(this.#lastTerminator() + 1);
    this.#statementRunning = false;
  }

  /** Forgets everything: a program run, a reset or a new connection starts from a clean prompt. */
  clear(): void {
    this.#pending = [];
    this.#statementRunning = false;
    this.#tail = '\n';
  }

  #lastTerminator(): number {
    for (let i = this.#pending.length - 1; i >= 0; i--) if (TERMINATORS.has(this.#pending[i] as number)) return i;
    return -1;
  }
}
