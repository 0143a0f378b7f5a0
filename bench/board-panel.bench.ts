/**
 * Board panel benchmark, in Chromium over web mode with the virtual board, the web
 * server running in this process so its event loop can be watched:
 * - a program toggling the LED as fast as it can (`while True: led.toggle()`) for
 *   RUN_SECONDS, against the board idle at its prompt for the same time: the page's
 *   frame rate, the panel's drawings per second, `virtual:stateChanged` messages per
 *   second, and the main process's event-loop delay;
 * - panel input to program: a slider move in the page until the program that polls
 *   the ADC has printed that it saw it (an upper bound: it includes the print's way back).
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createServices } from '../main/services/create-services';
import { startWebServer } from '../main/web/web-server';
import { launchChromium, type Page } from '../test/support/chromium';
import { repoRoot } from '../test/support/web-app';
import { newFile, waitForRepl, type InPage } from '../test/ui/ide-driver';

// Workers inherit `--import tsx` (bin/bench.mjs runs benches that way), and tsx in the
// board's worker makes every boot slow enough to miss the session's prompt timeouts. So
// run again with tsx registered in this thread only, as web mode does.
// (Before, the re-run went through `-e` code that named tsx: it matched this test and re-ran
// itself forever, and its workers would not start under `-e` anyway.)
if (process.execArgv.includes('tsx')) {
  const launcher = fileURLToPath(new URL('./support/tsx-main-thread-only.mjs', import.meta.url));
  const child = spawnSync(process.execPath, [launcher, fileURLToPath(import.meta.url)], { stdio: 'inherit', cwd: repoRoot });
  process.exit(child.status ?? 1);
}

const RUN_SECONDS = Number(process.env.RUN_SECONDS ?? 10);
const TOGGLE = 'from machine import Pin\nled = Pin("LED", Pin.OUT)\nwhile True:\n    led.toggle()\n';

type BenchWindow = InPage & { __frames: number; __tick(): void; requestAnimationFrame(cb: () => void): number; document: Document };

interface Window {
  fps: number;
  drawsPerSecond: number;
  messagesPerSecond: number;
  loopMeanMs: number;
  loopP99Ms: number;
  loopMaxMs: number;
}

let stateMessages = 0;
const userDataDir = await mkdtemp(join(tmpdir(), 'mpstudio-bench-panel-'));
const version = (JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
let server: Awaited<ReturnType<typeof startWebServer>> | undefined;
const services = await createServices({
  mode: 'web',
  userDataDir,
  appVersion: version,
  emit: (channel, payload) => {
    if (channel === 'virtual:stateChanged') stateMessages++;
    server?.emit(channel, payload);
  },
});
server = await startWebServer({ staticDir: join(repoRoot, 'out', 'renderer'), dispatch: services.dispatch });
// Connect before the page opens (the page then finds it connected): on a loaded machine the
// first worker's bundling and boot may outlast the session's prompt timeouts.
for (let attempt = 1; ; attempt++) {
  const result = (await services.dispatch('board:connect', [{ kind: 'virtual' }])) as { ok?: boolean };
  if (result.ok !== false) break;
  if (attempt === 8) throw new Error(`the virtual board did not connect: ${JSON.stringify(result)}`);
}
const chromium = await launchChromium();

async function measure(page: Page, seconds: number): Promise<Window> {
  await page.evaluate(() => {
    const w = globalThis as unknown as BenchWindow;
    w.__frames = 0;
    w.__tick = () => {
      w.__frames++;
      w.requestAnimationFrame(w.__tick);
    };
    w.requestAnimationFrame(w.__tick);
  });
  const draws = async () => Number(await page.locator('.board-panel').getAttribute('data-frames'));
  const drawsBefore = await draws();
  const messagesBefore = stateMessages;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const started = performance.now();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  loop.disable();
  const elapsed = (performance.now() - started) / 1000;
  const frames = await page.evaluate(() => {
    const w = globalThis as unknown as BenchWindow;
    w.__tick = () => {};
    return w.__frames;
  });
  return {
    fps: frames / elapsed,
    drawsPerSecond: ((await draws()) - drawsBefore) / elapsed,
    messagesPerSecond: (stateMessages - messagesBefore) / elapsed,
    loopMeanMs: loop.mean / 1e6,
    loopP99Ms: loop.percentile(99) / 1e6,
    loopMaxMs: loop.max / 1e6,
  };
}

async function inputLatency(page: Page): Promise<number> {
  const times: number[] = [];
  await newFile(page, 'from machine import ADC\npot = ADC(26)\nwhile True:\n    low = pot.read_u16() < 32768\n    while (pot.read_u16() < 32768) == low:\n        pass\n    print("seen", "high" if low else "low")\n');
  await page.evaluate(() => (globalThis as InPage).studio.virtual.setPotentiometer(0));
  await page.keyboard.press('F5');
  await page.waitForTimeout(1500);
  for (let i = 0; i < 10; i++) {
    const high = i % 2 === 0;
    times.push(
      await page.evaluate(async (value) => {
        const w = globalThis as InPage;
        const expected = value > 32768 ? 'seen high' : 'seen low';
        return new Promise<number>((resolve) => {
          const t0 = performance.now();
          const stop = w.studio.repl.onData((chunk) => {
            if (String(chunk).includes(expected)) {
              stop();
              resolve(performance.now() - t0);
            }
          });
          void w.studio.virtual.setPotentiometer(value);
        });
      }, high ? 65535 : 0),
    );
    await page.waitForTimeout(100);
  }
  await page.keyboard.press('Control+F2');
  return [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
}

const row = (name: string, w: Window) =>
  `${name.padEnd(22)} ${w.fps.toFixed(1).padStart(6)} fps  ${w.drawsPerSecond.toFixed(1).padStart(6)} draws/s  ${w.messagesPerSecond.toFixed(1).padStart(6)} msgs/s  ` +
  `loop delay mean ${w.loopMeanMs.toFixed(1)} ms, p99 ${w.loopP99Ms.toFixed(1)} ms, max ${w.loopMaxMs.toFixed(1)} ms`;

try {
  const page = chromium.page;
  await page.goto(server.url);
  // A loaded machine can take a while; the driver's 20 s are for tests.
  await page.waitForSelector('#app[data-state="ready"][data-start-connection="done"]', { timeout: 120_000 });
  await page.waitForSelector('.state-pill[data-state="idle"]', { timeout: 120_000 });
  await page.waitForSelector('.board-panel:not([hidden])');
  const idle = await measure(page, RUN_SECONDS);
  await newFile(page, TOGGLE);
  await page.keyboard.press('F5');
  await page.waitForSelector('.state-pill[data-state="running"]');
  const toggling = await measure(page, RUN_SECONDS);
  const toggles = await page.evaluate(() => (globalThis as unknown as BenchWindow).document.querySelector('.onboard-led')!.getAttribute('data-lit'));
  await page.keyboard.press('Control+F2');
  await waitForRepl(page, /KeyboardInterrupt/);
  console.log(`Board panel, ${RUN_SECONDS} s each, in Chromium over web mode (LED last drawn lit: ${toggles})`);
  console.log(row('led.toggle() loop', toggling));
  console.log(row('reference, board idle', idle));
  console.log(
    `  ratios: fps ${(toggling.fps / idle.fps).toFixed(2)}x, loop delay p99 ${(toggling.loopP99Ms / idle.loopP99Ms).toFixed(2)}x; ` +
      `state messages capped at 60/s: ${toggling.messagesPerSecond <= 60 ? 'yes' : 'NO'}`,
  );
  const latency = await inputLatency(page);
  console.log(`panel input to program (slider set in the page to the program's print arriving back), median of 10: ${latency.toFixed(1)} ms`);
  console.log(`  reference, one frame at 60 Hz: 16.7 ms; ratio ${(latency / 16.7).toFixed(2)}x`);
} finally {
  await chromium.close();
  await server.close();
  await services.dispose();
  await rm(userDataDir, { recursive: true, force: true });
}
