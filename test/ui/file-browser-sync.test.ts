/**
 * Sync in Chromium over web mode against the virtual board: the preview (new,
 * changed, unchanged, board-only), apply, the second sync finding nothing to upload,
 * a same-size edit found by hash, deletions only when ticked, the ignore list
 * (built-in and the user's, remembered), and the download direction with its preview.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from '../support/chromium';
import { boardPaths, callApi, chooseLocalFolder, connectVirtualBoard, expectBoardPaths, localPaths, openFileBrowser, readBoardText, tool, type BrowserHarness } from './file-browser-harness';
import { answerReplace } from './replace-consent-helpers';

const dialog = (page: Page) => page.locator('.fb-dialog[data-dialog="sync"]');

/** Opens the sync dialog and waits for its preview; returns the counts per status. */
async function openPreview(page: Page, direction: 'syncUp' | 'syncDown'): Promise<Record<string, number>> {
  await tool(page, 'local', direction).click();
  await expect.poll(() => dialog(page).locator('.fb-count').count(), { timeout: 60_000 }).toBe(4);
  return counts(page);
}

async function counts(page: Page): Promise<Record<string, number>> {
  const pairs = await dialog(page)
    .locator('.fb-count')
    .evaluateAll((els) => els.map((e) => [(e as unknown as { dataset: Record<string, string> }).dataset.status, Number((e as unknown as { dataset: Record<string, string> }).dataset.count)]));
  return Object.fromEntries(pairs) as Record<string, number>;
}

async function applyAndWait(page: Page): Promise<string> {
  await dialog(page).locator('[data-action="apply"]').click();
  await expect.poll(() => page.locator('.fb-message').textContent(), { timeout: 120_000 }).toMatch(/Sync (done|stopped|cancelled)/);
  return (await page.locator('.fb-message').textContent()) ?? '';
}

describe('file browser: sync with the virtual board', () => {
  let t: BrowserHarness;
  let project: string;
  let disconnect: () => Promise<void>;

  beforeAll(async () => {
    t = await openFileBrowser();
    project = join(t.scratch, 'project');
    await mkdir(join(project, 'lib'), { recursive: true });
    await mkdir(join(project, '.git'), { recursive: true });
    await mkdir(join(project, '__pycache__'), { recursive: true });
    await writeFile(join(project, 'main.py'), 'import lib.a\n');
    await writeFile(join(project, 'lib', 'a.py'), 'A = 1\n');
    await writeFile(join(project, 'lib', 'b.py'), 'B = 1\n');
    await writeFile(join(project, 'notes.txt'), 'todo\n');
    await writeFile(join(project, '.git', 'HEAD'), 'ref\n');
    await writeFile(join(project, '__pycache__', 'x.pyc'), 'junk');
    await chooseLocalFolder(t.page, project);
    disconnect = await connectVirtualBoard(t);
    await callApi(t.page, 'fs', 'write', '/old_on_board.py', new Uint8Array([35, 10]));
    await tool(t.page, 'board', 'refresh').click();
    await expectBoardPaths(t.page, ['/old_on_board.py']);
  });
  afterAll(async () => {
    await disconnect?.();
    await t?.close();
  });

  it('previews a first sync, then uploads exactly the new files', async () => {
    const { page } = t;
    expect(await openPreview(page, 'syncUp')).toEqual({ new: 4, changed: 0, unchanged: 0, 'board-only': 1 });
    // The board-only file is kept unless deletion is ticked.
    const extra = dialog(page).locator('.fb-sync-row[data-status="board-only"] .fb-sync-action');
    expect(await extra.textContent()).toBe('keep');
    expect(await dialog(page).locator('.fb-sync-row').evaluateAll((rows) => rows.map((r) => (r as unknown as { dataset: { path: string } }).dataset.path))).not.toContain('.git/HEAD');
    await saveScreenshot(page, 'file-browser-sync-preview');
    expect(await applyAndWait(page)).toContain('Sync done: 4 file(s) copied, 0 deleted');
    await expectBoardPaths(page, ['/lib', '/lib/a.py', '/lib/b.py', '/main.py', '/notes.txt', '/old_on_board.py']);
    expect(await readBoardText(page, '/lib/b.py')).toBe('B = 1\n');
  });

  it('finds nothing to upload on the second sync', async () => {
    const { page } = t;
    expect(await openPreview(page, 'syncUp')).toEqual({ new: 0, changed: 0, unchanged: 4, 'board-only': 1 });
    const apply = dialog(page).locator('[data-action="apply"]');
    expect(await apply.isDisabled()).toBe(true);
    expect(await apply.textContent()).toBe('Nothing to do');
    await dialog(page).locator('[data-action="cancel"]').click();
    // The same request through the contract uploads nothing at all.
    const plan = await callApi<{ id: string }>(page, 'sync', 'preview', { direction: 'upload', localDir: '', boardDir: '/', deleteExtra: false });
    const result = await callApi<{ uploaded: string[]; bytes: number }>(page, 'sync', 'apply', plan.id);
    expect(result).toMatchObject({ uploaded: [], bytes: 0 });
  });

  it('finds a same-size edit by hash and deletes board-only files only when ticked', async () => {
    const { page } = t;
    await writeFile(join(project, 'lib', 'a.py'), 'A = 2\n');
    await rm(join(project, 'lib', 'b.py'));
    expect(await openPreview(page, 'syncUp')).toEqual({ new: 0, changed: 1, unchanged: 2, 'board-only': 2 });
    expect(await dialog(page).locator('[data-action="apply"]').textContent()).toBe('Sync 1 file');
    await dialog(page).locator('input[name="deleteExtra"]').check();
    expect(await dialog(page).locator('[data-action="apply"]').textContent()).toBe('Sync 1 file, delete 2');
    // The changed file would replace the board's: asked first (replace-consent.test.ts covers the question).
    const applied = applyAndWait(page);
    await answerReplace(page, 'replace');
    expect(await applied).toContain('Sync done: 1 file(s) copied, 2 deleted');
    await expectBoardPaths(page, ['/lib', '/lib/a.py', '/main.py', '/notes.txt']);
    expect(await readBoardText(page, '/lib/a.py')).toBe('A = 2\n');
  });

  it('honours the user’s ignore patterns and remembers them', async () => {
    const { page } = t;
    await writeFile(join(project, 'draft.txt'), 'draft\n');
    await tool(page, 'local', 'syncUp').click();
    await expect.poll(() => dialog(page).locator('.fb-count').count(), { timeout: 60_000 }).toBe(4);
    await dialog(page).locator('input[name="ignore"]').fill('*.txt');
    await dialog(page).locator('[data-action="compare"]').click();
    await expect.poll(() => counts(page), { timeout: 40_000 }).toEqual({ new: 0, changed: 0, unchanged: 2, 'board-only': 0 });
    expect(await dialog(page).locator('.fb-sync-row[data-path="draft.txt"]').count()).toBe(0);
    await dialog(page).locator('[data-action="cancel"]').click();
    expect((await callApi<{ syncIgnore: string[] }>(page, 'settings', 'get')).syncIgnore).toEqual(['*.txt']);
  });

  it('downloads from the board with the same preview', async () => {
    const { page } = t;
    // A retry starts where the first attempt did: without the downloaded copy.
    await rm(join(project, 'made_on_board.py'), { force: true });
    await callApi(page, 'fs', 'write', '/made_on_board.py', new Uint8Array([120, 61, 49, 10]));
    expect(await openPreview(page, 'syncDown')).toEqual({ new: 1, changed: 0, unchanged: 2, 'local-only': 0 });
    expect(await applyAndWait(page)).toContain('Sync done: 1 file(s) copied');
    expect(await readFile(join(project, 'made_on_board.py'), 'utf8')).toBe('x=1\n');
    // Read at once: the panes are read again before the sync reports that it is done.
    expect(await boardPaths(page)).toContain('/made_on_board.py');
    expect(await localPaths(page)).toContain('made_on_board.py');
    expect(t.errors).toEqual([]);
  });
});
