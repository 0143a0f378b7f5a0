/**
 * The plot and the runs, in a real Chromium over web mode with the virtual board: the
 * plotter stays in front on Run (F5 used to switch back to the REPL); each Run starts a
 * fresh plot unless the setting keeps the old one; the REPL's answers to typed lines are
 * not plotted while a loop typed at the REPL is; and the panel splits so the REPL and
 * the plot show side by side, remembered across a reload.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from '../support/chromium';
import { fillDialog, loadIde, newFile, openIde, typeInRepl, UI_TIMEOUT, waitForBoardState, waitForRepl, type Ide, type InPage } from './ide-driver';

const series = (ide: Ide) => ide.page.locator('.plotter').evaluate((node) => (node as HTMLElement).dataset.series ?? '');
const program = (name: string) => `import time\nfor i in range(20):\n    print("${name}:", i)\n    time.sleep_ms(20)\n`;

describe('plot per run', () => {
  let ide: Ide;
  beforeAll(async () => {
    ide = await openIde();
    await waitForBoardState(ide.page, 'idle', 60_000);
  }, 180_000); // Web mode and the virtual board start slowly on a loaded machine.
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await saveScreenshot(ide.page, `plot-per-run-failed-${context.task.name.slice(0, 20)}`);
  });
  afterAll(async () => {
    await ide?.close();
  });

  /** Runs `program(name)` to its end; its last line says it ran (a short run may never be seen as "running"). */
  const run = async (name: string) => {
    await newFile(ide.page, program(name));
    await ide.page.keyboard.press('F5');
    await waitForRepl(ide.page, new RegExp(`^${name}: 19$`, 'm'));
    await waitForBoardState(ide.page, 'idle');
  };

  it('keeps the plotter in front on Run, with only the new run’s series', async () => {
    const { page } = ide;
    await run('old');
    await page.click('[role="tab"][data-panel="plotter"]');
    await expect.poll(() => series(ide), { timeout: UI_TIMEOUT }).toBe('old');
    await newFile(page, program('fresh'));
    await page.keyboard.press('F5');
    await expect.poll(() => series(ide), { timeout: UI_TIMEOUT }).toBe('fresh');
    expect(await page.locator('.panel-page[data-panel="plotter"]').isVisible()).toBe(true);
    await waitForBoardState(page, 'idle');
    expect(await series(ide)).toBe('fresh');
    expect(await page.locator('.panel-page[data-panel="plotter"]').isVisible()).toBe(true);
    await saveScreenshot(page, 'plot-per-run');
  });

  it('keeps the earlier run’s series when the setting says so', async () => {
    const { page } = ide;
    const keepOnRun = async (value: 'yes' | 'no') => {
      await page.click('button[data-command="settings:open"]');
      await fillDialog(page, { plotKeepOnRun: value });
      await page.locator('.dialog').waitFor({ state: 'detached' });
    };
    await run('first');
    await expect.poll(() => series(ide), { timeout: UI_TIMEOUT }).toBe('first');
    await keepOnRun('yes');
    await run('second');
    await expect.poll(() => series(ide), { timeout: UI_TIMEOUT }).toMatch(/^first.second$/);
    await keepOnRun('no');
  });

  it('plots no REPL answers to typed lines, but a loop typed at the REPL', async () => {
    const { page } = ide;
    await page.click('[role="tab"][data-panel="plotter"]');
    await page.click('.plotter [data-action="clear"]');
    await expect.poll(() => series(ide), { timeout: UI_TIMEOUT }).toBe('');
    await page.click('[role="tab"][data-panel="repl"]');
    await typeInRepl(page, '7');
    await waitForRepl(page, /^7$/m);
    await typeInRepl(page, 'print("adc:", 512)');
    await waitForRepl(page, /^adc: 512$/m);
    await typeInRepl(page, 'for i in range(5): print("tick:", i)');
    await page.keyboard.press('Enter'); // Ends the one-line block.
    await waitForRepl(page, /^tick: 4$/m);
    await expect.poll(() => series(ide), { timeout: UI_TIMEOUT }).toBe('tick');
    const samples = await page.evaluate(() => (globalThis as InPage).studio.plot.info());
    expect(samples.samples).toBe(5);
  });

  it('shows the REPL and the plot side by side, and remembers it', async () => {
    const { page } = ide;
    await page.click('.bottom-panel .split-toggle');
    const repl = page.locator('.panel-page[data-panel="repl"]');
    const plot = page.locator('.panel-page[data-panel="plotter"]');
    const boxes = async () => [await repl.boundingBox(), await plot.boundingBox()];
    let [left, right] = await boxes();
    expect(left && right && left.width > 200 && Math.abs(left.width - right.width) < 4 && right.x >= left.x + left.width - 1).toBe(true);
    await run('split');
    expect(await repl.isVisible()).toBe(true);
    expect(await plot.isVisible()).toBe(true);
    await expect.poll(() => series(ide), { timeout: UI_TIMEOUT }).toBe('split');
    await saveScreenshot(page, 'plot-side-by-side');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await saveScreenshot(page, 'plot-side-by-side-1920');
    await page.setViewportSize({ width: 1280, height: 800 });
    // The plotter's toolbar stays one row at half the width.
    const toolbar = await page.locator('.plotter-toolbar').boundingBox();
    expect(toolbar!.height).toBeLessThan(40);

    await loadIde(page, ide.app.url);
    [left, right] = await boxes();
    expect(left && right && right.x >= left.x + left.width - 1).toBe(true);
    expect(await page.locator('.bottom-panel .split-toggle').getAttribute('aria-pressed')).toBe('true');
    expect(ide.errors).toEqual([]);
  });
});
