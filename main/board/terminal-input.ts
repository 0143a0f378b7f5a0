/**
 * The terminal's keystrokes and pastes, delivered where the board can take them: a running
 * program's stdin, or the friendly `>>>` prompt, typed there and remembered (TypedInput)
 * until the board is done with them. When one of the IDE's commands holds the board or
 * left it in the raw REPL, they wait their turn in the session's queue, and the board is
 * brought back to its friendly prompt first.
 */
import type { CommandQueue } from './command-queue';
import { CTRL_D } from './control-bytes';
import type { PromptKeeper } from './prompt-keeper';
import type { ByteLink } from './raw-paste';
import type { Pacing } from './raw-repl';
import { pasteBody, pasteThroughPasteMode } from './repl-paste';
import type { TypedInput } from './typed-input';

/** What the terminal's input goes through: the session's parts, and three hooks into the session itself. */
export interface TerminalInputParts {
  link: ByteLink;
  pacing: Pacing;
  queue: CommandQueue;
  prompt: PromptKeeper;
  typed: TypedInput;
  /** True while `run` has a program going: input is its stdin. */
  isRunning: () => boolean;
  /** Leaves the raw REPL for the friendly prompt (the session reads the banner on the way). */
  leaveRaw: () => Promise<void>;
  /** Runs `work` while the friendly REPL's bytes reach `incoming` as well as the terminal. */
  alsoReading: (work: () => Promise<void>) => Promise<void>;
}

export class TerminalInput {
  #parts: TerminalInputParts;

  constructor(parts: TerminalInputParts) {
    this.#parts = parts;
  }

  /** User keystrokes for the friendly REPL. While a program runs they go to its stdin. */
  async write(data: string | Uint8Array): Promise<void> {
    const { link, queue, prompt } = this.#parts;
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    if (this.#parts.isRunning()) {
      await link.write(bytes); // The program's stdin, not the REPL's line.
      return;
    }
    if (prompt.mode === 'friendly' && queue.idle) {
      await this.#typeAtRepl(bytes);
      return;
    }
    await queue.run(async () => {
      if (prompt.mode === 'raw') {
        await this.#parts.leaveRaw();
        await prompt.retype();
      }
      await this.#typeAtRepl(bytes);
    });
  }

  /**
   * Text pasted into the terminal. At the prompt it runs as one block through paste mode
   * (repl-paste.ts), replacing a half-typed line; never a soft reset. To a running program
   * or a statement still running at the REPL it is typed, as its input.
   */
  async paste(text: string): Promise<void> {
    const { link, pacing, queue, prompt, typed } = this.#parts;
    const body = pasteBody(text);
    if (this.#parts.isRunning() || (prompt.mode === 'friendly' && typed.statementRunning)) {
      await this.write(body);
      return;
    }
    await queue.run(async () => {
      // Leaving the raw REPL gives an empty line: the half-typed one is replaced by the paste, not typed again.
      const lineHasText = prompt.mode === 'friendly' && typed.pending.length > 0;
      if (prompt.mode === 'raw') await this.#parts.leaveRaw();
      typed.clear();
      // The block then runs as a statement typed at the REPL, and its prompt ends it. That
      // prompt is owed from the moment the Ctrl-D leaves, not once its write resolved: see #typeAtRepl.
      await this.#parts.alsoReading(() => pasteThroughPasteMode(link, body, lineHasText, pacing, () => typed.typed(Uint8Array.of(CTRL_D))));
    });
  }

  /**
   * Keystrokes for the friendly REPL, remembered until the board is done with them. They
   * are booked before they are written: on a loaded host the board's echo and prompt can
   * be read before the write's drain callback comes, and a prompt counted ahead of its
   * Enter left a statement "running" for good, so that the next paste was typed as plain
   * lines instead of going through paste mode.
   */
  async #typeAtRepl(bytes: Uint8Array): Promise<void> {
    this.#parts.typed.typed(bytes);
    await this.#parts.link.write(bytes);
  }
}
