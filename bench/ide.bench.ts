/**
 * IDE benchmark, in Chromium over web mode with the virtual board:
 * - startup: launching web mode to an interactive REPL (`1+1` answered), against
 *   launching web mode to a ready page with no board (connecting at start turned off);
 * - terminal throughput: the board prints 2 MB; seconds until the terminal shows the
 *   last line, and the longest frame the page missed, against the time the same bytes
 *   take to arrive in the page without a terminal drawing them;
 * - keystroke-to-echo latency in the REPL (key down in the page to the echo drawn),
 *   against a bare contract round trip over the same WebSocket (`app:info`).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, type Page } from '../test/support/chromium';
import { startWebApp } from '../test/support/web-app';
import { connectVirtual, loadIde, typeInRepl, waitForRepl, type InPage } from '../test/ui/ide-driver';

const OUTPUT_LINES = 20_000;
/** `print('%0100d' % i)` prints 100 digits and a newline: 20,000 lines are 2 MB. */
const LINE_BYTES = 101;
const KEYSTROKES = 40;

type BenchWindow = InPage & {
  __frames: number[];
  __recording: boolean;
  __tick(t: number): void;
  __arrived: number;
  __lastArrival: number;
  __keys: number[];
  __echoes: number[];
  requestAnimationFrame(cb: (t: number) => void): number;
  addEventListener(type: string, listener: (event: { key: string }) => void, capture: boolean): void;
  performance: { now(): number };
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

/**
 * From launching web mode to the REPL answering `1+1`, with the browser already running
 * (as a user's is: web mode opens a tab in it). With a board, the app opens the virtual
 * board by itself (a first start); the reference turns connecting at start off in its
 * settings, so its page is ready with no board.
 */
async function timeStartup(withBoard: boolean, browser: Awaited<ReturnType<typeof launchChromium>>): Promise<number> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'mpstudio-bench-ide-'));
  if (!withBoard) await writeFile(join(userDataDir, 'settings.json'), JSON.stringify({ autoConnect: false }));
  const page = await browser.page.context().newPage();
  const started = performance.now();
  const app = await startWebApp({ userDataDir });
  try {
    await loadIde(page, app.url);
    if (withBoard) {
      // Typed as a person types it, once the terminal has the focus (a click on it).
      await page.focus('.repl-host .xterm-helper-textarea');
      await page.keyboard.type('1+1\r');
      await waitForRepl(page, /^2$/m);
    }
    return performance.now() - started;
  } finally {
    await page.close();
    await app.stop();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

async function throughput(page: Page): Promise<{ seconds: number; arrivalSeconds: number; longestFrameMs: number }> {
  await page.evaluate(() => {
    const w = globalThis as unknown as BenchWindow;
    w.__frames = [];
    w.__recording = true;
    w.__arrived = 0;
    w.__lastArrival = 0;
    w.studio.repl.onData((chunk) => {
      w.__arrived += chunk.length;
      w.__lastArrival = w.performance.now();
    });
    w.__tick = function (t: number) {
      if (!w.__recording) return;
      w.__frames.push(t);
      w.requestAnimationFrame(w.__tick);
    };
    w.requestAnimationFrame(w.__tick);
  });
  const started = await page.evaluate(() => (globalThis as unknown as BenchWindow).performance.now());
  await typeInRepl(page, `for i in range(${OUTPUT_LINES}): print('%0100d' % i)`);
  await page.keyboard.press('Enter');
  const last = String(OUTPUT_LINES - 1).padStart(100, '0');
  await page.waitForFunction(
    (text) => {
      const w = globalThis as unknown as BenchWindow;
      return !w.mpstudioAutomation.replWriting() && w.mpstudioAutomation.replText().includes(text);
    },
    last,
    { timeout: 300_000, polling: 100 },
  );
  const result = await page.evaluate(() => {
    const w = globalThis as unknown as BenchWindow;
    w.__recording = false;
    return { now: w.performance.now(), frames: w.__frames, lastArrival: w.__lastArrival, arrived: w.__arrived };
  });
  const gaps = result.frames.slice(1).map((t, i) => t - (result.frames[i] as number));
  if (result.arrived < OUTPUT_LINES * LINE_BYTES) throw new Error(`only ${result.arrived} characters arrived`);
  return {
    seconds: (result.now - started) / 1000,
    arrivalSeconds: (result.lastArrival - started) / 1000,
    longestFrameMs: Math.max(...gaps),
  };
}

async function echoLatency(page: Page): Promise<{ echoMs: number; roundTripMs: number }> {
  await page.evaluate(() => {
    const w = globalThis as unknown as BenchWindow;
    w.__keys = [];
    w.__echoes = [];
    w.addEventListener('keydown', (event) => {
      if (event.key.length === 1) w.__keys.push(w.performance.now());
    }, true);
    w.studio.repl.onData(() => {
      // The echo counts once the frame that draws it has run.
      if (w.__echoes.length < w.__keys.length) w.requestAnimationFrame(() => w.__echoes.push(w.performance.now()));
    });
  });
  await page.click('.repl-host .xterm-screen');
  for (let i = 0; i < KEYSTROKES; i++) {
    await page.keyboard.press(String.fromCharCode(97 + (i % 26)));
    await page.waitForFunction((n) => (globalThis as unknown as BenchWindow).__echoes.length >= n, i + 1, { polling: 'raf' });
  }
  await page.keyboard.press('Control+C');
  const { keys, echoes, roundTrips } = await page.evaluate(async () => {
    const w = globalThis as unknown as BenchWindow;
    const trips: number[] = [];
    for (let i = 0; i < 40; i++) {
      const t0 = w.performance.now();
      await w.studio.app.info();
      trips.push(w.performance.now() - t0);
    }
    return { keys: w.__keys, echoes: w.__echoes, roundTrips: trips };
  });
  return { echoMs: median(echoes.map((t, i) => t - (keys[i] as number))), roundTripMs: median(roundTrips) };
}

// Medians of three launches each, alternated, so a busy moment does not land on one side only.
const browser = await launchChromium();
const plainRuns: number[] = [];
const boardRuns: number[] = [];
try {
  for (let i = 0; i < 3; i++) {
    plainRuns.push(await timeStartup(false, browser));
    boardRuns.push(await timeStartup(true, browser));
  }
} finally {
  await browser.close();
}
const plainStartup = median(plainRuns);
const boardStartup = median(boardRuns);
console.log(`web mode, launch to an interactive REPL on the virtual board (browser running): ${(boardStartup / 1000).toFixed(2)} s (median of 3; target under 1.5 s)`);
console.log(`  reference, web mode to a ready page with no board: ${(plainStartup / 1000).toFixed(2)} s; ratio ${(boardStartup / plainStartup).toFixed(2)}x`);

const app = await startWebApp();
const chromium = await launchChromium();
try {
  await loadIde(chromium.page, app.url);
  await connectVirtual(chromium.page);
  const flow = await throughput(chromium.page);
  console.log(`terminal throughput, 2 MB printed by the board: ${flow.seconds.toFixed(2)} s (${((OUTPUT_LINES * LINE_BYTES) / 1e6 / flow.seconds).toFixed(2)} MB/s), longest frame ${flow.longestFrameMs.toFixed(0)} ms`);
  console.log(`  reference, the same bytes arriving in the page: ${flow.arrivalSeconds.toFixed(2)} s; ratio ${(flow.seconds / flow.arrivalSeconds).toFixed(2)}x`);
  await clearRepl(chromium.page);
  const echo = await echoLatency(chromium.page);
  console.log(`keystroke-to-echo latency in the REPL (median of ${KEYSTROKES}): ${echo.echoMs.toFixed(1)} ms`);
  console.log(`  reference, a bare contract round trip (app:info): ${echo.roundTripMs.toFixed(1)} ms; ratio ${(echo.echoMs / echo.roundTripMs).toFixed(1)}x`);
} finally {
  await chromium.close();
  await app.stop();
}

async function clearRepl(page: Page): Promise<void> {
  await page.click(`[data-tool-for="repl"][title^="Clear the terminal"]`);
}
