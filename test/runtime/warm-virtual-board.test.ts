/**
 * The virtual board warmed ahead of the app's start: its interpreter loads while the
 * window does, touches nothing until the connect, and the connect takes it. A board
 * warmed for one flash folder is not used for another.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BoardSession } from '../../main/board/board-session';
import { checkedRootFolder } from '../../main/services/root-folders';
import { SettingsStore } from '../../main/services/settings-store';
import { createVirtualBoardHost } from '../../main/services/virtual-handlers';
import { warmVirtualBoard } from '../../runtime/start-virtual-board';

const LOAD_TIMEOUT = { timeout: 60_000, interval: 20 };

describe('a warmed virtual board', () => {
  const cleanups: Array<() => void | Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  function tempDir(): string {
    const dir = mkdtempSync(join(tmpdir(), 'warm-vboard-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  }

  it('loads its interpreter before the connect, without writing to the flash, and then answers', async () => {
    const flashDir = join(tempDir(), 'flash');
    const warm = warmVirtualBoard({ flashDir });
    cleanups.push(() => warm.discard());
    // Loaded first, started after: the start must not wait for a 'loaded' it already had.
    await expect.poll(() => warm.loaded(), LOAD_TIMEOUT).toBe(true);
    expect(readdirSync(flashDir)).toEqual([]);
    const transport = await warm.start();
    const session = await BoardSession.open(transport);
    cleanups.push(() => session.close());
    expect((await session.execText('print(6*7)')).trim()).toBe('42');
  });

  it('is prepared by the app when it will open on the virtual board, and not otherwise', async () => {
    const hostFor = async (settings: { autoConnect: boolean; lastTarget: null | { kind: 'virtual' } | { kind: 'serial'; path: string } }) => {
      const userDataDir = tempDir();
      const store = await SettingsStore.open(userDataDir);
      await store.update(settings);
      const disposers: Array<() => void | Promise<void>> = [];
      const host = createVirtualBoardHost({ userDataDir, settings: store, emit: () => {}, onDispose: (fn) => disposers.push(fn) });
      cleanups.push(async () => {
        for (const dispose of disposers) await dispose();
      });
      return host;
    };
    expect((await hostFor({ autoConnect: true, lastTarget: null })).prepared).toBe(true);
    expect((await hostFor({ autoConnect: true, lastTarget: { kind: 'virtual' } })).prepared).toBe(true);
    expect((await hostFor({ autoConnect: false, lastTarget: { kind: 'virtual' } })).prepared).toBe(false);
    expect((await hostFor({ autoConnect: true, lastTarget: { kind: 'serial', path: '/dev/ttyACM0' } })).prepared).toBe(false);
  });

  it('is taken by the connect, and left for a new one when the flash folder changed meanwhile', async () => {
    const userDataDir = tempDir();
    const store = await SettingsStore.open(userDataDir);
    const disposers: Array<() => void | Promise<void>> = [];
    const host = createVirtualBoardHost({ userDataDir, settings: store, emit: () => {}, onDispose: (fn) => disposers.push(fn) });
    cleanups.push(async () => {
      for (const dispose of disposers) await dispose();
    });
    expect(host.prepared).toBe(true);
    // The user points the virtual board at another folder before the window connects.
    const chosen = tempDir();
    await store.update({ virtualBoardFolder: await checkedRootFolder(chosen, 'virtualBoardFolder') });
    const transport = await host.createTransport();
    expect(host.prepared).toBe(false);
    const session = await BoardSession.open(transport);
    cleanups.push(() => session.close());
    await session.execText("f = open('where.txt', 'w')\nf.write('chosen')\nf.close()");
    expect(readFileSync(join(chosen, 'where.txt'), 'utf8')).toBe('chosen');
  });
});
