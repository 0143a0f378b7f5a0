/**
 * Hard reset, as far as the link allows. BoardSession.hardReset decides which way applies:
 * `machine.reset()` when the board answers (its REPL is reached through the session's
 * parts); otherwise the reset lines of the link, watching for the banner a restarting board
 * prints; else words asking for a reset only the user's finger can do, while the banner of
 * that restart is watched for in the background.
 *
 * Why three ways: `machine.reset()` needs a board that answers; a program that turned
 * Ctrl-C off answers nothing, and then only the reset lines (RTS, wired to EN/RESET on
 * most USB-serial adapters) or the board's button can restart it. A pseudo-terminal, and
 * boards with native USB (RP2040, micro:bit's DAPLink), have no usable reset line.
 */
import { BoardError, NotSupportedError } from './errors';
import { RESET_TIMEOUT_MS, parseBanner } from './board-banner';
import type { IncomingBytes } from './incoming-bytes';
import { PROMPT_TIMEOUT_MS, type PromptKeeper } from './prompt-keeper';
import type { RawCommands } from './raw-commands';
import type { Transport } from './transport';
import type { TypedInput } from './typed-input';

/** How long RTS is held: well above any board's reset pulse minimum. */
const RESET_PULSE_MS = 100;
/** How long the session watches for a restart after asking the user to press the reset button. */
const BUTTON_WAIT_MS = 5 * 60_000;

/** The board cannot be reset from here: the user must press its reset button. */
export class ResetNeedsButtonError extends BoardError {
  constructor(reason: string) {
    super('needs-reset-button', reason, { hint: "Press the board's reset button. The app is waiting for the board to restart and carries on when it does." });
  }
}

/** Ends a run whose board restarted under it (reset line, reset button). */
export class BoardRestartedError extends BoardError {
  constructor() {
    super('disconnected', 'The board restarted.');
  }
}

/** True when the link has modem lines that may be wired to the board's reset. */
export function hasResetLines(transport: Transport): boolean {
  return !!transport.setSignals && transport.resetLines !== false;
}

/** Pulses RTS with DTR released: EN/RESET low, then high again. */
export async function pulseResetLines(transport: Transport): Promise<void> {
  await transport.setSignals?.({ dtr: false, rts: true });
  await new Promise((resolve) => setTimeout(resolve, RESET_PULSE_MS));
  await transport.setSignals?.({ dtr: false, rts: false });
}

/**
 * Resolves true once the board prints a MicroPython banner (it restarted), false after
 * `ms` or when `signal` aborts. It listens to the link itself, beside the session, so it
 * sees the banner whatever the session is reading at the time (a stuck program's run).
 */
export function bannerSeen(transport: Transport, ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    let seen = '';
    const done = (restarted: boolean) => {
      clearTimeout(timer);
      transport.off('data', onData);
      transport.off('close', onClose);
      signal?.removeEventListener('abort', onAbort);
      resolve(restarted);
    };
    const onData = (chunk: Uint8Array) => {
      // Bytes as Latin-1: a banner is ASCII, and a chunk cut mid-character must not hide it.
      seen = (seen + String.fromCharCode(...chunk)).slice(-4096);
      if (parseBanner(seen) && seen.endsWith('>>> ')) done(true);
    };
    const onClose = () => done(false);
    const onAbort = () => done(false);
    const timer = setTimeout(() => done(false), ms);
    transport.on('data', onData);
    transport.on('close', onClose);
    signal?.addEventListener('abort', onAbort);
  });
}

/** What a hard reset works with: the session's parts, and two hooks into the session itself. */
export interface HardResetParts {
  transport: Transport;
  incoming: IncomingBytes;
  prompt: PromptKeeper;
  commands: RawCommands;
  typed: TypedInput;
  /** Runs `restart`, then reads the banner and prompt the board prints (the terminal shows them too). */
  throughRestart: (restart: () => Promise<void>) => Promise<void>;
  /** The board restarted without the session's doing: a program run in progress is over. */
  endRun: () => void;
}

export class HardReset {
  #parts: HardResetParts;
  /** The wait for the user's press of the reset button, while one is asked for. */
  #buttonWait: AbortController | null = null;

  constructor(parts: HardResetParts) {
    this.#parts = parts;
  }

  /** The board answers: `machine.reset()`, or the reset lines where it has no `machine`. Run in the session's queue. */
  async viaRepl(): Promise<void> {
    const { transport, incoming, prompt, commands, typed } = this.#parts;
    await prompt.ensureRaw();
    const probe = await commands.exec('try:\n import machine\n print(hasattr(machine,"reset"))\nexcept ImportError:\n print(False)', {});
    const hasMachine = new TextDecoder().decode(probe).trim() === 'True';
    const lines = hasResetLines(transport);
    if (!hasMachine && !lines) throw new NotSupportedError('This board has no machine.reset() and its link has no reset line.');
    typed.clear(); // A reset starts from a fresh prompt.
    incoming.drain();
    if (hasMachine) {
      await transport.write(new TextEncoder().encode('import machine\nmachine.reset()\x04'));
      // The raw REPL's OK is protocol, not output: the terminal sees what follows it.
      await incoming.readUntil('OK', { timeoutMs: PROMPT_TIMEOUT_MS });
    }
    prompt.atFriendlyPrompt();
    await this.#parts.throughRestart(async () => {
      if (!hasMachine) await pulseResetLines(transport);
    });
    commands.forgetPaste();
  }

  /**
   * The board does not answer: the reset lines, watching for the restart's banner. When
   * they do nothing, or the link has none, this fails at once asking for the reset button,
   * and the banner of that restart is watched for meanwhile.
   */
  async withoutRepl(): Promise<void> {
    const { transport } = this.#parts;
    if (hasResetLines(transport)) {
      const restarted = bannerSeen(transport, RESET_TIMEOUT_MS);
      await pulseResetLines(transport);
      if (await restarted) return this.#restartedOutside();
      this.#awaitButton();
      throw new ResetNeedsButtonError('The board did not restart when its reset line was pulsed, and it does not answer Ctrl-C.');
    }
    this.#awaitButton();
    throw new ResetNeedsButtonError('The board does not answer Ctrl-C, and this link has no reset line to restart it with.');
  }

  /** Waits (in the background) for the user to press the reset button; the banner says they did. */
  #awaitButton(): void {
    this.#buttonWait?.abort();
    const wait = new AbortController();
    this.#buttonWait = wait;
    void bannerSeen(this.#parts.transport, BUTTON_WAIT_MS, wait.signal).then((restarted) => {
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
    this.#parts.endRun();
    this.#parts.typed.clear();
    this.#parts.commands.forgetPaste();
    this.#parts.prompt.lostTrack();
  }
}
