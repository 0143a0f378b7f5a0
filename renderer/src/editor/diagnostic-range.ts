/**
 * Maps a diagnostic from the board's compiler (1-based line, optional column) onto
 * a range of the editor's document that is always visible, even at a line's end.
 */
import type { Diagnostic as CmDiagnostic } from '@codemirror/lint';
import type { Text } from '@codemirror/state';
import type { Diagnostic } from '../../../preload/contract-types';

export function toCodeMirror(doc: Text, diagnostic: Diagnostic): CmDiagnostic {
  const line = doc.line(Math.min(Math.max(diagnostic.line, 1), doc.lines));
  let from = line.from + Math.min(diagnostic.column ?? 0, line.length);
  let to = line.to;
  if (diagnostic.column !== undefined) {
    const word = /^\w+|^\S/.exec(line.text.slice(from - line.from));
    to = from + (word?.[0].length ?? 0);
  }
  if (from === to) {
    // An error at the end of a line (e.g. a missing colon) still needs a visible mark.
    from = Math.max(line.from, to - 1);
    if (from === to) to = Math.min(doc.length, to + 1);
  }
  return { from, to, severity: 'error', message: diagnostic.message, source: 'MicroPython' };
}
