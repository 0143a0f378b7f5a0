/**
 * The whole retained history as CSV: `index,time_s,<series…>`, one row per
 * sample, empty where a series had no value. Built in chunks, so a million rows
 * become a Blob without one giant string.
 */
import type { SampleHistory } from './sample-history';

const ROWS_PER_CHUNK = 10_000;

export function historyToCsv(history: SampleHistory): string[] {
  const chunks: string[] = [['index', 'time_s', ...history.series].map(csvField).join(',') + '\n'];
  const { times, indices, columns } = history.rings();
  let lines: string[] = [];
  for (let p = 0; p < history.length; p++) {
    const slot = history.slotOf(p);
    let line = `${indices[slot]},${formatSeconds(times[slot] as number)}`;
    for (const column of columns) {
      const v = column[slot] as number;
      line += v === v ? `,${v}` : ',';
    }
    lines.push(line);
    if (lines.length === ROWS_PER_CHUNK) {
      chunks.push(lines.join('\n') + '\n');
      lines = [];
    }
  }
  if (lines.length > 0) chunks.push(lines.join('\n') + '\n');
  return chunks;
}

/** Times carry hundredths of a millisecond; five decimals of a second keep them. */
function formatSeconds(ms: number): string {
  return String(Math.round(ms * 100) / 100000);
}

/** Quotes a field that holds a comma, quote or line break (RFC 4180). */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
