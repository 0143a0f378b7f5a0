/**
 * A read-only window into the app for automated UI tests and benchmarks
 * (`window.mpstudioAutomation`): the terminal's text lives in a canvas-free buffer
 * that the DOM does not fully show, so tests read it here.
 */
import type { BoardState } from '../connection/board-state';
import type { EditorTabs } from '../editor/editor-tabs';
import type { ReplTerminal } from '../repl/repl-terminal';

export interface Automation {
  /** The terminal's text, one line per line printed (wrapped rows joined). */
  replText(): string;
  /** The terminal's text as drawn, one line per row: what a test counts columns by. */
  replRows(): string;
  replWriting(): boolean;
  activeEditorText(): string | undefined;
  boardState(): string;
}

declare global {
  interface Window {
    mpstudioAutomation?: Automation;
  }
}

export function exposeAutomation(parts: { repl: ReplTerminal; tabs: EditorTabs; board: BoardState }): void {
  window.mpstudioAutomation = {
    replText: () => parts.repl.text(),
    replRows: () => parts.repl.text({ rows: true }),
    replWriting: () => parts.repl.writing,
    activeEditorText: () => parts.tabs.active?.view.state.doc.toString(),
    boardState: () => parts.board.status.state,
  };
}
