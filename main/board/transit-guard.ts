/**
 * The transit guard for boards without raw-paste (no flow control): they can drop bytes
 * of a command, and a damaged command may still compile and do the wrong thing.
 */
import { pyBytes } from './python-literal';

/** Sources up to this size are sent inside a length-and-sum guard on boards without raw-paste. */
const GUARD_LIMIT = 4096;

/**
 * Without raw-paste a board can drop bytes of the source, and a damaged source may still
 * compile (`close` → `cloe`). So the source travels as a bytes literal that the board
 * runs only if its length and byte sum are right; a damaged one fails in the guard, and
 * RawCommands.exec resends it. Very long sources go plain: the guard doubles their memory use.
 * `exec` takes the literal out of the board's globals as it starts: left there, it kept the
 * last command's whole source alive into the next command's compile, on a heap of 10 KB.
 */
export function guardedSource(source: Uint8Array): Uint8Array | null {
  if (source.length > GUARD_LIMIT) return null;
  let sum = 0;
  for (const b of source) sum += b;
  return new TextEncoder().encode(
    `_c=${pyBytes(source)}\nif len(_c)!=${source.length} or sum(_c)!=${sum}:\n raise SyntaxError('damaged in transit')\nexec(globals().pop('_c'))`,
  );
}

/**
 * Reads a guarded command's traceback. The command's own code runs as `<string>`; an
 * error with no `<string>` frame came from the guard itself, so the command was damaged
 * on the way (even the guard's own words can be). Otherwise the guard's frame is removed
 * and `<string>` shown as `<stdin>`, so the user sees their own code's traceback.
 */
export function readGuardedTraceback(traceback: string): { damaged: boolean; traceback: string } {
  if (!traceback.includes('File "<string>"')) return { damaged: true, traceback };
  const lines = traceback.split(/\r?\n/);
  const guardFrame = lines.findIndex((line) => line.startsWith('  File "<stdin>"'));
  if (guardFrame >= 0) lines.splice(guardFrame, 1);
  return { damaged: false, traceback: lines.join('\r\n').replaceAll('File "<string>"', 'File "<stdin>"') };
}
