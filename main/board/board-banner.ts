/** Reads the MicroPython banner the board prints after a reset or on leaving the raw REPL. */

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
