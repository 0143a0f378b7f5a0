/**
 * The raw REPL exchange for one command: enter the raw REPL, send the source (raw-paste
 * when the board has it, else paced chunks for boards that drop bytes), and parse the
 * answer as it streams in.
 */
import { CTRL_A, CTRL_D, RAW_PROMPT, RAW_REPL_BANNER } from './control-bytes';
import { BoardOutOfStepError, BoardTimeoutError, CommandCancelledError } from './errors';
import { negotiateRawPaste, sendRawPaste, type ByteLink, type RawPasteSupport } from './raw-paste';
import { RawResponseParser, type RawResponse } from './raw-response-parser';

/**
 * Chunk size and pause for boards without raw-paste. PROTOCOL.md saw 64 bytes per 10 ms
 * lose nothing on the micro:bit, but its UART ring buffer holds only ~32 bytes and a
 * loaded host showed losses at 64, so stay within one ring buffer per pause.
 */
export interface Pacing {
  chunkSize: number;
  pauseMs: number;
}
export const SAFE_PACING: Pacing = { chunkSize: 32, pauseMs: 8 };

/** How long to wait for `OK` after Ctrl-D before assuming the Ctrl-D was lost. */
const OK_WAIT_MS = 3000;

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sleeps up to `ms`, or until the returned `wake` is called. The timer goes as soon as it
 * is woken: a pending one, however short, holds a CLI's exit until it fires.
 */
export function wakeableSleep(ms: number): { slept: Promise<void>; wake: () => void } {
  let wake = () => {};
  const slept = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    wake = () => {
      clearTimeout(timer);
      resolve();
    };
  });
  return { slept, wake };
}

/**
 * A write that gives up at `deadline`: a board that stops reading (stuck, or its UART
 * full) leaves the port undrained forever, and nothing may hang.
 */
export function writeBefore(link: ByteLink, bytes: Uint8Array, deadline: number): Promise<void> {
  const written = link.write(bytes);
  if (!Number.isFinite(deadline)) return written;
  const left = deadline - Date.now();
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BoardTimeoutError('The board stopped reading what we sent.')), Math.max(0, left));
  });
  // Should the deadline win, the write may still fail later: that is no longer news.
  written.catch(() => undefined);
  return Promise.race([written, gaveUp]).finally(() => clearTimeout(timer));
}

/** Writes `bytes` in paced chunks, each drained before the pause. */
export async function writePaced(link: ByteLink, bytes: Uint8Array, pacing: Pacing, signal?: AbortSignal, deadline = Number.POSITIVE_INFINITY): Promise<void> {
  for (let offset = 0; offset < bytes.length; offset += pacing.chunkSize) {
    signal?.throwIfAborted();
    await writeBefore(link, bytes.subarray(offset, offset + pacing.chunkSize), deadline);
    if (offset + pacing.chunkSize < bytes.length) await sleep(pacing.pauseMs);
  }
}

/** From any prompt with an empty line, enters the raw REPL and waits for its banner. */
export async function enterRawRepl(link: ByteLink, timeoutMs: number, signal?: AbortSignal): Promise<void> {
  await link.write(Uint8Array.of(CTRL_A));
  await link.incoming.readUntil(RAW_REPL_BANNER, { timeoutMs, signal, what: 'The board did not enter the raw REPL.' });
}

export interface RawExecOptions {
  /** What is known about raw-paste on this connection; `undetected` asks the board. */
  paste: RawPasteSupport | { kind: 'undetected' };
  pacing: Pacing;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  onStdout?: ((bytes: Uint8Array) => void) | undefined;
  /** The exception text as it arrives. */
  onStderr?: ((bytes: Uint8Array) => void) | undefined;
  /** Told what raw-paste support turned out to be, when it was undetected. */
  onPasteDetected?: (support: RawPasteSupport) => void;
  /**
   * Told right before the byte that starts the command (the Ctrl-D after its source). Until
   * then an aborted `signal` calls the command off with CommandCancelledError, and nothing runs.
   */
  onStart?: (() => void) | undefined;
}

export interface RawExchange extends RawResponse {
  /**
   * True when a second Ctrl-D was sent because `OK` was late. If the first one had
   * arrived after all, the board answers the extra blank command too, later: until a
   * proven prompt, that stray `OK\x04\x04>` could pass for the next command's answer.
   */
  strayAnswerPossible: boolean;
}

/** Runs one command at the raw `>` prompt and resolves with its full response. */
export async function execRaw(link: ByteLink, source: Uint8Array, options: RawExecOptions): Promise<RawExchange> {
  const deadline = Date.now() + options.timeoutMs;
  const remaining = (): number => {
    const left = deadline - Date.now();
    if (left <= 0) throw new BoardTimeoutError(`The board did not finish the command within ${options.timeoutMs} ms.`);
    return left;
  };
  // The gate before the start: a Ctrl-C sent now would land in the protocol exchange (a
  // prompt's proof, the source) and be lost, and the command would then run as if never stopped.
  let started = false;
  const startOrCancel = (): void => {
    if (options.signal?.aborted) throw new CommandCancelledError(true);
    started = true;
    options.onStart?.();
  };
  if (options.signal?.aborted) throw new CommandCancelledError(false);
  let expectOk = true;
  try {
    if (options.paste.kind === 'supported' || options.paste.kind === 'undetected') {
      const support = await negotiateRawPaste(link, options.signal);
      if (options.paste.kind === 'undetected') options.onPasteDetected?.(support);
      // This board said yes before: any other answer now means we are not where we think
      // (at a program's imitation of the prompt, say). Nothing has been sent to run yet.
      else if (support.kind !== 'supported') throw new BoardOutOfStepError('The board did not answer like a raw REPL prompt.', 'no');
      if (support.kind === 'supported') {
        const accepted = await sendRawPaste(link, source, support.windowSize, { timeoutMs: remaining(), signal: options.signal, beforeEnd: startOrCancel });
        expectOk = false;
        void accepted; // When the board stops early it still answers with stdout/error text.
      }
    }
    if (expectOk) {
      await writePaced(link, source, options.pacing, options.signal, deadline);
      startOrCancel();
      await writeBefore(link, Uint8Array.of(CTRL_D), deadline);
    }
  } catch (err) {
    // Aborted mid-negotiation or mid-source: called off all the same, with input to clear.
    if (options.signal?.aborted && !started && !(err instanceof CommandCancelledError)) throw new CommandCancelledError(true, undefined, err);
    throw err;
  }
  const parser = new RawResponseParser({ expectOk, onStdout: options.onStdout, onStderr: options.onStderr });
  // A board without flow control can drop the final Ctrl-D itself and then wait forever
  // for more source. The board says OK at once on Ctrl-D, so if it has not, send another,
  // after a space: should the first Ctrl-D have arrived after all (a slow, loaded board),
  // the second then runs a blank command instead of soft-resetting at an empty prompt,
  // and its stray answer is drained before the next command.
  let okDeadline = Date.now() + OK_WAIT_MS;
  let resends = 0;
  while (!parser.done) {
    if (parser.phase === 'awaiting-ok') {
      try {
        const chunk = await link.incoming.readSome({ timeoutMs: Math.max(1, Math.min(okDeadline - Date.now(), remaining())), signal: options.signal });
        const rest = parser.push(chunk);
        if (parser.done) link.incoming.unshift(rest);
      } catch (err) {
        if (!(err instanceof BoardTimeoutError) || resends >= 2 || Date.now() >= deadline) throw err;
        resends++;
        okDeadline = Date.now() + OK_WAIT_MS;
        await link.write(Uint8Array.of(0x20, CTRL_D));
      }
      continue;
    }
    const chunk = await link.incoming.readSome({ timeoutMs: remaining(), signal: options.signal, what: `The board did not finish the command within ${options.timeoutMs} ms.` });
    const rest = parser.push(chunk);
    if (parser.done) link.incoming.unshift(rest);
  }
  return { ...parser.result(), strayAnswerPossible: resends > 0 };
}

/**
 * Proves we really are at the raw prompt: the board prints `sync` and two random numbers
 * run together, text that appears nowhere in what we sent, so a program printing `>>> ` or
 * `raw REPL` (Thonny #3257) cannot pass for a prompt. Everything before that text is
 * skipped, whatever it is (stray answers of earlier commands, a program's last output),
 * and the prompt after it is consumed: once this returns true, nothing is in flight.
 *
 * The random parts are numbers, not string literals: MicroPython interns every string
 * literal of up to 10 characters for good (qstrs are never freed), so random words leaked
 * a few dozen bytes per proof and fragmented a micro:bit's 10 KB heap until commands no
 * longer compiled. Numbers are plain objects; the one literal, `'sync%d%d'`, is interned once.
 */
export function proofCommand(): { source: string; answer: string } {
  // Nine digits each, below 2**29: small ints on every port (31-bit on 32-bit boards).
  const half = (): number => 100_000_000 + Math.floor(Math.random() * 400_000_000);
  const [a, b] = [half(), half()];
  return { source: `print('sync%d%d'%(${a},${b}))`, answer: `sync${a}${b}` };
}

export async function proveRawPrompt(link: ByteLink, pacing: Pacing, timeoutMs: number): Promise<boolean> {
  const proof = proofCommand();
  const deadline = Date.now() + timeoutMs;
  const wait = (): { timeoutMs: number } => ({ timeoutMs: Math.max(1, deadline - Date.now()) });
  try {
    await writePaced(link, new TextEncoder().encode(proof.source), pacing, undefined, deadline);
    await writeBefore(link, Uint8Array.of(CTRL_D), deadline);
    await link.incoming.readUntil(proof.answer, wait());
    // The rest of the answer: line end, end of stdout, no error text, end, prompt.
    const end = await link.incoming.readUntil(Uint8Array.of(CTRL_D, CTRL_D, RAW_PROMPT.charCodeAt(0)), wait());
    return /^\r?\n?$/.test(new TextDecoder().decode(end.subarray(0, -3)));
  } catch (err) {
    if (err instanceof BoardTimeoutError) return false;
    throw err;
  }
}
