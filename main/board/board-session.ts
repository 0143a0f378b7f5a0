/**
 * One `BoardSession` per connection. It owns the protocol on top of a Transport:
 * a single queue so the IDE's commands never interleave, the friendly-REPL passthrough
 * for the terminal (which never sees the raw-REPL traffic of the IDE's own commands),
 * `exec`, `run` with live output and stop, interrupt and resets. The protocol work is done
 * by its parts: PromptKeeper (which prompt the board is at, and getting to the other one),
 * RawCommands (a command at the raw prompt, with an answer it can trust), TerminalInput (the
 * user's keys and pastes) and HardReset.
 */
import { EventEmitter } from 'node:events';
import type { RunResult } from '../../preload/contract-types';
import { RESET_TIMEOUT_MS, awaitBanner, parseBanner, type BannerInfo } from './board-banner';
import { CommandQueue } from './command-queue';
import { CTRL_B, CTRL_C, CTRL_D, FRIENDLY_PROMPT } from './control-bytes';
import { BoardDisconnectedError, BoardExecError, BoardTimeoutError } from './errors';
import { IncomingBytes } from './incoming-bytes';
import { INTERRUPT_PAUSE_MS, PromptKeeper } from './prompt-keeper';
import { RawCommands, type ExecOptions } from './raw-commands';
import type { RawPasteSupport } from './raw-paste';
import { SAFE_PACING, sleep, type Pacing } from './raw-repl';
import type { Transport, TransportCloseReason } from './transport';
import { TerminalInput } from './terminal-input';
import { TypedInput } from './typed-input';
import { BoardRestartedError, HardReset } from './hard-reset';

export type { ExecOptions } from './raw-commands';

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

/** A program run: whether the byte that starts it has left, and the means to end or call it off. */
interface ProgramRun {
  abort: AbortController;
  started: boolean;
  stopRequested: boolean;
  /** Resolves once the program ended or was called off. */
  ended: Promise<void>;
}

/** How long closing waits to hand the board back at its friendly prompt. */
const LEAVE_RAW_ON_CLOSE_MS = 500;

/** At most one flooding notice in the terminal per this many ms. */
const FLOOD_NOTICE_MS = 2000;

export class BoardSession extends EventEmitter {
  readonly transport: Transport;
  readonly incoming = new IncomingBytes({ onOverflow: (now, total) => this.#onFlooding(now, total) });
  info: BannerInfo = { banner: '', version: '' };
  /** What the board printed on connect (banner and prompt), for the terminal to show first. */
  greeting = '';
  #queue = new CommandQueue();
  /** Friendly-mode bytes are also copied to `incoming` (resets watch for the prompt). */
  #teeFriendly = false;
  #pacing: Pacing;
  /** Where the board is: friendly or raw prompt, and how sure of it. */
  #prompt: PromptKeeper;
  #commands: RawCommands;
  #reset: HardReset;
  #input: TerminalInput;
  #lastFloodNotice = 0;
  #running = false;
  /** The program run in progress: `abort` ends it when the board restarts under it, or calls it off before it started. */
  #run: ProgramRun | null = null;
  #closed: TransportCloseReason | null = null;
  /** The user's unfinished REPL input, typed again after a command wipes it. */
  #typed = new TypedInput();

  private constructor(transport: Transport, options: BoardSessionOptions) {
    super();
    this.transport = transport;
    this.#pacing = options.pacing ?? SAFE_PACING;
    this.#prompt = new PromptKeeper(this, this.#pacing, this.#typed, () => this.#closed !== null);
    this.#commands = new RawCommands(this, this.#prompt, this.#pacing);
    this.#reset = new HardReset({
      transport,
      incoming: this.incoming,
      prompt: this.#prompt,
      commands: this.#commands,
      typed: this.#typed,
      throughRestart: (restart) => this.#throughRestart(restart),
      endRun: () => this.#run?.abort.abort(new BoardRestartedError()),
    });
    this.#input = new TerminalInput({
      link: this,
      pacing: this.#pacing,
      queue: this.#queue,
      prompt: this.#prompt,
      typed: this.#typed,
      isRunning: () => this.#running,
      leaveRaw: () => this.#leaveRaw(false),
      alsoReading: (work) => this.#alsoReading(work),
    });
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
        await session.#prompt.synchronize(options.connectTimeoutMs ?? 6000);
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
    return this.#commands.paste;
  }

  /** Whether the board has raw-paste, asking it when nobody has yet. */
  async detectRawPaste(): Promise<RawPasteSupport> {
    if (this.#commands.paste.kind === 'undetected') {
      await this.#queue.run(() => this.#withActivity('busy', () => this.#commands.detectRawPaste()));
    }
    return this.#commands.paste as RawPasteSupport;
  }
  get running(): boolean {
    return this.#running;
  }

  /** Runs `source` in the raw REPL; stdout streams to `onStdout`. A traceback rejects with BoardExecError. */
  exec(source: string | Uint8Array, options: ExecOptions = {}): Promise<Uint8Array> {
    return this.#queue.run(() => this.#withActivity('busy', () => this.#commands.exec(source, options)));
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
        let end = (): void => undefined;
        const run: ProgramRun = { abort: new AbortController(), started: false, stopRequested: false, ended: new Promise((resolve) => (end = resolve)) };
        const abort = run.abort;
        this.#run = run;
        try {
          // A program's output may be lossy under a flood (the terminal says so); a run is not an answer.
          await this.#commands.exec(source, { onStdout: forward, timeoutMs: 2 ** 31 - 1, toleratesDrops: true, signal: abort.signal, onStart: () => (run.started = true) });
          result = { outcome: 'completed' };
        } catch (err) {
          if (run.stopRequested && !run.started && !(err instanceof BoardDisconnectedError)) {
            // Stop came before the program did: it never ran.
            this.emit('terminal', new TextEncoder().encode('\r\n[Stopped before the program started.]\r\n'));
            result = { outcome: 'stopped' };
          } else if (abort.signal.reason instanceof BoardRestartedError) {
            // The board is back at its friendly prompt, banner printed: say so where the program's output was.
            this.#running = false;
            this.#prompt.atFriendlyPrompt();
            this.emit('terminal', new TextEncoder().encode(`\r\n[The board restarted.]\r\n${this.info.banner}\r\n${FRIENDLY_PROMPT}`));
            return { outcome: 'stopped' } satisfies RunResult;
          } else {
            if (!(err instanceof BoardExecError)) throw err;
            this.emit('terminal', new TextEncoder().encode(err.traceback.replace(/\r?\n/g, '\r\n') + '\r\n'));
            result = err.exceptionType === 'KeyboardInterrupt' ? { outcome: 'stopped', traceback: err.traceback } : { outcome: 'failed', traceback: err.traceback };
          }
        } finally {
          this.#running = false;
          this.#run = null;
          end();
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

  /**
   * Stops what runs: Ctrl-C, repeated a few times while that `run` goes on (programs may
   * swallow one). A run that has not started yet (the session is still getting the board to
   * its prompt or sending the program) is called off instead: a Ctrl-C then would land in
   * that exchange and be lost, and the program would start as if Stop had not been pressed.
   */
  async stop(): Promise<void> {
    const run = this.#run;
    if (run && !run.started) {
      run.stopRequested = true;
      run.abort.abort();
      await run.ended; // Stop is done when the run is (hardReset looks right after).
      return;
    }
    // The repeats are for this run only: a run the user starts meanwhile (F5 right after
    // Stop) is a new program, and a late Ctrl-C would stop it before it printed a line.
    const sameRunGoesOn = () => run !== null && this.#run === run;
    // At least once: the loop may have been typed at the REPL rather than started by run().
    await this.interrupt();
    for (let attempt = 0; attempt < 4 && sameRunGoesOn(); attempt++) {
      await sleep(300);
      if (sameRunGoesOn()) await this.interrupt();
    }
  }

  /** User keystrokes for the friendly REPL. While a program runs they go to its stdin. */
  writeTerminal(data: string | Uint8Array): Promise<void> {
    return this.#input.write(data);
  }

  /** Text pasted into the terminal: run as one block at the prompt, typed as input to what runs (terminal-input.ts). */
  pasteAtRepl(text: string): Promise<void> {
    return this.#input.paste(text);
  }

  /** Soft reset (Ctrl-D at the friendly prompt); its output is shown in the terminal. */
  softReset(): Promise<void> {
    return this.#queue.run(() =>
      this.#withActivity('busy', async () => {
        await this.#leaveRaw(false);
        this.#typed.clear(); // A reset starts from a fresh prompt.
        await this.#throughRestart(async () => {
          this.incoming.drain();
          await this.transport.write(Uint8Array.of(CTRL_C));
          await sleep(INTERRUPT_PAUSE_MS);
          await this.transport.write(Uint8Array.of(CTRL_D));
        });
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
        await this.#queue.run(() => this.#withActivity('busy', () => this.#reset.viaRepl()));
        return;
      } catch (err) {
        if (!(err instanceof BoardTimeoutError)) throw err;
        // No raw REPL: a statement typed at the REPL ignores Ctrl-C. The lines or the button, then.
      }
    }
    await this.#reset.withoutRepl();
  }

  async close(): Promise<void> {
    if (this.#prompt.mode === 'raw' && !this.#running && this.isOpen) {
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
    if (this.#prompt.mode === 'friendly' && !this.#prompt.capturing) {
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

  /** Leaves the raw REPL for the friendly prompt; `showBanner` passes the banner to the terminal. */
  #leaveRaw(showBanner: boolean): Promise<void> {
    return this.#prompt.leaveRaw((text) => {
      const banner = parseBanner(text);
      if (banner) this.info = banner;
      if (showBanner) {
        this.greeting = text.replace(/^\r\n/, '');
        this.emit('terminal', new TextEncoder().encode(this.greeting));
      }
    });
  }

  /** Runs `work` while friendly-mode bytes reach `incoming` too: paste mode and resets read the board's prompts. */
  async #alsoReading(work: () => Promise<void>): Promise<void> {
    this.#teeFriendly = true;
    try {
      await work();
    } finally {
      this.#teeFriendly = false;
    }
  }

  /**
   * A restart the session brings about (soft reset, `machine.reset()`, reset lines): while
   * `restart` runs and the board prints its banner and prompt, the terminal shows them and
   * they are read here too (see awaitBanner), for `info`.
   */
  #throughRestart(restart: () => Promise<void>): Promise<void> {
    return this.#alsoReading(async () => {
      await restart();
      const banner = await awaitBanner(this, RESET_TIMEOUT_MS);
      if (banner) this.info = banner;
    });
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
