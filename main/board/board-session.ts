/**
 * One `BoardSession` per connection. It owns the protocol on top of a Transport:
 * a single queue so the IDE's commands never interleave, the friendly-REPL passthrough
 * for the terminal (which never sees the raw-REPL traffic of the IDE's own commands),
 * `exec`, `run` with live output and stop, interrupt and resets.
 */
import { EventEmitter } from 'node:events';
import type { RunResult } from '../../preload/contract-types';
import { awaitBanner, parseBanner, type BannerInfo } from './board-banner';
import { CommandQueue } from './command-queue';
import { CTRL_B, CTRL_C, CTRL_D, FRIENDLY_PROMPT } from './control-bytes';
import { BoardDisconnectedError, BoardExecError, BoardFloodingError, BoardMemoryError, BoardOutOfStepError, BoardTimeoutError, NotSupportedError, BoardError, isCompileMemoryError } from './errors';
import { IncomingBytes } from './incoming-bytes';
import { pasteBody, pasteThroughPasteMode } from './repl-paste';
import type { RawPasteSupport } from './raw-paste';
import { SAFE_PACING, enterRawRepl, execRaw, proveRawPrompt, sleep, writePaced, type Pacing } from './raw-repl';
import { guardedSource, readGuardedTraceback } from './transit-guard';
import type { Transport, TransportCloseReason } from './transport';
import { TypedInput } from './typed-input';
import { BoardRestartedError, ResetNeedsButtonError, bannerSeen, hasResetLines, pulseResetLines } from './hard-reset';

export interface ExecOptions {
  onStdout?: (bytes: Uint8Array) => void;
  /** The board's exception text (traceback) as it arrives; the exec still rejects with BoardExecError. */
  onStderr?: (bytes: Uint8Array) => void;
  /** The source checks its own payload (length and sum) before acting, so it needs no transit guard. */
  selfChecking?: boolean;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export type SessionActivity = 'idle' | 'busy' | 'running';

export interface BoardSessionEvents {
  /** User-visible bytes: the friendly REPL and program output, never protocol traffic. */
  terminal: (bytes: Uint8Array) => void;
  activity: (activity: SessionActivity) => void;
  /** The session ended: the link closed or was lost. */
  closed: (reason: TransportCloseReason) => void;
  /** The board sent more than the input buffer holds while nobody read: bytes were dropped. */
  flooding: (droppedNow: number, droppedTotal: number) => void;
}

export interface BoardSessionOptions {
  /** Total time allowed to get a prompt from the board when connecting. */
  connectTimeoutMs?: number;
  pacing?: Pacing;
  /**
   * Open at the friendly `>>>` prompt with the banner read (the default, for a terminal),
   * or stay in the raw REPL, for a tool that only runs commands: the CLI's first command
   * then does not pay for leaving the raw REPL and entering it again.
   */
  friendly?: boolean;
}

/** How long closing waits to hand the board back at its friendly prompt. */
const LEAVE_RAW_ON_CLOSE_MS = 500;

const DEFAULT_EXEC_TIMEOUT_MS = 10_000;
/** Pause after each Ctrl-C so KeyboardInterrupt can unwind before the next byte. */
const INTERRUPT_PAUSE_MS = 100;
/** How long a raw-REPL prompt may take once the board is idle. */
const PROMPT_TIMEOUT_MS = 1500;
/** A soft reset runs boot.py and main.py before the prompt comes back. */
const RESET_TIMEOUT_MS = 5000;
/** How long the session watches for a restart after asking the user to press the reset button. */
const BUTTON_WAIT_MS = 5 * 60_000;
/** How long a statement typed at the REPL may run before a command interrupts it. */
const STATEMENT_GRACE_MS = 500;
/** Silence that marks the end of the board's echo of retyped input. */
const RETYPE_ECHO_MS = 60;
/** Before a command takes the REPL: how long the board must be quiet after echoing the last key, and the most to wait for that. */
const ECHO_QUIET_MS = 30;
const ECHO_GRACE_MS = 1000;
/** Sent on its own when a command did not compile for want of memory: short enough to need no transit guard. */
const COLLECT_GARBAGE = 'import gc\ngc.collect()';
/** At most one flooding notice in the terminal per this many ms. */
const FLOOD_NOTICE_MS = 2000;

export class BoardSession extends EventEmitter {
  readonly transport: Transport;
  readonly incoming = new IncomingBytes({ onOverflow: (now, total) => this.#onFlooding(now, total) });
  info: BannerInfo = { banner: '', version: '' };
  /** What the board printed on connect (banner and prompt), for the terminal to show first. */
  greeting = '';
  #queue = new CommandQueue();
  #mode: 'friendly' | 'raw' = 'friendly';
  /** While true, friendly-mode bytes go to protocol code instead of (only) the terminal. */
  #capturing = false;
  /** Friendly-mode bytes are also copied to `incoming` (resets watch for the prompt). */
  #teeFriendly = false;
  #paste: RawPasteSupport | { kind: 'undetected' } = { kind: 'undetected' };
  #pacing: Pacing;
  #needsSync = false;
  /**
   * At the raw prompt, but an answer may still be in flight (a resent Ctrl-D, an
   * interrupted command): the next command first proves the prompt with a nonce.
   */
  #promptUncertain = false;
  #lastFloodNotice = 0;
  #running = false;
  /** Ends the program run in progress when the board restarts under it. */
  #runAbort: AbortController | null = null;
  /** The wait for the user's press of the reset button, while one is asked for. */
  #buttonWait: AbortController | null = null;
  #closed: TransportCloseReason | null = null;
  /** The user's unfinished REPL input, typed again after a command wipes it. */
  #typed = new TypedInput();

  private constructor(transport: Transport, options: BoardSessionOptions) {
    super();
    this.transport = transport;
    this.#pacing = options.pacing ?? SAFE_PACING;
    transport.on('data', (chunk) => this.#onData(chunk));
    transport.on('close', (reason) => {
      this.#closed = reason;
      this.incoming.close(reason.kind === 'lost' ? new BoardDisconnectedError(`Lost the link to ${transport.description}.`, reason.cause) : new BoardDisconnectedError(`${transport.description} was closed.`));
      this.emit('closed', reason);
    });
  }

  /** Connects: interrupts whatever runs, finds the prompt, reads the banner. */
  static async open(transport: Transport, options: BoardSessionOptions = {}): Promise<BoardSession> {
    const session = new BoardSession(transport, options);
    try {
      await session.#queue.run(async () => {
        await session.#synchronize(options.connectTimeoutMs ?? 6000);
        if (options.friendly !== false) await session.#leaveRaw(true);
      });
    } catch (err) {
      await transport.close().catch(() => undefined);
      throw err;
    }
    return session;
  }

  get isOpen(): boolean {
    return this.#closed === null && this.transport.isOpen;
  }
  get rawPaste(): RawPasteSupport | { kind: 'undetected' } {
    return this.#paste;
  }

  /** Whether the board has raw-paste, asking it when nobody has yet. */
  async detectRawPaste(): Promise<RawPasteSupport> {
    if (this.#paste.kind === 'undetected') {
      await this.#queue.run(() =>
        this.#withActivity('busy', async () => {
          await this.#ensureRaw();
          this.incoming.drain();
          await this.#detectRawPaste();
        }),
      );
    }
    return this.#paste as RawPasteSupport;
  }
  get running(): boolean {
    return this.#running;
  }

  /** Runs `source` in the raw REPL; stdout streams to `onStdout`. A traceback rejects with BoardExecError. */
  exec(source: string | Uint8Array, options: ExecOptions = {}): Promise<Uint8Array> {
    return this.#queue.run(() => this.#withActivity('busy', () => this.#execNow(source, options)));
  }

  /** `exec` returning stdout as text. */
  async execText(source: string, options: ExecOptions = {}): Promise<string> {
    return new TextDecoder().decode(await this.exec(source, options));
  }

  /** Runs a whole program with live output to the terminal until it ends or is stopped. */
  run(source: string, options: { onStdout?: (bytes: Uint8Array) => void } = {}): Promise<RunResult> {
    return this.#queue.run(() =>
      this.#withActivity('running', async () => {
        this.#running = true;
        // The run ends on a fresh prompt of its own: a line half-typed before it is not resumed.
        this.#typed.clear();
        const forward = (bytes: Uint8Array): void => {
          this.emit('terminal', bytes);
          options.onStdout?.(bytes);
        };
        let result: RunResult;
        const abort = new AbortController();
        this.#runAbort = abort;
        try {
          // A program's output may be lossy under a flood (the terminal says so); a run is not an answer.
          await this.#execNow(source, { onStdout: forward, timeoutMs: 2 ** 31 - 1, toleratesDrops: true, signal: abort.signal });
          result = { outcome: 'completed' };
        } catch (err) {
          if (abort.signal.reason instanceof BoardRestartedError) {
            // The board is back at its friendly prompt, banner printed: say so where the program's output was.
            this.#running = false;
            this.#mode = 'friendly';
            this.emit('terminal', new TextEncoder().encode(`\r\n[The board restarted.]\r\n${this.info.banner}\r\n${FRIENDLY_PROMPT}`));
            return { outcome: 'stopped' } satisfies RunResult;
          }
          if (!(err instanceof BoardExecError)) throw err;
          this.emit('terminal', new TextEncoder().encode(err.traceback.replace(/\r?\n/g, '\r\n') + '\r\n'));
          result = err.exceptionType === 'KeyboardInterrupt' ? { outcome: 'stopped', traceback: err.traceback } : { outcome: 'failed', traceback: err.traceback };
        } finally {
          this.#running = false;
          this.#runAbort = null;
        }
        await this.#leaveRaw(false);
        this.emit('terminal', new TextEncoder().encode(FRIENDLY_PROMPT));
        return result;
      }),
    );
  }

  /** Sends Ctrl-C now, past the queue: stops a running program. */
  async interrupt(): Promise<void> {
    await this.transport.write(Uint8Array.of(CTRL_C));
  }

  /** Stops what runs: Ctrl-C, repeated a few times while that `run` goes on (programs may swallow one). */
  async stop(): Promise<void> {
    // The repeats are for this run only: a run the user starts meanwhile (F5 right after
    // Stop) is a new program, and a late Ctrl-C would stop it before it printed a line.
    const run = this.#runAbort;
    const sameRunGoesOn = () => run !== null && this.#runAbort === run;
    // At least once: the loop may have been typed at the REPL rather than started by run().
    await this.interrupt();
    for (let attempt = 0; attempt < 4 && sameRunGoesOn(); attempt++) {
      await sleep(300);
      if (sameRunGoesOn()) await this.interrupt();
    }
  }

  /** User keystrokes for the friendly REPL. While a program runs they go to its stdin. */
  async writeTerminal(data: string | Uint8Array): Promise<void> {
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    if (this.#running) {
      await this.transport.write(bytes); // The program's stdin, not the REPL's line.
      return;
    }
    if (this.#mode === 'friendly' && this.#queue.idle) {
      await this.#typeAtRepl(bytes);
      return;
    }
    await this.#queue.run(async () => {
      if (this.#mode === 'raw') {
        await this.#leaveRaw(false);
        await this.#retype();
      }
      await this.#typeAtRepl(bytes);
    });
  }

  /**
   * Text pasted into the terminal. At the prompt it runs as one block through paste mode
   * (repl-paste.ts), replacing a half-typed line; never a soft reset. To a running program
   * or a statement still running at the REPL it is typed, as its input.
   */
  async pasteAtRepl(text: string): Promise<void> {
    const body = pasteBody(text);
    if (this.#running || (this.#mode === 'friendly' && this.#typed.statementRunning)) {
      await this.writeTerminal(body);
      return;
    }
    await this.#queue.run(async () => {
      // Leaving the raw REPL gives an empty line: the half-typed one is replaced by the paste, not typed again.
      const lineHasText = this.#mode === 'friendly' && this.#typed.pending.length > 0;
      if (this.#mode === 'raw') await this.#leaveRaw(false);
      this.#typed.clear();
      this.#teeFriendly = true;
      try {
        // The block then runs as a statement typed at the REPL, and its prompt ends it. That
        // prompt is owed from the moment the Ctrl-D leaves, not once its write resolved: see #typeAtRepl.
        await pasteThroughPasteMode(this, body, lineHasText, this.#pacing, () => this.#typed.typed(Uint8Array.of(CTRL_D)));
      } finally {
        this.#teeFriendly = false;
      }
    });
  }

  /** Soft reset (Ctrl-D at the friendly prompt); its output is shown in the terminal. */
  softReset(): Promise<void> {
    return this.#queue.run(() =>
      this.#withActivity('busy', async () => {
        await this.#leaveRaw(false);
        this.#typed.clear(); // A reset starts from a fresh prompt.
        this.#teeFriendly = true;
        try {
          this.incoming.drain();
          await this.transport.write(Uint8Array.of(CTRL_C));
          await sleep(INTERRUPT_PAUSE_MS);
          await this.transport.write(Uint8Array.of(CTRL_D));
          await this.#awaitBanner();
        } finally {
          this.#teeFriendly = false;
        }
      }),
    );
  }

  /**
   * Hard reset, as far as this link allows (hard-reset.ts): `machine.reset()` when the
   * board answers; the reset lines when it does not, or has no `machine`; else the
   * request fails at once asking for the reset button, and the session watches for the
   * banner of the board's restart meanwhile. A program that ignores Ctrl-C ends with it.
   */
  async hardReset(): Promise<void> {
    if (this.#running) await this.stop();
    if (!this.#running) {
      try {
        await this.#queue.run(() => this.#withActivity('busy', () => this.#resetAnswering()));
        return;
      } catch (err) {
        if (!(err instanceof BoardTimeoutError)) throw err;
        // No raw REPL: a statement typed at the REPL ignores Ctrl-C. The lines or the button, then.
      }
    }
    if (hasResetLines(this.transport)) {
      const restarted = bannerSeen(this.transport, RESET_TIMEOUT_MS);
      await pulseResetLines(this.transport);
      if (await restarted) return this.#restartedOutside();
      this.#awaitButton();
      throw new ResetNeedsButtonError('The board did not restart when its reset line was pulsed, and it does not answer Ctrl-C.');
    }
    this.#awaitButton();
    throw new ResetNeedsButtonError('The board does not answer Ctrl-C, and this link has no reset line to restart it with.');
  }

  /** The board answers: `machine.reset()`, or the reset lines where it has no `machine`. */
  async #resetAnswering(): Promise<void> {
    await this.#ensureRaw();
    const probe = await this.#execNow('try:\n import machine\n print(hasattr(machine,"reset"))\nexcept ImportError:\n print(False)', {});
    const hasMachine = new TextDecoder().decode(probe).trim() === 'True';
    const lines = hasResetLines(this.transport);
    if (!hasMachine && !lines) throw new NotSupportedError('This board has no machine.reset() and its link has no reset line.');
    this.#typed.clear(); // A reset starts from a fresh prompt.
    this.incoming.drain();
    if (hasMachine) {
      await this.transport.write(new TextEncoder().encode('import machine\nmachine.reset()\x04'));
      // The raw REPL's OK is protocol, not output: the terminal sees what follows it.
      await this.incoming.readUntil('OK', { timeoutMs: PROMPT_TIMEOUT_MS });
    }
    this.#mode = 'friendly';
    this.#teeFriendly = true;
    try {
      if (!hasMachine) await pulseResetLines(this.transport);
      await this.#awaitBanner();
    } finally {
      this.#teeFriendly = false;
    }
    this.#paste = { kind: 'undetected' };
  }

  /** Waits (in the background) for the user to press the reset button; the banner says they did. */
  #awaitButton(): void {
    this.#buttonWait?.abort();
    const wait = new AbortController();
    this.#buttonWait = wait;
    void bannerSeen(this.transport, BUTTON_WAIT_MS, wait.signal).then((restarted) => {
      if (this.#buttonWait === wait) this.#buttonWait = null;
      if (restarted) this.#restartedOutside();
    });
  }

  /**
   * The board restarted without the session's doing (reset line, button): a run in
   * progress is over, and the next command finds its prompt afresh.
   */
  #restartedOutside(): void {
    this.#buttonWait?.abort();
    this.#runAbort?.abort(new BoardRestartedError());
    this.#typed.clear();
    this.#paste = { kind: 'undetected' };
    this.#needsSync = true;
  }

  async close(): Promise<void> {
    if (this.#mode === 'raw' && !this.#running && this.isOpen) {
      // Handed back at the friendly prompt, as it was found: a terminal opened next shows
      // `>>>`, and the next tool's Ctrl-C gets an answer at once instead of raw silence.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const patience = new Promise<void>((resolve) => (timer = setTimeout(resolve, LEAVE_RAW_ON_CLOSE_MS)));
      await Promise.race([this.transport.write(Uint8Array.of(CTRL_B)).catch(() => undefined), patience]);
      clearTimeout(timer); // A pending timer would hold a CLI's exit for its whole length.
    }
    await this.transport.close();
  }

  // ------------------------------------------------------------------ internals

  #onData(chunk: Uint8Array): void {
    if (this.#mode === 'friendly' && !this.#capturing) {
      if (!this.#running) this.#typed.shown(chunk);
      this.emit('terminal', chunk);
      if (this.#teeFriendly) this.incoming.push(chunk);
    } else this.incoming.push(chunk);
  }

  async #withActivity<T>(activity: SessionActivity, work: () => Promise<T>): Promise<T> {
    this.emit('activity', activity);
    try {
      return await work();
    } finally {
      this.emit('activity', 'idle');
    }
  }

  /** Tells the terminal, at most every FLOOD_NOTICE_MS, that the board's output overflowed. */
  #onFlooding(droppedNow: number, droppedTotal: number): void {
    this.emit('flooding', droppedNow, droppedTotal);
    const now = Date.now();
    if (now - this.#lastFloodNotice < FLOOD_NOTICE_MS) return;
    this.#lastFloodNotice = now;
    const notice = `\r\n[MicroPython Studio: the board is sending faster than it is read; ${droppedTotal} bytes dropped so far]\r\n`;
    this.emit('terminal', new TextEncoder().encode(notice));
  }

  /** Once per connection: a no-op command tells whether the board has raw-paste. At the raw prompt only. */
  async #detectRawPaste(): Promise<void> {
    if (this.#paste.kind !== 'undetected') return;
    // (Not an empty command: Ctrl-D on an empty raw REPL buffer is a soft reset.)
    await execRaw(this, new TextEncoder().encode('pass'), { paste: this.#paste, pacing: this.#pacing, timeoutMs: RESET_TIMEOUT_MS, onPasteDetected: (support) => (this.#paste = support) });
  }

  async #execNow(source: string | Uint8Array, options: ExecOptions & { attempt?: number; toleratesDrops?: boolean; collected?: boolean }): Promise<Uint8Array> {
    await this.#ensureRaw();
    // Anything that arrived while idle at the raw prompt is line noise, not an answer.
    this.incoming.drain();
    await this.#detectRawPaste();
    const plain = typeof source === 'string' ? new TextEncoder().encode(source) : source;
    // A source that fits in one paced chunk cannot overrun the board's buffer: no guard needed.
    const needsGuard = this.#paste.kind !== 'supported' && !options.selfChecking && plain.length >= this.#pacing.chunkSize;
    const guarded = needsGuard ? guardedSource(plain) : null;
    const bytes = guarded ?? plain;
    const timeoutMs = options.timeoutMs ?? DEFAULT_EXEC_TIMEOUT_MS;
    const droppedBefore = this.incoming.dropped;
    try {
      const response = await execRaw(this, bytes, {
        paste: this.#paste,
        pacing: this.#pacing,
        timeoutMs,
        signal: options.signal,
        onStdout: options.onStdout,
        onStderr: options.onStderr,
        onPasteDetected: (support) => (this.#paste = support),
      });
      if (response.strayAnswerPossible) this.#promptUncertain = true;
      const dropped = this.incoming.dropped - droppedBefore;
      if (dropped > 0 && !options.toleratesDrops) {
        this.#promptUncertain = true;
        throw new BoardFloodingError(dropped);
      }
      if (response.stderr.length > 0) {
        const read = guarded ? readGuardedTraceback(response.stderr.trim()) : { damaged: false, traceback: response.stderr.trim() };
        if (isCompileMemoryError(response.stderr)) {
          // Nothing ran: the board could not compile it. A collection from a shallow stack, in a
          // command too small to need much, frees what stale pointers kept alive; then once more.
          if (options.collected) throw new BoardMemoryError(read.traceback);
          await this.#execNow(COLLECT_GARBAGE, { collected: true }).catch((err: unknown) => {
            if (!(err instanceof BoardExecError)) throw err;
          });
          return await this.#execNow(source, { ...options, collected: true });
        }
        const error = new BoardExecError(read.traceback);
        // Without raw-paste the board may have dropped bytes of the source. A damaged guard,
        // or a SyntaxError in an unguarded command, means nothing ran: send it again (twice at most).
        const damaged = read.damaged || (!guarded && this.#paste.kind !== 'supported' && error.exceptionType === 'SyntaxError');
        if (damaged && (options.attempt ?? 0) < 2) return await this.#execNow(source, { ...options, attempt: (options.attempt ?? 0) + 1 });
        throw error;
      }
      return response.stdout;
    } catch (err) {
      if (err instanceof BoardExecError || err instanceof BoardDisconnectedError || err instanceof BoardFloodingError) throw err;
      if (err instanceof BoardOutOfStepError) {
        this.#needsSync = true;
        throw err;
      }
      // Timeout or abort: stop the command and get back to a known prompt.
      await this.#recover();
      throw err;
    }
  }

  /** Ctrl-C, then wait for the interrupted command's end; resync later if that fails. */
  async #recover(): Promise<void> {
    if (!this.isOpen) return;
    try {
      await this.transport.write(Uint8Array.of(CTRL_C));
      await this.incoming.readUntil(Uint8Array.of(CTRL_D, 0x3e), { timeoutMs: PROMPT_TIMEOUT_MS });
      await sleep(20);
      this.incoming.drain();
      // The interrupted command's answer may still be arriving.
      this.#promptUncertain = true;
    } catch {
      this.#needsSync = true;
    }
  }

  /** Gets to the raw `>` prompt from wherever the board is. */
  async #ensureRaw(): Promise<void> {
    if (this.#closed) throw new BoardDisconnectedError();
    if (this.#needsSync) {
      await this.#synchronize(PROMPT_TIMEOUT_MS * 3);
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
      // Ctrl-C clears any half-typed line: Ctrl-A only works on an empty one. (#retype restores it.)
      await this.transport.write(Uint8Array.of(CTRL_C));
      await sleep(10);
      this.incoming.drain();
      await enterRawRepl(this, PROMPT_TIMEOUT_MS);
      this.#mode = 'raw';
    } catch (err) {
      if (err instanceof BoardTimeoutError) return await this.#synchronize(PROMPT_TIMEOUT_MS * 3);
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
    if (await proveRawPrompt(this, this.#pacing, PROMPT_TIMEOUT_MS)) {
      this.#promptUncertain = false;
      return;
    }
    await this.#synchronize(PROMPT_TIMEOUT_MS * 3);
  }

  /**
   * Interrupts whatever runs (Ctrl-C twice, with pauses), enters the raw REPL and proves
   * it with a nonce round trip, so a program that prints `>>> ` or `raw REPL` cannot fool us.
   */
  async #synchronize(totalTimeoutMs: number): Promise<void> {
    const deadline = Date.now() + totalTimeoutMs;
    this.#capturing = true;
    this.#mode = 'raw';
    let lastError: unknown;
    try {
      while (Date.now() < deadline) {
        try {
          await this.transport.write(Uint8Array.of(CTRL_C));
          await this.#settleAfterInterrupt();
          await this.transport.write(Uint8Array.of(CTRL_C));
          await this.#settleAfterInterrupt();
          this.incoming.drain();
          await enterRawRepl(this, Math.min(PROMPT_TIMEOUT_MS, Math.max(100, deadline - Date.now())));
          if (await proveRawPrompt(this, this.#pacing, PROMPT_TIMEOUT_MS)) {
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
      await this.incoming.readUntil(FRIENDLY_PROMPT, { timeoutMs: INTERRUPT_PAUSE_MS });
    } catch (err) {
      if (!(err instanceof BoardTimeoutError)) throw err;
    }
  }

  /** Leaves the raw REPL for the friendly prompt; `showBanner` passes the banner to the terminal. */
  async #leaveRaw(showBanner: boolean): Promise<void> {
    if (this.#mode === 'friendly' || this.#closed) return;
    this.#capturing = true;
    try {
      this.incoming.drain();
      await this.transport.write(Uint8Array.of(CTRL_B));
      const text = new TextDecoder().decode(await this.incoming.readUntil(FRIENDLY_PROMPT, { timeoutMs: PROMPT_TIMEOUT_MS, what: 'The board did not leave the raw REPL.' }));
      const banner = parseBanner(text);
      if (banner) this.info = banner;
      this.#mode = 'friendly';
      if (showBanner) {
        this.greeting = text.replace(/^\r\n/, '');
        this.emit('terminal', new TextEncoder().encode(this.greeting));
      }
    } catch (err) {
      if (err instanceof BoardError && err.code === 'timeout') this.#needsSync = true;
      throw err;
    } finally {
      this.#capturing = false;
    }
  }

  /**
   * Keystrokes for the friendly REPL, remembered until the board is done with them. They
   * are booked before they are written: on a loaded host the board's echo and prompt can
   * be read before the write's drain callback comes, and a prompt counted ahead of its
   * Enter left a statement "running" for good, so that the next paste was typed as plain
   * lines instead of going through paste mode.
   */
  async #typeAtRepl(bytes: Uint8Array): Promise<void> {
    this.#typed.typed(bytes);
    await this.transport.write(bytes);
  }

  /**
   * Types the user's unfinished input again after a command's Ctrl-C wiped it. The terminal
   * already shows it, so the board's echo is swallowed: it ends when the board falls quiet.
   */
  async #retype(): Promise<void> {
    const input = this.#typed.pending;
    if (input.length === 0) return;
    this.#capturing = true;
    try {
      this.incoming.drain();
      await writePaced(this, input, this.#pacing);
      const deadline = Date.now() + RETYPE_ECHO_MS * 10;
      while (Date.now() < deadline) {
        try {
          await this.incoming.readSome({ timeoutMs: RETYPE_ECHO_MS });
        } catch (err) {
          if (err instanceof BoardDisconnectedError) throw err;
          break; // Quiet: the echo is over.
        }
      }
    } finally {
      this.#capturing = false;
    }
  }

  /** After a reset: waits for the banner and prompt (see awaitBanner). */
  async #awaitBanner(): Promise<void> {
    const banner = await awaitBanner(this, RESET_TIMEOUT_MS);
    if (banner) this.info = banner;
  }

  // ByteLink for the protocol helpers.
  write(bytes: Uint8Array): Promise<void> {
    return this.transport.write(bytes);
  }

  override on<E extends keyof BoardSessionEvents>(event: E, listener: BoardSessionEvents[E]): this {
    return super.on(event, listener);
  }
  override off<E extends keyof BoardSessionEvents>(event: E, listener: BoardSessionEvents[E]): this {
    return super.off(event, listener);
  }
}
