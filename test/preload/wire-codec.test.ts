/** Web mode's JSON keeps byte arrays as bytes, every value 0..255 included. */
import { describe, expect, it } from 'vitest';
import { decodeWire, encodeWire } from '../../preload/wire-codec';

describe('wire codec', () => {
  it('round-trips Uint8Array inside nested values', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
    const decoded = decodeWire(encodeWire({ a: [1, { file: bytes }], s: 'x' })) as { a: [number, { file: Uint8Array }] };
    expect(decoded.a[1].file).toBeInstanceOf(Uint8Array);
    expect([...decoded.a[1].file]).toEqual([...bytes]);
  });

  it('round-trips large arrays (more than one base64 chunk)', () => {
    const bytes = new Uint8Array(200_000).map((_, i) => (i * 7) & 0xff);
    expect(decodeWire(encodeWire(bytes))).toEqual(bytes);
  });

  it('leaves ordinary objects alone', () => {
    expect(decodeWire(encodeWire({ $bytes: 1, other: 2 }))).toEqual({ $bytes: 1, other: 2 });
  });

  it('keeps a skipped argument undefined and a null argument null', () => {
    const args = decodeWire(encodeWire(['/a.py', new Uint8Array([1]), undefined, { replaces: 'ab' }, null])) as unknown[];
    expect(args).toHaveLength(5);
    expect(args[2]).toBeUndefined();
    expect(args[3]).toEqual({ replaces: 'ab' });
    expect(args[4]).toBeNull();
    // Without bytes too (the fast path).
    expect(decodeWire(encodeWire(['x', undefined, 1]))).toEqual(['x', undefined, 1]);
  });
});
