/**
 * Which samples the plot shows: the live window (the last N seconds or N samples,
 * scrolling) or a fixed x range while paused, and the x value of a sample in
 * either axis mode (seconds since start, or sample index).
 */
import type { SampleHistory } from './sample-history';

export type XMode = 'time' | 'index';
export type WindowUnit = 'seconds' | 'samples';

export interface WindowSpec {
  amount: number;
  unit: WindowUnit;
}

/** A slice of history by retained position, and the x range to show. */
export interface ViewSlice {
  start: number;
  end: number;
  min: number;
  max: number;
}

export function xAt(history: SampleHistory, p: number, mode: XMode): number {
  return mode === 'time' ? history.timeAt(p) / 1000 : history.indexAt(p);
}

/** The first retained position whose x is at least `x`. */
export function positionAtX(history: SampleHistory, x: number, mode: XMode): number {
  return mode === 'time' ? history.positionAtTime(x * 1000) : history.positionAtIndex(x);
}

/**
 * The scrolling view: ends at the newest sample, spans the window. Until the
 * window is full it starts at the first sample, so the trace grows from the left.
 */
export function liveSlice(history: SampleHistory, window: WindowSpec, mode: XMode): ViewSlice | null {
  const end = history.length;
  if (end === 0) return null;
  const last = end - 1;
  if (window.unit === 'samples') {
    const start = Math.max(0, end - Math.max(1, Math.round(window.amount)));
    if (mode === 'index') {
      const span = Math.max(1, Math.round(window.amount) - 1);
      const max = Math.max(history.indexAt(last), history.indexAt(0) + span);
      return { start, end, min: max - span, max };
    }
    return padded({ start, end, min: xAt(history, start, mode), max: xAt(history, last, mode) });
  }
  const newest = history.timeAt(last);
  const start = history.positionAtTime(newest - window.amount * 1000);
  if (mode === 'time') {
    const max = Math.max(newest, history.timeAt(0) + window.amount * 1000) / 1000;
    return { start, end, min: max - window.amount, max };
  }
  return padded({ start, end, min: history.indexAt(start), max: history.indexAt(last) });
}

/** The samples needed to draw x from `min` to `max`: one beyond each edge, so lines reach it. */
export function sliceForRange(history: SampleHistory, min: number, max: number, mode: XMode): ViewSlice {
  const start = Math.max(0, positionAtX(history, min, mode) - 1);
  const end = Math.min(history.length, positionAtX(history, max, mode) + 1);
  return { start, end: Math.max(start, end), min, max };
}

/** A one-sample view still needs a non-empty x range. */
function padded(slice: ViewSlice): ViewSlice {
  return slice.max > slice.min ? slice : { ...slice, min: slice.min - 0.5, max: slice.max + 0.5 };
}
