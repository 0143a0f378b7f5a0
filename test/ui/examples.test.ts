/**
 * File → Examples as web mode offers it (issue 11, point 18): the toolbar's Examples
 * menu lists the programs in resources/examples, and choosing one opens a new untitled
 * tab holding a copy of its text, named after it. Saving the copy asks where and never
 * writes the original; the channels refuse anything but an example's plain name.
 * In Chromium over web mode; the desktop menu's side is in test/electron/security.test.ts.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from '../support/chromium';
import { repoRoot } from '../support/web-app';
import { editorText, fillDialog, openIde, UI_TIMEOUT, type Ide, type InPage } from './ide-driver';

const EXAMPLES = join(repoRoot, 'resources', 'examples');

describe('File → Examples', () => {
  let ide: Ide;
  let names: string[];

  beforeAll(async () => {
    ide = await openIde();
    names = (await readdir(EXAMPLES)).filter((name) => name.endsWith('.py')).sort();
  });
  afterAll(async () => {
    await ide?.close();
  });

  it('lists the examples that ship with the app, each with what it does as its tooltip', async () => {
    const { page } = ide;
    await page.click('.examples-button');
    const menu = page.locator('.context-menu[aria-label="Examples"]');
    await menu.waitFor({ timeout: UI_TIMEOUT });
    expect(await menu.locator('.context-menu-label').allTextContents()).toEqual(names);
    expect(await menu.locator('[data-action="example:blink.py"]').getAttribute('title')).toBe('Blink the on-board LED once a second.');
    await saveScreenshot(page, 'examples-menu-1280');
  });

  it('opens a copy in a new untitled tab named after the example', async () => {
    const { page } = ide;
    await page.locator('.context-menu [data-action="example:blink.py"]').click();
    const tab = page.locator('.editor-tab[aria-selected="true"]');
    await expect.poll(() => tab.locator('.name').textContent(), { timeout: UI_TIMEOUT }).toBe('blink.py');
    expect(await tab.locator('.origin').getAttribute('data-side')).toBe('new');
    expect(await editorText(page)).toBe(await readFile(join(EXAMPLES, 'blink.py'), 'utf8'));
    await page.setViewportSize({ width: 1920, height: 1080 });
    await saveScreenshot(page, 'examples-open-1920');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('saves the copy where the user says, and leaves the original alone', async () => {
    const { page } = ide;
    const original = await readFile(join(EXAMPLES, 'blink.py'), 'utf8');
    await page.click('.editor-pane:not([hidden]) .cm-content');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('# mine\n');
    await page.keyboard.press('Control+s');
    // A tab with no file behind it asks where to save: on the board, as blink.py by default.
    await fillDialog(page, { side: 'board' });
    await expect
      .poll(() => page.evaluate(() => (globalThis as InPage).studio.fs.read('/blink.py').then((b) => new TextDecoder().decode(b))), { timeout: UI_TIMEOUT })
      .toBe(`${original}# mine\n`);
    expect(await readFile(join(EXAMPLES, 'blink.py'), 'utf8')).toBe(original);
    expect(await page.locator('.editor-tab[aria-selected="true"] .origin').getAttribute('data-side')).toBe('board');
  });

  it('refuses anything but an example’s plain name', async () => {
    const { page } = ide;
    const codeFor = (name: string) =>
      page.evaluate((n) => (globalThis as InPage).studio.app.example(n).then(() => 'read', (e: { code: string }) => e.code), name);
    expect(await codeFor('../package.json')).toBe('invalid-argument');
    expect(await codeFor('../../etc/passwd.py')).toBe('invalid-argument');
    expect(await codeFor('/etc/hosts')).toBe('invalid-argument');
    expect(await codeFor('no_such_example.py')).toBe('not-found');
    expect(await codeFor('blink.py')).toBe('read');
    expect(ide.errors).toEqual([]);
  });
});
