/**
 * The editor's features as one extension list: Python with indentation that follows
 * the language, bracket matching, search and replace, commenting, multiple cursors,
 * completion (file names plus the board's), and live syntax errors from the board's
 * compiler.
 */
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab, toggleComment } from '@codemirror/commands';
import { globalCompletion, localCompletionSource, python } from '@codemirror/lang-python';
import { bracketMatching, foldGutter, foldKeymap, indentOnInput, indentUnit } from '@codemirror/language';
import { lintKeymap } from '@codemirror/lint';
import { highlightSelectionMatches, searchKeymap } from '@codemirror/search';
import { EditorState, type Extension } from '@codemirror/state';
import {
  crosshairCursor,
  drawSelection,
  dropCursor,
  highlightActiveLine,
  highlightActiveLineGutter,
  highlightSpecialChars,
  EditorView,
  keymap,
  lineNumbers,
  rectangularSelection,
} from '@codemirror/view';
import { boardCompletionSource, notAfterDot, type BoardCompletionCache } from './board-completions';
import { boardLint } from './board-lint';
import { editorTheme } from './editor-theme';
import { lineHighlight } from './line-highlight';

export interface EditorFeatures {
  completions: BoardCompletionCache;
  onChange(): void;
  onCursor(line: number, column: number): void;
}

export function editorExtensions(features: EditorFeatures): Extension {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    highlightSpecialChars(),
    history(),
    foldGutter(),
    drawSelection(),
    dropCursor(),
    EditorState.allowMultipleSelections.of(true),
    indentOnInput(),
    indentUnit.of('    '),
    bracketMatching(),
    closeBrackets(),
    // The board answers after a dot; the file's names and Python's builtins answer elsewhere
    // (after `machine.` they would bury the module's own names).
    autocompletion({
      override: [boardCompletionSource(features.completions), notAfterDot(localCompletionSource), notAfterDot(globalCompletion)],
    }),
    rectangularSelection(),
    crosshairCursor(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    python(),
    boardLint(),
    lineHighlight(),
    editorTheme(),
    keymap.of([
      ...closeBracketsKeymap,
      ...defaultKeymap,
      ...searchKeymap,
      ...historyKeymap,
      ...foldKeymap,
      ...completionKeymap,
      ...lintKeymap,
      indentWithTab,
      { key: 'Mod-3', run: toggleComment },
    ]),
    changeListener(features),
  ];
}

function changeListener(features: EditorFeatures): Extension {
  return EditorView.updateListener.of((update) => {
    if (update.docChanged) features.onChange();
    if (update.docChanged || update.selectionSet) {
      const head = update.state.selection.main.head;
      const line = update.state.doc.lineAt(head);
      features.onCursor(line.number, head - line.from + 1);
    }
  });
}
