/**
 * Editor stumbles a new user met, in a real Chromium on the virtual board: the status
 * bar's cursor follows a tab switch, Run Selection works from a selection that starts
 * after an indent, and board completion lists public names first and no leaked imports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from '../support/chromium';
import { newFile, openIde, UI_TIMEOUT, waitForBoardState, waitForRepl, type Ide } from './ide-driver';

describe('editor stumbles', () => {
  let ide: Ide;
  beforeAll(async () => {
    ide = await openIde();
    await waitForBoardState(ide.page, 'idle', 60_000);
  }, 180_000); // Web mode and the virtual board start slowly on a loaded machine.
  afterAll(async () => {
    await ide?.close();
  });

  const cursorText = () => ide.page.locator('.status-cursor').textContent();

  it("shows the active tab's own cursor in the status bar after a tab switch", async () => {
    const { page } = ide;
    await newFile(page, 'a = 1\nb = 2\nc = 3\nd = 4\ne = 5\n'); // Cursor ends on line 6.
    await newFile(page, 'x = 1\n');
    await page.keyboard.press('Control+Home');
    await expect.poll(cursorText).toBe('Ln 1, Col 1');
    await page.locator('.editor-tab').nth(-2).click();
    await expect.poll(cursorText, { timeout: 2000 }).toBe('Ln 6, Col 1');
    await page.locator('.editor-tab').nth(-1).click();
    await expect.poll(cursorText, { timeout: 2000 }).toBe('Ln 1, Col 1');
  });

  it('runs a selection that starts after the indentation (as Home leaves it)', async () => {
    const { page } = ide;
    await newFile(page, 'def f():\n    for i in range(2):\n        print("sel", i)\n');
    // Line 2, Home (after the indent), then Shift+Down twice: the loop's two lines.
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+End');
    await page.keyboard.press('Shift+F5');
    const text = await waitForRepl(page, /sel 1|Error/);
    expect(text).not.toMatch(/IndentationError/);
    expect(text).toMatch(/^sel 0$/m);
    await waitForBoardState(page, 'idle');
  });

  it("lists machine's public names only, and private ones once `_` is typed", async () => {
    const { page } = ide;
    await newFile(page, 'import machine\nmachine.');
    await page.keyboard.press('Control+Space');
    const popup = page.locator('.editor-pane:not([hidden]) .cm-tooltip-autocomplete');
    await popup.waitFor({ timeout: UI_TIMEOUT });
    await expect.poll(() => popup.textContent(), { timeout: UI_TIMEOUT }).toContain('Pin');
    const labels = await popup.locator('li .cm-completionLabel').allTextContents();
    expect(labels[0]?.startsWith('_')).toBe(false);
    expect(labels.filter((l) => l.startsWith('_'))).toEqual([]);
    expect(labels).not.toContain('json');
    expect(labels).not.toContain('uctypes');
    await saveScreenshot(page, 'editor-machine-completions');
    await page.keyboard.type('_');
    await page.keyboard.press('Control+Space');
    await expect.poll(async () => (await popup.locator('li .cm-completionLabel').allTextContents()).some((l) => l.startsWith('_')), { timeout: UI_TIMEOUT }).toBe(true);
    await page.keyboard.press('Escape');
    expect(ide.errors).toEqual([]);
  });
});
