/**
 * Live syntax errors: the buffer is compiled by the embedded MicroPython in its
 * worker (`lint:check`), so the squiggles are the board's own parser's verdict.
 */
import { linter, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import type { Extension, Text } from '@codemirror/state';
import type { Diagnostic } from '../../../preload/contract-types';
import { studio } from '../studio-api';

/** Wait this long after the last keystroke before compiling. */
const LINT_DELAY_MS = 350;

export function boardLint(): Extension {
  return linter(
    async (view) => {
      const source = view.state.doc.toString();
      let diagnostics: Diagnostic[];
      try {
        diagnostics = await studio.lint.check(source);
      } catch {
        return []; // No compiler available (yet): no squiggles rather than an error per keystroke.
      }
      if (view.state.doc.toString() !== source) return [];
      return diagnostics.map((d) => toCodeMirror(view.state.doc, d));
    },
    { delay: LINT_DELAY_MS },
  );
}

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
