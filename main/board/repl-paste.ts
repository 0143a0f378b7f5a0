/**
 * Text pasted into the terminal, run as one block through the friendly REPL's paste
 * mode. The board's own banner is the only proof of paste mode: Ctrl-D is sent only
 * after it was seen, because a Ctrl-D that reaches the `>>> ` prompt on an empty line
 * soft-resets the board (running main.py and wiping the user's variables).
 */
import { CTRL_C, CTRL_D, CTRL_E, FRIENDLY_PROMPT } from './control-bytes';
import { BoardTimeoutError } from './errors';
import type { ByteLink } from './raw-paste';
import { writePaced, type Pacing } from './raw-repl';

/** What the board prints on Ctrl-E at an empty `>>> ` line. */
export const PASTE_MODE_BANNER = 'paste mode; Ctrl-C to cancel, Ctrl-D to finish\r\n=== ';
/** Paste mode's prompt for each further line. */
const PASTE_LINE_PROMPT = '\n=== ';
/** A board at its prompt answers a control key within milliseconds; this allows for a loaded host. */
const ANSWER_TIMEOUT_MS = 2000;

/**
 * The pasted text as paste mode takes it: lines end in CR, and control characters go,
 * since a Ctrl-C or Ctrl-D inside the text would end paste mode early.
 */
export function pasteBody(text: string): string {
  return text.replace(/\r\n?|\n/g, '\r').replace(/[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f]/g, '');
}

/**
 * Runs `body` (from pasteBody) through paste mode. `lineHasText` says the user's line at
 * the prompt is not empty: Ctrl-E there only moves the cursor, so the line is cleared
 * first (Ctrl-C cancels a half-typed line and prints a fresh prompt). `beforeRun` is
 * called just before the Ctrl-D that runs the block is written: the board may answer
 * before that write resolves.
 */
export async function pasteThroughPasteMode(link: ByteLink, body: string, lineHasText: boolean, pacing: Pacing, beforeRun: () => void = () => {}): Promise<void> {
  if (lineHasText) {
    link.incoming.drain();
    await link.write(Uint8Array.of(CTRL_C));
    await link.incoming.readUntil(FRIENDLY_PROMPT, { timeoutMs: ANSWER_TIMEOUT_MS, what: 'The board did not clear its input line.' });
  }
  link.incoming.drain();
  await link.write(Uint8Array.of(CTRL_E));
  try {
    await link.incoming.readUntil(PASTE_MODE_BANNER, { timeoutMs: ANSWER_TIMEOUT_MS, what: 'The board did not enter paste mode.' });
  } catch (err) {
    // No banner: a line we did not know about took Ctrl-E as "end of line". Clear it and try once more.
    if (lineHasText || !(err instanceof BoardTimeoutError)) throw err;
    return pasteThroughPasteMode(link, body, true, pacing, beforeRun);
  }
  const lines = body.split('\r');
  if (lines.at(-1) === '') lines.pop();
  for (const [i, line] of lines.entries()) {
    const last = i === lines.length - 1;
    await writePaced(link, new TextEncoder().encode(last ? line : `${line}\r`), pacing);
    // Each line's echo is its flow control: slow boards with small buffers drop bytes otherwise.
    if (!last) await link.incoming.readUntil(PASTE_LINE_PROMPT, { timeoutMs: ANSWER_TIMEOUT_MS }).catch(() => undefined);
  }
  // Paste mode is proven by the banner, and nothing in the body can end it: finish and run.
  beforeRun();
  await link.write(Uint8Array.of(CTRL_D));
}
