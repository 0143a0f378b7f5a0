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

  it('keeps an undefined argument undefined, as IPC does (JSON alone would send null)', () => {
    const bytes = new Uint8Array([1, 2]);
    const decoded = decodeWire(encodeWire({ args: ['/a.py', bytes, undefined, undefined] })) as { args: unknown[] };
    expect(decoded.args).toHaveLength(4);
    expect(decoded.args).toStrictEqual(['/a.py', bytes, undefined, undefined]);
    expect(decodeWire(encodeWire(['x', undefined]))).toStrictEqual(['x', undefined]);
    expect(decodeWire(encodeWire([null, { $undefined: 2 }]))).toStrictEqual([null, { $undefined: 2 }]);
  });
});
