/**
 * The board's input queue: reads across chunk boundaries, a cap with counted drops, and
 * a flooding board on a real socat pty that the session survives with bounded memory.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BoardSession } from '../../main/board/board-session';
import { BoardTimeoutError } from '../../main/board/errors';
import { IncomingBytes, DEFAULT_INCOMING_CAP } from '../../main/board/incoming-bytes';
import { openSerialTransport } from '../../main/board/serial-transport';
import type { Transport } from '../../main/board/transport';
import { startSocatPair } from '../support/socat-pair';
import { ScriptedRawPastePeer } from './scripted-raw-paste-peer';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const text = (b: Uint8Array): string => new TextDecoder().decode(b);

describe('IncomingBytes', () => {
  it('finds a pattern split over chunks and keeps the rest in order', async () => {
    const q = new IncomingBytes();
    const found = q.readUntil('raw REPL', { timeoutMs: 1000 });
    for (const piece of ['noise r', 'aw', ' RE', 'PL>tail', '!']) q.push(bytes(piece));
    expect(text(await found)).toBe('noise raw REPL');
    expect(text(await q.readExactly(3, { timeoutMs: 100 }))).toBe('>ta');
    q.unshift(bytes('back'));
    expect(text(q.drain())).toBe('backil!');
  });

  it('keeps at most its cap, drops the oldest, counts and reports the drop', async () => {
    const reports: Array<[number, number]> = [];
    const q = new IncomingBytes({ capBytes: 10, onOverflow: (now, total) => reports.push([now, total]) });
    q.push(bytes('0123456789'));
    q.push(bytes('abcd'));
    expect(q.length).toBe(10);
    expect(q.dropped).toBe(4);
    expect(reports).toEqual([[4, 4]]);
    // A prompt at the end of a flood is still found, in the push that brings it, before any drop.
    const prompt = q.readUntil('>>> ', { timeoutMs: 1000 });
    q.push(bytes('xyz>>> '));
    expect(text(await prompt)).toBe('456789abcdxyz>>> ');
    expect(q.dropped).toBe(4);
    q.push(bytes('ABCDEFGHIJKL'));
    expect(text(q.drain())).toBe('CDEFGHIJKL');
    expect(reports).toEqual([
      [4, 4],
      [2, 6],
    ]);
  });

  it('finds a pattern in a chunk larger than the cap before dropping', async () => {
    const q = new IncomingBytes({ capBytes: 4 });
    const found = q.readUntil('OK', { timeoutMs: 1000 });
    q.push(bytes('....OK......'));
    expect(text(await found)).toBe('....OK');
    expect(q.length).toBe(4);
  });

  it('times out with a typed error', async () => {
    await expect(new IncomingBytes().readSome({ timeoutMs: 20 })).rejects.toBeInstanceOf(BoardTimeoutError);
  });
});

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

describe('a flooding board', () => {
  it('cannot grow the input buffer past its cap; the session says so and stays usable', async () => {
    const pair = await startSocatPair();
    cleanups.push(() => pair.kill());
    const open = async (path: string): Promise<Transport> => {
      const link = await openSerialTransport({ path });
      cleanups.push(() => link.close());
      return link;
    };
    const peerLink = await open(pair.peerPath);
    new ScriptedRawPastePeer(peerLink);
    const hostLink = await open(pair.hostPath);
    const session = await BoardSession.open(hostLink);
    await session.execText('a=1'); // Now idle at the raw prompt: nobody reads what comes.
    let largest = 0;
    hostLink.on('data', () => (largest = Math.max(largest, session.incoming.length)));
    const terminal: string[] = [];
    session.on('terminal', (b) => terminal.push(text(b)));
    const floods: number[] = [];
    session.on('flooding', (_now, total) => floods.push(total));
    const chunk = new Uint8Array(64 * 1024).fill(0x78);
    const total = 8 * 1024 * 1024;
    for (let sent = 0; sent < total; sent += chunk.length) await peerLink.write(chunk);
    await expect.poll(() => session.incoming.dropped + session.incoming.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(total);
    expect(largest).toBeLessThanOrEqual(DEFAULT_INCOMING_CAP);
    expect(floods.at(-1)).toBeGreaterThanOrEqual(total - DEFAULT_INCOMING_CAP);
    expect(terminal.join('')).toMatch(/the board is sending faster than it is read; \d+ bytes dropped/);
    // The flood is over: the next command gets its own answer.
    expect(await session.execText('b=2')).toBe(`len=3 sum=${[...'b=2'].reduce((s, c) => s + c.charCodeAt(0), 0)}\r\n`);
  }, 60_000);
});
