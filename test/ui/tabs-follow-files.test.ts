/**
 * Renaming, moving and deleting files in the file browser updates the tabs that show
 * them (and the mirror's copies): Ctrl+S after a rename writes the new name, never the
 * old one again. On the virtual board (rename, move, delete) and on the micro:bit under
 * QEMU, whose firmware cannot rename, for delete.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startQemuMicrobit, type QemuMicrobit } from '../support/qemu-microbit';
import { activeEditorText, answerDialog, boardPaths, type BrowserHarness, callApi, connectBoard, expectBoardPaths, menuAction, openFileBrowser, readBoardText, row, tool, until } from './file-browser-harness';
import { putBoardFile, useStartVirtualBoard } from './replace-consent-helpers';

async function openTab(t: BrowserHarness, path: string, text: string): Promise<void> {
  await tool(t.page, 'board', 'refresh').click();
  await row(t.page, 'board', path).dblclick();
  await until(() => activeEditorText(t.page), (now) => now === text, `the tab of ${path}`);
}

async function typeAndSave(t: BrowserHarness, line: string): Promise<void> {
  await t.page.locator('.editor-pane:not([hidden]) .cm-content').click();
  await t.page.keyboard.press('Control+End');
  await t.page.keyboard.type(line);
  await t.page.keyboard.press('Control+S');
  await until(() => t.page.locator('.editor-tab[aria-selected="true"]').getAttribute('data-dirty'), (d) => d === 'false', 'the save');
}

const tabNames = (t: BrowserHarness) => t.page.locator('.editor-tab .name').allTextContents();

describe('tabs follow rename, move and delete (virtual board)', { timeout: 240_000 }, () => {
  let t: BrowserHarness;
  beforeAll(async () => {
    t = await openFileBrowser();
    await useStartVirtualBoard(t.page);
    await callApi(t.page, 'fs', 'mkdir', '/lib');
    await putBoardFile(t.page, '/sp ace.py', 'A = 1\n');
    await putBoardFile(t.page, "/a'b.py", 'B = 2\n');
    await putBoardFile(t.page, '/gone.py', 'C = 3\n');
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('a rename renames the tab, and Ctrl+S writes the new name only', async () => {
    const { page } = t;
    await openTab(t, '/sp ace.py', 'A = 1\n');
    await row(page, 'board', '/sp ace.py').click();
    await menuAction(page, 'board', 'rename');
    await page.locator('.fb-board .fb-rename').fill('sp ace 2.py');
    await page.locator('.fb-board .fb-rename').press('Enter');
    await until(() => tabNames(t), (names) => names.includes('sp ace 2.py'), 'the tab to follow the rename');
    expect(await page.locator('.editor-tab[aria-selected="true"]').getAttribute('title')).toBe('/sp ace 2.py on virtual board');
    await typeAndSave(t, 'A2 = 1\n');
    expect(await readBoardText(t.page, '/sp ace 2.py')).toBe('A = 1\nA2 = 1\n');
    await expect.poll(() => boardPaths(page), { timeout: 30_000 }).not.toContain('/sp ace.py');
    // The mirror's copies moved with the file.
    const mirrored = (await callApi<Array<{ path: string }>>(page, 'mirror', 'list', 'virtual')).map((f) => f.path);
    expect(mirrored).toContain('/sp ace 2.py');
    expect(mirrored).not.toContain('/sp ace.py');
  });

  it('a move into a folder follows too', async () => {
    const { page } = t;
    await openTab(t, "/a'b.py", 'B = 2\n');
    await row(page, 'board', "/a'b.py").dragTo(row(page, 'board', '/lib'));
    await until(() => page.locator('.editor-tab[aria-selected="true"]').getAttribute('title'), (title) => title === "/lib/a'b.py on virtual board", 'the tab to follow the move');
    await typeAndSave(t, 'B2 = 2\n');
    expect(await readBoardText(page, "/lib/a'b.py")).toBe('B = 2\nB2 = 2\n');
    expect(await boardPaths(page)).not.toContain("/a'b.py");
  });

  it('a delete closes the tab of a file with nothing unsaved', async () => {
    const { page } = t;
    await openTab(t, '/gone.py', 'C = 3\n');
    await row(page, 'board', '/gone.py').click();
    await menuAction(page, 'board', 'delete');
    await answerDialog(page, 'confirm');
    await until(() => tabNames(t), (names) => !names.includes('gone.py'), 'the tab of the deleted file to close');
    expect(t.errors).toEqual([]);
  });
});

describe('tabs follow delete (QEMU micro:bit)', { timeout: 240_000 }, () => {
  let t: BrowserHarness;
  let qemu: QemuMicrobit;
  beforeAll(async () => {
    qemu = await startQemuMicrobit();
    t = await openFileBrowser();
    await connectBoard(t.page, { kind: 'serial', path: qemu.path });
    await putBoardFile(t.page, '/gone.py', 'C = 3\n');
  }, 120_000);
  afterAll(async () => {
    await callApi(t.page, 'board', 'disconnect').catch(() => undefined);
    await t?.close();
    await qemu?.kill();
  });

  it('closes the deleted file’s tab, and keeps an edited one marked deleted', async () => {
    const { page } = t;
    await putBoardFile(page, '/kept.py', 'K = 1\n');
    await openTab(t, '/gone.py', 'C = 3\n');
    await openTab(t, '/kept.py', 'K = 1\n');
    await page.locator('.editor-pane:not([hidden]) .cm-content').click();
    await page.keyboard.type('# unsaved');
    await row(page, 'board', '/gone.py').click();
    await row(page, 'board', '/kept.py').click({ modifiers: ['Control'] });
    await menuAction(page, 'board', 'delete');
    await answerDialog(page, 'confirm');
    await expectBoardPaths(page, [], 60_000);
    await until(() => tabNames(t), (names) => !names.includes('gone.py') && names.includes('kept.py'), 'the clean tab to close');
    expect(await page.locator('.editor-tab[data-deleted="true"] .name').textContent()).toBe('kept.py');
    expect(t.errors).toEqual([]);
  });
});
