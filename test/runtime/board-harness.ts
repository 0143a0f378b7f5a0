/**
 * Test harness: a real virtual board (worker, WASM interpreter) on a temporary
 * flash folder, with its output collected so tests can wait for what a board says.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createVirtualBoardTransport } from '../../runtime/start-virtual-board';
import type { VirtualBoardOptions, VirtualBoardTransport } from '../../runtime/virtual-board-transport';

export interface BoardHarness {
  board: VirtualBoardTransport;
  flashDir: string;
  /** Everything received since the last `clear()`. */
  readonly text: string;
  clear(): void;
  send(text: string): Promise<void>;
  /** Waits until the output contains `expected`, and returns the output so far. */
  waitFor(expected: string, timeoutMs?: number): Promise<string>;
  /** Sends `text` after clearing and waits for `expected`. */
  exchange(text: string, expected: string, timeoutMs?: number): Promise<string>;
  close(): Promise<void>;
}

export const PROMPT = '>>> ';

export async function openBoard(options: Partial<VirtualBoardOptions> = {}, flashDir?: string): Promise<BoardHarness> {
  const dir = flashDir ?? mkdtempSync(join(tmpdir(), 'vboard-test-'));
  const board = await createVirtualBoardTransport({ flashDir: dir, ...options });
  let text = '';
  const waiters = new Set<() => void>();
  board.on('data', (bytes) => {
    text += Buffer.from(bytes).toString('latin1');
    for (const wake of waiters) wake();
  });
  const harness: BoardHarness = {
    board,
    flashDir: dir,
    get text() {
      return text;
    },
    clear() {
      text = '';
    },
    send: (data) => board.write(Buffer.from(data, 'latin1')),
    waitFor(expected, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!text.includes(expected)) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(text);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out waiting for ${JSON.stringify(expected)}; got ${JSON.stringify(text)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async exchange(data, expected, timeoutMs) {
      text = '';
      await harness.send(data);
      return harness.waitFor(expected, timeoutMs);
    },
    async close() {
      await board.close();
      if (!flashDir) rmSync(dir, { recursive: true, force: true });
    },
  };
  await harness.waitFor(PROMPT);
  return harness;
}

/** Runs `source` in the raw REPL and returns [stdout, error text]; enters and leaves raw mode. */
export async function rawExec(h: BoardHarness, source: string, timeoutMs?: number): Promise<[string, string]> {
  await h.exchange('\x01', 'raw REPL; CTRL-B to exit\r\n>');
  const out = await h.exchange(`${source}\x04`, '\x04>', timeoutMs);
  await h.exchange('\x02', PROMPT);
  const match = /OK([\s\S]*?)\x04([\s\S]*?)\x04>/.exec(out);
  if (!match) throw new Error(`unexpected raw REPL answer ${JSON.stringify(out)}`);
  return [match[1]!, match[2]!];
}
