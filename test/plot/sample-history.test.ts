import { describe, expect, it } from 'vitest';
import type { PlotBatch } from '../../preload/contract-types';
import { BatchIntake } from '../../renderer/plotter/batch-intake';
import { historyToCsv } from '../../renderer/plotter/csv-export';
import { decimate, emptyView } from '../../renderer/plotter/decimate';
import { SampleHistory } from '../../renderer/plotter/sample-history';
import { liveSlice, sliceForRange } from '../../renderer/plotter/view-window';

function batch(epoch: number, firstIndex: number, series: string[], t: number[], columns: PlotBatch['columns'], dropped = 0): PlotBatch {
  return { epoch, firstIndex, series, t, columns, dropped };
}

function fill(history: SampleHistory, count: number, from = 0): void {
  if (history.series.length === 0) history.addSeries('y1');
  for (let i = from; i < from + count; i++) history.append(i * 10, i, () => i);
}

describe('SampleHistory', () => {
  it('keeps the newest samples once full, in order', () => {
    const history = new SampleHistory(5);
    fill(history, 8);
    expect(history.length).toBe(5);
    expect([0, 1, 2, 3, 4].map((p) => history.valueAt(0, p))).toEqual([3, 4, 5, 6, 7]);
    expect(history.indexAt(0)).toBe(3);
    expect(history.timeAt(4)).toBe(70);
  });

  it('reads past samples of a new series as missing', () => {
    const history = new SampleHistory(10);
    fill(history, 3);
    history.addSeries('late');
    history.append(30, 3, (s) => (s === 0 ? 3 : 99));
    expect(Number.isNaN(history.valueAt(1, 0))).toBe(true);
    expect(history.valueAt(1, 3)).toBe(99);
  });

  it('finds positions by time and by index across the wrap', () => {
    const history = new SampleHistory(7);
    fill(history, 12);
    expect(history.positionAtTime(80)).toBe(3);
    expect(history.positionAtTime(85)).toBe(4);
    expect(history.positionAtIndex(5)).toBe(0);
    expect(history.positionAtIndex(1000)).toBe(7);
  });

  it('keeps its memory flat over a long session: no buffer grows', () => {
    const history = new SampleHistory(1000);
    const before = history.rings();
    fill(history, 100_000);
    const after = history.rings();
    expect(after.times).toBe(before.times);
    expect(after.columns[0]?.length).toBe(1000);
    expect(history.length).toBe(1000);
  });

  it('reuses the columns of cleared series', () => {
    const history = new SampleHistory(100);
    fill(history, 10);
    const column = history.rings().columns[0];
    history.clear();
    history.addSeries('again');
    expect(history.rings().columns[0]).toBe(column);
    expect(Number.isNaN(history.rings().columns[0]?.[3] ?? 0)).toBe(true);
  });
});

describe('BatchIntake', () => {
  it('appends batches, adds series and clears on a new epoch', () => {
    const history = new SampleHistory(100);
    const intake = new BatchIntake(history);
    expect(intake.apply(batch(0, 0, ['a'], [0, 1], [[1, 2]]))).toEqual({ cleared: false, added: 2, newSeries: true });
    intake.apply(batch(0, 2, ['a', 'b'], [2], [[3], [30]]));
    expect(history.series).toEqual(['a', 'b']);
    expect(history.valueAt(1, 2)).toBe(30);
    expect(Number.isNaN(history.valueAt(1, 0))).toBe(true);
    expect(intake.apply(batch(1, 0, [], [], []))).toEqual({ cleared: true, added: 0, newSeries: false });
    expect(history.length).toBe(0);
    expect(intake.apply(batch(0, 3, ['a'], [3], [[4]])).added).toBe(0);
  });

  it('counts gaps in sample indices as lost rows', () => {
    const intake = new BatchIntake(new SampleHistory(100));
    intake.apply(batch(0, 100, ['a'], [0], [[1]]));
    expect(intake.lostRows).toBe(0);
    intake.apply(batch(0, 104, ['a'], [1], [[1]], 3));
    expect(intake.lostRows).toBe(3);
  });
});

describe('view and decimation', () => {
  it('shows the last N samples, growing from the left until the window is full', () => {
    const history = new SampleHistory(1000);
    fill(history, 5);
    expect(liveSlice(history, { amount: 100, unit: 'samples' }, 'index')).toEqual({ start: 0, end: 5, min: 0, max: 99 });
    fill(history, 200, 5);
    expect(liveSlice(history, { amount: 100, unit: 'samples' }, 'index')).toEqual({ start: 105, end: 205, min: 105, max: 204 });
    // 10 ms per sample: a 1 s window holds 100 samples.
    expect(liveSlice(history, { amount: 1, unit: 'seconds' }, 'time')).toMatchObject({ start: 104, end: 205, max: 2.04 });
  });

  it('slices a paused range with one sample beyond each edge', () => {
    const history = new SampleHistory(1000);
    fill(history, 100);
    expect(sliceForRange(history, 20, 30, 'index')).toEqual({ start: 19, end: 31, min: 20, max: 30 });
  });

  it('keeps every sample when few, and each column’s extremes when many', () => {
    const history = new SampleHistory(10_000);
    history.addSeries('y');
    for (let i = 0; i < 10_000; i++) history.append(i, i, () => (i === 5000 ? 1000 : i % 7));
    const few = decimate(history, 0, 50, 'index', 100, [true], emptyView());
    expect(few.xs).toHaveLength(50);
    const many = decimate(history, 0, 10_000, 'index', 100, [true], emptyView());
    expect(many.xs).toHaveLength(200);
    expect(many.yMax).toBe(1000);
    expect(many.ys[0]).toContain(1000);
    expect(many.yMin).toBe(0);
    const hidden = decimate(history, 0, 10_000, 'index', 100, [false], emptyView());
    expect(Number.isNaN(hidden.yMax)).toBe(true);
  });
});

describe('decimation across the ring’s wrap', () => {
  it('matches a plain min/max per column, in order of occurrence', () => {
    const history = new SampleHistory(1000);
    history.addSeries('a');
    history.addSeries('b');
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 100 - 50;
    for (let i = 0; i < 2500; i++) history.append(i, i, (s) => (s === 1 && i % 3 === 0 ? Number.NaN : random()));
    const view = decimate(history, 100, 1000, 'index', 60, [true, true], emptyView());
    expect(view.xs).toHaveLength(120);
    for (let b = 0; b < 60; b++) {
      const from = 100 + Math.floor((b * 900) / 60);
      const to = 100 + Math.floor(((b + 1) * 900) / 60);
      expect(view.xs[2 * b]).toBe(history.indexAt(from));
      expect(view.xs[2 * b + 1]).toBe(history.indexAt(to - 1));
      for (const s of [0, 1]) {
        const values: Array<[number, number]> = [];
        for (let p = from; p < to; p++) if (!Number.isNaN(history.valueAt(s, p))) values.push([history.valueAt(s, p), p]);
        const min = values.reduce((m, v) => (v[0] < m[0] ? v : m));
        const max = values.reduce((m, v) => (v[0] > m[0] ? v : m));
        const expected = min[1] <= max[1] ? [min[0], max[0]] : [max[0], min[0]];
        expect([view.ys[s]?.[2 * b], view.ys[s]?.[2 * b + 1]]).toEqual(expected);
      }
    }
  });
});

describe('CSV export', () => {
  it('writes every retained sample, empty where missing, names quoted when needed', () => {
    const history = new SampleHistory(3);
    history.addSeries('temp');
    history.addSeries('a,b');
    for (let i = 0; i < 4; i++) history.append(i * 1.5, i, (s) => (s === 0 ? i + 0.5 : i % 2 ? Number.NaN : -i));
    expect(historyToCsv(history).join('')).toBe('index,time_s,temp,"a,b"\n1,0.0015,1.5,\n2,0.003,2.5,-2\n3,0.0045,3.5,\n');
  });
});
