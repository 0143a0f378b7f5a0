/**
 * Depth in the board tree, in a real Chromium with the virtual board: an expanded
 * empty folder says it is empty on an indented line, so the root files after it do not
 * look nested in it, and rows inside a folder carry indent guides.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from '../support/chromium';
import { boardPaths, callApi, connectVirtualBoard, openFileBrowser, row, tool, until, type BrowserHarness } from './file-browser-harness';

describe('file browser: depth of rows', () => {
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

  it('marks an open empty folder as empty, above the root files that follow it', async () => {
    const { page } = t;
    // A retry finds the first attempt's entries on the board: it starts without them.
    for (const path of ['/aaa_empty', '/lib', '/zz_root.py']) {
      if (await callApi(page, 'fs', 'stat', path)) await callApi(page, 'fs', 'remove', path, true);
    }
    await callApi(page, 'fs', 'mkdir', '/aaa_empty');
    await callApi(page, 'fs', 'mkdir', '/lib');
    await callApi(page, 'fs', 'write', '/lib/util.py', new Uint8Array([0x23]));
    await callApi(page, 'fs', 'write', '/zz_root.py', new Uint8Array([0x23]));
    await tool(page, 'board', 'refresh').click();
    await until(() => boardPaths(page), (p) => p.includes('/zz_root.py') && p.includes('/lib/util.py'), 'the new entries');
    const folder = row(page, 'board', '/aaa_empty');
    if ((await folder.getAttribute('aria-expanded')) !== 'true') await folder.locator('.fb-twisty').click();
    const empty = page.locator('.fb-board .fb-empty-folder');
    await empty.waitFor();
    const left = async (locator: ReturnType<typeof row>) => parseFloat(await locator.evaluate((e) => getComputedStyle(e).paddingLeft));
    expect(await left(empty)).toBeGreaterThan(await left(folder));
    expect(await left(row(page, 'board', '/zz_root.py'))).toBe(await left(folder));
    // The empty line sits between the folder and what follows it.
    const order = await page.locator('.fb-board .fb-tree > *').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.path ?? r.className));
    expect(order.indexOf('fb-empty-folder')).toBe(order.indexOf('/aaa_empty') + 1);
    // Read from the row as shown: a refresh still landing may replace it between finding and reading.
    await expect.poll(() => row(page, 'board', '/lib/util.py').evaluate((e) => getComputedStyle(e).backgroundImage)).toMatch(/gradient/);
    await saveScreenshot(page, 'fb-depth');
  });
});
