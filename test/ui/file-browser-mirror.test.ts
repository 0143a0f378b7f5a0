/**
 * The local mirror in Chromium over web mode: files saved to the virtual board are
 * copied into the user-data folder; after the board loses them and is disconnected,
 * the mirror is offered, opens the last saved copy in the editor, saves it into the
 * local folder, and restores it to the board once one is connected again.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from '../support/chromium';
import { putBoardFile } from './replace-consent-helpers';
import { activeEditorText, answerDialog, boardPaths, type BrowserHarness, callApi, chooseLocalFolder, connectBoard, connectVirtualBoard, expectBoardPaths, localPaths, menuAction, openFileBrowser, readBoardText, row, tool } from './file-browser-harness';

const V1 = 'print("version 1")\n';
const V2 = 'print("version 2, saved on the board")\n';

describe('file browser: the local mirror', () => {
  let t: BrowserHarness;
  let project: string;
  let disconnect: () => Promise<void>;
  const mirrorRow = (path: string) => t.page.locator(`.fb-mirror-row[data-path="${path}"]`);
  const mirrorTool = (action: string) => t.page.locator(`.fb-mirror [data-action="${action}"]`);

  beforeAll(async () => {
    t = await openFileBrowser();
    project = join(t.scratch, 'project');
    await mkdir(join(project, 'restored'), { recursive: true });
    await writeFile(join(project, 'keep.py'), V1);
    await chooseLocalFolder(t.page, project);
    disconnect = await connectVirtualBoard(t);
  });
  afterAll(async () => {
    await disconnect?.();
    await t?.close();
  });

  it('keeps a copy of every file saved to the board', async () => {
    const { page } = t;
    await row(page, 'local', 'keep.py').click();
    await tool(page, 'local', 'upload').click();
    await expect.poll(() => boardPaths(page), { timeout: 30_000 }).toContain('/keep.py');
    // A later save, as the editor makes it, replaces the mirrored copy.
    await putBoardFile(page, '/keep.py', V2);
    const boards = await callApi<Array<{ boardId: string; files: number }>>(page, 'mirror', 'boards');
    expect(boards).toEqual([expect.objectContaining({ boardId: 'virtual', files: 1 })]);
    const files = await callApi<Array<{ path: string; size: number; versions: number }>>(page, 'mirror', 'list', 'virtual');
    expect(files).toEqual([expect.objectContaining({ path: '/keep.py', size: V2.length, versions: 1 })]);
  });

  it('is offered when the board has lost the file and is not connected', async () => {
    const { page } = t;
    await row(page, 'board', '/keep.py').click();
    await menuAction(page, 'board', 'delete');
    await answerDialog(page, 'confirm');
    await expectBoardPaths(page, []);
    await callApi(page, 'board', 'disconnect');
    await expect.poll(() => page.locator('.fb-mirror').isVisible(), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => mirrorRow('/keep.py').count(), { timeout: 30_000 }).toBe(1);
    await mirrorRow('/keep.py').click();
    expect(await mirrorTool('mirror-restore').isDisabled()).toBe(true);
    expect(await mirrorTool('mirror-restore').getAttribute('title')).toBe('Connect a board to restore files to it.');
    await saveScreenshot(page, 'file-browser-mirror');
  });

  it('opens the mirrored copy in the editor and saves it into the local folder', async () => {
    const { page } = t;
    await mirrorTool('mirror-open').click();
    await expect.poll(() => activeEditorText(page), { timeout: 20_000 }).toBe(V2);
    await row(page, 'local', 'restored').click();
    await mirrorTool('mirror-save').click();
    await expect.poll(() => localPaths(page), { timeout: 30_000 }).toContain('restored/keep.py');
    expect(await readFile(join(project, 'restored', 'keep.py'), 'utf8')).toBe(V2);
  });

  it('restores the file to the board once it is connected again', async () => {
    const { page } = t;
    await connectBoard(page, { kind: 'virtual' });
    expect(await page.locator('.fb-mirror').isVisible()).toBe(false);
    await tool(page, 'board', 'mirror').click();
    await expect.poll(() => mirrorRow('/keep.py').count(), { timeout: 30_000 }).toBe(1);
    await mirrorRow('/keep.py').click();
    await mirrorTool('mirror-restore').click();
    await expectBoardPaths(page, ['/keep.py']);
    expect(await readBoardText(page, '/keep.py')).toBe(V2);
    expect(t.errors).toEqual([]);
  });
});
