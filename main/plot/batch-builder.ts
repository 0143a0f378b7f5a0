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
    for (let k = 0; k < count; k++) {
      this.t[this.chunkStart + k] = roundTime(from + ((to - from) * (k + 1)) / count);
    }
    this.chunkStart = this.t.length;
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

/** Hundredths of a millisecond: finer than any board prints, and short in JSON. */
function roundTime(ms: number): number {
  return Math.round(ms * 100) / 100;
}
