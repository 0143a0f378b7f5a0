/**
 * Where the board's REPL is, for one session: at the friendly `>>> ` prompt or at the raw
 * `>` one, and how sure the session is of that raw prompt. It gets the board to a proven
 * raw prompt before each command, from wherever the board is (a statement typed at the
 * REPL, a program's output, an answer still in flight), and back to the friendly prompt
 * for the terminal. While it talks to the board, friendly-REPL bytes are captured for it
 * instead of going to the terminal.
 */
import { CTRL_B, CTRL_C, CTRL_D, FRIENDLY_PROMPT } from './control-bytes';
import { BoardDisconnectedError, BoardError, BoardTimeoutError } from './errors';
import type { ByteLink } from './raw-paste';
import { enterRawRepl, proveRawPrompt, sleep, writePaced, type Pacing } from './raw-repl';
import type { TypedInput } from './typed-input';

/** Pause after each Ctrl-C so KeyboardInterrupt can unwind before the next byte. */
export const INTERRUPT_PAUSE_MS = 100;
/** How long a raw-REPL prompt may take once the board is idle. */
export const PROMPT_TIMEOUT_MS = 1500;
/** How long a statement typed at the REPL may run before a command interrupts it. */
const STATEMENT_GRACE_MS = 500;
/** Silence that marks the end of the board's echo of retyped input. */
const RETYPE_ECHO_MS = 60;
/** The most to wait for the first byte of that echo. */
const RETYPE_FIRST_ECHO_MS = 1000;
/** Before a command takes the REPL: how long the board must be quiet after echoing the last key, and the most to wait for that. */
const ECHO_QUIET_MS = 30;
const ECHO_GRACE_MS = 1000;

/** The session's link to the board, as the keeper uses it. */
export interface KeeperLink extends ByteLink {
  /** The link is up. */
  readonly isOpen: boolean;
}

export class PromptKeeper {
  #link: KeeperLink;
  #pacing: Pacing;
  #typed: TypedInput;
  /** True once the session ended (the link closed or was lost). */
  #isClosed: () => boolean;
  #mode: 'friendly' | 'raw' = 'friendly';
  /** While true, friendly-mode bytes go to protocol code instead of (only) the terminal. */
  #capturing = false;
  /** Nobody knows where the board is (a lost answer, a restart): the next command resynchronises first. */
  #needsSync = false;
  /**
   * At the raw prompt, but an answer may still be in flight (a resent Ctrl-D, an
   * interrupted command): the next command first proves the prompt with a nonce.
   */
  #promptUncertain = false;

  /** `typed` is the user's REPL input: a statement still running gets a moment to finish, and unfinished input is typed again. */
  constructor(link: KeeperLink, pacing: Pacing, typed: TypedInput, isClosed: () => boolean) {
    this.#link = link;
    this.#pacing = pacing;
    this.#typed = typed;
    this.#isClosed = isClosed;
  }

  get mode(): 'friendly' | 'raw' {
    return this.#mode;
  }
  /** Whether friendly-mode bytes are the keeper's to read rather than the terminal's. */
  get capturing(): boolean {
    return this.#capturing;
  }

  /** The board came back to its friendly prompt by itself: it restarted and printed its banner and `>>> `. */
  atFriendlyPrompt(): void {
    this.#mode = 'friendly';
  }
  /** An answer may still be in flight at the raw prompt: the next command proves the prompt first. */
  doubtPrompt(): void {
    this.#promptUncertain = true;
  }
  /** Nobody knows where the board is: the next command resynchronises first. */
  lostTrack(): void {
    this.#needsSync = true;
  }

  /** Ctrl-C, then wait for the interrupted command's end; resync later if that fails. */
  async recover(): Promise<void> {
    if (!this.#link.isOpen) return;
    try {
      await this.#link.write(Uint8Array.of(CTRL_C));
      await this.#link.incoming.readUntil(Uint8Array.of(CTRL_D, 0x3e), { timeoutMs: PROMPT_TIMEOUT_MS });
      await sleep(20);
      this.#link.incoming.drain();
      // The interrupted command's answer may still be arriving.
      this.#promptUncertain = true;
    } catch {
      this.#needsSync = true;
    }
  }

  /** Gets to the raw `>` prompt from wherever the board is. */
  async ensureRaw(): Promise<void> {
    if (this.#isClosed()) throw new BoardDisconnectedError();
    if (this.#needsSync) {
      await this.synchronize(PROMPT_TIMEOUT_MS * 3);
      return;
    }
    if (this.#mode === 'raw') {
      if (this.#promptUncertain) await this.#proveOrSynchronize();
      return;
    }
    // A statement typed at the REPL (`1+2`, `time.sleep(1)`) gets a moment to finish before Ctrl-C would interrupt it.
    await this.#typed.waitForPrompt(STATEMENT_GRACE_MS);
    await this.#typed.waitForEcho(ECHO_QUIET_MS, ECHO_GRACE_MS);
    if (this.#typed.statementRunning) this.#typed.dropSubmitted(); // Interrupted now: it must not run again.
    this.#capturing = true;
    try {
      // Ctrl-C clears any half-typed line: Ctrl-A only works on an empty one. (retype restores it.)
      await this.#link.write(Uint8Array.of(CTRL_C));
      await sleep(10);
      this.#link.incoming.drain();
      await enterRawRepl(this.#link, PROMPT_TIMEOUT_MS);
      this.#mode = 'raw';
    } catch (err) {
      if (err instanceof BoardTimeoutError) return await this.synchronize(PROMPT_TIMEOUT_MS * 3);
      throw err;
    } finally {
      this.#capturing = false;
    }
    // The banner may have been a program's own output (it printed `raw REPL; CTRL-B to
    // exit` before our Ctrl-C got through on a loaded machine): prove the prompt, so
    // that no later answer is read against the wrong command.
    await this.#proveOrSynchronize();
  }

  /** Proves the raw prompt with a nonce round trip; falls back to a full resynchronisation. */
  async #proveOrSynchronize(): Promise<void> {
    if (await proveRawPrompt(this.#link, this.#pacing, PROMPT_TIMEOUT_MS)) {
      this.#promptUncertain = false;
      return;
    }
    await this.synchronize(PROMPT_TIMEOUT_MS * 3);
  }

  /**
   * Interrupts whatever runs (Ctrl-C twice, with pauses), enters the raw REPL and proves
   * it with a nonce round trip, so a program that prints `>>> ` or `raw REPL` cannot fool us.
   */
  async synchronize(totalTimeoutMs: number): Promise<void> {
    const deadline = Date.now() + totalTimeoutMs;
    this.#capturing = true;
    this.#mode = 'raw';
    let lastError: unknown;
    try {
      while (Date.now() < deadline) {
        try {
          await this.#link.write(Uint8Array.of(CTRL_C));
          await this.#settleAfterInterrupt();
          await this.#link.write(Uint8Array.of(CTRL_C));
          await this.#settleAfterInterrupt();
          this.#link.incoming.drain();
          await enterRawRepl(this.#link, Math.min(PROMPT_TIMEOUT_MS, Math.max(100, deadline - Date.now())));
          if (await proveRawPrompt(this.#link, this.#pacing, PROMPT_TIMEOUT_MS)) {
            this.#needsSync = false;
            this.#promptUncertain = false;
            return;
          }
        } catch (err) {
          if (err instanceof BoardDisconnectedError) throw err;
          lastError = err;
        }
      }
      throw new BoardTimeoutError('No MicroPython prompt from the board: it may be busy in a loop that ignores Ctrl-C, or it is not running MicroPython.', lastError);
    } finally {
      this.#capturing = false;
    }
  }

  /**
   * After a Ctrl-C, lets KeyboardInterrupt unwind before the next byte: until the board
   * shows its `>>> ` (an idle board does at once, which saves a connect the whole pause),
   * or for the pause at most. What it printed meanwhile is read past; the raw prompt is
   * proven with a nonce afterwards, so a program's own `>>> ` cannot mislead this.
   */
  async #settleAfterInterrupt(): Promise<void> {
    try {
      await this.#link.incoming.readUntil(FRIENDLY_PROMPT, { timeoutMs: INTERRUPT_PAUSE_MS });
    } catch (err) {
      if (!(err instanceof BoardTimeoutError)) throw err;
    }
  }

  /**
   * Leaves the raw REPL for the friendly prompt. `onLeft` gets what the board printed on
   * the way (the banner, then `>>> `), before any later byte can reach the terminal. A
   * board whose banner came too late (a loaded host) is found again and asked once more:
   * a key waiting to be typed, or a run's end, is not lost to a late banner.
   */
  async leaveRaw(onLeft: (text: string) => void): Promise<void> {
    try {
      await this.#leaveRawOnce(onLeft);
    } catch (err) {
      if (!(err instanceof BoardTimeoutError) || this.#isClosed()) throw err;
      await this.synchronize(PROMPT_TIMEOUT_MS * 3);
      await this.#leaveRawOnce(onLeft);
    }
  }

  async #leaveRawOnce(onLeft: (text: string) => void): Promise<void> {
    if (this.#mode === 'friendly' || this.#isClosed()) return;
    this.#capturing = true;
    try {
      this.#link.incoming.drain();
      await this.#link.write(Uint8Array.of(CTRL_B));
      const text = new TextDecoder().decode(await this.#link.incoming.readUntil(FRIENDLY_PROMPT, { timeoutMs: PROMPT_TIMEOUT_MS, what: 'The board did not leave the raw REPL.' }));
      this.#mode = 'friendly';
      onLeft(text);
    } catch (err) {
      if (err instanceof BoardError && err.code === 'timeout') this.#needsSync = true;
      throw err;
    } finally {
      this.#capturing = false;
    }
  }

  /**
   * Types the user's unfinished input again after a command's Ctrl-C wiped it. The terminal
   * already shows it, so the board's echo is swallowed: it ends when the board falls quiet.
   */
  async retype(): Promise<void> {
    const input = this.#typed.pending;
    if (input.length === 0) return;
    // Plain text typed on the line echoes as itself (after any auto-indent): seeing it ends the
    // wait at once. Other keys (arrows, backspace) echo otherwise: then the board's silence does.
    const typed = Buffer.from(input).toString('latin1');
    const lastLine = typed.slice(typed.lastIndexOf('\r') + 1);
    const plain = /^[\x20-\x7e]+$/.test(lastLine);
    this.#capturing = true;
    try {
      this.#link.incoming.drain();
      await writePaced(this.#link, input, this.#pacing);
      // The first byte may be slow to come on a loaded host.
      const deadline = Date.now() + RETYPE_FIRST_ECHO_MS + RETYPE_ECHO_MS * 10;
      let echo = '';
      while (Date.now() < deadline && !(plain && echo.endsWith(lastLine))) {
        try {
          // Plain text is waited for whole; other keys until the board pauses after its first byte.
          const patience = echo === '' || plain ? RETYPE_FIRST_ECHO_MS : RETYPE_ECHO_MS;
          const chunk = await this.#link.incoming.readSome({ timeoutMs: Math.max(1, Math.min(patience, deadline - Date.now())) });
          echo += Buffer.from(chunk).toString('latin1');
        } catch (err) {
          if (err instanceof BoardDisconnectedError) throw err;
          break; // Quiet: the echo is over.
        }
      }
    } finally {
      this.#capturing = false;
    }
  }

}
