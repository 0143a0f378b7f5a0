/**
 * The parts of a hard reset that do not need the board's REPL: the reset lines of the
 * link, the banner a restarting board prints, and the words for a reset that only the
 * user's finger can do. BoardSession.hardReset decides which applies.
 *
 * Why three ways: `machine.reset()` needs a board that answers; a program that turned
 * Ctrl-C off answers nothing, and then only the reset lines (RTS, wired to EN/RESET on
 * most USB-serial adapters) or the board's button can restart it. A pseudo-terminal, and
 * boards with native USB (RP2040, micro:bit's DAPLink), have no usable reset line.
 */
import { BoardError } from './errors';
import { parseBanner } from './board-banner';
import type { Transport } from './transport';

/** How long RTS is held: well above any board's reset pulse minimum. */
const RESET_PULSE_MS = 100;

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
