/**
 * The IDE's frame in a real Chromium over web mode: the panes are there, a dragged
 * splitter and the theme and font size survive a reload (they live in the settings
 * file), and the bottom panel switches between the REPL and the plotter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from '../support/chromium';
import { loadIde, openIde, waitForBoardState, waitForRepl, type Ide, type InPage } from './ide-driver';

describe('IDE layout', () => {
  let ide: Ide;

  beforeAll(async () => {
    ide = await openIde();
  });
  afterAll(async () => {
    await ide?.close();
  });

  it('shows the toolbar, sidebar, editor, bottom panel and status bar', async () => {
    const { page } = ide;
    for (const selector of ['.toolbar', '.sidebar', '.editor-area', '.bottom-panel', '.statusbar', '.repl-host .xterm']) {
      expect(await page.locator(selector).isVisible(), selector).toBe(true);
    }
    expect(await page.locator('.board-select option[value="virtual"]').count()).toBe(1);
    await saveScreenshot(page, 'ide-empty');
  });

  it('opens on the virtual board when no board was used before, without making it the remembered choice', async () => {
    const { page } = ide;
    await waitForBoardState(page, 'idle'); // (Busy for a moment while the file browser lists the board.)
    expect(await page.locator('.board-select').inputValue()).toBe('virtual');
    await waitForRepl(page, />>> $/m);
    const settings = await page.evaluate(() => (globalThis as InPage).studio.settings.get());
    expect(settings.lastTarget).toBeNull();
  });

  it('remembers a dragged pane size across a reload', async () => {
    const { page } = ide;
    const splitter = page.locator('[data-splitter="bottom"]');
    const before = (await page.locator('.bottom-panel').boundingBox())!.height;
    const box = (await splitter.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y - 120, { steps: 6 });
    await page.mouse.up();
    const after = (await page.locator('.bottom-panel').boundingBox())!.height;
    expect(after).toBeGreaterThan(before + 100);
    // The size is saved a moment after the drag ends; wait for the settings to hold it.
    await expect
      .poll(() => page.evaluate(() => (globalThis as InPage).studio.settings.get().then((s) => s.layout.bottomHeight)), { timeout: 10_000 })
      .toBe(Math.round(after));
    await loadIde(page, ide.app.url);
    expect(Math.round((await page.locator('.bottom-panel').boundingBox())!.height)).toBe(Math.round(after));
  });

  it('switches theme and font size, and keeps them', async () => {
    const { page } = ide;
    const theme = () => page.evaluate(() => (globalThis as InPage).document.documentElement.dataset.theme);
    const first = await theme();
    await page.click('button[data-command="view:toggleTheme"]');
    await page.waitForFunction((t) => (globalThis as InPage).document.documentElement.dataset.theme !== t, first);
    const second = await theme();
    expect(second).not.toBe(first);
    const size = () => page.evaluate(() => (globalThis as InPage).document.documentElement.style.getPropertyValue('--code-size'));
    const sizeBefore = parseInt(await size(), 10);
    await page.click('button[data-command="view:zoomIn"]');
    await page.waitForFunction((s) => parseInt((globalThis as InPage).document.documentElement.style.getPropertyValue('--code-size'), 10) === s + 1, sizeBefore);
    await loadIde(page, ide.app.url);
    expect(await theme()).toBe(second);
    expect(parseInt(await size(), 10)).toBe(sizeBefore + 1);
    await saveScreenshot(page, `ide-theme-${second}`);
    await page.click('button[data-command="view:zoomOut"]');
    await page.waitForFunction((s) => parseInt((globalThis as InPage).document.documentElement.style.getPropertyValue('--code-size'), 10) === s, sizeBefore);
  });

  it('switches the bottom panel between REPL and Plotter, also from the keyboard', async () => {
    const { page } = ide;
    await page.click('[role="tab"][data-panel="plotter"]');
    expect(await page.locator('.panel-page[data-panel="plotter"]').isVisible()).toBe(true);
    expect(await page.locator('.panel-page[data-panel="repl"]').isVisible()).toBe(false);
    await page.keyboard.press('Control+Shift+R');
    expect(await page.locator('.panel-page[data-panel="repl"]').isVisible()).toBe(true);
    expect(ide.errors).toEqual([]);
  });
});
