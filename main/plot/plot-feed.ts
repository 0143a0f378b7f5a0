/**
 * Turns what the board prints into plot batches: it listens to an output source,
 * splits lines, parses them, and emits one `PlotBatch` at a steady rate (every
 * 33 ms by default) while data flows, and nothing while the board is quiet.
 * Plain Node: no Electron, no DOM, so it runs in main, in web mode and in tests.
 */
import type { PlotBatch, PlotInfo } from '../../preload/contract-types';
import { BatchBuilder } from './batch-builder';
import { LineSplitter } from './line-splitter';
import { parseLine } from './line-parser';
import { ReplAnswerFilter } from './repl-answer-filter';
import { SeriesTable } from './series-table';

/** Where the text comes from: the connection manager's user-visible output (REPL and run output). */
export interface PlotOutputSource {
  onOutput(listener: (text: string) => void): () => void;
}

export interface PlotFeedOptions {
  /** How often a batch goes out: about one per frame at 30 Hz, so the renderer draws smoothly. */
  intervalMs?: number;
  /** Rows held for the next batch at most; more means the event loop stalled for seconds. */
  maxPendingRows?: number;
  /** A clock in milliseconds; tests may pass their own. */
  now?: () => number;
}

export const DEFAULT_INTERVAL_MS = 33;
export const DEFAULT_MAX_PENDING_ROWS = 200_000;
/**
 * A chunk's rows are spread over the whole time since the chunk before (USB and IPC
 * deliver a steady stream in bursts), but over at most this much: a longer gap is a
 * pause in the output, and then the rows keep the spacing the stream had before it.
 */
const MAX_CHUNK_SPREAD_MS = 500;
/** Assumed spacing of the rows in the very first chunk, which has no chunk before it. */
const FIRST_CHUNK_ROW_MS = 0.1;

export class PlotFeed {
  private readonly splitter = new LineSplitter();
  private readonly answers = new ReplAnswerFilter();
  private readonly table = new SeriesTable();
  private readonly builder = new BatchBuilder();
  private readonly intervalMs: number;
  private readonly maxPendingRows: number;
  private readonly now: () => number;
  private epoch = 0;
  /** Rows parsed since the last clear; the next row's index. */
  private samples = 0;
  private batchFirstIndex = 0;
  private dropped = 0;
  /** Clock time of the first row since the last clear: the plot's zero. */
  private origin: number | null = null;
  private lastStamp = 0;
  /** The stream's recent time per row, for a chunk that follows a pause. */
  private rowPeriod = FIRST_CHUNK_ROW_MS;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private detach: (() => void) | null = null;

  constructor(
    private readonly emit: (batch: PlotBatch) => void,
    options: PlotFeedOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
    this.maxPendingRows = options.maxPendingRows ?? DEFAULT_MAX_PENDING_ROWS;
    this.now = options.now ?? (() => performance.now());
  }

  /** Starts reading a source, replacing the previous one. */
  attach(source: PlotOutputSource): void {
    this.detach?.();
    this.splitter.reset();
    this.answers.reset();
    this.detach = source.onOutput((text) => this.push(text));
  }

  /** Feeds text directly; what `attach` does for each output event. */
  push(text: string): void {
    const rowsBefore = this.builder.size;
    this.splitter.push(text, (line) => this.answers.line(line, (kept) => this.readLine(kept)));
    this.answers.partial(this.splitter.pending);
    const added = this.builder.size - rowsBefore;
    if (added === 0) return;
    const arrival = this.now();
    // The first chunk of a session starts the clock; its rows get the usual spread before it.
    this.origin ??= arrival - Math.min(MAX_CHUNK_SPREAD_MS, (added - 1) * FIRST_CHUNK_ROW_MS);
    const to = arrival - this.origin;
    const gap = to - this.lastStamp;
    const spread = gap <= MAX_CHUNK_SPREAD_MS ? gap : Math.min(MAX_CHUNK_SPREAD_MS, added * this.rowPeriod);
    const from = Math.max(this.lastStamp, to - spread);
    if (gap <= MAX_CHUNK_SPREAD_MS && this.lastStamp > 0) this.rowPeriod = gap / added;
    this.builder.stampChunk(from, to);
    this.lastStamp = to;
    this.timer ??= setTimeout(() => this.flush(), this.intervalMs);
  }

  /** Sends what is pending now instead of at the next tick. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.builder.size === 0) return;
    const batch = this.builder.take({
      epoch: this.epoch,
      firstIndex: this.batchFirstIndex,
      series: this.table.series,
      dropped: this.dropped,
    });
    this.batchFirstIndex = this.samples;
    this.emit(batch);
  }

  /** Forgets series and samples and tells renderers so with an empty batch of the next epoch. */
  clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.builder.take({ epoch: this.epoch, firstIndex: 0, series: [], dropped: 0 });
    // A half line goes, but for the idle prompt: the line finished after it is the echo of
    // what the user types there, and the answer filter must see it as one.
    const prompt = this.splitter.pending.startsWith('>>> ') ? this.splitter.pending : '';
    this.splitter.reset();
    this.splitter.push(prompt, () => undefined);
    this.table.clear();
    this.epoch++;
    this.samples = 0;
    this.batchFirstIndex = 0;
    this.dropped = 0;
    this.origin = null;
    this.lastStamp = 0;
    this.rowPeriod = FIRST_CHUNK_ROW_MS;
    this.builder.restartClock();
    this.emit({ epoch: this.epoch, firstIndex: 0, series: [], t: [], columns: [], dropped: 0 });
  }

  info(): PlotInfo {
    return {
      epoch: this.epoch,
      series: [...this.table.series],
      samples: this.samples,
      dropped: this.dropped,
      overlongLines: this.splitter.overlongLines,
    };
  }

  /** Stops reading and drops anything pending. */
  dispose(): void {
    this.detach?.();
    this.detach = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private readLine(line: string): void {
    const parsed = parseLine(line);
    if (!parsed) return;
    const row = this.table.resolve(parsed);
    if (!row || row.indices.length === 0) return;
    if (this.builder.size >= this.maxPendingRows) {
      // The batch stays contiguous; the next one starts after the gap, so renderers see it.
      this.dropped++;
      this.samples++;
      return;
    }
    this.builder.add(row);
    this.samples++;
  }
}
