import { describe, expect, it } from 'vitest';
import { coalesce } from '../../main/virtual-board/state-coalescer';

describe('state coalescer', () => {
  it('passes the first change at once and at most one per interval after, always ending on the latest', async () => {
    const seen: Array<{ value: number; at: number }> = [];
    const started = performance.now();
    const updates = coalesce<number>((value) => seen.push({ value, at: performance.now() - started }), 1000 / 60);
    let i = 0;
    // A tight producer for 300 ms: thousands of changes.
    while (performance.now() - started < 300) {
      updates.push(++i);
      if (i % 500 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen[0]!.value).toBe(1);
    expect(seen.at(-1)!.value).toBe(i);
    expect(seen.length).toBeLessThanOrEqual(Math.ceil(350 / (1000 / 60)) + 1);
    for (let k = 1; k < seen.length; k++) expect(seen[k]!.at - seen[k - 1]!.at).toBeGreaterThanOrEqual(1000 / 60 - 1);
    updates.dispose();
  });
});
