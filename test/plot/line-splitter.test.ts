import { describe, expect, it } from 'vitest';
import { LineSplitter } from '../../main/plot/line-splitter';

function split(chunks: string[], max?: number): { lines: string[]; splitter: LineSplitter } {
  const splitter = new LineSplitter(max);
  const lines: string[] = [];
  for (const chunk of chunks) splitter.push(chunk, (line) => lines.push(line));
  return { lines, splitter };
}

describe('LineSplitter', () => {
  it('splits on \\n, \\r\\n and a lone \\r', () => {
    expect(split(['a\nb\r\nc\rd\n']).lines).toEqual(['a', 'b', '', 'c', 'd']);
  });

  it('joins a line split across reads, even one byte at a time', () => {
    expect(split(['12,3', '4\n5', '6\n']).lines).toEqual(['12,34', '56']);
    const text = 'temp:21.5 hum:40\r\n(1, 2)\r\n';
    expect(split([...text]).lines.filter((l) => l !== '')).toEqual(['temp:21.5 hum:40', '(1, 2)']);
  });

  it('holds a partial line until its end arrives', () => {
    const { lines } = split(['1,2,3']);
    expect(lines).toEqual([]);
  });

  it('drops an over-long line whole and goes on with the next', () => {
    const { lines, splitter } = split(['1,2\n', '9'.repeat(30), '9'.repeat(30), '\n3,4\n'], 40);
    expect(lines).toEqual(['1,2', '3,4']);
    expect(splitter.overlongLines).toBe(1);
  });

  it('strips terminal colour codes', () => {
    expect(split(['\x1b[32m1,2\x1b[0m\n']).lines).toEqual(['1,2']);
  });

  it('forgets a partial line on reset', () => {
    const splitter = new LineSplitter();
    const lines: string[] = [];
    splitter.push('12', (l) => lines.push(l));
    splitter.reset();
    splitter.push('3\n', (l) => lines.push(l));
    expect(lines).toEqual(['3']);
  });
});
