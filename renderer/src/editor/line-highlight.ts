/**
 * Briefly highlights a line, for "go to the line of this traceback": the cursor
 * alone is easy to miss in a long file.
 */
import { StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';

const HIGHLIGHT_MS = 2500;
const setHighlight = StateEffect.define<number | null>();
const lineMark = Decoration.line({ class: 'cm-highlighted-line' });

const highlightField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(value, transaction) {
    value = value.map(transaction.changes);
    for (const effect of transaction.effects) {
      if (effect.is(setHighlight)) {
        value = effect.value === null ? Decoration.none : Decoration.set([lineMark.range(effect.value)]);
      }
    }
    return value;
  },
  provide: (field) => EditorView.decorations.from(field),
});

export function lineHighlight(): Extension {
  return highlightField;
}

/** Moves the cursor to a 1-based line, scrolls it into view and flashes it. */
export function goToLine(view: EditorView, lineNumber: number): void {
  const line = view.state.doc.line(Math.min(Math.max(lineNumber, 1), view.state.doc.lines));
  view.dispatch({
    selection: { anchor: line.from },
    effects: [setHighlight.of(line.from), EditorView.scrollIntoView(line.from, { y: 'center' })],
  });
  view.focus();
  setTimeout(() => view.dispatch({ effects: setHighlight.of(null) }), HIGHLIGHT_MS);
}
