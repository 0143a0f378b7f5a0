/**
 * `mpstudio virtual --pty`: the real CLI in a child process, opened over its pty by
 * the engine's serial transport. The shared board scenarios run unchanged over it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { describeBoardScenarios } from '../board/scenarios/board-scenarios';
import { openSerialTransport } from '../../main/board/serial-transport';

const ROOT = new URL('../..', import.meta.url).pathname;

interface ServedBoard {
  child: ChildProcess;
  path: string;
  flashDir: string;
  exited: Promise<number | null>;
}

async function serveVirtualBoard(extra: string[] = []): Promise<ServedBoard> {
  const flashDir = mkdtempSync(join(tmpdir(), 'vboard-pty-'));
  const child = spawn(process.execPath, ['bin/mpstudio.mjs', 'virtual', '--pty', '--flash', flashDir, ...extra], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const firstLine = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    void exited.then((code) => reject(new Error(`mpstudio virtual exited with ${code}`)));
  });
  return { child, path: firstLine, flashDir, exited };
}

async function stop(board: ServedBoard): Promise<number | null> {
  board.child.kill('SIGTERM');
  const code = await board.exited;
  rmSync(board.flashDir, { recursive: true, force: true });
  return code;
}

describe('mpstudio virtual --pty', () => {
  it('prints the pty path first, serves a serial client, and cleans up on SIGTERM', async () => {
    const board = await serveVirtualBoard();
    expect(board.path).toMatch(/^\/dev\/pts\/\d+$/);
    const transport = await openSerialTransport({ path: board.path });
    let text = '';
    transport.on('data', (b) => (text += Buffer.from(b).toString()));
    await transport.write(Buffer.from('\x03\x02'));
    const deadline = Date.now() + 20_000;
    while (!text.includes('virtual board with WebAssembly') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(text).toContain('MicroPython v1.27.0');
    await transport.close();
    const created = statSync(board.path).ctimeMs;
    expect(await stop(board)).toBe(0);
    // Gone, or already a new pty of someone else's at the reused number (another test file's board).
    expect(existsSync(board.path) ? statSync(board.path).ctimeMs : 'gone').not.toBe(created);
  });

  it('paces bytes at --baud like a UART', async () => {
    const board = await serveVirtualBoard(['--baud', '9600']);
    const transport = await openSerialTransport({ path: board.path });
    let text = '';
    transport.on('data', (b) => (text += Buffer.from(b).toString()));
    await transport.write(Buffer.from('\x03'));
    await new Promise((r) => setTimeout(r, 300));
    text = '';
    const started = performance.now();
    // 1000 bytes of output at 9600 baud (960 bytes/s) take about a second on the wire.
    await transport.write(Buffer.from('print("x" * 1000)\r'));
    while (!/x{1000}\r\n>>> $/.test(text) && performance.now() - started < 20_000) await new Promise((r) => setTimeout(r, 20));
    const elapsed = performance.now() - started;
    expect(text).toMatch(/x{1000}\r\n>>> $/);
    expect(elapsed).toBeGreaterThan(1000);
    await transport.close();
    expect(await stop(board)).toBe(0);
  });
});

let served: ServedBoard | null = null;
/** A small flash keeps the largest-file scenario quick over the pty. */
const FLASH_BYTES = 48 * 1024;
describeBoardScenarios('virtual board over mpstudio virtual --pty', async () => {
  served = await serveVirtualBoard(['--flash-size', String(FLASH_BYTES)]);
  const transport = await openSerialTransport({ path: served.path });
  return {
    transport,
    flatFs: false,
    fsCapacity: FLASH_BYTES,
    async cleanup() {
      await transport.close().catch(() => undefined);
      if (served) await stop(served);
    },
  };
});
