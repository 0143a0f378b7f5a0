/**
 * The editor's everyday features in a real Chromium, no board needed: Python
 * indentation, commenting, search and replace, multiple cursors, completion of the
 * file's own names, tabs with their origin and unsaved marker.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from '../support/chromium';
import { editorText, newFile, openIde, UI_TIMEOUT, type Ide } from './ide-driver';

describe('IDE editor', () => {
  let ide: Ide;
  beforeAll(async () => {
    ide = await openIde();
  });
  afterAll(async () => {
    await ide?.close();
  });

  it('indents after a colon', async () => {
    const { page } = ide;
    await newFile(page, '');
    await page.keyboard.type('def f(x):\nif x:\nreturn 1\n');
    expect(await editorText(page)).toBe('def f(x):\n    if x:\n        return 1\n        ');
    expect(await page.locator('.editor-tab[aria-selected="true"] .origin').textContent()).toBe('new');
    expect(await page.locator('.editor-tab[aria-selected="true"]').getAttribute('data-dirty')).toBe('true');
  });

  it('comments and uncomments a line', async () => {
    const { page } = ide;
    await newFile(page, 'x = 1\ny = 2\n');
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Control+/');
    expect(await editorText(page)).toBe('# x = 1\ny = 2\n');
    await page.keyboard.press('Control+/');
    expect(await editorText(page)).toBe('x = 1\ny = 2\n');
  });

  it('types at several cursors at once', async () => {
    const { page } = ide;
    await newFile(page, 'a = 1\nb = 2\nc = 3\n');
    const lines = page.locator('.editor-pane:not([hidden]) .cm-line');
    await lines.nth(0).click();
    await page.keyboard.press('Home');
    await lines.nth(1).click({ modifiers: ['Control'], position: { x: 1, y: 5 } });
    await lines.nth(2).click({ modifiers: ['Control'], position: { x: 1, y: 5 } });
    await page.keyboard.type('v_');
    expect(await editorText(page)).toBe('v_a = 1\nv_b = 2\nv_c = 3\n');
  });

  it('finds and replaces', async () => {
    const { page } = ide;
    await newFile(page, 'led = 1\nprint(led)\nled += 1\n');
    await page.keyboard.press('Control+f');
    const panel = page.locator('.editor-pane:not([hidden]) .cm-search');
    await panel.waitFor({ timeout: UI_TIMEOUT });
    await panel.locator('input[name="search"]').fill('led');
    await panel.locator('input[name="replace"]').fill('lamp');
    await saveScreenshot(page, 'ide-search-replace');
    await panel.locator('button[name="replaceAll"]').click();
    expect(await editorText(page)).toBe('lamp = 1\nprint(lamp)\nlamp += 1\n');
  });

  it("completes the file's own names", async () => {
    const { page } = ide;
    await newFile(page, 'sensor_reading = 3\n');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('sens');
    await page.keyboard.press('Control+Space');
    const popup = page.locator('.editor-pane:not([hidden]) .cm-tooltip-autocomplete');
    await expect.poll(() => popup.textContent(), { timeout: UI_TIMEOUT }).toContain('sensor_reading');
    // A click: Enter right after the list opens is ignored by design (CodeMirror's interaction delay).
    await popup.locator('li:has-text("sensor_reading")').click();
    expect(await editorText(page)).toBe('sensor_reading = 3\nsensor_reading');
    expect(ide.errors).toEqual([]);
  });
});
