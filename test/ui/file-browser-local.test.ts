/**
 * The local pane in Chromium over web mode: a typed folder path checked in main,
 * the tree with sizes and ignored entries, changes on disk shown without a refresh,
 * the folder remembered after a reload, and a local file opened in the editor.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from '../support/chromium';
import { activeEditorText, chooseLocalFolder, localPaths, openFileBrowser, row, tool, type BrowserHarness } from './file-browser-harness';

describe('file browser: local pane', () => {
  let t: BrowserHarness;
  let project: string;

  beforeAll(async () => {
    t = await openFileBrowser();
    project = join(t.scratch, 'project');
    await mkdir(join(project, 'lib'), { recursive: true });
    await mkdir(join(project, '__pycache__'));
    await writeFile(join(project, 'main.py'), 'print("local main")\n');
    await writeFile(join(project, 'lib', 'helper.py'), 'X = 1\n');
    await writeFile(join(project, '__pycache__', 'main.cpython-311.pyc'), 'junk');
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses a path that is not a folder, in plain words', async () => {
    const { page } = t;
    await tool(page, 'local', 'choose').click();
    await page.locator('.fb-dialog[data-dialog="prompt"] input').fill(join(t.scratch, 'no-such-folder'));
    await page.locator('.fb-dialog[data-dialog="prompt"] [data-action="confirm"]').click();
    await expect.poll(() => page.locator('.fb-message').textContent(), { timeout: 30_000 }).toContain('is not an existing folder');
    expect(await page.locator('.fb-local').getAttribute('data-folder')).toBe('');
  });

  it('shows the chosen folder as a tree with sizes, ignored entries marked', async () => {
    const { page } = t;
    await chooseLocalFolder(page, project);
    await expect.poll(() => localPaths(page), { timeout: 30_000 }).toEqual(['__pycache__', '__pycache__/main.cpython-311.pyc', 'lib', 'lib/helper.py', 'main.py']);
    expect(await row(page, 'local', 'main.py').locator('.fb-size').textContent()).toBe('20 B');
    expect(await row(page, 'local', '__pycache__').getAttribute('class')).toContain('fb-ignored');
    expect(await row(page, 'local', 'main.py').getAttribute('class')).not.toContain('fb-ignored');
  });

  it('shows files that appear on disk without a manual refresh', async () => {
    const { page } = t;
    await writeFile(join(project, 'lib', 'added-later.py'), 'Y = 2\n');
    await expect.poll(() => localPaths(page), { timeout: 20_000 }).toContain('lib/added-later.py');
  });

  it('opens a local file in the editor by double-click', async () => {
    const { page } = t;
    await row(page, 'local', 'main.py').dblclick();
    await expect.poll(() => activeEditorText(page), { timeout: 20_000 }).toBe('print("local main")\n');
  });

  it('renames a local file inline', async () => {
    const { page } = t;
    await row(page, 'local', 'lib/added-later.py').click();
    await page.keyboard.press('F2');
    const input = page.locator('.fb-local .fb-rename');
    await input.fill('renamed.py');
    await input.press('Enter');
    await expect.poll(() => localPaths(page), { timeout: 30_000 }).toContain('lib/renamed.py');
    expect(await localPaths(page)).not.toContain('lib/added-later.py');
  });

  it('remembers the folder after a reload', async () => {
    const { page } = t;
    await page.reload();
    await page.waitForSelector('#app[data-state="ready"]');
    await expect.poll(() => page.locator('.fb-local').getAttribute('data-folder'), { timeout: 20_000 }).toBe(project);
    await expect.poll(() => localPaths(page), { timeout: 30_000 }).toContain('lib/helper.py');
    await saveScreenshot(page, 'file-browser-local');
    expect(t.errors).toEqual([]);
  });
});
