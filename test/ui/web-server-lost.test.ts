/**
 * Web mode when its server dies: the pill says so at once, edits made meanwhile are kept
 * in the browser's own storage, and once a server answers on the same address again the
 * app's usual recovery offers them (and hands them to the server's backups).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launchChromium, saveScreenshot, type ChromiumSession } from '../support/chromium';
import { startWebApp, type RunningWebApp } from '../support/web-app';
import { loadIde, setEditorText, waitForBoardState, type InPage } from './ide-driver';

/** A port that was free a moment ago: the restarted server must come back on the same address (same origin, same storage). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const keptInBrowser = (page: ChromiumSession['page']) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('mpstudio.unsaved.')).map((k) => localStorage.getItem(k) ?? '').join('\n'));

describe('web mode: the server goes away', { timeout: 240_000 }, () => {
  let scratch: string;
  let chromium: ChromiumSession | undefined;
  let apps: RunningWebApp[] = [];
  /** Ends what an attempt started: at the end, and before a retry (whose first attempt may have left a browser and servers). */
  async function cleanUp(): Promise<void> {
    await chromium?.close();
    chromium = undefined;
    for (const app of apps) if (app.process.exitCode === null && app.process.signalCode === null) await app.stop();
    apps = [];
    if (scratch) await rm(scratch, { recursive: true, force: true });
  }
  afterAll(cleanUp);

  it('says so at once, keeps edits in the browser, and recovers them from the restarted server', async () => {
    await cleanUp();
    scratch = await mkdtemp(join(tmpdir(), 'mpstudio-lost-'));
    const userDataDir = join(scratch, 'user-data');
    const port = await freePort();
    const first = await startWebApp({ userDataDir, extraArgs: ['--port', String(port)] });
    apps.push(first);
    chromium = await launchChromium();
    const { page } = chromium;
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await loadIde(page, first.url);
    // Busy for a moment is right: the app's first reads of the board it just opened (the
    // file browser's listing) follow the start. Idle must come once they are done.
    await waitForBoardState(page, 'idle');
    await page.click('button[data-command="file:new"]');
    await setEditorText(page, 'typed before\n');

    // The server dies the hard way (no goodbye on the socket).
    const exited = new Promise((resolve) => first.process.once('exit', resolve));
    const killedAt = Date.now();
    first.process.kill('SIGKILL');
    await exited;
    await page.waitForSelector('.state-pill[data-state="server-lost"]', { timeout: 5000 });
    const noticedMs = Date.now() - killedAt;
    expect(await page.locator('.state-pill').textContent()).toBe('Server connection lost');
    await saveScreenshot(page, 'web-server-lost-pill');

    await page.locator('.editor-pane:not([hidden]) .cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('typed while the server was gone\n');
    await expect.poll(() => keptInBrowser(page), { timeout: 10_000 }).toContain('typed while the server was gone');

    // A new server on the same address and user data; the user opens its URL.
    const second = await startWebApp({ userDataDir, extraArgs: ['--port', String(port)] });
    apps.push(second);
    const again = await chromium.browser.newPage();
    await loadIde(again, second.url);
    await again.locator('.notification:has-text("Recovered 1 unsaved buffer")').waitFor({ timeout: 20_000 });
    expect(await again.evaluate(() => (globalThis as InPage).mpstudioAutomation.activeEditorText())).toBe('typed before\ntyped while the server was gone\n');
    await expect.poll(() => keptInBrowser(again), { timeout: 10_000 }).toBe('');
    const onServer = await again.evaluate(() => (globalThis as InPage).studio.backup.list());
    expect(onServer.map((b) => b.content)).toContain('typed before\ntyped while the server was gone\n');
    console.log(`[measure] server loss shown ${noticedMs} ms after the kill`);
    expect(errors).toEqual([]);
  });
});
