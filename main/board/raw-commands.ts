/**
 * The session's commands at the raw prompt, each with an answer it can trust: it starts
 * from a proven prompt, long source travels under a transit guard where the board has no
 * raw-paste (and goes again when bytes of it were dropped), a command the board could not
 * compile for want of memory is tried once more after a collection, an answer read while
 * the board's output overflowed is refused, and a command that timed out is interrupted so
 * the next one finds its prompt. It also remembers whether the board has raw-paste.
 */
import { RESET_TIMEOUT_MS } from './board-banner';
import { CTRL_C } from './control-bytes';
import { BoardDisconnectedError, BoardExecError, BoardFloodingError, BoardMemoryError, BoardOutOfStepError, CommandCancelledError, RawPasteNoAnswerError, isCompileMemoryError } from './errors';
import type { PromptKeeper } from './prompt-keeper';
import type { ByteLink, RawPasteSupport } from './raw-paste';
import { execRaw, type Pacing } from './raw-repl';
import { guardedSource, readGuardedTraceback } from './transit-guard';

export interface ExecOptions {
  onStdout?: (bytes: Uint8Array) => void;
  /** The board's exception text (traceback) as it arrives; the exec still rejects with BoardExecError. */
  onStderr?: (bytes: Uint8Array) => void;
  /** The source checks its own payload (length and sum) before acting, so it needs no transit guard. */
  selfChecking?: boolean;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Told right before the byte that starts the command; until then an aborted `signal` calls it off (CommandCancelledError). */
  onStart?: () => void;
}

/** What the session adds for a program run: its output may be lossy under a flood (the terminal says so). */
export interface CommandOptions extends ExecOptions {
  toleratesDrops?: boolean;
}

/** What a command's second try knows of its first. */
interface Retry {
  attempt?: number;
  collected?: boolean;
  /** Asked again after the board left the raw-paste request unanswered. */
  askedAgain?: boolean;
}

const DEFAULT_EXEC_TIMEOUT_MS = 10_000;
/** Sent on its own when a command did not compile for want of memory: short enough to need no transit guard. */
const COLLECT_GARBAGE = 'import gc\ngc.collect()';

export class RawCommands {
  #link: ByteLink;
  #prompt: PromptKeeper;
  #pacing: Pacing;
  #paste: RawPasteSupport | { kind: 'undetected' } = { kind: 'undetected' };

  constructor(link: ByteLink, prompt: PromptKeeper, pacing: Pacing) {
    this.#link = link;
    this.#prompt = prompt;
    this.#pacing = pacing;
  }

  get paste(): RawPasteSupport | { kind: 'undetected' } {
    return this.#paste;
  }

  /** The board restarted: the next command asks about raw-paste again. */
  forgetPaste(): void {
    this.#paste = { kind: 'undetected' };
  }

  /** Gets to the raw prompt and asks the board whether it has raw-paste, unless that is known. */
  async detectRawPaste(): Promise<void> {
    await this.#prompt.ensureRaw();
    this.#link.incoming.drain();
    await this.#askRawPaste();
  }

  /** Once per connection: a no-op command tells whether the board has raw-paste. At the raw prompt only. */
  async #askRawPaste(): Promise<void> {
    if (this.#paste.kind !== 'undetected') return;
    // (Not an empty command: Ctrl-D on an empty raw REPL buffer is a soft reset.)
    await execRaw(this.#link, new TextEncoder().encode('pass'), { paste: this.#paste, pacing: this.#pacing, timeoutMs: RESET_TIMEOUT_MS, onPasteDetected: (support) => (this.#paste = support) });
  }

  /** Runs `source` at the raw prompt, from wherever the board is, and resolves with its stdout. A traceback rejects with BoardExecError. */
  exec(source: string | Uint8Array, options: CommandOptions): Promise<Uint8Array> {
    return this.#exec(source, options);
  }

  async #exec(source: string | Uint8Array, options: CommandOptions & Retry): Promise<Uint8Array> {
    await this.#prompt.ensureRaw();
    // Anything that arrived while idle at the raw prompt is line noise, not an answer.
    this.#link.incoming.drain();
    await this.#askRawPaste();
    const plain = typeof source === 'string' ? new TextEncoder().encode(source) : source;
    // A source that fits in one paced chunk cannot overrun the board's buffer: no guard needed.
    const needsGuard = this.#paste.kind !== 'supported' && !options.selfChecking && plain.length >= this.#pacing.chunkSize;
    const guarded = needsGuard ? guardedSource(plain) : null;
    const bytes = guarded ?? plain;
    const timeoutMs = options.timeoutMs ?? DEFAULT_EXEC_TIMEOUT_MS;
    const droppedBefore = this.#link.incoming.dropped;
    try {
      const response = await execRaw(this.#link, bytes, {
        paste: this.#paste,
        pacing: this.#pacing,
        timeoutMs,
        signal: options.signal,
        onStdout: options.onStdout,
        onStderr: options.onStderr,
        onPasteDetected: (support) => (this.#paste = support),
        onStart: options.onStart,
      });
      if (response.strayAnswerPossible) this.#prompt.doubtPrompt();
      const dropped = this.#link.incoming.dropped - droppedBefore;
      if (dropped > 0 && !options.toleratesDrops) {
        this.#prompt.doubtPrompt();
        throw new BoardFloodingError(dropped);
      }
      if (response.stderr.length > 0) {
        const read = guarded ? readGuardedTraceback(response.stderr.trim()) : { damaged: false, traceback: response.stderr.trim() };
        if (isCompileMemoryError(response.stderr)) {
          // Nothing ran: the board could not compile it. A collection from a shallow stack, in a
          // command too small to need much, frees what stale pointers kept alive; then once more.
          if (options.collected) throw new BoardMemoryError(read.traceback);
          await this.#exec(COLLECT_GARBAGE, { collected: true }).catch((err: unknown) => {
            if (!(err instanceof BoardExecError)) throw err;
          });
          return await this.#exec(source, { ...options, collected: true });
        }
        const error = new BoardExecError(read.traceback);
        // Without raw-paste the board may have dropped bytes of the source. A damaged guard,
        // or a SyntaxError in an unguarded command, means nothing ran: send it again (twice at most).
        const damaged = read.damaged || (!guarded && this.#paste.kind !== 'supported' && error.exceptionType === 'SyntaxError');
        if (damaged && (options.attempt ?? 0) < 2) return await this.#exec(source, { ...options, attempt: (options.attempt ?? 0) + 1 });
        throw error;
      }
      return response.stdout;
    } catch (err) {
      if (err instanceof BoardExecError || err instanceof BoardDisconnectedError || err instanceof BoardFloodingError) throw err;
      if (err instanceof CommandCancelledError) {
        // Called off before it started: nothing ran. A source already sent waits in the board's
        // input: Ctrl-C clears it (raw REPL) or ends the paste (raw-paste); the next command proves its prompt.
        if (err.sourceSent) {
          await this.#link.write(Uint8Array.of(CTRL_C));
          this.#prompt.doubtPrompt();
        }
        throw err;
      }
      if (err instanceof BoardOutOfStepError) {
        this.#prompt.lostTrack();
        throw err;
      }
      // Timeout or abort: stop the command and get back to a known prompt.
      await this.#prompt.recover();
      // Nothing ran: a board that a loaded host held up for the whole wait gets one more try.
      if (err instanceof RawPasteNoAnswerError && !options.askedAgain && !options.signal?.aborted) return await this.#exec(source, { ...options, askedAgain: true });
      throw err;
    }
  }
}
