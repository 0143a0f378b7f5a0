/**
 * Live syntax errors: the buffer is compiled by the embedded MicroPython in its
 * worker (`lint:check`), so the squiggles are the board's own parser's verdict.
 */
import { linter } from '@codemirror/lint';
import type { Extension } from '@codemirror/state';
import type { Diagnostic } from '../../../preload/contract-types';
import { studio } from '../studio-api';
import { toCodeMirror } from './diagnostic-range';

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
