/**
 * The plot leaves out the REPL's answers to typed lines (`>>> 7` → `7`) but keeps
 * what a statement typed at the REPL keeps printing, and a program's output.
 */
import { describe, expect, it } from 'vitest';
import { PlotFeed } from '../../main/plot/plot-feed';
import type { PlotBatch } from '../../preload/contract-types';

function feed(chunks: string[]): { series: string[]; rows: number } {
  const batches: PlotBatch[] = [];
  const plot = new PlotFeed((batch) => batches.push(batch), { intervalMs: 1_000_000 });
  for (const chunk of chunks) plot.push(chunk);
  plot.flush();
  const info = plot.info();
  plot.dispose();
  return { series: info.series, rows: info.samples };
}

describe('REPL answers are not plotted', () => {
  it('drops the answer to an expression typed at the prompt, whole or cut across reads', () => {
    expect(feed(['>>> 7\r\n', '7\r\n>>> ']).rows).toBe(0);
    expect(feed(['>>> 7\r\n7', '\r\n', '>>> ']).rows).toBe(0);
    expect(feed(['>>> print("adc:", 512)\r\nadc: 512\r\n>>> ']).rows).toBe(0);
  });

  it('plots a loop typed at the REPL, from its first line', () => {
    const loop = ['>>> for i in range(3):\r\n', '...     print("tick:", i)\r\n', '... \r\n', 'tick: 0\r\n', 'tick: 1\r\n', 'tick: 2\r\n>>> '];
    expect(feed(loop)).toEqual({ series: ['tick'], rows: 3 });
  });

  it('plots a program run, even its last line before the prompt', () => {
    expect(feed(['>>> ', 'a:1 b:2\r\n', 'a:2 b:3\r\n', 'a:3 b:4\r\n>>> '])).toEqual({ series: ['a', 'b'], rows: 3 });
    expect(feed(['>>> x = 5\r\n>>> ', 'level:7\r\n', 'level:8\r\n>>> '])).toEqual({ series: ['level'], rows: 2 });
  });
});
