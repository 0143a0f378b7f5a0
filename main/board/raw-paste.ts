/**
 * Raw-paste mode (MicroPython 1.14+): negotiation, and the one function that owns its
 * flow control. The board grants the host a window of bytes at a time; the host never
 * sends more than it has been granted, so even tiny input buffers never overflow.
 */
import {
  CTRL_D,
  RAW_PASTE_ABORT,
  RAW_PASTE_REFUSED,
  RAW_PASTE_REQUEST,
  RAW_PASTE_SUPPORTED,
  RAW_PASTE_WINDOW_GRANT,
  RAW_REPL_BANNER_END,
} from './control-bytes';
import { BoardTimeoutError, RawPasteNoAnswerError } from './errors';
import type { IncomingBytes } from './incoming-bytes';

export interface ByteLink {
  write(bytes: Uint8Array): Promise<void>;
  incoming: IncomingBytes;
}

export type RawPasteSupport = { kind: 'supported'; windowSize: number } | { kind: 'refused' } | { kind: 'unknown' };

/** How long a board may take to answer the raw-paste request: generous, a loaded host delays QEMU's boards by seconds. */
const NEGOTIATION_TIMEOUT_MS = 3000;

/** Asks for raw-paste at the raw `>` prompt and reads the board's answer. */
export async function negotiateRawPaste(link: ByteLink, signal?: AbortSignal): Promise<RawPasteSupport> {
  await link.write(RAW_PASTE_REQUEST);
  const answer = await link.incoming.readExactly(2, { timeoutMs: NEGOTIATION_TIMEOUT_MS, signal }).catch((err: unknown) => {
    throw err instanceof BoardTimeoutError ? new RawPasteNoAnswerError(err) : err;
  });
  if (answer[0] === 0x52 /* 'R' */ && answer[1] === RAW_PASTE_SUPPORTED) {
    const size = await link.incoming.readExactly(2, { timeoutMs: NEGOTIATION_TIMEOUT_MS, signal });
    return { kind: 'supported', windowSize: (size[0] as number) | ((size[1] as number) << 8) };
  }
  if (answer[0] === 0x52 && answer[1] === RAW_PASTE_REFUSED) return { kind: 'refused' };
  // Firmware too old to know raw-paste: it re-enters the raw REPL and prints its banner,
  // whose first two bytes we have just read; wait for the banner's end.
  await link.incoming.readUntil(RAW_REPL_BANNER_END, { timeoutMs: NEGOTIATION_TIMEOUT_MS, signal });
  return { kind: 'unknown' };
}

/**
 * Sends `source` in raw-paste mode (after a `supported` negotiation) and ends it with
 * Ctrl-D. Resolves once the board has acknowledged the end of input with its own Ctrl-D;
 * the command's output follows. Returns false when the board stopped the upload early.
 */
export async function sendRawPaste(
  link: ByteLink,
  source: Uint8Array,
  windowSize: number,
  options: { timeoutMs: number; signal?: AbortSignal | undefined; beforeEnd?: (() => void) | undefined },
): Promise<boolean> {
  const wait = { timeoutMs: options.timeoutMs, signal: options.signal, what: 'The board stopped granting raw-paste windows.' };
  let credit = windowSize;
  let offset = 0;
  let stoppedByBoard = false;
  while (offset < source.length) {
    // Take every flow-control byte that has already arrived, without waiting.
    while (link.incoming.length > 0 || credit === 0) {
      const [byte] = await link.incoming.readExactly(1, wait);
      if (byte === RAW_PASTE_WINDOW_GRANT) credit += windowSize;
      else if (byte === RAW_PASTE_ABORT) {
        stoppedByBoard = true;
        break;
      }
    }
    if (stoppedByBoard) break;
    const piece = source.subarray(offset, offset + credit);
    await link.write(piece);
    offset += piece.length;
    credit -= piece.length;
  }
  if (!stoppedByBoard) options.beforeEnd?.(); // May call the command off: its Ctrl-D is what starts it.
  await link.write(Uint8Array.of(CTRL_D));
  if (stoppedByBoard) return false;
  // Grants may still arrive before the board's end-of-input Ctrl-D.
  for (;;) {
    const [byte] = await link.incoming.readExactly(1, wait);
    if (byte === CTRL_D) return true;
  }
}
