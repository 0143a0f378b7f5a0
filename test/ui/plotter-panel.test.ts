/**
 * The plotter panel in a real Chromium, over web mode's WebSocket and the real
 * PlotFeed: a scripted output stands in for the board (the app-level test with
 * the virtual board is plotter-app.test.ts). Plot growth, pause, zoom, resume,
 * legend toggles, axis modes, CSV and PNG export, clear, and the hidden-tab signal.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, saveScreenshot, type ChromiumSession, type Page } from '../support/chromium';
import { expectChartToFill } from '../plot/support/chart-layout';
import { removeHarnessPage, startPlotHarness, type PlotHarness } from '../plot/support/plot-harness';

const PLOTTER = '.plotter';

/** What the "board" prints: a header, then rows of three series, with exact decimal text. */
function row(i: number): [number, string, string] {
  return [i, (Math.sin(i / 40) * 10).toFixed(3), (i % 97 === 0 ? 'nan' : (Math.cos(i / 25) * 5 + 2).toFixed(2))];
}

function dataset(page: Page, key: string): Promise<string | null> {
  return page.locator(PLOTTER).getAttribute(`data-${key}`);
}

async function numberOf(page: Page, key: string): Promise<number> {
  return Number(await dataset(page, key));
}

/** Waits until the panel's state attributes satisfy `check` (the page's CSP forbids evaluating strings). */
async function waitForState(page: Page, check: (state: Record<string, string>) => boolean, what: string): Promise<Record<string, string>> {
  await expect
    .poll(
      async () => check(await page.locator(PLOTTER).evaluate((node) => ({ ...(node as unknown as { dataset: Record<string, string> }).dataset }))),
      { timeout: 20_000, interval: 25, message: what },
    )
    .toBe(true);
  return page.locator(PLOTTER).evaluate((node) => ({ ...(node as unknown as { dataset: Record<string, string> }).dataset }));
}

type HarnessWindow = { plotterHarness: { newData(): number } };

/** Prints rows `from..to-1` in chunks cut at odd places, so lines are split across reads. */
function printRows(harness: PlotHarness, from: number, to: number): void {
  let text = '';
  for (let i = from; i < to; i++) text += `${row(i).join(',')}\r\n`;
  for (let at = 0; at < text.length; at += 777) harness.output.print(text.slice(at, at + 777));
}

describe('plotter panel in Chromium (web mode, scripted output)', () => {
  let harness: PlotHarness;
  let chromium: ChromiumSession;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    harness = await startPlotHarness();
    chromium = await launchChromium({ width: 1100, height: 700 });
    page = chromium.page;
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(harness.url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
  });

  afterAll(async () => {
    await chromium?.close();
    await harness?.stop();
    await removeHarnessPage();
  });

  it('grows the plot as the board prints, with series named by the header', async () => {
    harness.output.print('Starting sampler\r\nstep,wave,other\r\n');
    printRows(harness, 0, 500);
    await waitForState(page, (d) => d.samples === '500', '500 samples');
    printRows(harness, 500, 2000);
    await waitForState(page, (d) => d.samples === '2000', '2000 samples');
    expect(await dataset(page, 'series')).toBe('step\twave\tother');
    await expect(page.locator('.u-legend .u-series').allTextContents()).resolves.toEqual(
      expect.arrayContaining([expect.stringContaining('step'), expect.stringContaining('wave'), expect.stringContaining('other')]),
    );
    expect(await numberOf(page, 'lost')).toBe(0);
    expect(await page.locator('.plotter-empty').isHidden()).toBe(true);
    await expectChartToFill(page);
  });

  it('pauses the view while data keeps arriving, zooms, and resumes', async () => {
    // By sample index, so the live view's end moves with every row however fast they came.
    await page.selectOption('[data-control="x-mode"]', 'index');
    await page.selectOption('[data-control="window-unit"]', 'samples');
    await page.fill('[data-control="window-amount"]', '1000');
    await page.press('[data-control="window-amount"]', 'Enter');
    await waitForState(page, (d) => d.xMax === '1999' && d.xMin === '1000', 'last 1000 samples');
    await page.click('[data-action="pause"]');
    expect(await dataset(page, 'paused')).toBe('true');
    await expect(page.locator('[data-action="pause"]').textContent()).resolves.toBe('Resume');
    const frozenMax = await numberOf(page, 'x-max');
    const frozenMin = await numberOf(page, 'x-min');

    printRows(harness, 2000, 2500);
    await waitForState(page, (d) => d.received === '2500', '2500 received');
    expect(await numberOf(page, 'x-max')).toBe(frozenMax);

    // Drag across the middle third of the plot: the x range narrows to it.
    const box = await page.locator('.u-over').boundingBox();
    if (!box) throw new Error('the plot area is not on screen');
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width / 3, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, y, { steps: 5 });
    await page.mouse.move(box.x + (box.width * 2) / 3, y, { steps: 5 });
    await page.mouse.up();
    await waitForState(page, (d) => Number(d.xMax) < frozenMax, 'zoomed in');
    const zoomedWidth = (await numberOf(page, 'x-max')) - (await numberOf(page, 'x-min'));
    expect(zoomedWidth).toBeGreaterThan(0);
    expect(zoomedWidth).toBeLessThan((frozenMax - frozenMin) / 2);

    // The wheel zooms further in around the cursor; double-click goes back to the frozen view.
    await page.mouse.move(box.x + box.width / 2, y);
    await page.mouse.wheel(0, -100);
    await waitForState(page, (d) => Number(d.xMax) - Number(d.xMin) < zoomedWidth * 0.99, 'wheel zoom');
    await page.mouse.dblclick(box.x + box.width / 2, y);
    await waitForState(page, (d) => Number(d.xMax) === frozenMax, 'zoom reset');
    expect(await dataset(page, 'paused')).toBe('true');

    await page.click('[data-action="pause"]');
    expect(await dataset(page, 'paused')).toBe('false');
    await waitForState(page, (d) => d.xMax === '2499', 'live again, at the newest sample');
    await saveScreenshot(page, 'plotter-panel');
  });

  it('pauses, zooms and pans from the keyboard', async () => {
    await page.focus(PLOTTER);
    await page.keyboard.press('Space');
    const frozen = await waitForState(page, (d) => d.paused === 'true', 'paused by Space');
    const width = Number(frozen.xMax) - Number(frozen.xMin);
    await page.keyboard.press('+');
    const zoomed = await waitForState(page, (d) => Number(d.xMax) - Number(d.xMin) < width * 0.9, 'zoomed by +');
    await page.keyboard.press('ArrowLeft');
    await waitForState(page, (d) => Number(d.xMax) < Number(zoomed.xMax), 'panned left');
    await page.keyboard.press('Home');
    await waitForState(page, (d) => d.xMax === frozen.xMax && d.xMin === frozen.xMin, 'zoom reset by Home');
    await page.keyboard.press('Space');
    await waitForState(page, (d) => d.paused === 'false', 'resumed by Space');
  });

  it('exports the whole history as CSV, row for row what was printed', async () => {
    const download = page.waitForEvent('download');
    await page.click('[data-action="csv"]');
    const file = await (await download).path();
    const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
    expect(lines[0]).toBe('index,time_s,step,wave,other');
    expect(lines).toHaveLength(2501);
    let lastTime = -1;
    for (let i = 0; i < 2500; i++) {
      const [index, time, step, wave, other] = (lines[i + 1] ?? '').split(',');
      const printed = row(i);
      expect(Number(index)).toBe(i);
      expect(Number(time)).toBeGreaterThanOrEqual(lastTime);
      lastTime = Number(time);
      expect(Number(step)).toBe(printed[0]);
      expect(Number(wave)).toBe(Number(printed[1]));
      expect(other).toBe(printed[2] === 'nan' ? '' : String(Number(printed[2])));
    }
  });

  it('exports the current view as a PNG', async () => {
    const download = page.waitForEvent('download');
    await page.click('[data-action="png"]');
    const png = await readFile(await (await download).path());
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBeGreaterThan(500);
    expect(height).toBeGreaterThan(200);
  });

  it('switches series off from the legend, and sets axis mode, window and a fixed range', async () => {
    const wave = page.locator('.u-legend .u-series').nth(2);
    await wave.click();
    await expect(wave.getAttribute('class')).resolves.toContain('u-off');
    await wave.click();
    await expect(wave.getAttribute('class')).resolves.not.toContain('u-off');

    await page.selectOption('[data-control="x-mode"]', 'time');
    await page.selectOption('[data-control="window-unit"]', 'seconds');
    await page.fill('[data-control="window-amount"]', '10');
    await page.press('[data-control="window-amount"]', 'Enter');
    // Everything was printed within a second: the view still shows the first 10 s.
    await waitForState(page, (d) => Math.abs(Number(d.xMax) - Number(d.xMin) - 10) < 1e-9 && Number(d.xMin) < 1, 'the first 10 s');
    await page.selectOption('[data-control="x-mode"]', 'index');
    await page.selectOption('[data-control="window-unit"]', 'samples');
    await page.fill('[data-control="window-amount"]', '100');
    await page.press('[data-control="window-amount"]', 'Enter');
    await waitForState(page, (d) => Number(d.xMax) - Number(d.xMin) === 99 && d.xMax === '2499', 'last 100 samples');

    await page.selectOption('[data-control="y-mode"]', 'fixed');
    await page.fill('[data-control="y-min"]', '-20');
    await page.fill('[data-control="y-max"]', '20');
    await page.press('[data-control="y-max"]', 'Enter');
    await waitForState(page, (d) => d.yMin === '-20' && d.yMax === '20', 'fixed y range');
    await page.selectOption('[data-control="y-mode"]', 'auto');
    await waitForState(page, (d) => Number(d.yMax) > 2499 && Number(d.yMax) < 2700, 'autoscaled to all series');
    // A series switched off in the legend no longer counts for autoscale: `step` (2400…2499) goes.
    const step = page.locator('.u-legend .u-series').nth(1);
    await step.click();
    await waitForState(page, (d) => Number(d.yMax) > 0 && Number(d.yMax) < 15, 'autoscaled to wave and other');
    await step.click();
  });

  it('signals new data while hidden without drawing, and draws again when shown', async () => {
    const newData = () => page.evaluate(() => (globalThis as unknown as HarnessWindow).plotterHarness.newData());
    const setDisplay = (display: string) =>
      page.locator('#plot').evaluate((node, value) => {
        (node as unknown as { style: { display: string } }).style.display = value;
      }, display);
    const newDataBefore = await newData();
    await setDisplay('none');
    // A frame already scheduled before hiding may still draw: let it pass first.
    await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
    const framesBefore = await numberOf(page, 'frames');
    printRows(harness, 2500, 2600);
    await waitForState(page, (d) => d.received === '2600', '2600 received');
    expect(await newData()).toBeGreaterThan(newDataBefore);
    expect(await numberOf(page, 'frames')).toBe(framesBefore);
    await setDisplay('');
    await waitForState(page, (d) => Number(d.frames) > framesBefore, 'drawn again');
  });

  it('clears everything through plot:clear, and a paused plot goes live again', async () => {
    await page.click('[data-action="pause"]');
    await waitForState(page, (d) => d.paused === 'true', 'paused before clearing');
    await page.click('[data-action="clear"]');
    await waitForState(page, (d) => d.samples === '0' && d.paused === 'false', 'cleared and live');
    await expect.poll(() => page.locator('.plotter-empty').isVisible(), { timeout: 20_000 }).toBe(true);
    harness.output.print('temp:21.5 hum:40\r\n');
    await waitForState(page, (d) => d.series === 'temp\thum', 'new series after clear');
    expect(errors).toEqual([]);
  });
});
