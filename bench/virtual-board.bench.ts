/**
 * Virtual board benchmark: spawn to first prompt, exec round trip, the main thread's
 * event-loop delay while the board spins, and Ctrl-C to prompt for a sleeping and a
 * pure compute loop. Each figure is printed with a reference measured in this run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadMicroPython } from '@micropython/micropython-webassembly-pyscript';
import { createVirtualBoardTransport } from '../runtime/start-virtual-board';
import type { VirtualBoardTransport } from '../runtime/virtual-board-transport';

const flashDir = mkdtempSync(join(tmpdir(), 'vboard-bench-'));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(2)} ms`;
const sleep = (delay: number) => new Promise((resolve) => setTimeout(resolve, delay));

class Terminal {
  text = '';
  private wake: (() => void) | null = null;
  constructor(readonly board: VirtualBoardTransport) {
    board.on('data', (bytes) => {
      // Keep only the tail: a printing loop would otherwise make this the bottleneck.
      this.text = (this.text + Buffer.from(bytes).toString('latin1')).slice(-4096);
      this.wake?.();
    });
  }
  async until(expected: string): Promise<void> {
    while (!this.text.includes(expected)) await new Promise<void>((resolve) => (this.wake = resolve));
  }
  async exchange(send: string, expected: string): Promise<void> {
    this.text = '';
    await this.board.write(Buffer.from(send, 'latin1'));
    await this.until(expected);
  }
}

async function bootTimes(): Promise<{ board: number; interpreter: number }> {
  const board: number[] = [];
  const interpreter: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    const transport = await createVirtualBoardTransport({ flashDir });
    await new Terminal(transport).until('>>> ');
    board.push(performance.now() - started);
    await transport.close();
    const bare = performance.now();
    const mp = await loadMicroPython({ stdout: () => {}, linebuffer: false });
    mp.replInit();
    interpreter.push(performance.now() - bare);
  }
  return { board: median(board), interpreter: median(interpreter) };
}

async function execRoundTrip(terminal: Terminal): Promise<{ board: number; inThread: number }> {
  await terminal.exchange('\x01', 'raw REPL; CTRL-B to exit\r\n>');
  const times: number[] = [];
  for (let i = 0; i < 50; i++) {
    const started = performance.now();
    await terminal.exchange('print(1)\x04', '\x04>');
    times.push(performance.now() - started);
  }
  await terminal.exchange('\x02', '>>> ');
  // Reference: the same exchange on an interpreter in this thread, without worker or transport.
  let out = '';
  const mp = await loadMicroPython({ stdout: (b: Uint8Array) => (out += Buffer.from(b).toString('latin1')), linebuffer: false });
  mp.replInit();
  for (const byte of Buffer.from('\x01')) mp.replProcessChar(byte);
  const direct: number[] = [];
  for (let i = 0; i < 50; i++) {
    out = '';
    const started = performance.now();
    for (const byte of Buffer.from('print(1)\x04')) mp.replProcessChar(byte);
    if (!out.endsWith('\x04>')) throw new Error('unexpected in-thread answer');
    direct.push(performance.now() - started);
  }
  return { board: median(times), inThread: median(direct) };
}

async function loopDelay(durationMs: number): Promise<{ p99: number; max: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const ticker = setInterval(() => {}, 1);
  await sleep(durationMs);
  clearInterval(ticker);
  histogram.disable();
  return { p99: histogram.percentile(99) / 1e6, max: histogram.max / 1e6 };
}

async function interruptTime(terminal: Terminal, loop: string): Promise<number> {
  await terminal.exchange(`${loop}\r\r`, '\r\n');
  await sleep(300);
  const started = performance.now();
  await terminal.exchange('\x03', '>>> ');
  return performance.now() - started;
}

const boot = await bootTimes();
console.log(`spawn to first ">>> ":   ${ms(boot.board)}  (bare interpreter load ${ms(boot.interpreter)}, ratio ${(boot.board / boot.interpreter).toFixed(1)}x)`);

const board = await createVirtualBoardTransport({ flashDir });
const terminal = new Terminal(board);
await terminal.until('>>> ');

const exec = await execRoundTrip(terminal);
console.log(`raw REPL exec round trip: ${ms(exec.board)}  (same in-thread ${ms(exec.inThread)}, ratio ${(exec.board / exec.inThread).toFixed(1)}x)`);

// Interleaved, so the machine's own load (shared cores) weighs on both alike.
const idleRuns: number[] = [];
const busyRuns: number[] = [];
const printingRuns: number[] = [];
let busyMax = 0;
for (let round = 0; round < 3; round++) {
  idleRuns.push((await loopDelay(1000)).p99);
  await terminal.exchange('while True:\r pass\r\r', '\r\n');
  const busy = await loopDelay(1000);
  busyRuns.push(busy.p99);
  busyMax = Math.max(busyMax, busy.max);
  await terminal.exchange('\x03', '>>> ');
  await terminal.exchange('n = 0\rwhile True:\r n += 1\r print(n)\r\r', '\r\n');
  printingRuns.push((await loopDelay(1000)).p99);
  await terminal.exchange('\x03', '>>> ');
}
const idle = median(idleRuns);
const busy = median(busyRuns);
const printing = median(printingRuns);
console.log(
  `event-loop delay p99: board idle ${ms(idle)}, busy loop ${ms(busy)} (max ${ms(busyMax)}), printing loop ${ms(printing)}` +
    `  (busy/idle ${(busy / idle).toFixed(2)}x, printing/idle ${(printing / idle).toFixed(2)}x)`,
);

const sleeping = median([await interruptTime(terminal, 'import time\rwhile True:\r time.sleep(1)\r'), await interruptTime(terminal, 'while True:\r time.sleep_ms(10)\r'), await interruptTime(terminal, 'while True:\r time.sleep(0.5)\r')]);
const compute = median([await interruptTime(terminal, 'while True:\r pass\r'), await interruptTime(terminal, 'x = 0\rwhile True:\r x += 1\r')]);
console.log(`Ctrl-C to prompt: sleeping loop ${ms(sleeping)}, pure compute loop ${ms(compute)} (worker restart; ratio ${(compute / sleeping).toFixed(0)}x)`);

await board.close();
rmSync(flashDir, { recursive: true, force: true });
