/**
 * A command the board cannot compile for want of memory (a micro:bit's 10 KB heap, full
 * or fragmented): nothing of it ran, so the session collects garbage in a command of its
 * own and sends it once more; if that fails too, a BoardMemoryError says what to do.
 * A scripted board on a real socat pty plays the heap (the real micro:bit's heap cannot
 * be brought into one exact state on demand).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BoardSession } from '../../main/board/board-session';
import { BoardMemoryError } from '../../main/board/errors';
import { openSerialTransport } from '../../main/board/serial-transport';
import { startSocatPair } from '../support/socat-pair';
import { ScriptedRawPastePeer, type PeerOptions } from './scripted-raw-paste-peer';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

async function boardWithShortHeap(heapShort: NonNullable<PeerOptions['heapShort']>): Promise<{ peer: ScriptedRawPastePeer; session: BoardSession }> {
  const pair = await startSocatPair();
  cleanups.push(() => pair.kill());
  const peerLink = await openSerialTransport({ path: pair.peerPath });
  cleanups.push(() => peerLink.close());
  const peer = new ScriptedRawPastePeer(peerLink, { heapShort });
  const session = await BoardSession.open(await openSerialTransport({ path: pair.hostPath }));
  cleanups.push(() => session.close());
  return { peer, session };
}

const LONG = `x = 0\n${'x += 1\n'.repeat(40)}print(x)`;

describe('a command the board has no memory to compile', () => {
  it('is sent again after a garbage collection of its own, and then runs', async () => {
    const { peer, session } = await boardWithShortHeap({ failAbove: 200, collectFrees: true });
    expect(await session.execText(LONG)).toMatch(/^len=/);
    const tail = peer.sources.slice(-3);
    expect(tail).toEqual([LONG, 'import gc\ngc.collect()', LONG]);
  }, 30_000);

  it('fails with a BoardMemoryError that says to soft-reset, after one retry only', async () => {
    const { peer, session } = await boardWithShortHeap({ failAbove: 200, collectFrees: false });
    const error = await session.execText(LONG).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BoardMemoryError);
    expect((error as BoardMemoryError).message).toContain('out of memory');
    expect((error as BoardMemoryError).hint).toMatch(/Soft-reset/);
    expect(peer.sources.filter((source) => source === LONG)).toHaveLength(2);
    // The session is still usable for what fits.
    expect(await session.execText('print(1)')).toMatch(/^len=/);
  }, 30_000);
});
