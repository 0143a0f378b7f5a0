/**
 * The file browser against real firmware: the BBC micro:bit's MicroPython under QEMU,
 * reached by web mode through its pty as a serial port. Its flat file system shows as
 * a flat list, folder operations are disabled with the reason, and upload, rename,
 * sync's preview and delete work on it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from '../support/chromium';
import { startQemuMicrobit, type QemuMicrobit } from '../support/qemu-microbit';
import { answerDialog, boardPaths, callApi, chooseLocalFolder, connectBoard, expectBoardPaths, openFileBrowser, readBoardText, row, tool, type BrowserHarness } from './file-browser-harness';

const HELLO = 'from microbit import *\ndisplay.scroll("hi")\n';
const DATA = 'x'.repeat(700) + '\n';

describe('file browser: QEMU micro:bit (flat file system)', () => {
  let t: BrowserHarness;
  let qemu: QemuMicrobit;
  let project: string;

  beforeAll(async () => {
    qemu = await startQemuMicrobit();
    t = await openFileBrowser();
    project = join(t.scratch, 'project');
    await mkdir(join(project, 'lib'), { recursive: true });
    await writeFile(join(project, 'hello.py'), HELLO);
    await writeFile(join(project, 'data.txt'), DATA);
    await writeFile(join(project, 'lib', 'sub.py'), 'S = 1\n');
    await chooseLocalFolder(t.page, project);
    await connectBoard(t.page, { kind: 'serial', path: qemu.path });
  }, 120_000);
  afterAll(async () => {
    await callApi(t.page, 'board', 'disconnect').catch(() => undefined);
    await t?.close();
    await qemu?.kill();
  });

  it('shows a flat list and disables what the firmware cannot do, saying why', async () => {
    const { page } = t;
    expect(await page.locator('.fb-board').getAttribute('data-flat')).toBe('true');
    expect(await boardPaths(page)).toEqual([]);
    expect(await tool(page, 'board', 'newFolder').isDisabled()).toBe(true);
    expect(await tool(page, 'board', 'newFolder').getAttribute('title')).toBe('This board’s file system has no folders.');
    expect(await page.locator('.fb-board .fb-space').textContent()).toBe('space unknown');
  });

  it('uploads files, and refuses a folder in plain words', async () => {
    const { page } = t;
    await row(page, 'local', 'hello.py').click();
    await row(page, 'local', 'data.txt').click({ modifiers: ['Control'] });
    await tool(page, 'local', 'upload').click();
    await expectBoardPaths(page, ['/data.txt', '/hello.py'], 90_000);
    expect(await readBoardText(page, '/hello.py')).toBe(HELLO);
    expect(await readBoardText(page, '/data.txt')).toBe(DATA);
    expect(await row(page, 'board', '/data.txt').locator('.fb-size').textContent()).toBe('701 B');
    await row(page, 'local', 'lib').click();
    await tool(page, 'local', 'upload').click();
    await expect.poll(() => page.locator('.fb-message[data-kind="error"]').textContent(), { timeout: 30_000 }).toContain('"lib" is a folder, and this board has no folders');
    await saveScreenshot(page, 'file-browser-microbit');
  });

  it('previews a sync: files in subfolders cannot be copied, and says why', async () => {
    const { page } = t;
    const plan = await callApi<{ entries: Array<{ path: string; status: string; action: string; note?: string }> }>(page, 'sync', 'preview', { direction: 'upload', localDir: '', boardDir: '/', deleteExtra: false });
    expect(plan.entries).toEqual([
      expect.objectContaining({ path: 'data.txt', status: 'unchanged', action: 'none' }),
      expect.objectContaining({ path: 'hello.py', status: 'unchanged', action: 'none' }),
      expect.objectContaining({ path: 'lib/sub.py', status: 'new', action: 'none', note: expect.stringContaining('no folders') }),
    ]);
  });

  it('renames inline', async () => {
    const { page } = t;
    await row(page, 'board', '/data.txt').click();
    await page.keyboard.press('F2');
    await page.locator('.fb-board .fb-rename').fill('notes.txt');
    await page.locator('.fb-board .fb-rename').press('Enter');
    await expectBoardPaths(page, ['/hello.py', '/notes.txt'], 90_000);
    expect(await readBoardText(page, '/notes.txt')).toBe(DATA);
  });

  it('deletes a file after a confirm', async () => {
    const { page } = t;
    await row(page, 'board', '/hello.py').click();
    await page.keyboard.press('Delete');
    await answerDialog(page, 'confirm');
    await expectBoardPaths(page, ['/notes.txt'], 60_000);
    expect(t.errors).toEqual([]);
  });
});
