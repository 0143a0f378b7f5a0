/**
 * Getting a replaced local file back from inside the app, in Chromium over web mode with
 * the virtual board: ↓ Local replaces a differing local file (the user says Replace), the
 * local pane's "Replaced files…" lists the kept copy, Restore (from the keyboard) asks
 * about the file there now, and after Replace the old content is on disk again, the
 * pane says so, and the list shows the file that the restore replaced in turn.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from '../support/chromium';
import { boardPaths, chooseLocalFolder, menuAction, openFileBrowser, row, tool, until, type BrowserHarness } from './file-browser-harness';
import { answerReplace, putBoardFile, replaceDialog, useStartVirtualBoard } from './replace-consent-helpers';

const OLD = '# the local one\nprint(1)\n'; // 25 B
const BOARD = 'print("from the board")\n';

const dialog = (page: Page) => page.locator('.fb-dialog[data-dialog="replaced"]');
const rows = (page: Page) => dialog(page).locator('.fb-replaced-row:not(.fb-replaced-head)');
const message = (page: Page) => page.locator('.fb-message').textContent();

describe('restoring a replaced local file from the app', { timeout: 240_000 }, () => {
  let t: BrowserHarness;
  let project: string;
  const onDisk = () => readFile(join(project, 'hello.py'), 'utf8');

  beforeAll(async () => {
    t = await openFileBrowser();
    project = join(t.scratch, 'project');
    await mkdir(project, { recursive: true });
    await writeFile(join(project, 'hello.py'), OLD);
    await chooseLocalFolder(t.page, project);
    await useStartVirtualBoard(t.page);
    await putBoardFile(t.page, '/hello.py', BOARD);
    await tool(t.page, 'board', 'refresh').click();
    await until(() => boardPaths(t.page), (p) => p.includes('/hello.py'), 'the board to list /hello.py');
  }, 120_000);
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await saveScreenshot(t.page, `replaced-restore-failed-${context.task.name.slice(0, 16)}`);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists the file ↓ Local replaced, restores it after asking, and keeps the one it replaced', async () => {
    const { page } = t;
    await row(page, 'board', '/hello.py').click();
    await tool(page, 'board', 'download').click();
    await answerReplace(page, 'replace');
    await expect.poll(onDisk, { timeout: 30_000 }).toBe(BOARD);

    await menuAction(page, 'local', 'replacedFiles');
    await until(() => rows(page).count(), (n) => n === 1, 'the kept copy to be listed');
    const first = rows(page).first();
    expect(await first.getAttribute('data-path')).toBe('hello.py');
    expect(await first.locator('.fb-size').textContent()).toBe('25 B');
    expect(await first.locator('.fb-replaced-when').textContent()).toMatch(/\d/);
    // Keyboard first: the dialog opens with the focus on the newest file's Restore.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('restore');
    await saveScreenshot(page, 'replaced-files-dialog');

    await page.keyboard.press('Enter');
    await replaceDialog(page).waitFor({ timeout: 60_000 });
    await saveScreenshot(page, 'replaced-files-restore-question');
    const sides = await answerReplace(page, 'replace');
    expect(sides.existing).toMatch(/In the local folder: hello\.py24 B · modified \d/);
    expect(sides.incoming).toMatch(/The copy kept when it was replaced: hello\.py25 B · replaced \d/);
    await expect.poll(onDisk, { timeout: 30_000 }).toBe(OLD);
    await expect.poll(() => message(page), { timeout: 30_000 }).toMatch(/^Restored hello\.py: the version replaced \d/);
    // The board's content the restore replaced is kept too, newest first: the restore can be undone.
    await until(() => rows(page).count(), (n) => n === 2, 'the replaced current file to be listed too');
    expect(await rows(page).first().locator('.fb-size').textContent()).toBe('24 B');
    expect(await dialog(page).locator('.fb-replaced-status').textContent()).toContain('Restored hello.py');
    // The focus came back into the dialog, so Escape still closes it.
    expect(await page.evaluate(() => !!document.activeElement?.closest('.fb-dialog[data-dialog="replaced"]'))).toBe(true);
    await saveScreenshot(page, 'replaced-files-dialog-after-restore');
    await page.setViewportSize({ width: 900, height: 620 });
    await saveScreenshot(page, 'replaced-files-dialog-small');
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.keyboard.press('Escape');
    expect(await dialog(page).count()).toBe(0);
    expect(t.errors).toEqual([]);
  });

  it('says nothing was replaced in a folder with nothing kept, and how many other folders have', async () => {
    const { page } = t;
    const empty = join(t.scratch, 'empty');
    await mkdir(empty);
    await chooseLocalFolder(page, empty);
    await menuAction(page, 'local', 'replacedFiles');
    await until(() => dialog(page).locator('.fb-replaced-intro').textContent(), (text) => !!text?.startsWith('Nothing was replaced in this folder.'), 'the empty state');
    expect(await rows(page).count()).toBe(0);
    expect(await dialog(page).locator('.fb-replaced-others').textContent()).toBe(`2 more files were replaced in ${project}. Open that folder in the Local pane to restore them.`);
    await saveScreenshot(page, 'replaced-files-dialog-empty');
    // With no Restore to focus, the focus is on Close.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('close');
    // A modal keeps the focus: Tab from its last control does not wander into the page behind.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('close');
    await page.keyboard.press('Enter');
    expect(await dialog(page).count()).toBe(0);
    expect(t.errors).toEqual([]);
  });
});
