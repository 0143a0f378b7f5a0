/** Run Selection's helper: a block selected inside a function must run at top level. */

/** Removes the indentation common to every line, so a selected block inside a function runs. */
export function dedent(source: string): string {
  const lines = source.split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0);
  const common = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(Math.min(common, l.length - l.trimStart().length))).join('\n');
}

/**
 * The text Run Selection runs: a selection that starts inside a line's indentation (Home
 * puts the cursor after the indent) takes that indentation with it, so its first line is
 * indented like the rest and the common indentation comes off all of them alike.
 */
export function selectedSource(text: string, from: number, to: number): string {
  const lineStart = text.lastIndexOf('\n', from - 1) + 1;
  const start = /^[ \t]*$/.test(text.slice(lineStart, from)) ? lineStart : from;
  return dedent(text.slice(start, to));
}
