/**
 * Probes once per connection what the board's firmware can do with files, so each file
 * operation picks what works: folders or a flat file system, rename, statvfs, hashlib,
 * binascii, a raw byte reader for uploads, free RAM.
 */
import type { FsCapabilities } from '../../preload/contract-types';

/** FsCapabilities plus what the engine itself needs to choose strategies. */
export interface BoardFsFeatures extends FsCapabilities {
  ilistdir: boolean;
  stat: boolean;
  /** micro:bit's `os.size(name)`. */
  size: boolean;
  /** `micropython.kbd_intr`, needed to pass Ctrl-C bytes through as data. */
  kbdIntr: boolean;
  /** The micro:bit's `microbit.uart`, which can read raw bytes while a command runs. */
  microbitUart: boolean;
  /** `select.poll`, to read `sys.stdin.buffer` with a timeout. */
  poll: boolean;
  platform: string;
}

/**
 * One command, kept small for 16 KB heaps (a micro:bit has about 10 KB of it free, and
 * without raw-paste the transit guard holds the source twice while it compiles); prints
 * one line of flags. `hasattr(None, x)` is False, so a missing module needs no test of its own.
 */
export const PROBE_SOURCE = `import os,sys,gc
def _m(n):
 try:
  return __import__(n)
 except ImportError:
  pass
_h=hasattr
print(_h(os,'stat'),_h(os,'ilistdir'),_h(os,'rename'),_h(os,'statvfs'),_h(os,'mkdir'),bool(_m('hashlib') or _m('uhashlib')),bool(_m('binascii') or _m('ubinascii')),_h(sys,'stdin') and _h(sys.stdin,'buffer'),_h(_m('microbit'),'uart'),_h(_m('micropython'),'kbd_intr'),_h(os,'size'),_h(_m('select') or _m('uselect'),'poll'),sys.platform,gc.mem_free() if _h(gc,'mem_free') else -1)
del _m,_h
gc.collect()`;

export function parseProbe(output: string): BoardFsFeatures {
  const words = output.trim().split(/\s+/);
  const flag = (i: number): boolean => words[i] === 'True';
  const freeMemory = Number(words[13]);
  const features: BoardFsFeatures = {
    stat: flag(0),
    ilistdir: flag(1),
    rename: flag(2),
    statvfs: flag(3),
    folders: flag(4),
    hashlib: flag(5),
    binascii: flag(6),
    stdinBuffer: flag(7),
    microbitUart: flag(8),
    kbdIntr: flag(9),
    size: flag(10),
    poll: flag(11),
    platform: words[12] ?? '',
  };
  if (Number.isFinite(freeMemory) && freeMemory >= 0) features.freeMemory = freeMemory;
  return features;
}

/** The public part, as the contract's `fs:capabilities` returns it. */
export function publicCapabilities(features: BoardFsFeatures): FsCapabilities {
  const caps: FsCapabilities = {
    folders: features.folders,
    rename: features.rename,
    statvfs: features.statvfs,
    hashlib: features.hashlib,
    binascii: features.binascii,
    stdinBuffer: features.stdinBuffer,
  };
  if (features.freeMemory !== undefined) caps.freeMemory = features.freeMemory;
  return caps;
}
