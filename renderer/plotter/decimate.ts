/**
 * Reduces the samples in view to what a plot of a given width can show: with more
 * than two samples per pixel column, each column keeps its first and last x and,
 * per series, its minimum and maximum in the order they occurred. Spikes survive,
 * and drawing cost depends on the width, not on the data rate.
 */
import type { SampleHistory } from './sample-history';
import type { XMode } from './view-window';

/** Arrays handed to uPlot; reused from frame to frame so drawing allocates little. */
export interface DecimatedView {
  xs: number[];
  ys: Array<Array<number | null>>;
  /** Range of the shown series' values in view; NaN when none has a value. */
  yMin: number;
  yMax: number;
}

export function emptyView(): DecimatedView {
  return { xs: [], ys: [], yMin: Number.NaN, yMax: Number.NaN };
}

export function decimate(
  history: SampleHistory,
  start: number,
  end: number,
  mode: XMode,
  buckets: number,
  shown: readonly boolean[],
  out: DecimatedView,
): DecimatedView {
  const { times, indices, columns } = history.rings();
  const xRing = mode === 'time' ? times : indices;
  const xScale = mode === 'time' ? 1 / 1000 : 1;
  const capacity = history.capacity;
  const base = history.slotOf(0);
  const slot = (p: number): number => (base + p >= capacity ? base + p - capacity : base + p);
  const count = Math.max(0, end - start);
  const seriesCount = columns.length;
  out.ys.length = seriesCount;
  for (let s = 0; s < seriesCount; s++) out.ys[s] ??= [];
  let yMin = Infinity;
  let yMax = -Infinity;
  let k = 0;

  if (count <= buckets * 2) {
    for (let p = start; p < end; p++, k++) {
      const at = slot(p);
      out.xs[k] = (xRing[at] as number) * xScale;
      for (let s = 0; s < seriesCount; s++) {
        const v = (columns[s] as Float64Array)[at] as number;
        const ys = out.ys[s] as Array<number | null>;
        if (v !== v) {
          ys[k] = null;
          continue;
        }
        ys[k] = v;
        if (shown[s] !== false) {
          if (v < yMin) yMin = v;
          if (v > yMax) yMax = v;
        }
      }
    }
  } else {
    for (let b = 0; b < buckets; b++) {
      const from = start + Math.floor((b * count) / buckets);
      const to = start + Math.floor(((b + 1) * count) / buckets);
      if (to <= from) continue;
      out.xs[k] = (xRing[slot(from)] as number) * xScale;
      out.xs[k + 1] = (xRing[slot(to - 1)] as number) * xScale;
      // The bucket's slots: one run of the ring, or two when it wraps.
      const first = slot(from);
      const wraps = first + (to - from) > capacity;
      const runEnd = wraps ? capacity : first + (to - from);
      const wrapEnd = wraps ? first + (to - from) - capacity : 0;
      for (let s = 0; s < seriesCount; s++) {
        const column = columns[s] as Float64Array;
        let lo = Infinity;
        let hi = -Infinity;
        let loAt = 0;
        let hiAt = 0;
        // Positions are compared only for order, so slot numbers (offset past the wrap) do.
        for (let i = first; i < runEnd; i++) {
          const v = column[i] as number;
          if (v < lo) {
            lo = v;
            loAt = i;
          }
          if (v > hi) {
            hi = v;
            hiAt = i;
          }
        }
        for (let i = 0; i < wrapEnd; i++) {
          const v = column[i] as number;
          if (v < lo) {
            lo = v;
            loAt = i + capacity;
          }
          if (v > hi) {
            hi = v;
            hiAt = i + capacity;
          }
        }
        const ys = out.ys[s] as Array<number | null>;
        if (lo === Infinity) {
          ys[k] = null;
          ys[k + 1] = null;
          continue;
        }
        ys[k] = loAt <= hiAt ? lo : hi;
        ys[k + 1] = loAt <= hiAt ? hi : lo;
        if (shown[s] !== false) {
          if (lo < yMin) yMin = lo;
          if (hi > yMax) yMax = hi;
        }
      }
      k += 2;
    }
  }
  out.xs.length = k;
  for (const ys of out.ys) ys.length = k;
  out.yMin = yMin === Infinity ? Number.NaN : yMin;
  out.yMax = yMax === -Infinity ? Number.NaN : yMax;
  return out;
}
