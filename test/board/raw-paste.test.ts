/**
 * Raw-paste flow control against ScriptedRawPastePeer on a real socat pty pair (the
 * micro:bit firmware has no raw-paste). The host must never send beyond its window,
 * must honour the board's stop, and must fall back when the board refuses.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BoardSession } from '../../main/board/board-session';
import { openSerialTransport } from '../../main/board/serial-transport';
import type { Transport } from '../../main/board/transport';
import { startSocatPair, type SocatPair } from '../support/socat-pair';
import { ScriptedRawPastePeer, type PeerOptions } from './scripted-raw-paste-peer';

let pair: SocatPair | null = null;
const opened: Transport[] = [];

async function connect(options: PeerOptions): Promise<{ session: BoardSession; peer: ScriptedRawPastePeer }> {
  pair = await startSocatPair();
  const peerLink = await openSerialTransport({ path: pair.peerPath });
  opened.push(peerLink);
  const peer = new ScriptedRawPastePeer(peerLink, options);
  const host = await openSerialTransport({ path: pair.hostPath });
  opened.push(host);
  return { session: await BoardSession.open(host), peer };
}

const sumOf = (text: string): number => [...text].reduce((total, ch) => total + ch.charCodeAt(0), 0);

afterEach(async () => {
  for (const link of opened.splice(0)) await link.close();
  await pair?.kill();
  pair = null;
});

describe('raw-paste against ScriptedRawPastePeer', () => {
  it('detects raw-paste once and never sends beyond the granted window', async () => {
    const { session, peer } = await connect({ windowSize: 32, grantDelayMs: 3 });
    expect(session.info.version).toBe('1.22.0');
    const source = Array.from({ length: 120 }, (_, i) => `x${i} = ${i} * 2`).join('\n');
    const out = await session.execText(source);
    expect(out.trim()).toBe(`len=${source.length} sum=${sumOf(source)}`);
    expect(session.rawPaste).toEqual({ kind: 'supported', windowSize: 32 });
    expect(peer.overruns).toBe(0);
    // A second command negotiates again (per command, as the protocol requires) and still keeps to the window.
    expect((await session.execText('a' .repeat(500))).trim()).toBe(`len=500 sum=${97 * 500}`);
    expect(peer.overruns).toBe(0);
  });

  it('stops sending when the board says stop', async () => {
    const { session, peer } = await connect({ windowSize: 16, abortAfter: 40 });
    const out = await session.execText('b'.repeat(400));
    expect(out.trim()).toBe(`len=40 sum=${98 * 40}`);
    expect(peer.overruns).toBe(0);
  });

  it('falls back to the plain raw REPL when the board refuses raw-paste', async () => {
    const { session, peer } = await connect({ refuseRawPaste: true });
    const source = 'print("a longer command than one paced chunk")';
    const out = await session.execText(source);
    expect(session.rawPaste).toEqual({ kind: 'refused' });
    // The source arrived whole, inside the guard used on boards without flow control.
    const received = peer.sources.at(-1) as string;
    expect(out.trim()).toBe(`len=${received.length} sum=${sumOf(received)}`);
    expect(received).toContain(`b'${source}'`);
    // A command that fits in one paced chunk goes as it is.
    expect((await session.execText('print(1)')).trim()).toBe(`len=8 sum=${sumOf('print(1)')}`);
  });
});
