/**
 * The editor's features as one extension list: Python with indentation that follows
 * the language, bracket matching, search and replace, commenting, multiple cursors,
 * completion (file names plus the board's), and live syntax errors from the board's
 * compiler.
 */
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab, toggleComment } from '@codemirror/commands';
import { python, pythonLanguage } from '@codemirror/lang-python';
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
import { boardCompletionSource, type BoardCompletionCache } from './board-completions';
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
    autocompletion(),
    rectangularSelection(),
    crosshairCursor(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    python(),
    pythonLanguage.data.of({ autocomplete: boardCompletionSource(features.completions) }),
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
