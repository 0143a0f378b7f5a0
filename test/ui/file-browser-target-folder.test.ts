/**
 * Where a new file goes on the board, in a real Chromium with the virtual board:
 * the dialog shows the folder it will use and lets it be changed, and clicking the
 * tree's empty space selects the root again, as in VS Code's explorer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from '../support/chromium';
import { boardPaths, connectVirtualBoard, openFileBrowser, row, tool, until, type BrowserHarness } from './file-browser-harness';

describe('file browser: the folder a new file goes in', () => {
  let t: BrowserHarness;
  let disconnect: () => Promise<void>;
  beforeAll(async () => {
    t = await openFileBrowser();
    disconnect = await connectVirtualBoard(t);
  }, 180_000); // Web mode and the virtual board start slowly on a loaded machine.
  afterAll(async () => {
    await disconnect?.();
    await t?.close();
  });

  const prompt = () => t.page.locator('.fb-dialog[data-dialog="prompt"]');
  async function create(fields: { folder?: string; name: string }): Promise<void> {
    if (fields.folder !== undefined) await prompt().locator('input[name="folder"]').fill(fields.folder);
    await prompt().locator('input[name="value"]').fill(fields.name);
    await prompt().locator('[data-action="confirm"]').click();
    await until(() => prompt().count(), (n) => n === 0, 'the dialog to close');
  }

  it('shows the selected folder in the dialog, and takes another one typed there', async () => {
    const { page } = t;
    await tool(page, 'board', 'newFolder').click();
    await create({ name: 'lib' });
    await until(() => boardPaths(page), (p) => p.includes('/lib'), '/lib');
    await row(page, 'board', '/lib').click();
    await tool(page, 'board', 'newFile').click();
    expect(await prompt().locator('input[name="folder"]').inputValue()).toBe('/lib');
    await saveScreenshot(page, 'fb-new-file-folder');
    await create({ folder: '/', name: 'typed_root.py' });
    await until(() => boardPaths(page), (p) => p.includes('/typed_root.py'), '/typed_root.py');
  });

  it('selects the root when the empty space of the tree is clicked', async () => {
    const { page } = t;
    await row(page, 'board', '/lib').click();
    const tree = page.locator('.fb-board .fb-tree');
    const box = (await tree.boundingBox())!;
    await tree.click({ position: { x: 10, y: box.height - 6 } });
    expect(await page.locator('.fb-board .fb-row[aria-selected="true"]').count()).toBe(0);
    await tool(page, 'board', 'newFile').click();
    expect(await prompt().locator('input[name="folder"]').inputValue()).toBe('/');
    await create({ name: 'main.py' });
    await until(() => boardPaths(page), (p) => p.includes('/main.py'), '/main.py');
    expect(await boardPaths(page)).not.toContain('/lib/main.py');
  });
});
