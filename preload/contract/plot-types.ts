/** What the plotter receives: batches of samples parsed from the board's output, and their totals. */

/**
 * A batch of plot samples from the board's output, sent every ~33 ms while data
 * flows. Column-major and compact so 10,000 lines a second fit through JSON.
 */
export interface PlotBatch {
  /** Bumps on every `plot:clear`; a batch with a new epoch starts a fresh history. */
  epoch: number;
  /** Index of this batch's first row, counted from 0 since the last clear. A gap means rows were lost. */
  firstIndex: number;
  /** Every series since the last clear, in order of first appearance; a name never changes index. */
  series: string[];
  /** Per row: milliseconds since the first sample after the last clear, never decreasing. */
  t: number[];
  /**
   * Per series in `series`: one value per row. `null` marks a missing value, NaN or
   * ±inf (JSON has no NaN); a whole column is `null` when the series had no value in the batch.
   */
  columns: Array<Array<number | null> | null>;
  /** Rows main had to drop since the last clear because nothing took them (should stay 0). */
  dropped: number;
}

export interface PlotInfo {
  epoch: number;
  series: string[];
  /** Rows parsed since the last clear. */
  samples: number;
  dropped: number;
  /** Lines skipped for being longer than the cap. */
  overlongLines: number;
}
