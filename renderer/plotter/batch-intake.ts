/**
 * Applies `plot:samples` batches to the history: a batch of a newer epoch (after a
 * clear) starts a fresh history, series are added as they appear, and a jump in
 * sample indices is counted as lost rows.
 */
import type { PlotBatch } from '../../preload/contract-types';
import type { SampleHistory } from './sample-history';

export interface IntakeResult {
  /** True when the batch started a new epoch and the history was cleared. */
  cleared: boolean;
  /** Samples appended. */
  added: number;
  /** True when new series appeared. */
  newSeries: boolean;
}

export class BatchIntake {
  private epoch: number | null = null;
  private nextIndex: number | null = null;
  /** Rows that never arrived, seen as jumps in sample indices. */
  private gapRows = 0;
  private mainDropped = 0;

  constructor(private readonly history: SampleHistory) {}

  get lostRows(): number {
    // Rows main drops show up as gaps too; main's own count covers the time before this window joined.
    return Math.max(this.gapRows, this.mainDropped);
  }

  apply(batch: PlotBatch): IntakeResult {
    let cleared = false;
    if (this.epoch !== null && batch.epoch < this.epoch) return { cleared, added: 0, newSeries: false };
    if (this.epoch !== batch.epoch) {
      cleared = this.epoch !== null || this.history.length > 0;
      this.history.clear();
      this.epoch = batch.epoch;
      this.nextIndex = null;
      this.gapRows = 0;
      this.mainDropped = 0;
    }
    let newSeries = false;
    while (this.history.series.length < batch.series.length) {
      this.history.addSeries(batch.series[this.history.series.length] as string);
      newSeries = true;
    }
    if (this.nextIndex !== null && batch.firstIndex > this.nextIndex) this.gapRows += batch.firstIndex - this.nextIndex;
    this.mainDropped = batch.dropped;
    const { columns, t } = batch;
    let row = 0;
    const valueOf = (series: number): number => columns[series]?.[row] ?? Number.NaN;
    for (row = 0; row < t.length; row++) this.history.append(t[row] as number, batch.firstIndex + row, valueOf);
    if (t.length > 0) this.nextIndex = batch.firstIndex + t.length;
    return { cleared, added: t.length, newSeries };
  }
}
