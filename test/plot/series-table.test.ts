import { describe, expect, it } from 'vitest';
import { parseLine } from '../../main/plot/line-parser';
import { SeriesTable } from '../../main/plot/series-table';

function feed(table: SeriesTable, line: string) {
  const parsed = parseLine(line);
  return parsed ? table.resolve(parsed) : null;
}

describe('SeriesTable', () => {
  it('names positional columns y1, y2, … and adds series as columns grow', () => {
    const table = new SeriesTable();
    expect(feed(table, '1,2')).toEqual({ indices: [0, 1], values: [1, 2] });
    expect(feed(table, '1,2,3')).toEqual({ indices: [0, 1, 2], values: [1, 2, 3] });
    expect(feed(table, '4')).toEqual({ indices: [0], values: [4] });
    expect(table.series).toEqual(['y1', 'y2', 'y3']);
  });

  it('uses a header line when the next row has as many columns', () => {
    const table = new SeriesTable();
    expect(feed(table, 'temp,hum')).toBeNull();
    expect(feed(table, '21,40')).toEqual({ indices: [0, 1], values: [21, 40] });
    expect(feed(table, '22,41,7')).toEqual({ indices: [0, 1, 2], values: [22, 41, 7] });
    expect(table.series).toEqual(['temp', 'hum', 'y3']);
  });

  it('ignores a header-like line whose column count does not match', () => {
    const table = new SeriesTable();
    feed(table, 'hello world');
    feed(table, '1,2,3');
    expect(table.series).toEqual(['y1', 'y2', 'y3']);
  });

  it('keeps named series apart from positional ones, in order of appearance', () => {
    const table = new SeriesTable();
    feed(table, 'temp:1 hum:2');
    feed(table, 'hum=3');
    feed(table, 'pressure: 1013');
    expect(table.series).toEqual(['temp', 'hum', 'pressure']);
    expect(feed(table, 'hum:5 temp:6')).toEqual({ indices: [1, 0], values: [5, 6] });
  });

  it('tells repeated names in one line apart', () => {
    const table = new SeriesTable();
    expect(feed(table, 'x 1 x 2')).toEqual({ indices: [0, 1], values: [1, 2] });
    expect(table.series).toEqual(['x', 'x (2)']);
  });

  it('stops adding series at the limit and counts what it drops', () => {
    const table = new SeriesTable(3);
    expect(feed(table, '1 2 3 4 5')).toEqual({ indices: [0, 1, 2], values: [1, 2, 3] });
    expect(table.overflowValues).toBe(2);
  });

  it('forgets everything on clear', () => {
    const table = new SeriesTable();
    feed(table, 'a,b');
    feed(table, '1,2');
    table.clear();
    feed(table, '1,2');
    expect(table.series).toEqual(['y1', 'y2']);
  });
});
