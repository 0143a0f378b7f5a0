/**
 * Running with the plotter in front, in a real Chromium over web mode with the virtual
 * board: the plotter stays in front (F5 used to switch back to the REPL), and the Run
 * starts a fresh plot, so series from earlier output leave the legend.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from '../support/chromium';
import { newFile, openIde, typeInRepl, UI_TIMEOUT, waitForBoardState, waitForRepl, type Ide } from './ide-driver';

const series = (ide: Ide) => ide.page.locator('.plotter').evaluate((node) => (node as HTMLElement).dataset.series ?? '');

describe('plot per run', () => {
  let ide: Ide;
  beforeAll(async () => {
    ide = await openIde();
    await waitForBoardState(ide.page, 'idle', 60_000);
  }, 180_000); // Web mode and the virtual board start slowly on a loaded machine.
  afterAll(async () => {
    await ide?.close();
  });

  it('keeps the plotter in front on Run, with only the new run’s series', async () => {
    const { page } = ide;
    await typeInRepl(page, 'print("old:", 5)');
    await waitForRepl(page, /^old: 5$/m);
    await page.click('[role="tab"][data-panel="plotter"]');
    await expect.poll(() => series(ide), { timeout: UI_TIMEOUT }).toContain('old');
    await newFile(page, 'import time\nfor i in range(20):\n    print("fresh:", i)\n    time.sleep_ms(20)\n');
    await page.keyboard.press('F5');
    await expect.poll(() => series(ide), { timeout: UI_TIMEOUT }).toBe('fresh');
    expect(await page.locator('.panel-page[data-panel="plotter"]').isVisible()).toBe(true);
    await waitForBoardState(page, 'idle');
    expect(await series(ide)).toBe('fresh');
    expect(await page.locator('.panel-page[data-panel="plotter"]').isVisible()).toBe(true);
    await saveScreenshot(page, 'plot-per-run');
    expect(ide.errors).toEqual([]);
  });
});
