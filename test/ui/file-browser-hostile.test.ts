/**
 * The hostile file names of PROTOCOL.md in Chromium over web mode, against the
 * virtual board: uploaded, shown exactly, opened, renamed, compared by sync,
 * downloaded and deleted, with none of them run as Python (main.py survives the one
 * that tries to delete it).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from '../support/chromium';
import { activeEditorText, answerDialog, boardPaths, type BrowserHarness, callApi, chooseLocalFolder, connectVirtualBoard, expectBoardPaths, localPaths, menuAction, openFileBrowser, readBoardText, row, tool } from './file-browser-harness';
import { HOSTILE_NAMES } from '../board/scenarios/board-scenarios';
import { putBoardFile } from './replace-consent-helpers';

// PROTOCOL.md's names, shared with the engine's scenarios; a name with a real newline
// cannot sit on one row of a tree or be typed into an inline rename, so the UI skips it.
const HOSTILE = HOSTILE_NAMES.filter((name) => !name.includes('\n'));
const contentOf = (name: string) => `# ${name}\nNAME = ${JSON.stringify(name)}\n`;

describe('file browser: hostile file names', () => {
  let t: BrowserHarness;
  let project: string;
  let disconnect: () => Promise<void>;

  beforeAll(async () => {
    t = await openFileBrowser();
    project = join(t.scratch, 'project');
    await mkdir(join(project, 'back'), { recursive: true });
    for (const name of HOSTILE) await writeFile(join(project, name), contentOf(name));
    await chooseLocalFolder(t.page, project);
    disconnect = await connectVirtualBoard(t);
    await putBoardFile(t.page, '/main.py', 'print("still here")\n');
  });
  afterAll(async () => {
    await disconnect?.();
    await t?.close();
  });

  it('uploads them all and shows each name exactly', async () => {
    const { page } = t;
    for (const [i, name] of HOSTILE.entries()) await row(page, 'local', name).click(i === 0 ? {} : { modifiers: ['Control'] });
    await tool(page, 'local', 'upload').click();
    await expectBoardPaths(page, ['/main.py', ...HOSTILE.map((n) => `/${n}`)]);
    for (const name of HOSTILE) {
      expect(await row(page, 'board', `/${name}`).locator('.fb-name').textContent()).toBe(name);
      expect(await readBoardText(page, `/${name}`)).toBe(contentOf(name));
    }
    expect(await readBoardText(page, '/main.py')).toBe('print("still here")\n');
    await saveScreenshot(page, 'file-browser-hostile');
  });

  it('opens one in the editor', async () => {
    const { page } = t;
    const name = HOSTILE[2]!;
    await row(page, 'board', `/${name}`).dblclick();
    await expect.poll(() => activeEditorText(page), { timeout: 20_000 }).toBe(contentOf(name));
  });

  it('compares them by hash: a sync finds them all unchanged', async () => {
    const { page } = t;
    const plan = await callApi<{ entries: Array<{ path: string; status: string }> }>(page, 'sync', 'preview', { direction: 'upload', localDir: '', boardDir: '/', deleteExtra: false });
    const statuses = Object.fromEntries(plan.entries.map((e) => [e.path, e.status]));
    for (const name of HOSTILE) expect(statuses[name]).toBe('unchanged');
  });

  it('renames one to another hostile name inline', async () => {
    const { page } = t;
    await row(page, 'board', "/a'b.py").click();
    await page.keyboard.press('F2');
    await page.locator('.fb-board .fb-rename').fill(`it's "quoted" \\ too.py`);
    await page.locator('.fb-board .fb-rename').press('Enter');
    await expect.poll(() => boardPaths(page), { timeout: 30_000 }).toContain(`/it's "quoted" \\ too.py`);
    expect(await readBoardText(page, `/it's "quoted" \\ too.py`)).toBe(contentOf("a'b.py"));
  });

  it('downloads them into a local folder unchanged', async () => {
    const { page } = t;
    await row(page, 'local', 'back').click();
    const names = HOSTILE.slice(1);
    for (const [i, name] of names.entries()) await row(page, 'board', `/${name}`).click(i === 0 ? {} : { modifiers: ['Control'] });
    await tool(page, 'board', 'download').click();
    await expect.poll(() => localPaths(page), { timeout: 30_000 }).toEqual(expect.arrayContaining(names.map((n) => `back/${n}`)));
    for (const name of names) expect(await readFile(join(project, 'back', name), 'utf8')).toBe(contentOf(name));
  });

  it('deletes them all and leaves main.py alone', async () => {
    const { page } = t;
    const names = [...HOSTILE.slice(1), `it's "quoted" \\ too.py`];
    for (const [i, name] of names.entries()) await row(page, 'board', `/${name}`).click(i === 0 ? {} : { modifiers: ['Control'] });
    await menuAction(page, 'board', 'delete');
    await answerDialog(page, 'confirm');
    await expectBoardPaths(page, ['/main.py']);
    expect(await readBoardText(page, '/main.py')).toBe('print("still here")\n');
    expect(t.errors).toEqual([]);
  });
});
