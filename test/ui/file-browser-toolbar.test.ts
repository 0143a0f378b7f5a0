/**
 * The sidebar's file toolbars as a new user meets them (issue 11, point 14), in Chromium
 * over web mode: one row of icon buttons from one icon set in each pane header, at
 * 1280×800 and 1920×1080, each with a tooltip and an accessible name; the rarer actions
 * in a context menu opened by a right click, the "⋯" button or the keyboard, which
 * Escape closes; and the menu's actions doing what they say, Copy path included.
 */
import { access, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from '../support/chromium';
import {
  activeEditorText,
  answerDialog,
  callApi,
  chooseLocalFolder,
  connectVirtualBoard,
  expectBoardPaths,
  localPaths,
  openFileBrowser,
  row,
  tool,
  until,
  type BrowserHarness,
} from './file-browser-harness';

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];
/** The text glyphs the toolbars used to show instead of icons. */
const GLYPHS = /[◐⚙⟳↻↑↓▶▷■×⋯▾▸]/;

interface ButtonFacts {
  action: string;
  top: number;
  right: number;
  title: string;
  label: string;
  text: string;
  icons: number;
}

/** What a person sees of a toolbar's buttons: where each sits, its tooltip, name, text and icon. */
function toolbarFacts(page: Page, selector: string): Promise<{ buttons: ButtonFacts[]; clipped: boolean }> {
  return page.locator(selector).evaluate((bar) => ({
    buttons: Array.from(bar.querySelectorAll('button')).map((b) => ({
      action: b.getAttribute('data-action') ?? b.getAttribute('data-command') ?? '',
      top: Math.round(b.getBoundingClientRect().top),
      right: b.getBoundingClientRect().right,
      title: b.title,
      label: b.getAttribute('aria-label') ?? '',
      text: (b.textContent ?? '').trim(),
      icons: b.querySelectorAll('.codicon').length,
    })),
    clipped: bar.scrollWidth > bar.clientWidth + 1,
  }));
}

const menu = (page: Page) => page.locator('.context-menu');
const menuActions = (page: Page) => menu(page).locator('[role^="menuitem"]').evaluateAll((items) => items.map((i) => i.getAttribute('data-action')));
const focusInMenu = (page: Page) => page.evaluate(() => !!document.activeElement?.closest('.context-menu'));

describe('file browser: icon toolbars and the context menu', () => {
  let t: BrowserHarness;
  let project: string;
  let disconnect: () => Promise<void>;

  beforeAll(async () => {
    t = await openFileBrowser();
    project = join(t.scratch, 'project');
    await mkdir(project, { recursive: true });
    await writeFile(join(project, 'main.py'), 'print("local")\n');
    await writeFile(join(project, 'old.py'), 'OLD = 1\n');
    await writeFile(join(project, 'up.py'), 'UP = 1\n');
    await chooseLocalFolder(t.page, project);
    disconnect = await connectVirtualBoard(t);
    await callApi(t.page, 'fs', 'write', '/main.py', new TextEncoder().encode('print("board")\n'));
    await tool(t.page, 'board', 'refresh').click();
    await expectBoardPaths(t.page, ['/main.py']);
    await t.chromium.browser.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(t.app.url).origin });
  });
  afterAll(async () => {
    await disconnect?.();
    await t?.close();
  });

  it('loads the icon font from the app itself, under its CSP', async () => {
    const loaded = await t.page.evaluate(async () => {
      await document.fonts.ready;
      let loaded = false;
      document.fonts.forEach((font) => (loaded ||= font.family.replace(/"/g, '') === 'codicon' && font.status === 'loaded'));
      return loaded;
    });
    expect(loaded).toBe(true);
  });

  for (const size of SIZES) {
    it(`shows one row of icon buttons with tooltips in each pane, and a toolbar of icons, at ${size.width}×${size.height}`, async () => {
      const { page } = t;
      await page.setViewportSize(size);
      for (const pane of ['.fb-board > .fb-toolbar', '.fb-local > .fb-toolbar']) {
        const { buttons, clipped } = await toolbarFacts(page, pane);
        expect(buttons.map((b) => b.action), pane).toContain('more');
        expect(new Set(buttons.map((b) => b.top)).size, `${pane} wraps`).toBe(1);
        expect(clipped, `${pane} cuts buttons off`).toBe(false);
        for (const b of buttons) {
          expect(b.icons, `${pane} ${b.action} shows an icon`).toBe(1);
          expect(b.text, `${pane} ${b.action} is an icon button`).toBe('');
          expect(b.title.length, `${pane} ${b.action} has a tooltip`).toBeGreaterThan(3);
          expect(b.label.length, `${pane} ${b.action} has an accessible name`).toBeGreaterThan(3);
        }
      }
      // The main toolbar: the same icon set, no text glyphs, every button inside the window.
      const main = await toolbarFacts(page, '.toolbar');
      for (const b of main.buttons.filter((x) => x.action.includes(':'))) {
        expect(b.icons, `${b.action} shows an icon`).toBe(1);
        expect(b.title.length, `${b.action} has a tooltip`).toBeGreaterThan(3);
        expect(b.label.length, `${b.action} has an accessible name`).toBeGreaterThan(3);
        expect(b.right, `${b.action} is inside the window`).toBeLessThanOrEqual(size.width);
      }
      expect(await page.locator('.toolbar, .fb-pane > .fb-toolbar, .panel-tabs .tools').evaluateAll((bars) => bars.map((b) => b.textContent).join(''))).not.toMatch(GLYPHS);
      await saveScreenshot(page, `file-browser-toolbar-${size.width}`);
    });
  }

  it('opens the menu on a right click, with the rarer actions, and Escape closes it and gives focus back', async () => {
    const { page } = t;
    await page.setViewportSize(SIZES[0]!);
    await row(page, 'board', '/main.py').click({ button: 'right' });
    await menu(page).waitFor();
    expect(await menuActions(page)).toEqual(['open', 'download', 'rename', 'delete', 'copyPath']);
    expect(await menu(page).locator('[data-action="download"]').textContent()).toBe('Download to Local');
    expect(await row(page, 'board', '/main.py').getAttribute('aria-selected')).toBe('true');
    expect(await focusInMenu(page)).toBe(true);
    await saveScreenshot(page, 'file-browser-menu-1280');
    await page.keyboard.press('Escape');
    expect(await menu(page).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('fb-tree'))).toBe(true);
  });

  it('opens the menu from the "⋯" button and from the keyboard; Enter runs the focused item', async () => {
    const { page } = t;
    const more = tool(page, 'board', 'more');
    await more.click();
    await menu(page).waitFor();
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    expect(await more.evaluate((b) => b === document.activeElement)).toBe(true);
    // Shift+F10 in the tree, as in any desktop app: the menu opens on the selection, Open is first.
    await row(page, 'board', '/main.py').click();
    await page.keyboard.press('Shift+F10');
    await menu(page).waitFor();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('open');
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('download');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect.poll(() => activeEditorText(page), { timeout: 30_000 }).toBe('print("board")\n');
  });

  it('copies a board path and a local path', async () => {
    const { page } = t;
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
    await row(page, 'board', '/main.py').click({ button: 'right' });
    await menu(page).locator('[data-action="copyPath"]').click();
    await expect.poll(clipboard, { timeout: 10_000 }).toBe('/main.py');
    await row(page, 'local', 'main.py').click({ button: 'right' });
    await menu(page).locator('[data-action="copyPath"]').click();
    await expect.poll(clipboard, { timeout: 10_000 }).toBe(join(project, 'main.py'));
  });

  it('uploads and deletes local files from their menu', async () => {
    const { page } = t;
    await row(page, 'local', 'up.py').click({ button: 'right' });
    expect(await menuActions(page)).toEqual(['open', 'upload', 'rename', 'delete', 'copyPath', 'replacedFiles']);
    await menu(page).locator('[data-action="upload"]').click();
    await expectBoardPaths(page, ['/main.py', '/up.py']);
    await row(page, 'local', 'old.py').click({ button: 'right' });
    await menu(page).locator('[data-action="delete"]').click();
    await answerDialog(page, 'confirm');
    await until(() => localPaths(page), (paths) => !paths.includes('old.py'), 'old.py to leave the local tree');
    await expect(access(join(project, 'old.py'))).rejects.toThrow();
    expect(t.errors).toEqual([]);
  });

  it('disables what cannot run, and says why', async () => {
    const { page } = t;
    await page.locator('.fb-board .fb-tree').click({ position: { x: 60, y: 150 } }); // Empty space: no selection.
    await tool(page, 'board', 'more').click();
    const rename = menu(page).locator('[data-action="rename"]');
    expect(await rename.isDisabled()).toBe(true);
    expect(await rename.getAttribute('title')).toBe('Select one item to rename.');
    await page.keyboard.press('Escape');
  });
});
