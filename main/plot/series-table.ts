/**
 * Gives every value of a parsed line its series. Series appear in the order they
 * are first seen and keep their index until a clear. Columns by position are named
 * by the last header line that matched their count, else `y1`, `y2`, …; a row with
 * more columns than before adds series, one with fewer leaves the rest missing.
 */
import type { ParsedLine } from './line-parser';

/** More series than this is not a plot anyone can read; the extra values are dropped. */
export const MAX_SERIES = 32;

export interface ResolvedRow {
  /** Series index per value, parallel to `values`. */
  indices: number[];
  values: number[];
}

export class SeriesTable {
  private readonly names: string[] = [];
  private readonly byName = new Map<string, number>();
  private header: string[] | null = null;
  private headerCandidate: string[] | null = null;
  /** Values dropped because the series limit was reached. */
  overflowValues = 0;

  constructor(private readonly maxSeries = MAX_SERIES) {}

  /** Every series name so far, in order of appearance. The array is live: do not change it. */
  get series(): readonly string[] {
    return this.names;
  }

  /** Turns a parsed line into a row, or null when the line carries no values (a header). */
  resolve(line: ParsedLine): ResolvedRow | null {
    if (line.kind === 'header') {
      this.headerCandidate = line.names;
      return null;
    }
    if (line.kind === 'positional') {
      if (this.headerCandidate && this.headerCandidate.length === line.values.length) this.header = this.headerCandidate;
      this.headerCandidate = null;
      return this.collect(line.values, (i) => this.positionalName(i));
    }
    this.headerCandidate = null;
    const seen = new Set<string>();
    return this.collect(line.values, (i) => {
      const base = line.names[i] ?? this.positionalName(i);
      // `x 1 x 2`: the second `x` becomes `x (2)` rather than overwriting the first.
      let name = base;
      for (let n = 2; seen.has(name); n++) name = `${base} (${n})`;
      seen.add(name);
      return name;
    });
  }

  clear(): void {
    this.names.length = 0;
    this.byName.clear();
    this.header = null;
    this.headerCandidate = null;
    this.overflowValues = 0;
  }

  private positionalName(column: number): string {
    return this.header?.[column] ?? `y${column + 1}`;
  }

  private collect(values: number[], nameOf: (i: number) => string): ResolvedRow {
    const indices: number[] = [];
    const kept: number[] = [];
    for (let i = 0; i < values.length; i++) {
      const index = this.indexOf(nameOf(i));
      if (index === -1) {
        this.overflowValues++;
        continue;
      }
      indices.push(index);
      kept.push(values[i] ?? Number.NaN);
    }
    return { indices, values: kept };
  }

  private indexOf(name: string): number {
    const known = this.byName.get(name);
    if (known !== undefined) return known;
    if (this.names.length >= this.maxSeries) return -1;
    this.names.push(name);
    this.byName.set(name, this.names.length - 1);
    return this.names.length - 1;
  }
}
