/**
 * Plotter benchmark, in Chromium: 10,000 lines a second of 4 series for 20 s,
 * printed by a scripted source through the real contract path (PlotFeed in Node,
 * the dispatcher, web mode's WebSocket, the bridge, the panel). Reports frame
 * rate (median and 5th percentile, from requestAnimationFrame timestamps), the
 * longest frame, samples dropped and the JS heap at 5 s and 20 s; then again with
 * the IDE's REPL terminal (xterm.js) on the same page receiving the same text.
 * The reference is the same page, idle, measured in the same run.
 */
import { cpus, loadavg } from 'node:os';
import { launchChromium, type Page } from '../test/support/chromium';
import { removeHarnessPage, startPlotHarness, type PlotHarness } from '../test/plot/support/plot-harness';

const LINES_PER_SECOND = 10_000;
const STREAM_SECONDS = 20;
const IDLE_SECONDS = 5;
/** The generator's tick; each tick prints the lines that are due, as a USB-serial read would deliver them. */
const TICK_MS = 5;

interface FrameStats {
  frames: number;
  medianFps: number;
  p5Fps: number;
  longestFrameMs: number;
}

type RecorderWindow = { __frames: number[]; __recording: boolean };

async function startRecording(page: Page): Promise<void> {
  await page.evaluate(() => {
    // A property, not a named local: tsx's keep-names helper does not exist in the page.
    const w = globalThis as unknown as RecorderWindow & { requestAnimationFrame(cb: (t: number) => void): number; __tick(t: number): void };
    w.__frames = [];
    w.__recording = true;
    w.__tick = function (t: number) {
      if (!w.__recording) return;
      w.__frames.push(t);
      w.requestAnimationFrame(w.__tick);
    };
    w.requestAnimationFrame(w.__tick);
  });
}

async function stopRecording(page: Page): Promise<FrameStats> {
  const stamps = await page.evaluate(() => {
    const w = globalThis as unknown as RecorderWindow;
    w.__recording = false;
    return w.__frames;
  });
  const intervals = stamps.slice(1).map((t, i) => t - (stamps[i] as number)).sort((a, b) => a - b);
  const at = (q: number) => intervals[Math.min(intervals.length - 1, Math.floor(q * intervals.length))] ?? Infinity;
  return {
    frames: stamps.length,
    medianFps: 1000 / at(0.5),
    p5Fps: 1000 / at(0.95),
    longestFrameMs: intervals[intervals.length - 1] ?? Infinity,
  };
}

async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize / 1024 / 1024;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function panelState(page: Page): Promise<Record<string, string>> {
  return page.locator('.plotter').evaluate((node) => ({ ...(node as unknown as { dataset: Record<string, string> }).dataset }));
}

/** One line per sample: four series, as `print(a, b, c, d, sep=',')` would print them. */
function line(i: number): string {
  const t = i / LINES_PER_SECOND;
  return `${(Math.sin(t * 6) * 100).toFixed(2)},${(Math.cos(t * 2) * 50).toFixed(2)},${((i % 1000) / 10).toFixed(1)},${(Math.sin(t * 40) * 10 + 20).toFixed(3)}\r\n`;
}

async function streamRun(harness: PlotHarness, page: Page): Promise<FrameStats & { dropped: number; heap5: number; heap20: number; printed: number; renderMs: number; draws: number }> {
  const before = Number((await panelState(page)).received ?? 0);
  await startRecording(page);
  const started = performance.now();
  let printed = 0;
  const timer = setInterval(() => {
    const due = Math.min(STREAM_SECONDS * LINES_PER_SECOND, Math.floor(((performance.now() - started) / 1000) * LINES_PER_SECOND));
    let text = '';
    for (; printed < due; printed++) text += line(printed);
    if (text) harness.output.print(text);
  }, TICK_MS);
  await sleep(5000);
  const heap5 = await heapMb(page);
  while (printed < STREAM_SECONDS * LINES_PER_SECOND) await sleep(50);
  clearInterval(timer);
  const heap20 = await heapMb(page);
  const frames = await stopRecording(page);
  // Let the last batch arrive, then count what the panel got.
  const deadline = Date.now() + 10_000;
  let state = await panelState(page);
  while (Number(state.received) - before < printed && Date.now() < deadline) {
    await sleep(100);
    state = await panelState(page);
  }
  const dropped = printed - (Number(state.received) - before) + Number(state.lost ?? 0);
  return { ...frames, dropped, heap5, heap20, printed, renderMs: Number(state.renderMs), draws: Number(state.frames) };
}

async function idleRun(page: Page): Promise<FrameStats> {
  await startRecording(page);
  await sleep(IDLE_SECONDS * 1000);
  return stopRecording(page);
}

function fmt(n: number, digits = 1): string {
  return n.toFixed(digits);
}

async function measure(harness: PlotHarness, query: string, label: string, hidePlot = false): Promise<boolean> {
  const chromium = await launchChromium({ width: 1280, height: 800 });
  try {
    const page = chromium.page;
    await page.goto(`${harness.url}${query}`);
    await page.waitForSelector('body[data-ready="true"]');
    if (hidePlot) {
      await page.locator('#plot').evaluate((node) => {
        (node as unknown as { style: { display: string } }).style.display = 'none';
      });
    }
    const idle = await idleRun(page);
    const run = await streamRun(harness, page);
    console.log(`\n-- ${label}`);
    console.log(`reference (same page, idle ${IDLE_SECONDS} s): median ${fmt(idle.medianFps)} fps, p5 ${fmt(idle.p5Fps)} fps, longest frame ${fmt(idle.longestFrameMs)} ms`);
    console.log(`streaming ${run.printed.toLocaleString()} lines (${LINES_PER_SECOND.toLocaleString()}/s × ${STREAM_SECONDS} s, 4 series):`);
    console.log(`  fps median ${fmt(run.medianFps)} (goal ≥ 55; ratio to idle ${fmt(run.medianFps / idle.medianFps, 2)})`);
    console.log(`  fps p5     ${fmt(run.p5Fps)} (goal ≥ 30; ratio to idle ${fmt(run.p5Fps / idle.p5Fps, 2)})`);
    console.log(`  longest frame ${fmt(run.longestFrameMs)} ms (idle ${fmt(idle.longestFrameMs)} ms)`);
    console.log(`  plot redraws ${run.draws}, about ${fmt(run.renderMs, 2)} ms each (decimate + uPlot)`);
    console.log(`  samples dropped ${run.dropped} (must be 0)`);
    console.log(`  JS heap ${fmt(run.heap5)} MB at 5 s, ${fmt(run.heap20)} MB at 20 s (ratio ${fmt(run.heap20 / run.heap5, 2)})`);
    return run.dropped === 0;
  } finally {
    await chromium.close();
  }
}

// Frame rates on a shared machine depend on what else runs: say how busy it was.
console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at start`);
const harness = await startPlotHarness();
let ok: boolean;
try {
  const plain = await measure(harness, '', 'plotter alone');
  // What the page costs without drawing: tells drawing apart from receiving and machine load.
  await measure(harness, '', 'plotter tab hidden (collecting, not drawing)', true);
  const withRepl = await measure(harness, '?repl=1', "plotter with the IDE's REPL terminal (xterm.js) on screen, same text");
  // The REPL's own share: the same page and text with the plot hidden.
  await measure(harness, '?repl=1', "the IDE's REPL terminal alone on screen (plot hidden, collecting)", true);
  ok = plain && withRepl;
  console.log(`\nload average ${loadavg().map((l) => l.toFixed(1)).join(' ')} at the end`);
} finally {
  await harness.stop();
  await removeHarnessPage();
}
process.exit(ok ? 0 : 1);
