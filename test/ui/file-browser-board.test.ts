/**
 * Every board operation of the file browser, in Chromium over web mode, against the
 * virtual board: the tree with sizes and space, new file and folder, open in the
 * editor, inline rename, moves by drag and drop, uploads (button, drag from the local
 * pane, drop from the OS), downloads (button, drag to the local pane), multi-select
 * delete with confirm (recursive for folders), and errors in plain words.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from '../support/chromium';
import { activeEditorText, answerDialog, boardPaths, type BrowserHarness, callApi, chooseLocalFolder, connectVirtualBoard, expectBoardPaths, localPaths, menuAction, openFileBrowser, readBoardText, row, tool } from './file-browser-harness';

describe('file browser: board operations on the virtual board', () => {
  let t: BrowserHarness;
  let project: string;
  let disconnect: () => Promise<void>;

  beforeAll(async () => {
    t = await openFileBrowser();
    project = join(t.scratch, 'project');
    await mkdir(join(project, 'pkg'), { recursive: true });
    await writeFile(join(project, 'main.py'), 'print("main")\n');
    await writeFile(join(project, 'config.py'), 'DEBUG = True\n');
    await writeFile(join(project, 'pkg', '__init__.py'), '');
    await writeFile(join(project, 'pkg', 'tool.py'), 'def tool():\n    return 42\n');
    await chooseLocalFolder(t.page, project);
    disconnect = await connectVirtualBoard(t);
  });
  afterAll(async () => {
    await disconnect?.();
    await t?.close();
  });

  it('shows the empty board with its free and total space', async () => {
    const { page } = t;
    expect(await boardPaths(page)).toEqual([]);
    await expect.poll(() => page.locator('.fb-board .fb-space').textContent(), { timeout: 30_000 }).toMatch(/free of \d/);
  });

  it('uploads the local selection with the button, into the board root', async () => {
    const { page } = t;
    await row(page, 'local', 'main.py').click();
    await row(page, 'local', 'pkg').click({ modifiers: ['Control'] });
    await tool(page, 'local', 'upload').click();
    await expectBoardPaths(page, ['/main.py', '/pkg', '/pkg/__init__.py', '/pkg/tool.py']);
    expect(await row(page, 'board', '/main.py').locator('.fb-size').textContent()).toBe('14 B');
    expect(await readBoardText(page, '/pkg/tool.py')).toBe('def tool():\n    return 42\n');
  });

  it('opens a board file in the editor', async () => {
    const { page } = t;
    await row(page, 'board', '/pkg/tool.py').dblclick();
    await expect.poll(() => activeEditorText(page), { timeout: 20_000 }).toBe('def tool():\n    return 42\n');
  });

  it('creates a new file and a new folder', async () => {
    const { page } = t;
    await page.locator('.fb-board .fb-tree').click({ position: { x: 5, y: 200 } });
    await row(page, 'board', '/main.py').click();
    await tool(page, 'board', 'newFolder').click();
    await answerDialog(page, 'prompt', 'lib');
    await expect.poll(() => boardPaths(page), { timeout: 30_000 }).toContain('/lib');
    await row(page, 'board', '/lib').click();
    await tool(page, 'board', 'newFile').click();
    await answerDialog(page, 'prompt', 'fresh.py');
    await expect.poll(() => boardPaths(page), { timeout: 30_000 }).toContain('/lib/fresh.py');
    expect(await readBoardText(page, '/lib/fresh.py')).toBe('');
  });

  it('shows a file written elsewhere (an editor save) without a manual refresh', async () => {
    const { page } = t;
    await callApi(page, 'fs', 'write', '/lib/saved_by_editor.py', new TextEncoder().encode('x = 1\n'));
    await expect.poll(() => boardPaths(page), { timeout: 20_000 }).toContain('/lib/saved_by_editor.py');
  });

  it('renames inline, and says so in plain words when the name is taken', async () => {
    const { page } = t;
    await row(page, 'board', '/lib/fresh.py').click();
    await page.keyboard.press('F2');
    await page.locator('.fb-board .fb-rename').fill('renamed.py');
    await page.locator('.fb-board .fb-rename').press('Enter');
    await expect.poll(() => boardPaths(page), { timeout: 30_000 }).toContain('/lib/renamed.py');
    expect(await boardPaths(page)).not.toContain('/lib/fresh.py');
    // Renaming onto an existing name fails visibly and changes nothing.
    await row(page, 'board', '/lib/renamed.py').click();
    await menuAction(page, 'board', 'rename');
    await page.locator('.fb-board .fb-rename').fill('x'.repeat(300));
    await page.locator('.fb-board .fb-rename').press('Enter');
    await expect.poll(() => page.locator('.fb-message[data-kind="error"]').textContent(), { timeout: 30_000 }).toContain('Could not rename /lib/renamed.py');
    await expect.poll(() => boardPaths(page), { timeout: 30_000 }).toContain('/lib/renamed.py');
  });

  it('moves a file into a folder by drag and drop inside the board tree', async () => {
    const { page } = t;
    await row(page, 'board', '/main.py').dragTo(row(page, 'board', '/lib'));
    await expect.poll(() => boardPaths(page), { timeout: 30_000 }).toContain('/lib/main.py');
    expect(await boardPaths(page)).not.toContain('/main.py');
    expect(await readBoardText(page, '/lib/main.py')).toBe('print("main")\n');
  });

  it('uploads by dragging from the local pane onto a board folder', async () => {
    const { page } = t;
    await row(page, 'local', 'config.py').dragTo(row(page, 'board', '/lib'));
    await expect.poll(() => boardPaths(page), { timeout: 30_000 }).toContain('/lib/config.py');
    expect(await readBoardText(page, '/lib/config.py')).toBe('DEBUG = True\n');
  });

  it('uploads files dropped from the operating system', async () => {
    const { page } = t;
    const data = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['print("dropped")\n'], 'dropped.py'));
      transfer.items.add(new File([new Uint8Array([0, 1, 2, 255])], 'blob.bin'));
      return transfer;
    });
    const tree = page.locator('.fb-board .fb-tree');
    await tree.dispatchEvent('dragover', { dataTransfer: data });
    await tree.dispatchEvent('drop', { dataTransfer: data });
    await expect.poll(() => boardPaths(page), { timeout: 30_000 }).toEqual(expect.arrayContaining(['/dropped.py', '/blob.bin']));
    expect(await readBoardText(page, '/dropped.py')).toBe('print("dropped")\n');
    const { bytes } = await callApi<{ bytes: number[] }>(page, 'fs', 'read', '/blob.bin');
    expect(bytes).toEqual([0, 1, 2, 255]);
  });

  it('downloads by dragging from the board onto the local pane, and with the button', async () => {
    const { page } = t;
    await row(page, 'board', '/dropped.py').dragTo(page.locator('.fb-local .fb-tree'));
    await expect.poll(() => localPaths(page), { timeout: 30_000 }).toContain('dropped.py');
    expect(await readFile(join(project, 'dropped.py'), 'utf8')).toBe('print("dropped")\n');
    await row(page, 'local', 'pkg').click();
    await row(page, 'board', '/lib').click();
    await tool(page, 'board', 'download').click();
    // The local tree lists a folder only once it is opened (lazy listing): open the new pkg/lib.
    await expect.poll(() => localPaths(page), { timeout: 30_000 }).toContain('pkg/lib');
    await row(page, 'local', 'pkg/lib').locator('.fb-twisty').click();
    await expect.poll(() => localPaths(page), { timeout: 30_000 }).toContain('pkg/lib/config.py');
    expect(await readFile(join(project, 'pkg', 'lib', 'main.py'), 'utf8')).toBe('print("main")\n');
  });

  it('deletes a multi-selection after a confirm, folders recursively', async () => {
    const { page } = t;
    await row(page, 'board', '/lib').click();
    await row(page, 'board', '/blob.bin').click({ modifiers: ['Control'] });
    await row(page, 'board', '/dropped.py').click({ modifiers: ['Control'] });
    await page.keyboard.press('Delete');
    const confirm = page.locator('.fb-dialog[data-dialog="confirm"]');
    await expect.poll(() => confirm.textContent(), { timeout: 30_000 }).toContain('Folders are deleted with everything in them');
    // Cancelling keeps everything.
    await confirm.locator('[data-action="cancel"]').click();
    expect(await boardPaths(page)).toContain('/lib/config.py');
    await menuAction(page, 'board', 'delete');
    await answerDialog(page, 'confirm');
    await expectBoardPaths(page, ['/pkg', '/pkg/__init__.py', '/pkg/tool.py']);
    await saveScreenshot(page, 'file-browser-board');
  });

  it('says in plain words when the board is full, and keeps the tree true to the board', async () => {
    const { page } = t;
    const data = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(3 * 1024 * 1024).fill(65)], 'huge.bin'));
      return transfer;
    });
    const tree = page.locator('.fb-board .fb-tree');
    await tree.dispatchEvent('drop', { dataTransfer: data });
    await expect.poll(() => page.locator('.fb-message[data-kind="error"]').textContent(), { timeout: 120_000 }).toMatch(/Could not upload huge\.bin: .*(full|space)/i);
    await expectBoardPaths(page, ['/pkg', '/pkg/__init__.py', '/pkg/tool.py']);
  });

  it('disables board operations with the reason once disconnected', async () => {
    const { page } = t;
    await callApi(page, 'board', 'disconnect');
    await expect.poll(() => page.locator('.fb-board').getAttribute('data-connected'), { timeout: 30_000 }).toBe('false');
    expect(await tool(page, 'board', 'newFile').isDisabled()).toBe(true);
    expect(await tool(page, 'board', 'newFile').getAttribute('title')).toBe('The board is not connected.');
    expect(await tool(page, 'local', 'syncUp').getAttribute('title')).toBe('The board is not connected.');
    expect(t.errors).toEqual([]);
  });
});
