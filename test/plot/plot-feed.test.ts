import { afterEach, describe, expect, it } from 'vitest';
import { PlotFeed, type PlotOutputSource } from '../../main/plot/plot-feed';
import type { PlotBatch } from '../../preload/contract-types';

/** An output source driven by the test, standing in for the connection manager's event. */
class ScriptedOutput implements PlotOutputSource {
  private listeners = new Set<(text: string) => void>();
  onOutput(listener: (text: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  print(text: string): void {
    for (const listener of this.listeners) listener(text);
  }
  get listenerCount(): number {
    return this.listeners.size;
  }
}

const feeds: PlotFeed[] = [];
afterEach(() => {
  for (const feed of feeds.splice(0)) feed.dispose();
});

function setup(options: ConstructorParameters<typeof PlotFeed>[1] = {}) {
  const batches: PlotBatch[] = [];
  let wake: (() => void) | null = null;
  const feed = new PlotFeed((batch) => {
    batches.push(batch);
    wake?.();
  }, options);
  feeds.push(feed);
  const output = new ScriptedOutput();
  feed.attach(output);
  const nextBatch = () =>
    new Promise<PlotBatch>((resolve) => {
      const count = batches.length;
      wake = () => {
        if (batches.length > count) resolve(batches[count] as PlotBatch);
      };
    });
  return { feed, output, batches, nextBatch };
}

describe('PlotFeed', () => {
  it('emits one column-major batch per interval with every row printed', async () => {
    const { output, nextBatch } = setup({ intervalMs: 20 });
    const batch = nextBatch();
    output.print('temp:21.5 hum:40\r\ntemp:22');
    output.print('.5 hum:41\r\n(1, 2)\r\n');
    const got = await batch;
    expect(got.epoch).toBe(0);
    expect(got.firstIndex).toBe(0);
    expect(got.series).toEqual(['temp', 'hum', 'y1', 'y2']);
    expect(got.columns).toEqual([
      [21.5, 22.5, null],
      [40, 41, null],
      [null, null, 1],
      [null, null, 2],
    ]);
    expect(got.t).toHaveLength(3);
    expect(got.dropped).toBe(0);
  });

  it('numbers rows continuously across batches and keeps times non-decreasing', async () => {
    let clock = 1000;
    const { feed, output, batches } = setup({ intervalMs: 5, now: () => clock });
    for (let i = 0; i < 50; i++) {
      clock += 3;
      output.print(`${i}\n${i + 0.5}\n`);
      if (i % 10 === 9) feed.flush();
    }
    feed.flush();
    let expected = 0;
    let lastT = -1;
    const values: Array<number | null> = [];
    for (const batch of batches) {
      expect(batch.firstIndex).toBe(expected);
      expected += batch.t.length;
      for (const t of batch.t) {
        expect(t).toBeGreaterThanOrEqual(lastT);
        lastT = t;
      }
      values.push(...(batch.columns[0] ?? []));
    }
    expect(expected).toBe(100);
    expect(values.slice(0, 4)).toEqual([0, 0.5, 1, 1.5]);
    expect(lastT).toBeLessThanOrEqual(clock - 1000 + 1);
  });

  it('sends nan and inf as null, since JSON cannot carry them', async () => {
    const { output, nextBatch } = setup({ intervalMs: 1 });
    const batch = nextBatch();
    output.print('nan,inf,-inf,1\n');
    expect((await batch).columns).toEqual([[null], [null], [null], [1]]);
  });

  it('stays quiet while nothing numeric is printed', async () => {
    const { feed, output, batches } = setup({ intervalMs: 1 });
    output.print('hello\n>>> print(1)\nTraceback (most recent call last):\n');
    feed.flush();
    expect(batches).toEqual([]);
  });

  it('clears with an empty batch of the next epoch and starts counting again', async () => {
    const { feed, output, batches } = setup({ intervalMs: 1000 });
    output.print('a:1\n');
    feed.flush();
    output.print('a:2\nb:3');
    feed.clear();
    expect(batches[1]).toEqual({ epoch: 1, firstIndex: 0, series: [], t: [], columns: [], dropped: 0 });
    output.print('\nc:4\n');
    feed.flush();
    expect(batches[2]).toMatchObject({ epoch: 1, firstIndex: 0, series: ['c'], columns: [[4]] });
    expect(feed.info()).toMatchObject({ epoch: 1, samples: 1, series: ['c'], dropped: 0 });
  });

  it('drops rows beyond its pending limit and shows the gap in the next batch', () => {
    const { feed, output, batches } = setup({ intervalMs: 1000, maxPendingRows: 3 });
    output.print('1\n2\n3\n4\n5\n');
    feed.flush();
    output.print('6\n');
    feed.flush();
    expect(batches[0]?.columns).toEqual([[1, 2, 3]]);
    expect(batches[1]).toMatchObject({ firstIndex: 5, columns: [[6]], dropped: 2 });
  });

  it('detaches from the source on dispose and when attached elsewhere', () => {
    const { feed, output } = setup();
    const other = new ScriptedOutput();
    feed.attach(other);
    expect(output.listenerCount).toBe(0);
    expect(other.listenerCount).toBe(1);
    feed.dispose();
    expect(other.listenerCount).toBe(0);
  });
});
