/**
 * The connection manager and the board handler group on real links: the QEMU micro:bit
 * for status, output batching, files with progress and cancel, and a lost board; socat
 * pty pairs with ScriptedRawPastePeer for reconnecting and the injected virtual factory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardStatus, TransferProgress } from '../../preload/contract-types';
import type { EventChannel, PayloadOf } from '../../preload/contract';
import { ConnectionManager } from '../../main/board/connection-manager';
import { openSerialTransport } from '../../main/board/serial-transport';
import { boardHandlers } from '../../main/services/board-handlers';
import { startQemuMicrobit, type QemuMicrobit } from '../support/qemu-microbit';
import { startSocatPair, type SocatPair } from '../support/socat-pair';
import { ScriptedRawPastePeer } from './scripted-raw-paste-peer';

describe('connection manager and board handlers on the QEMU micro:bit', () => {
  let qemu: QemuMicrobit;
  let manager: ConnectionManager;
  const statuses: BoardStatus[] = [];
  const events: Array<{ channel: EventChannel; payload: unknown }> = [];
  let handlers: ReturnType<typeof boardHandlers>;

  beforeAll(async () => {
    qemu = await startQemuMicrobit();
    // The port is listed only while this QEMU runs, as a real board's port is only listed while
    // plugged in. Listing the dead path would make the reconnect loop open whatever pty gets its
    // number next: another test file's QEMU, which that file then finds "in use by another program".
    manager = new ConnectionManager({ lister: async () => (qemu.running ? [{ path: qemu.path }] : []), reconnectWindowMs: 1500 });
    manager.on('status', (status) => statuses.push(status));
    handlers = boardHandlers(manager, <C extends EventChannel>(channel: C, payload: PayloadOf<C>) => void events.push({ channel, payload }));
  });
  afterAll(async () => {
    await manager?.dispose();
    await qemu?.kill();
  });

  const eventsOf = <T>(channel: EventChannel): T[] => events.filter((e) => e.channel === channel).map((e) => e.payload as T);

  it('connects and reports status, banner and the greeting', async () => {
    const status = await handlers['board:connect']({ kind: 'serial', path: qemu.path });
    expect(status).toMatchObject({ state: 'idle', version: '1.9.2', target: { kind: 'serial', path: qemu.path } });
    expect(statuses.map((s) => s.state)).toContain('connecting');
    await expect.poll(() => eventsOf<string>('repl:data').join('')).toContain('>>> ');
    expect(await handlers['board:status']()).toEqual(status);
    expect(eventsOf<BoardStatus>('board:statusChanged').at(-1)).toEqual(status);
  });

  it('batches heavy output and reports running then idle', async () => {
    events.length = 0;
    const result = await handlers['board:run']({ source: 'for i in range(200):\n print(i)', fileName: 'loop.py' });
    expect(result.outcome).toBe('completed');
    await expect.poll(() => eventsOf<string>('repl:data').join('')).toContain('199\r\n');
    // 200 lines arrive in far fewer IPC messages than prints.
    expect(eventsOf<string>('repl:data').length).toBeLessThan(100);
    expect(eventsOf<string>('repl:data').join('')).not.toContain('raw REPL');
    const states = eventsOf<BoardStatus>('board:statusChanged').map((s) => s.state);
    expect(states).toContain('running');
    expect(states.at(-1)).toBe('idle');
  });

  it('execs, writes with progress, reads, cancels, and answers through the REPL', async () => {
    expect((await handlers['board:exec']('print(2+3)')).stdout.trim()).toBe('5');
    events.length = 0;
    const data = Buffer.alloc(4000, 0x61);
    await handlers['fs:write']('/p.txt', data, 'up1', undefined);
    const progress = eventsOf<TransferProgress>('fs:progress');
    expect(progress.at(-1)).toMatchObject({ transferId: 'up1', bytesDone: 4000, bytesTotal: 4000, direction: 'upload' });
    expect(Buffer.from(await handlers['fs:read']('/p.txt', 'down1')).equals(data)).toBe(true);
    expect(await handlers['fs:capabilities']()).toMatchObject({ folders: false, rename: false });
    const write = handlers['fs:write']('/p.txt', Buffer.alloc(8000, 0x62), 'up2', undefined);
    write.catch(() => undefined); // Asserted below; should the poll fail first, its end must not go unhandled.
    // The first chunk can take seconds on a loaded machine (QEMU shares the cores with the tests).
    await expect.poll(() => eventsOf<TransferProgress>('fs:progress').some((p) => p.transferId === 'up2' && p.bytesDone > 0), { timeout: 30_000 }).toBe(true);
    await handlers['fs:cancel']('up2');
    await expect(write).rejects.toMatchObject({ code: 'cancelled' });
    expect(Buffer.from(await handlers['fs:read']('/p.txt', undefined)).equals(data)).toBe(true);
    events.length = 0;
    await handlers['repl:write']('print("via repl")\r');
    await expect.poll(() => eventsOf<string>('repl:data').join('')).toContain('via repl\r\n');
    expect(await handlers['board:completions']('os')).toContain('listdir');
  });

  it('reports a lost board: reconnecting, then disconnected with the reason', async () => {
    statuses.length = 0;
    await qemu.kill();
    await expect.poll(() => statuses.map((s) => s.state), { timeout: 10_000 }).toContain('reconnecting');
    await expect.poll(() => manager.status.state, { timeout: 10_000 }).toBe('disconnected');
    expect(manager.status.error?.code).toBe('disconnected');
    await expect(handlers['board:exec']('print(1)')).rejects.toMatchObject({ code: 'not-connected' });
  });
});

describe('connection manager on socat pty pairs', () => {
  const pairs: SocatPair[] = [];
  afterAll(async () => {
    for (const pair of pairs) await pair.kill();
  });
  async function boardOnNewPair(): Promise<SocatPair> {
    const pair = await startSocatPair();
    pairs.push(pair);
    new ScriptedRawPastePeer(await openSerialTransport({ path: pair.peerPath }));
    return pair;
  }

  it('reconnects to the same board when it comes back', async () => {
    let current = await boardOnNewPair();
    // Listed like a USB board with a serial number, and only while its link is up: the board is
    // found again by serial number on whatever pty the new pair gets, and the dead path (whose
    // number the next pty anywhere may get) is never opened.
    const lister = async () => (current.running ? [{ path: current.hostPath, serialNumber: 'SCRIPTED-1' }] : []);
    const manager = new ConnectionManager({ lister, reconnectWindowMs: 10_000 });
    try {
      await manager.connect({ kind: 'serial', path: current.hostPath });
      await current.kill();
      await expect.poll(() => manager.status.state, { timeout: 5000 }).toBe('reconnecting');
      current = await boardOnNewPair();
      await expect.poll(() => manager.status.state, { timeout: 10_000 }).toBe('idle');
      expect(manager.status).toMatchObject({ version: '1.22.0', boardId: 'SCRIPTED-1', target: { path: current.hostPath } });
      expect((await manager.session().execText('x')).trim()).toBe(`len=1 sum=${'x'.charCodeAt(0)}`);
    } finally {
      await manager.dispose();
    }
  });

  it('never reopens a lost board\'s path once the port list stops showing it', async () => {
    const pair = await boardOnNewPair();
    const opened: string[] = [];
    const manager = new ConnectionManager({
      lister: async () => (pair.running ? [{ path: pair.hostPath }] : []),
      openSerial: (target) => {
        opened.push(target.path);
        return openSerialTransport({ path: target.path });
      },
      reconnectWindowMs: 1500,
    });
    try {
      await manager.connect({ kind: 'serial', path: pair.hostPath });
      await pair.kill();
      await expect.poll(() => manager.status.state, { timeout: 5000 }).toBe('disconnected');
      expect(manager.status.error?.code).toBe('disconnected');
      // Only the first connect: the dead path's pty number may already be someone else's board.
      expect(opened).toEqual([pair.hostPath]);
    } finally {
      await manager.dispose();
    }
  });

  it('uses the injected virtual-board factory, and says so when there is none', async () => {
    const pair = await boardOnNewPair();
    const without = new ConnectionManager();
    await expect(without.connect({ kind: 'virtual' })).rejects.toMatchObject({ code: 'not-connected' });
    expect(without.status.error?.code).toBe('not-connected');
    const manager = new ConnectionManager({ createVirtualTransport: () => openSerialTransport({ path: pair.hostPath }) });
    try {
      expect(await manager.connect({ kind: 'virtual' })).toMatchObject({ state: 'idle', boardId: 'virtual', target: { kind: 'virtual' } });
    } finally {
      await manager.dispose();
    }
  });
});
