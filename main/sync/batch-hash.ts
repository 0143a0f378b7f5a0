/**
 * Hashes many board files in one command each batch, so comparing an unchanged
 * project costs a few round trips instead of two per file. Paths reach the board only
 * as literals from the engine's quoting helper. Any failure falls back to asking the
 * board file by file, so this is only ever a shortcut.
 */
import { pyStr } from '../board/python-literal';

/** Paths per command: keeps the source small for boards with little heap. */
export const HASH_BATCH = 20;
/** And at most this many bytes of quoted paths per command, for long paths: the source is compiled whole. */
const HASH_BATCH_PATH_BYTES = 600;
/** Printed for a file the board could not open (gone, or a folder). */
const MISSING = '-';

export function batchHashSource(paths: readonly string[]): string {
  return [
    'try:',
    ' import hashlib as _hl',
    'except ImportError:',
    ' import uhashlib as _hl',
    'def _hf(p):',
    ' _h=_hl.sha256()',
    " _f=open(p,'rb')",
    ' while 1:',
    '  _c=_f.read(512)',
    '  if not _c:',
    '   break',
    '  _h.update(_c)',
    ' _f.close()',
    " return ''.join('%02x'%_b for _b in _h.digest())",
    `for _p in (${paths.map(pyStr).join(',')},):`,
    ' try:',
    '  print(_hf(_p))',
    ' except OSError:',
    `  print('${MISSING}')`,
    'del _hf,_hl,_p',
  ].join('\n');
}

/** Reads one line per path; a line that is not a hash leaves that path out. */
export function parseBatchHashes(paths: readonly string[], stdout: string): Map<string, string> {
  const lines = stdout.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  const out = new Map<string, string>();
  if (lines.length !== paths.length) return out;
  paths.forEach((path, i) => {
    const line = lines[i]!;
    if (/^[0-9a-f]{64}$/.test(line)) out.set(path, line);
  });
  return out;
}

/** Hashes `paths` with `exec` in batches; paths it could not hash are simply absent. */
export async function hashMany(exec: (source: string) => Promise<string>, paths: readonly string[]): Promise<Map<string, string>> {
  const all = new Map<string, string>();
  for (const batch of batches(paths)) {
    try {
      for (const [path, hex] of parseBatchHashes(batch, await exec(batchHashSource(batch)))) all.set(path, hex);
    } catch {
      // The per-file path will ask again and report a real error if there is one.
    }
  }
  return all;
}

/** Consecutive runs of paths within HASH_BATCH and HASH_BATCH_PATH_BYTES (a longer path goes alone). */
function* batches(paths: readonly string[]): Generator<string[]> {
  let batch: string[] = [];
  let bytes = 0;
  for (const path of paths) {
    const size = Buffer.byteLength(pyStr(path)) + 1;
    if (batch.length > 0 && (batch.length === HASH_BATCH || bytes + size > HASH_BATCH_PATH_BYTES)) {
      yield batch;
      batch = [];
      bytes = 0;
    }
    batch.push(path);
    bytes += size;
  }
  if (batch.length > 0) yield batch;
}
