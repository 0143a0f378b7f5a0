/**
 * The link cut mid-write on a board that keeps its flash across boots: the virtual board
 * served on a pty by `mpstudio virtual --pty` in a child process, killed mid-upload (the
 * "unplug"), then booted again on the same flash. The write rejects within a second and
 * the old file is intact on the next boot. (The QEMU micro:bit starts empty on each boot.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { BoardSession } from '../../main/board/board-session';
import { DeviceFs } from '../../main/board/device-fs';
import { BoardDisconnectedError } from '../../main/board/errors';
import { openSerialTransport } from '../../main/board/serial-transport';

const BIN = join(import.meta.dirname, '../../bin/mpstudio.mjs');
// Each attempt has its own flash and children, so a retry never meets the first attempt's.
const flashDirs: string[] = [];
const children: ChildProcess[] = [];
const sessions: BoardSession[] = [];

/** Boots the virtual board on a pty over `flashDir`; resolves with the pty path. */
async function boot(flashDir: string): Promise<{ path: string; child: ChildProcess; exited: Promise<void> }> {
  const child = spawn(process.execPath, [BIN, 'virtual', '--pty', '--flash', flashDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const path = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    void exited.then(() => reject(new Error('mpstudio virtual exited early')));
  });
  return { path, child, exited };
}

afterEach(async () => {
  for (const session of sessions.splice(0)) await session.close().catch(() => undefined);
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of flashDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('link cut mid-write on a board that keeps its flash', () => {
  it('rejects fast and leaves the old file intact on the next boot', async () => {
    const flashDir = mkdtempSync(join(tmpdir(), 'cut-keeps-flash-'));
    flashDirs.push(flashDir);
    const first = await boot(flashDir);
    const session = await BoardSession.open(await openSerialTransport({ path: first.path }), { connectTimeoutMs: 20_000 });
    sessions.push(session);
    const fs = new DeviceFs(session);
    const old = Buffer.from('print("the old version")\n');
    await fs.write('/main.py', old);
    const big = Buffer.alloc(2 * 1024 * 1024 - 64 * 1024, 0x23);
    let cutAt = 0;
    const settled = fs
      .write('/main.py', big, {
        onProgress: (done) => {
          if (done > 64 * 1024 && !cutAt) {
            cutAt = Date.now();
            first.child.kill('SIGKILL');
          }
        },
      })
      .then(
        () => ({ error: null as unknown, ms: Date.now() - cutAt }),
        (error: unknown) => ({ error, ms: Date.now() - cutAt }),
      );
    const result = await settled;
    expect(cutAt).toBeGreaterThan(0);
    expect(result.error).toBeInstanceOf(BoardDisconnectedError);
    expect(result.ms).toBeLessThan(1000);
    await first.exited;

    const second = await boot(flashDir);
    const again = await BoardSession.open(await openSerialTransport({ path: second.path }), { connectTimeoutMs: 20_000 });
    sessions.push(again);
    try {
      const files = new DeviceFs(again);
      expect(Buffer.from(await files.read('/main.py')).equals(old)).toBe(true);
      // The half-written temporary file was cleaned up when the session first looked at the files.
      expect((await files.list('/')).map((e) => e.name)).toEqual(['main.py']);
    } finally {
      await again.close();
      second.child.kill('SIGTERM');
      await second.exited;
    }
  }, 120_000);
});
