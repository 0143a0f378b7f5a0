/**
 * The plotter in the IDE, in Chromium over web mode, with the virtual board: run
 * the ADC example, watch the plot grow, pause, zoom and resume, then check the CSV
 * export against what the board printed, export a PNG, and see the Plotter tab's
 * badge when data arrives while the REPL tab is in front.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot, type Page } from '../support/chromium';
import { repoRoot } from '../support/web-app';
import { expectChartToFill } from '../plot/support/chart-layout';
import { connectVirtual, fillDialog, newFile, openIde, replText, UI_TIMEOUT, waitForBoardState, waitForRepl, type Ide, type InPage } from './ide-driver';

const PLOTTER = '.plotter';
const SAMPLE_LINE = /^pot:(\d+) light:(\d+)$/;

async function state(page: Page): Promise<Record<string, string>> {
  return page.locator(PLOTTER).evaluate((node) => ({ ...(node as unknown as { dataset: Record<string, string> }).dataset }));
}

/** Waits until the panel's state attributes satisfy `check`. */
async function waitForState(page: Page, check: (s: Record<string, string>) => boolean, what: string): Promise<Record<string, string>> {
  await expect.poll(async () => check(await state(page)), { timeout: UI_TIMEOUT, interval: 50, message: what }).toBe(true);
  return state(page);
}

describe('plotter in the IDE with the virtual board', () => {
  let ide: Ide;
  let page: Page;

  beforeAll(async () => {
    ide = await openIde();
    page = ide.page;
    await connectVirtual(page);
  });
  afterAll(async () => {
    await ide?.close();
  });

  it('plots the ADC example while it runs', async () => {
    const example = await readFile(join(repoRoot, 'resources', 'examples', 'adc_plot.py'), 'utf8');
    await newFile(page, example);
    await page.keyboard.press('F5');
    await waitForRepl(page, /pot:\d+ light:\d+/);
    await page.click('[data-panel="plotter"][role="tab"]');
    const early = await waitForState(page, (s) => Number(s.samples) >= 3 && s.series === 'pot\tlight', 'first samples');
    await waitForState(page, (s) => Number(s.samples) >= Number(early.samples) + 5, 'the plot grows');
    expect(Number((await state(page)).lost)).toBe(0);
    await expectChartToFill(page);
  });

  it('pauses, zooms while paused and resumes', async () => {
    // The last 20 samples by index: the live view's end moves with every line printed.
    await page.selectOption(`${PLOTTER} [data-control="x-mode"]`, 'index');
    await page.selectOption(`${PLOTTER} [data-control="window-unit"]`, 'samples');
    await page.fill(`${PLOTTER} [data-control="window-amount"]`, '20');
    await page.press(`${PLOTTER} [data-control="window-amount"]`, 'Enter');
    await waitForState(page, (s) => Number(s.xMax) - Number(s.xMin) === 19, 'a 20-sample window');
    await page.click(`${PLOTTER} [data-action="pause"]`);
    const frozen = await state(page);
    expect(frozen.paused).toBe('true');
    await waitForState(page, (s) => Number(s.received) > Number(frozen.received), 'data still collected');
    expect((await state(page)).xMax).toBe(frozen.xMax);

    const box = await page.locator(`${PLOTTER} .u-over`).boundingBox();
    if (!box) throw new Error('the plot is not on screen');
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.2, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.45, y, { steps: 5 });
    await page.mouse.up();
    const zoomed = await waitForState(page, (s) => Number(s.xMax) < Number(frozen.xMax), 'zoomed in');
    expect(Number(zoomed.xMax) - Number(zoomed.xMin)).toBeLessThan((Number(frozen.xMax) - Number(frozen.xMin)) / 2);

    await page.click(`${PLOTTER} [data-action="pause"]`);
    await waitForState(page, (s) => s.paused === 'false' && Number(s.xMax) > Number(frozen.xMax), 'live again');
    await saveScreenshot(page, 'plotter-app');
  });

  it('exports the whole history as CSV, the same rows the board printed', async () => {
    await page.keyboard.press('Control+F2');
    await waitForBoardState(page, 'idle');
    // The last lines printed before the stop may still be on their way (output is batched): wait for the plot to settle.
    let settled = '';
    await expect
      .poll(
        async () => {
          const now = (await state(page)).samples ?? '';
          const same = now === settled;
          settled = now;
          return same;
        },
        { timeout: UI_TIMEOUT, interval: 500 },
      )
      .toBe(true);
    const printed = (await replText(page))
      .split(/\r?\n/)
      .map((line) => SAMPLE_LINE.exec(line.trim()))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [Number(m[1]), Number(m[2])]);
    // Ctrl+F2 may cut the last line mid-print: the terminal and the parser may then
    // disagree on that one line only. Every line before it must match exactly.
    const plotted = await waitForState(
      page,
      (s) => Number(s.samples) === printed.length || Number(s.samples) === printed.length - 1,
      'every printed line plotted',
    );
    const compared = Number(plotted.samples);

    const download = page.waitForEvent('download');
    await page.click(`${PLOTTER} [data-action="csv"]`);
    const lines = (await readFile(await (await download).path(), 'utf8')).trimEnd().split('\n');
    expect(lines[0]).toBe('index,time_s,pot,light');
    const rows = lines.slice(1).map((line) => line.split(',').slice(2).map(Number));
    expect(rows.slice(0, compared)).toEqual(printed.slice(0, compared));
    expect(rows.length).toBe(compared);
    expect(rows.length).toBeGreaterThan(10);
  });

  it('exports the current view as a PNG', async () => {
    const download = page.waitForEvent('download');
    await page.click(`${PLOTTER} [data-action="png"]`);
    const png = await readFile(await (await download).path());
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThan(200);
  });

  it('badges the Plotter tab when data arrives while the REPL is in front', async () => {
    await page.click('[data-panel="repl"][role="tab"]');
    const badge = page.locator('[data-panel="plotter"][role="tab"] .badge');
    expect(await badge.isHidden()).toBe(true);
    await page.keyboard.press('F5');
    await badge.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    // Each Run starts a fresh plot: the badge may come from the previous run's last lines,
    // so let this run's own samples arrive before stopping it (the next test needs them).
    await waitForState(page, (s) => Number(s.samples) > 0, 'samples of this run');
    await page.keyboard.press('Control+F2');
    await waitForBoardState(page, 'idle');
    await page.click('[data-panel="plotter"][role="tab"]');
    expect(await badge.isHidden()).toBe(true);
  });

  it('keeps as many samples as Settings says, from the next Clear', async () => {
    const before = await state(page);
    expect(Number(before.samples)).toBeGreaterThan(0);
    await page.click('button[data-command="settings:open"]');
    await fillDialog(page, { plotHistory: '1000' });
    await expect
      .poll(() => page.evaluate(() => (globalThis as InPage).studio.settings.get().then((s) => s.plotHistory)), { timeout: UI_TIMEOUT })
      .toBe(1000);
    // What is on screen stays until the user clears it.
    expect((await state(page)).capacity).toBe(before.capacity);
    expect(Number((await state(page)).samples)).toBe(Number(before.samples));
    await page.click(`${PLOTTER} [data-action="clear"]`);
    await waitForState(page, (s) => s.capacity === '1000' && s.samples === '0', 'the new history size after Clear');
    await newFile(page, 'for i in range(1500):\n    print("v:" + str(i))\n');
    await page.keyboard.press('F5');
    const full = await waitForState(page, (s) => Number(s.received) >= 1500, 'all 1,500 lines');
    expect(Number(full.samples)).toBe(1000);
    expect(ide.errors).toEqual([]);
  });
});
