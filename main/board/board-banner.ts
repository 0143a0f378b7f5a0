/** Reads the MicroPython banner the board prints after a reset or on leaving the raw REPL. */
import { CTRL_C, FRIENDLY_PROMPT } from './control-bytes';
import { BoardTimeoutError } from './errors';
import type { ByteLink } from './raw-paste';

/** How long a reset may take to give its banner and prompt: the board runs boot.py and main.py first. */
export const RESET_TIMEOUT_MS = 5000;

export interface BannerInfo {
  /** e.g. `MicroPython v1.9.2-34-gd64154c73 on 2017-09-01; micro:bit v1.0.1 with nRF51822`. */
  banner: string;
  /** e.g. `1.9.2`. */
  version: string;
}

/** Finds the banner line in text the board printed, or null when there is none. */
export function parseBanner(text: string): BannerInfo | null {
  const line = text.split(/\r?\n/).find((candidate) => /MicroPython v\d/.test(candidate));
  if (!line) return null;
  const banner = line.slice(line.indexOf('MicroPython v')).trim();
  const version = /MicroPython v(\d+\.\d+(?:\.\d+)?)/.exec(banner)?.[1] ?? '';
  return { banner, version };
}

/**
 * After a reset: waits for the banner and the `>>> ` prompt. A main.py that loops
 * forever never reaches the prompt, so on the first timeout it is interrupted once.
 */
export async function awaitBanner(link: ByteLink, timeoutMs: number): Promise<BannerInfo | null> {
  let seen = '';
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      seen += new TextDecoder().decode(await link.incoming.readUntil(FRIENDLY_PROMPT, { timeoutMs }));
      if (parseBanner(seen)) break;
    } catch (err) {
      if (!(err instanceof BoardTimeoutError) || attempt > 0) throw err;
      await link.write(Uint8Array.of(CTRL_C));
    }
  }
  link.incoming.drain();
  return parseBanner(seen);
}
