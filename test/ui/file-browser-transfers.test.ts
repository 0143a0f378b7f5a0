/**
 * Long transfers in Chromium over web mode, on a virtual board served on a pty at
 * 115200 baud so an upload takes seconds: the progress bar shows bytes and speed, a
 * cancel leaves the board's old file intact, and a link cut mid-upload is reported
 * in plain words, the tree follows the board, and the old file is still there when
 * the board comes back.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from '../support/chromium';
import { boardPaths, callApi, chooseLocalFolder, connectBoard, openFileBrowser, readBoardText, row, tool, type BrowserHarness } from './file-browser-harness';
import { startPtyBoard, type PtyBoard } from './file-browser-pty-board';
import { answerReplace } from './replace-consent-helpers';

const OLD = '# the old version\nprint("old")\n';
/** 48 KB of source: several seconds on a 115200-baud link. */
const BIG = Array.from({ length: 1700 }, (_, i) => `value_${String(i).padStart(4, '0')} = ${i} * 2  # filler\n`).join('').slice(0, 48 * 1024);

describe('file browser: cancelled and cut uploads', () => {
  let t: BrowserHarness;
  let project: string;
  const boards: PtyBoard[] = [];

  beforeAll(async () => {
    t = await openFileBrowser();
    project = join(t.scratch, 'project');
    await mkdir(project, { recursive: true });
    await writeFile(join(project, 'big.py'), BIG);
    await chooseLocalFolder(t.page, project);
  });
  afterEach(async () => {
    await callApi(t.page, 'board', 'disconnect').catch(() => undefined);
    for (const board of boards.splice(0)) await board.cut();
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Starts an upload of big.py over an old /big.py and waits until bytes are moving. */
  async function startUpload(flash: string): Promise<PtyBoard> {
    const { page } = t;
    const board = await startPtyBoard(flash, 115_200);
    boards.push(board);
    await connectBoard(page, { kind: 'serial', path: board.path });
    await callApi(page, 'fs', 'write', '/big.py', new TextEncoder().encode(OLD));
    await tool(page, 'board', 'refresh').click();
    await expect.poll(() => boardPaths(page), { timeout: 30_000 }).toEqual(['/big.py']);
    await row(page, 'local', 'big.py').click();
    await tool(page, 'local', 'upload').click();
    // /big.py on the board differs: the user agrees to replace it.
    await answerReplace(page, 'replace');
    const bar = page.locator('.fb-transfer');
    await expect.poll(async () => Number(await bar.getAttribute('data-bytes-done')), { timeout: 30_000 }).toBeGreaterThan(2000);
    expect(await bar.locator('.fb-transfer-text').textContent()).toMatch(/^[\d.]+ KB of 48 KB · [\d.]+ (B|KB)\/s/);
    return board;
  }

  it('cancels an upload and keeps the old file on the board', async () => {
    const { page } = t;
    await startUpload(join(t.scratch, 'flash-cancel'));
    await saveScreenshot(page, 'file-browser-transfer');
    await page.locator('.fb-transfer [data-action="cancel-transfer"]').click();
    await expect.poll(() => page.locator('.fb-message').textContent(), { timeout: 30_000 }).toContain('Upload cancelled');
    expect(await page.locator('.fb-transfer').count()).toBe(0);
    expect(await readBoardText(page, '/big.py')).toBe(OLD);
    // The tree is the board's: the old size, and no half-written temporary file.
    await expect.poll(() => boardPaths(page), { timeout: 30_000 }).toEqual(['/big.py']);
    expect(await row(page, 'board', '/big.py').locator('.fb-size').textContent()).toBe(`${OLD.length} B`);
  });

  it('reports a cut link in plain words, follows the board, and the old file survives', async () => {
    const { page } = t;
    const flash = join(t.scratch, 'flash-cut');
    const board = await startUpload(flash);
    await board.cut();
    await expect.poll(() => page.locator('.fb-message[data-kind="error"]').textContent(), { timeout: 60_000 }).toMatch(/Upload stopped: .*(lost|link|disconnected|closed)/i);
    expect(await page.locator('.fb-transfer').count()).toBe(0);
    // No board: the tree says so instead of showing stale files.
    await expect.poll(() => page.locator('.fb-board').getAttribute('data-connected'), { timeout: 60_000 }).toBe('false');
    expect(await boardPaths(page)).toEqual([]);
    // The board comes back on the same flash: the refreshed tree shows the old file, intact.
    await callApi(page, 'board', 'disconnect').catch(() => undefined);
    const again = await startPtyBoard(flash);
    boards.push(again);
    await connectBoard(page, { kind: 'serial', path: again.path });
    await expect.poll(() => boardPaths(page), { timeout: 30_000 }).toEqual(['/big.py']);
    // (A half-written temporary file, when the cut left one, was removed on reconnect.)
    expect(await readBoardText(page, '/big.py')).toBe(OLD);
    expect(t.errors).toEqual([]);
  });
});
