/**
 * Makes traceback lines in the terminal clickable: `File "main.py", line 12` opens
 * that file at that line. What the file means (a board file, or the file that was
 * run for `<stdin>`) is the caller's business.
 */
import type { IDisposable, ILink, Terminal } from '@xterm/xterm';

export const TRACEBACK_LINE = /File "([^"]+)", line (\d+)/g;

export interface TracebackTarget {
  file: string;
  line: number;
}

/** Finds traceback references in one line of text; columns are 0-based. */
export function findTracebackRefs(text: string): Array<TracebackTarget & { start: number; end: number }> {
  const refs = [];
  for (const match of text.matchAll(TRACEBACK_LINE)) {
    refs.push({ file: match[1] as string, line: Number(match[2]), start: match.index, end: match.index + match[0].length });
  }
  return refs;
}

export function registerTracebackLinks(terminal: Terminal, open: (target: TracebackTarget) => void): IDisposable {
  return terminal.registerLinkProvider({
    provideLinks(bufferLineNumber, callback) {
      const line = terminal.buffer.active.getLine(bufferLineNumber - 1);
      if (!line) return callback(undefined);
      const refs = findTracebackRefs(line.translateToString(true));
      if (refs.length === 0) return callback(undefined);
      const links: ILink[] = refs.map((ref) => ({
        range: { start: { x: ref.start + 1, y: bufferLineNumber }, end: { x: ref.end, y: bufferLineNumber } },
        text: `${ref.file}:${ref.line}`,
        decorations: { pointerCursor: true, underline: true },
        activate: () => open({ file: ref.file, line: ref.line }),
      }));
      callback(links);
    },
  });
}
