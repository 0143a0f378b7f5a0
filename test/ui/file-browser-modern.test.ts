/**
 * The file browser against modern MicroPython (v1.29) under QEMU, reached by web mode
 * through its pty as a serial port: littlefs folders, a new folder, upload into it, inline
 * rename, sync of a project with sub-folders (then nothing left to do), a binary round trip
 * through the windowed upload and streamed download, and recursive delete.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { saveScreenshot } from '../support/chromium';
import { describeOnModernFirmware, startQemuModern, type QemuBoard } from '../support/qemu-modern';
import { answerDialog, boardPaths, callApi, chooseLocalFolder, connectBoard, expectBoardPaths, openFileBrowser, readBoardText, row, tool, type BrowserHarness } from './file-browser-harness';

const MAIN = 'import lib.util\nprint(lib.util.VALUE)\n';
const UTIL = 'VALUE = 42\n';

describeOnModernFirmware('file browser: modern firmware under QEMU (folders)', () => {
  let t: BrowserHarness;
  let qemu: QemuBoard;
  let project: string;

  beforeAll(async () => {
    qemu = await startQemuModern();
    t = await openFileBrowser();
    project = join(t.scratch, 'project');
    await mkdir(join(project, 'lib'), { recursive: true });
    await writeFile(join(project, 'main.py'), MAIN);
    await writeFile(join(project, 'lib', 'util.py'), UTIL);
    await chooseLocalFolder(t.page, project);
    await connectBoard(t.page, { kind: 'serial', path: qemu.path });
  }, 120_000);
  afterAll(async () => {
    await callApi(t.page, 'board', 'disconnect').catch(() => undefined);
    await t?.close();
    await qemu?.kill();
  });

  it('shows a tree with folders enabled and the free space', async () => {
    const { page } = t;
    expect(await page.locator('.fb-board').getAttribute('data-flat')).not.toBe('true');
    expect(await tool(page, 'board', 'newFolder').isDisabled()).toBe(false);
    await expect.poll(() => page.locator('.fb-board .fb-space').textContent(), { timeout: 30_000 }).toMatch(/free/);
  });

  it('makes a folder, uploads into it by drag and drop, and renames inline', async () => {
    const { page } = t;
    await tool(page, 'board', 'newFolder').click();
    await answerDialog(page, 'prompt', 'drivers');
    await expect.poll(() => boardPaths(page), { timeout: 30_000 }).toContain('/drivers');
    await row(page, 'local', 'main.py').dragTo(row(page, 'board', '/drivers'));
    await expect.poll(() => boardPaths(page), { timeout: 60_000 }).toContain('/drivers/main.py');
    await row(page, 'board', '/drivers/main.py').click();
    await page.keyboard.press('F2');
    await page.locator('.fb-board .fb-rename').fill('renamed.py');
    await page.locator('.fb-board .fb-rename').press('Enter');
    await expect.poll(() => boardPaths(page), { timeout: 30_000 }).toContain('/drivers/renamed.py');
    expect(await boardPaths(page)).not.toContain('/drivers/main.py');
    expect(await readBoardText(page, '/drivers/renamed.py')).toBe(MAIN);
  }, 120_000);

  it('syncs a project with a sub-folder, and a second sync has nothing to do', async () => {
    const { page } = t;
    const request = { direction: 'upload', localDir: '', boardDir: '/app', deleteExtra: false };
    const plan = await callApi<{ id: string; entries: Array<{ path: string; status: string }> }>(page, 'sync', 'preview', request);
    expect(plan.entries.map((e) => [e.path, e.status])).toEqual([
      ['lib/util.py', 'new'],
      ['main.py', 'new'],
    ]);
    const result = await callApi<{ outcome: string; uploaded: string[] }>(page, 'sync', 'apply', plan.id);
    expect(result.outcome).toBe('completed');
    expect(result.uploaded.sort()).toEqual(['/app/lib/util.py', '/app/main.py']);
    await tool(page, 'board', 'refresh').click();
    await expect.poll(() => boardPaths(page), { timeout: 30_000 }).toContain('/app/lib/util.py');
    expect(await readBoardText(page, '/app/lib/util.py')).toBe(UTIL);
    const again = await callApi<{ entries: Array<{ status: string }> }>(page, 'sync', 'preview', request);
    expect(again.entries.map((e) => e.status)).toEqual(['unchanged', 'unchanged']);
    await saveScreenshot(page, 'file-browser-modern');
  }, 120_000);

  it('round-trips a 16 KB binary file', async () => {
    const { page } = t;
    const data = [...randomBytes(16 * 1024)];
    await callApi(page, 'fs', 'write', '/drivers/blob.bin', new Uint8Array(data));
    const { bytes } = await callApi<{ bytes: number[] }>(page, 'fs', 'read', '/drivers/blob.bin');
    expect(bytes).toEqual(data);
  }, 120_000);

  it('deletes folders recursively after a confirm', async () => {
    const { page } = t;
    await tool(page, 'board', 'refresh').click();
    await expect.poll(() => boardPaths(page), { timeout: 30_000 }).toContain('/drivers/blob.bin');
    await row(page, 'board', '/drivers').click();
    await row(page, 'board', '/app').click({ modifiers: ['Control'] });
    await page.keyboard.press('Delete');
    await answerDialog(page, 'confirm');
    await expectBoardPaths(page, [], 60_000);
    expect(t.errors).toEqual([]);
  }, 120_000);
});
