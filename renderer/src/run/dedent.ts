/** Run Selection's helper: a block selected inside a function must run at top level. */

/** Removes the indentation common to every line, so a selected block inside a function runs. */
export function dedent(source: string): string {
  const lines = source.split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0);
  const common = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(Math.min(common, l.length - l.trimStart().length))).join('\n');
}
