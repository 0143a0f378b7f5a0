import { describe, expect, it } from 'vitest';
import { MAX_LINE_CHARS } from '../../main/plot/line-splitter';
import { PlotFeed } from '../../main/plot/plot-feed';
import { MAX_SERIES } from '../../main/plot/series-table';
import type { PlotBatch } from '../../preload/contract-types';

/** A small seeded generator, so a failure can be replayed from the seed in its message. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = ['1', '-', '.', 'e', ',', ' ', '\t', ':', '=', '(', ')', 'nan', 'inf', 'x', '\n', '\r', '\x1b[', ';', '9999999999999999999999'];

function randomChunk(random: () => number, size: number): string {
  let text = '';
  while (text.length < size) {
    const roll = random();
    if (roll < 0.5) text += String.fromCharCode(Math.floor(random() * 256));
    else if (roll < 0.52) text += String.fromCharCode(0xd800 + Math.floor(random() * 0x800)); // lone surrogates
    else text += PIECES[Math.floor(random() * PIECES.length)];
  }
  return text;
}

describe('parser fuzz', () => {
  for (const seed of [1, 2, 3, 0xc0ffee]) {
    it(`never throws, stays bounded and recovers on random input (seed ${seed})`, () => {
      const random = mulberry32(seed);
      const batches: PlotBatch[] = [];
      const feed = new PlotFeed((b) => batches.push(b), { intervalMs: 60_000 });
      const started = Date.now();
      let maxHeld = 0;
      for (let i = 0; i < 400; i++) {
        feed.push(randomChunk(random, 1 + Math.floor(random() * 4000)));
        maxHeld = Math.max(maxHeld, (feed as unknown as { splitter: { heldChars: number } }).splitter.heldChars);
        if (i % 50 === 0) feed.flush();
      }
      // A long line without an end must not be held whole.
      for (let i = 0; i < 100; i++) feed.push('1'.repeat(10_000));
      maxHeld = Math.max(maxHeld, (feed as unknown as { splitter: { heldChars: number } }).splitter.heldChars);
      feed.push('\n123456789\n');
      feed.flush();
      feed.dispose();

      expect(Date.now() - started, 'a fuzz run must stay fast (no quadratic paths)').toBeLessThan(20_000);
      expect(maxHeld).toBeLessThanOrEqual(MAX_LINE_CHARS);
      expect(feed.info().series.length).toBeLessThanOrEqual(MAX_SERIES);
      // The line after the garbage is read whole: its value lands in the last row, under the
      // first column's name, unless the garbage already used up every series.
      const last = batches[batches.length - 1] as PlotBatch;
      const lastRow = last.columns.map((column) => column?.[column.length - 1]);
      if (last.series.length < MAX_SERIES) expect(lastRow, `series: ${last.series.join(' | ')}`).toContain(123456789);
      else expect(feed.info().samples).toBeGreaterThan(0);
      for (const batch of batches) {
        expect(batch.columns).toHaveLength(batch.series.length);
        for (const col of batch.columns) if (col) expect(col).toHaveLength(batch.t.length);
        expect(JSON.parse(JSON.stringify(batch))).toEqual(batch);
      }
    });
  }
});
