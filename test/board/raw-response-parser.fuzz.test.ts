/**
 * Fuzz test for the raw REPL response parser: random byte streams in random chunkings
 * never make it throw or stall, and a valid response buried in noise always parses to
 * the same result however it is chunked.
 */
import { describe, expect, it } from 'vitest';
import { RawResponseParser } from '../../main/board/raw-response-parser';

/** A small deterministic PRNG (mulberry32), so failures reproduce. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function chunked(bytes: Uint8Array, random: () => number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; ) {
    const size = 1 + Math.floor(random() * 40);
    chunks.push(bytes.subarray(i, i + size));
    i += size;
  }
  return chunks;
}

describe('RawResponseParser fuzz', () => {
  it('never throws on 2000 random streams, and consumes every byte until done', () => {
    const random = prng(42);
    for (let round = 0; round < 2000; round++) {
      // Bias towards protocol bytes so every phase is reached often.
      const alphabet = [0x04, 0x3e, 0x4f, 0x4b, 0x0d, 0x0a];
      const stream = Uint8Array.from({ length: Math.floor(random() * 300) }, () => (random() < 0.5 ? (alphabet[Math.floor(random() * alphabet.length)] as number) : Math.floor(random() * 256)));
      const parser = new RawResponseParser({ expectOk: random() < 0.5, onStdout: () => undefined, onStderr: () => undefined });
      let leftover = 0;
      for (const chunk of chunked(stream, random)) {
        const wasDone = parser.done;
        const rest = parser.push(chunk);
        if (wasDone) expect(rest.length).toBe(chunk.length);
        leftover += rest.length;
      }
      if (!parser.done) expect(leftover).toBe(0);
      const result = parser.result();
      expect(typeof result.stderr).toBe('string');
    }
  });

  it('finds the same response in noise however it is chunked', () => {
    const random = prng(7);
    for (let round = 0; round < 500; round++) {
      // Noise without "OK" in it, then a response whose stdout holds arbitrary non-Ctrl-D bytes.
      const noise = Array.from({ length: Math.floor(random() * 20) }, () => 0x50 + Math.floor(random() * 40));
      const stdout = Array.from({ length: Math.floor(random() * 200) }, () => {
        const b = Math.floor(random() * 256);
        return b === 0x04 ? 0x05 : b;
      });
      const stderr = 'Traceback (most recent call last):\r\nValueError: x';
      const tail = [0x41, 0x42];
      const stream = Uint8Array.from([...noise, 0x4f, 0x4b, ...stdout, 0x04, ...Buffer.from(stderr), 0x04, 0x3e, ...tail]);
      const streamed: number[] = [];
      const streamedErrors: number[] = [];
      const parser = new RawResponseParser({ expectOk: true, onStdout: (b) => streamed.push(...b), onStderr: (b) => streamedErrors.push(...b) });
      const rest: number[] = [];
      for (const chunk of chunked(stream, random)) rest.push(...parser.push(chunk));
      expect(parser.done).toBe(true);
      const result = parser.result();
      expect([...result.stdout]).toEqual(stdout);
      expect(streamed).toEqual(stdout);
      expect(result.stderr).toBe(stderr);
      expect(Buffer.from(streamedErrors).toString()).toBe(stderr);
      expect(rest).toEqual(tail);
      expect([...result.noise]).toEqual(noise);
    }
  });
});
