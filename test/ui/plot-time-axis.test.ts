/**
 * The plotter's default time axis with output that arrives in bursts, in a real
 * Chromium over web mode with the virtual board: a sine printed every 5 ms reaches
 * the page in batches, and its rows must get strictly increasing times spaced like
 * the prints, not shared stamps (vertical walls) and gaps (flat segments).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from '../support/chromium';
import { newFile, openIde, waitForBoardState, waitForRepl, type Ide, type InPage } from './ide-driver';

const SINE = `import math, time
for i in range(300):
    print(math.sin(i / 10))
    time.sleep_ms(5)
print("done")
`;

describe('plot time axis', () => {
  let ide: Ide;
  beforeAll(async () => {
    ide = await openIde();
    await waitForBoardState(ide.page, 'idle', 60_000);
  }, 180_000); // Web mode and the virtual board start slowly on a loaded machine.
  afterAll(async () => {
    await ide?.close();
  });

  it('gives every row of a burst its own, increasing time, spaced like the prints', async () => {
    const { page } = ide;
    await page.evaluate(() => {
      const w = globalThis as InPage & { seenBatches: number[][] };
      w.seenBatches = [];
      w.studio.plot.onSamples((batch) => w.seenBatches.push([...batch.t]));
    });
    await newFile(page, SINE);
    await page.keyboard.press('F5');
    await waitForRepl(page, /^done$/m, 60_000);
    await page.click('[role="tab"][data-panel="plotter"]');
    await saveScreenshot(page, 'plot-sine-bursts');
    const batches = await page.evaluate(() => (globalThis as unknown as { seenBatches: number[][] }).seenBatches);
    const bursts = batches.filter((t) => t.length > 1);
    expect(bursts.length).toBeGreaterThan(0);
    for (const t of bursts) {
      for (let k = 1; k < t.length; k++) expect(t[k]!, `row ${k} of a burst of ${t.length}`).toBeGreaterThan(t[k - 1]!);
    }
    const times = batches.flat();
    expect(times.length).toBeGreaterThanOrEqual(290);
    const gaps = times.slice(1).map((t, k) => t - times[k]!).sort((a, b) => a - b);
    // Spaced like a 5 ms print: no shared stamps, and the usual gap near the print interval
    // (sleep_ms(5) plus printing; the slowest tenth may be the machine's own stalls).
    expect(gaps[0]).toBeGreaterThan(0);
    const median = gaps[Math.floor(gaps.length / 2)]!;
    expect(median).toBeGreaterThan(2);
    expect(median).toBeLessThan(40);
    expect(gaps[Math.floor(gaps.length * 0.1)]!).toBeGreaterThan(median / 4);
    expect(ide.errors).toEqual([]);
  });
});
