/**
 * The plotter's memory: ring buffers of typed arrays, one for times, one for
 * sample indices and one per series, all of a fixed capacity (1,000,000 samples
 * by default). The oldest samples are overwritten, so memory stays flat however
 * long the session runs. No DOM: tests run it in Node.
 */

export const DEFAULT_HISTORY = 1_000_000;

export class SampleHistory {
  readonly capacity: number;
  /** Milliseconds since the first sample, per slot. */
  private readonly times: Float64Array;
  /** Sample index (from main's count since clear), per slot. */
  private readonly indices: Float64Array;
  /** One ring per series, NaN where a sample has no value for it. */
  private readonly columns: Float64Array[] = [];
  private readonly names: string[] = [];
  /** Columns of series forgotten by `clear`, kept so the next series reuse them. */
  private readonly spare: Float64Array[] = [];
  /** The slot the next sample goes into. */
  private head = 0;
  /** How many samples are retained, at most `capacity`. */
  length = 0;

  constructor(capacity = DEFAULT_HISTORY) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`history capacity must be a positive integer, not ${capacity}`);
    this.capacity = capacity;
    this.times = new Float64Array(capacity);
    this.indices = new Float64Array(capacity);
  }

  get series(): readonly string[] {
    return this.names;
  }

  /** Adds a series; its past samples read as missing. Returns its column number. */
  addSeries(name: string): number {
    const column = (this.spare.pop() ?? new Float64Array(this.capacity)).fill(Number.NaN);
    this.columns.push(column);
    this.names.push(name);
    return this.columns.length - 1;
  }

  /**
   * Appends one sample. `valueOf(series)` gives each series' value (NaN when
   * missing); a callback avoids building an array per sample at 10,000 a second.
   */
  append(time: number, index: number, valueOf: (series: number) => number): void {
    const slot = this.head;
    this.times[slot] = time;
    this.indices[slot] = index;
    for (let s = 0; s < this.columns.length; s++) (this.columns[s] as Float64Array)[slot] = valueOf(s);
    this.head = slot + 1 === this.capacity ? 0 : slot + 1;
    if (this.length < this.capacity) this.length++;
  }

  /** Forgets every sample and series; the buffers stay allocated for reuse. */
  clear(): void {
    this.spare.push(...this.columns.splice(0));
    this.names.length = 0;
    this.head = 0;
    this.length = 0;
  }

  /** The ring slot of retained position `p` (0 = oldest). */
  slotOf(p: number): number {
    const slot = this.head - this.length + p;
    return slot < 0 ? slot + this.capacity : slot;
  }

  timeAt(p: number): number {
    return this.times[this.slotOf(p)] as number;
  }

  indexAt(p: number): number {
    return this.indices[this.slotOf(p)] as number;
  }

  valueAt(series: number, p: number): number {
    return (this.columns[series] as Float64Array)[this.slotOf(p)] as number;
  }

  /** Raw rings, for loops that walk many samples (decimation, export) without a call per value. */
  rings(): { times: Float64Array; indices: Float64Array; columns: readonly Float64Array[] } {
    return { times: this.times, indices: this.indices, columns: this.columns };
  }

  /** The first position whose time is at least `time` (times never decrease). */
  positionAtTime(time: number): number {
    return this.lowerBound(this.times, time);
  }

  /** The first position whose sample index is at least `index`. */
  positionAtIndex(index: number): number {
    return this.lowerBound(this.indices, index);
  }

  private lowerBound(ring: Float64Array, target: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((ring[this.slotOf(mid)] as number) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
