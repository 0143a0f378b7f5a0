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
 * runs only if its length and byte sum are right; a damaged one raises SyntaxError, which
 * #execNow resends. Very long sources go plain: the guard doubles their memory use.
 */
export function guardedSource(source: Uint8Array): Uint8Array {
  if (source.length > GUARD_LIMIT) return source;
  let sum = 0;
  for (const b of source) sum += b;
  return new TextEncoder().encode(
    `_c=${pyBytes(source)}\nif len(_c)!=${source.length} or sum(_c)!=${sum}:\n raise SyntaxError('damaged in transit')\nexec(_c)`,
  );
}
