/**
 * Completion from the board itself: for `module.` / `obj.attr.` and
 * `from module import …`, the names `dir()` reports on the connected board (or the
 * virtual board when none is connected). Answers are cached per board and firmware,
 * since a module's names don't change while the firmware stays the same.
 */
import type { CompletionContext, CompletionResult, CompletionSource } from '@codemirror/autocomplete';
import type { BoardStatus } from '../../../preload/contract-types';
import { studio } from '../studio-api';

const DOTTED_BEFORE_CURSOR = /([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\.(\w*)$/;
const FROM_IMPORT = /^\s*from\s+([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\s+import\s+(?:[\w\s,]*,\s*)?(\w*)$/;
const CACHE_LIMIT = 500;

export class BoardCompletionCache {
  private cache = new Map<string, Promise<string[]>>();
  constructor(private readonly status: () => BoardStatus) {}

  /** Names of `expression` on the board; an empty list when the board can't say. */
  names(expression: string): Promise<string[]> {
    const status = this.status();
    const board = status.boardId ?? (status.target?.kind === 'serial' ? status.target.path : 'virtual');
    const key = `${board}|${status.version ?? '?'}|${expression}`;
    let answer = this.cache.get(key);
    if (!answer) {
      answer = studio.board.completions(expression).catch(() => {
        // A failed lookup (busy board, unknown name) is not remembered: it may work later.
        this.cache.delete(key);
        return [];
      });
      if (this.cache.size >= CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(key, answer);
    }
    return answer;
  }
}

/** A completion source that stays quiet where an attribute is being typed (`x.|`, `x.ab|`). */
export function notAfterDot(source: CompletionSource): CompletionSource {
  return (context) => (context.matchBefore(/\.\w*$/) ? null : source(context));
}

export function boardCompletionSource(cache: BoardCompletionCache): CompletionSource {
  return async (context: CompletionContext): Promise<CompletionResult | null> => {
    const line = context.state.doc.lineAt(context.pos);
    const before = line.text.slice(0, context.pos - line.from);
    const fromImport = FROM_IMPORT.exec(before);
    const dotted = fromImport ? null : DOTTED_BEFORE_CURSOR.exec(before);
    const match = fromImport ?? dotted;
    if (!match) return null;
    const [, expression = '', partial = ''] = match;
    if (!partial && !context.explicit && !dotted) return null;
    const names = await cache.names(expression);
    if (context.aborted || names.length === 0) return null;
    return {
      from: context.pos - partial.length,
      options: names
        // Private names (a module's own helpers) only once the user asks for them with `_`.
        .filter((name) => !name.startsWith('_') || partial.startsWith('_'))
        .map((name) => ({ label: name, type: 'property', detail: 'board' })),
      validFor: /^\w*$/,
    };
  };
}
