/**
 * Fault tests on real links: the link cut mid-operation (QEMU killed, socat killed),
 * garbage from the board, a board that never answers, a port held by someone else.
 * Every pending operation must reject with a typed error, fast; nothing may hang.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BoardSession } from '../../main/board/board-session';
import { DeviceFs } from '../../main/board/device-fs';
import { BoardDisconnectedError, BoardTimeoutError, PortBusyError, PortNotFoundError } from '../../main/board/errors';
import { IncomingBytes } from '../../main/board/incoming-bytes';
import { execRaw } from '../../main/board/raw-repl';
import { openSerialTransport } from '../../main/board/serial-transport';
import type { Transport } from '../../main/board/transport';
import { openQemuTransport, startQemuMicrobit, type QemuMicrobit } from '../support/qemu-microbit';
import { startSocatPair, type SocatPair } from '../support/socat-pair';
import { ScriptedRawPastePeer } from './scripted-raw-paste-peer';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

async function socat(): Promise<SocatPair> {
  const pair = await startSocatPair();
  cleanups.push(() => pair.kill());
  return pair;
}
async function open(path: string): Promise<Transport> {
  const link = await openSerialTransport({ path });
  cleanups.push(() => link.close());
  return link;
}
async function qemu(): Promise<QemuMicrobit> {
  const board = await startQemuMicrobit();
  cleanups.push(() => board.kill());
  return board;
}

/** Resolves with how long after `start` the promise settled, and its rejection. */
async function settleTime(promise: Promise<unknown>, start: () => number): Promise<{ ms: number; error: unknown }> {
  try {
    await promise;
    return { ms: Date.now() - start(), error: null };
  } catch (error) {
    return { ms: Date.now() - start(), error };
  }
}

describe('faults', () => {
  it('QEMU killed mid-upload: the write and a queued exec reject within a second', async () => {
    const board = await qemu();
    const session = await BoardSession.open(await openQemuTransport(board));
    const fs = new DeviceFs(session);
    await fs.features();
    let killedAt = 0;
    let queued: Promise<{ ms: number; error: unknown }> | null = null;
    const data = new Uint8Array(12_000).fill(0x41);
    const write = fs.write('/big.txt', data, {
      onProgress: (done) => {
        if (done > 3000 && !killedAt) {
          killedAt = Date.now();
          // A command queued behind the upload must fail too, not wait forever.
          queued = settleTime(session.execText('print(1)'), () => killedAt);
          void board.kill();
        }
      },
    });
    const w = await settleTime(write, () => killedAt);
    const q = (await queued) ?? { ms: 0, error: null };
    expect(killedAt).toBeGreaterThan(0);
    expect(w.error).toBeInstanceOf(BoardDisconnectedError);
    expect(q.error).toBeInstanceOf(BoardDisconnectedError);
    expect(w.ms).toBeLessThan(1000);
    expect(q.ms).toBeLessThan(1000);
    expect(session.isOpen).toBe(false);
  });

  it('QEMU killed while a program runs: run() rejects within a second', async () => {
    const board = await qemu();
    const session = await BoardSession.open(await openQemuTransport(board));
    const run = session.run('while True:\n pass');
    await new Promise((r) => setTimeout(r, 300));
    let killedAt = 0;
    const settled = settleTime(run, () => killedAt);
    killedAt = Date.now();
    await board.kill();
    const result = await settled;
    expect(result.error).toBeInstanceOf(BoardDisconnectedError);
    expect(result.ms).toBeLessThan(1000);
  });

  it('socat killed while the board holds back raw-paste grants: exec rejects within a second', async () => {
    const pair = await socat();
    new ScriptedRawPastePeer(await open(pair.peerPath), { windowSize: 16, grantDelayMs: 60_000 });
    const session = await BoardSession.open(await open(pair.hostPath));
    const exec = session.execText('x=1\n'.repeat(100));
    await new Promise((r) => setTimeout(r, 300));
    let killedAt = 0;
    const settled = settleTime(exec, () => killedAt);
    killedAt = Date.now();
    await pair.kill();
    const result = await settled;
    expect(result.error).toBeInstanceOf(BoardDisconnectedError);
    expect(result.ms).toBeLessThan(1000);
  });

  it('a board that never answers: connect fails with a timeout, on time', async () => {
    const pair = await socat();
    await open(pair.peerPath); // someone is there, but silent
    const started = Date.now();
    const result = await settleTime(BoardSession.open(await openSerialTransport({ path: pair.hostPath }), { connectTimeoutMs: 1500 }), () => started);
    expect(result.error).toBeInstanceOf(BoardTimeoutError);
    expect(result.ms).toBeGreaterThanOrEqual(1400);
    expect(result.ms).toBeLessThan(5000);
  });

  it('a board that answers only garbage: connect fails with a timeout, nothing throws', async () => {
    const pair = await socat();
    const peer = await open(pair.peerPath);
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256;
    peer.on('data', () => void peer.write(Uint8Array.from({ length: 64 }, random)).catch(() => undefined));
    const started = Date.now();
    const result = await settleTime(BoardSession.open(await openSerialTransport({ path: pair.hostPath }), { connectTimeoutMs: 1500 }), () => started);
    expect(result.error).toBeInstanceOf(BoardTimeoutError);
    expect(result.ms).toBeLessThan(5000);
  });

  it('garbage between commands does not derail the next command', async () => {
    const pair = await socat();
    const peerLink = await open(pair.peerPath);
    new ScriptedRawPastePeer(peerLink);
    const session = await BoardSession.open(await open(pair.hostPath));
    await session.execText('a=1');
    await peerLink.write(Uint8Array.of(0x00, 0xff, 0x4f, 0x3e, 0x13, 0x80, 0x0d));
    await new Promise((r) => setTimeout(r, 100));
    expect((await session.execText('b=2')).trim()).toBe(`len=3 sum=${'b=2'.split('').reduce((s, c) => s + c.charCodeAt(0), 0)}`);
  });

  it('a board that stops reading: the command gives up at its deadline instead of waiting to drain', async () => {
    const pair = await socat(); // nobody on the far end: the link fills up and stops taking bytes
    const link = await open(pair.hostPath);
    const incoming = new IncomingBytes();
    link.on('data', (bytes) => incoming.push(bytes));
    const started = Date.now();
    const result = await settleTime(
      execRaw({ write: (b) => link.write(b), incoming }, new Uint8Array(4 * 1024 * 1024).fill(0x20), { paste: { kind: 'refused' }, pacing: { chunkSize: 1 << 20, pauseMs: 0 }, timeoutMs: 1500 }),
      () => started,
    );
    expect(result.error).toBeInstanceOf(BoardTimeoutError);
    expect(result.ms).toBeGreaterThanOrEqual(1400);
    expect(result.ms).toBeLessThan(4000);
  });

  it('a port held by another program is busy; a missing port is not found', async () => {
    const pair = await socat();
    await open(pair.hostPath);
    await expect(openSerialTransport({ path: pair.hostPath })).rejects.toBeInstanceOf(PortBusyError);
    await expect(openSerialTransport({ path: '/dev/pts/999999' })).rejects.toBeInstanceOf(PortNotFoundError);
  });
});
