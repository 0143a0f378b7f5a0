/**
 * What the board tells us before an install: where libraries go (the first `…/lib` on
 * `sys.path` that is not in `/rom`, as mip picks it), which .mpy ABI it loads
 * (`sys.implementation._mpy`: version in the low byte, sub-version in bits 8–9; the
 * index names folders by the low byte alone, as mip does), and whether it has folders.
 */
import type { BoardSession } from '../board/board-session';
import type { DeviceFs } from '../board/device-fs';
import { normalizeBoardPath } from '../board/fs-paths';

export interface BoardTarget {
  /** Absolute install folder, `/` on a flat file system. */
  dir: string;
  /** `py`, or the .mpy version as the index's folder name (e.g. `6`). */
  mpy: string;
  /** The board's .mpy version and sub-version, for messages; null without `_mpy`. */
  mpyAbi: { version: number; subVersion: number } | null;
  flat: boolean;
}

const PROBE = `import sys
print(getattr(getattr(sys,'implementation',None),'_mpy',0))
for _p in getattr(sys,'path',()):
 print(repr(_p))`;

/** Asks the board; `targetOverride` (the user's --target) wins over sys.path. */
export async function probeBoardTarget(session: BoardSession, fs: DeviceFs, options: { targetOverride?: string | undefined; mpy: boolean }): Promise<BoardTarget> {
  const features = await fs.features();
  const [first = '0', ...paths] = (await session.execText(PROBE)).split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  const raw = Number(first) || 0;
  const mpyAbi = raw ? { version: raw & 0xff, subVersion: (raw >> 8) & 3 } : null;
  const mpy = options.mpy && mpyAbi ? String(mpyAbi.version) : 'py';
  const flat = !features.folders;
  let dir: string;
  if (options.targetOverride !== undefined) dir = normalizeBoardPath(options.targetOverride);
  else if (flat) dir = '/'; // No folders: imports find modules in the root, where files can live.
  else {
    const lib = paths.map(parseStrRepr).find((p) => p !== null && !p.startsWith('/rom') && p.endsWith('/lib'));
    // Boards whose sys.path has no lib folder still import from /lib on most ports; mip refuses here, we take /lib.
    dir = lib ? normalizeBoardPath(lib.startsWith('/') ? lib : `/${lib}`) : '/lib';
  }
  return { dir, mpy, mpyAbi, flat };
}

/** `'abc'` or `"a'b"` as the board's repr prints a str, or null. */
function parseStrRepr(text: string): string | null {
  const quote = text[0];
  if ((quote !== "'" && quote !== '"') || text[text.length - 1] !== quote) return null;
  return text.slice(1, -1).replace(/\\(.)/g, '$1');
}
