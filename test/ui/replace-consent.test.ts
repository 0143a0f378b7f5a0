/**
 * No transfer replaces a file whose content differs without the user saying so: each
 * path (↓ Local, ↑ Board, Sync ↓, Sync ↑, drag and drop both ways, a file dropped from
 * the computer, Save, Save As) is walked on the virtual board in Chromium. Each asks with
 * both sides' size and date, Cancel leaves both files as they were, Replace keeps the old
 * file (mirror or replaced-files folder), Keep both writes a renamed copy, and an equal
 * file asks nothing.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from '../support/chromium';
import { activeEditorText, boardPaths, callApi, chooseLocalFolder, localPaths, openFileBrowser, readBoardText, row, tool, until, type BrowserHarness } from './file-browser-harness';
import { answerReplace, expectNoQuestion, putBoardFile, replaceDialog, useStartVirtualBoard } from './replace-consent-helpers';

const LOCAL = '# the local one\nprint(1)\n'; // 25 B
const message = (t: BrowserHarness) => t.page.locator('.fb-message').textContent();

describe('replacing a file asks first, on every transfer path', { timeout: 240_000 }, () => {
  let t: BrowserHarness;
  let project: string;
  const local = (name: string) => readFile(join(project, name), 'utf8');

  beforeAll(async () => {
    t = await openFileBrowser();
    project = join(t.scratch, 'project');
    await mkdir(project, { recursive: true });
    await writeFile(join(project, 'hello.py'), LOCAL);
    await chooseLocalFolder(t.page, project);
    await useStartVirtualBoard(t.page);
    await putBoardFile(t.page, '/hello.py', '');
    await tool(t.page, 'board', 'refresh').click();
    await until(() => boardPaths(t.page), (p) => p.includes('/hello.py'), 'the board to list /hello.py');
  }, 120_000);
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await saveScreenshot(t.page, `replace-consent-failed-${context.task.name.slice(0, 16)}`);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('↓ Local: asks with both sides, Cancel keeps the local file, Replace keeps a restorable copy', async () => {
    const { page } = t;
    await row(page, 'board', '/hello.py').click();
    await tool(page, 'board', 'download').click();
    await replaceDialog(page).waitFor({ timeout: 60_000 });
    await saveScreenshot(page, 'replace-consent-download');
    const sides = await answerReplace(page, 'cancel');
    expect(sides.existing).toMatch(/In the local folder: hello\.py25 B · modified \d/);
    expect(sides.incoming).toMatch(/On the board: \/hello\.py0 B · no date/);
    await expect.poll(() => message(t), { timeout: 30_000 }).toContain('Download cancelled');
    expect(await local('hello.py')).toBe(LOCAL);

    await tool(page, 'board', 'download').click();
    await answerReplace(page, 'replace');
    await expect.poll(() => local('hello.py'), { timeout: 30_000 }).toBe('');
    // The replaced 25 B are kept in the user data, at their path, beside a note.
    const kept = join(t.app.userDataDir, 'replaced-files');
    const [folder] = await readdir(kept);
    expect(await readFile(join(kept, folder!, 'hello.py'), 'utf8')).toBe(LOCAL);
    // Now equal: a second download asks nothing and writes nothing.
    await tool(page, 'board', 'download').click();
    await expectNoQuestion(page);
    await expect.poll(() => message(t), { timeout: 30_000 }).toMatch(/Download: \d file/);
  });

  it('↑ Board: Keep both writes a renamed copy; Replace keeps the board’s old file in the mirror', async () => {
    const { page } = t;
    await writeFile(join(project, 'hello.py'), LOCAL);
    await t.page.locator('.fb-local [data-action="refresh"]').click();
    await row(page, 'local', 'hello.py').click();
    await tool(page, 'local', 'upload').click();
    const sides = await answerReplace(page, 'keep-both');
    expect(sides.existing).toMatch(/On the board: \/hello\.py0 B/);
    expect(sides.incoming).toMatch(/In the local folder: hello\.py25 B · modified/);
    await until(() => boardPaths(page), (p) => p.includes('/hello (2).py'), 'the renamed copy on the board');
    expect(await readBoardText(page, '/hello.py')).toBe('');
    expect(await readBoardText(page, '/hello (2).py')).toBe(LOCAL);

    await tool(page, 'local', 'upload').click();
    await answerReplace(page, 'replace');
    await expect.poll(() => readBoardText(page, '/hello.py'), { timeout: 30_000 }).toBe(LOCAL);
    const files = await callApi<Array<{ path: string; versions: number }>>(page, 'mirror', 'list', 'virtual');
    expect(files.find((f) => f.path === '/hello.py')?.versions).toBeGreaterThanOrEqual(1);
  });

  it('Sync ↑ and Sync ↓ ask before replacing a changed file', async () => {
    const { page } = t;
    await writeFile(join(project, 'hello.py'), 'print("sync up")\n');
    for (const [button, choice] of [['syncUp', 'cancel'], ['syncDown', 'replace']] as const) {
      await tool(page, 'local', button).click();
      const sync = page.locator('.fb-dialog[data-dialog="sync"]');
      await until(() => sync.locator('[data-action="apply"]').isDisabled(), (d) => !d, 'the sync preview');
      await sync.locator('[data-action="apply"]').click();
      await answerReplace(page, choice);
      await expect.poll(() => message(t), { timeout: 30_000 }).toMatch(/Sync (cancelled|done)/);
    }
    // Sync ↑ was cancelled: the board kept its file. Sync ↓ replaced the local one with it.
    expect(await readBoardText(page, '/hello.py')).toBe(LOCAL);
    expect(await local('hello.py')).toBe(LOCAL);
  });

  it('drag and drop, both ways and from the computer, asks too', async () => {
    const { page } = t;
    await writeFile(join(project, 'hello.py'), 'print("dragged")\n');
    await page.locator('.fb-local [data-action="refresh"]').click();
    // A drag that starts on a row the refresh is replacing is lost: wait for the new rows.
    await page.locator('.fb-local:not([aria-busy])').waitFor();
    await row(page, 'local', 'hello.py').dragTo(page.locator('.fb-board .fb-tree'));
    await answerReplace(page, 'cancel');
    await page.locator('.fb-board:not([aria-busy])').waitFor();
    await row(page, 'board', '/hello.py').dragTo(page.locator('.fb-local .fb-tree'));
    await answerReplace(page, 'cancel');
    const data = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['print("from the desktop")\n'], 'hello.py', { lastModified: Date.UTC(2026, 0, 2) }));
      return transfer;
    });
    await page.locator('.fb-board .fb-tree').dispatchEvent('dragover', { dataTransfer: data });
    await page.locator('.fb-board .fb-tree').dispatchEvent('drop', { dataTransfer: data });
    const sides = await answerReplace(page, 'cancel');
    expect(sides.incoming).toMatch(/Dropped from this computer: hello\.py26 B · modified/);
    expect(await readBoardText(page, '/hello.py')).toBe(LOCAL);
    expect(await local('hello.py')).toBe('print("dragged")\n');
    // No copy came of the cancelled drops: `hello (2).py` is the board's Keep-both copy,
    // which Sync ↓ in the test before brought down as a new file.
    expect((await localPaths(page)).sort()).toEqual(['hello (2).py', 'hello.py']);
  });

  it('Save asks when the file changed since it was opened, and Save As onto another file asks', async () => {
    const { page } = t;
    await row(page, 'board', '/hello.py').dblclick();
    await until(() => activeEditorText(page), (text) => text === LOCAL, 'the editor to open /hello.py');
    await putBoardFile(page, '/hello.py', 'print("changed on the board")\n');
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('# mine\n');
    await page.keyboard.press('Control+S');
    const sides = await answerReplace(page, 'cancel');
    expect(sides.incoming).toMatch(/The editor’s text: \/hello\.py/);
    expect(await readBoardText(page, '/hello.py')).toBe('print("changed on the board")\n');
    // Save As onto the local hello.py, which differs: asked again; Cancel writes nothing.
    await page.keyboard.press('Control+Shift+S');
    const form = page.locator('.dialog form');
    await form.locator('select[name="side"]').selectOption('local');
    await form.locator('input[name="path"]').fill('hello.py');
    await page.locator('.dialog button.primary').click();
    await answerReplace(page, 'cancel');
    expect(await local('hello.py')).toBe('print("dragged")\n');
    // Replace: the tab's text is written, and the board's other version is in the mirror.
    await page.keyboard.press('Control+S');
    await answerReplace(page, 'replace');
    await expect.poll(() => readBoardText(page, '/hello.py'), { timeout: 30_000 }).toBe(`${LOCAL}# mine\n`);
    expect(t.errors).toEqual([]);
  });
});
