/**
 * Collects rows into one column-major `PlotBatch`. Non-finite values become
 * `null` (JSON cannot carry NaN); a series without values in the batch gets a
 * `null` column instead of an array of nulls.
 */
import type { PlotBatch } from '../../preload/contract-types';
import type { ResolvedRow } from './series-table';

export class BatchBuilder {
  private t: number[] = [];
  private columns: Array<Array<number | null> | undefined> = [];
  /** Where the rows of the chunk being read start; their times are set when it ends. */
  private chunkStart = 0;
  /** The last time handed out, across batches, so the next chunk's times follow it. */
  private lastTime = -Infinity;

  get size(): number {
    return this.t.length;
  }

  /** Adds a row; its time is a placeholder until `stampChunk`. */
  add(row: ResolvedRow): void {
    const at = this.t.length;
    this.t.push(0);
    for (let k = 0; k < row.indices.length; k++) {
      const index = row.indices[k] as number;
      const value = row.values[k] as number;
      let column = this.columns[index];
      if (!column) {
        column = new Array<number | null>(at).fill(null);
        this.columns[index] = column;
      }
      // `-0` would arrive as `0` over JSON but not over Electron's IPC; send `0` on both.
      column[at] = Number.isFinite(value) ? (value === 0 ? 0 : value) : null;
    }
    for (const column of this.columns) {
      if (column && column.length <= at) column.push(null);
    }
  }

  /**
   * Gives the rows added since the last call evenly spaced times in `(from, to]`,
   * so a chunk of many lines draws as a slope, not a vertical wall.
   */
  stampChunk(from: number, to: number): void {
    const count = this.t.length - this.chunkStart;
    let previous = this.chunkStart > 0 ? (this.t[this.chunkStart - 1] as number) : this.lastTime;
    for (let k = 0; k < count; k++) {
      // Never two rows at one time (rounding, or a chunk in the same instant as the last):
      // a shared stamp draws as a vertical wall.
      const stamp = Math.max(roundTime(from + ((to - from) * (k + 1)) / count), roundTime(previous + TIME_STEP));
      this.t[this.chunkStart + k] = stamp;
      previous = stamp;
    }
    this.lastTime = previous;
    this.chunkStart = this.t.length;
  }

  /** Forgets the last time handed out: the plot's clock starts again at zero. */
  restartClock(): void {
    this.lastTime = -Infinity;
  }

  /** Hands over the rows collected so far and starts an empty batch. */
  take(meta: { epoch: number; firstIndex: number; series: readonly string[]; dropped: number }): PlotBatch {
    const columns: PlotBatch['columns'] = [];
    for (let i = 0; i < meta.series.length; i++) columns.push(this.columns[i] ?? null);
    const batch: PlotBatch = {
      epoch: meta.epoch,
      firstIndex: meta.firstIndex,
      series: [...meta.series],
      t: this.t,
      columns,
      dropped: meta.dropped,
    };
    this.t = [];
    this.columns = [];
    this.chunkStart = 0;
    return batch;
  }
}

/** The smallest step between two rows' times: one unit of `roundTime`. */
const TIME_STEP = 0.01;

/** Hundredths of a millisecond: finer than any board prints, and short in JSON. */
function roundTime(ms: number): number {
  return Math.round(ms * 100) / 100;
}
