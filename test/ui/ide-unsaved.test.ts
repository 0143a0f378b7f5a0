/**
 * Unsaved work is never lost: buffers are backed up as you type and come back after
 * the page is killed; closing a dirty tab or the page asks first; a save that fails
 * keeps the tab marked unsaved and says why.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, saveScreenshot } from '../support/chromium';
import { startWebApp, type RunningWebApp } from '../support/web-app';
import { editorText, fillDialog, loadIde, newFile, UI_TIMEOUT, waitForBoardState } from './ide-driver';

describe('unsaved work', () => {
  let app: RunningWebApp;
  let userDataDir: string;

  beforeAll(async () => {
    userDataDir = await mkdtemp(join(tmpdir(), 'mpstudio-ide-unsaved-'));
    app = await startWebApp({ userDataDir });
  });
  afterAll(async () => {
    await app?.stop();
    await rm(userDataDir, { recursive: true, force: true });
  });

  it('recovers a backed-up buffer after the page is killed', async () => {
    const first = await launchChromium();
    const text = 'import time\n# typed but never saved\nprint("still here")\n';
    try {
      await loadIde(first.page, app.url);
      await newFile(first.page, text);
      // The backup is written a moment after the last keystroke.
      const deadline = Date.now() + UI_TIMEOUT;
      while ((await readdir(join(userDataDir, 'backups')).catch(() => [])).length === 0) {
        if (Date.now() > deadline) throw new Error('no backup was written');
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      // Killing the browser process: no beforeunload, no chance to save.
      await first.close();
    }
    const second = await launchChromium();
    try {
      await loadIde(second.page, app.url);
      await second.page.waitForSelector('.editor-tab[data-dirty="true"]', { timeout: UI_TIMEOUT });
      expect(await editorText(second.page)).toBe(text);
      expect(await second.page.locator('.notification').first().textContent()).toContain('Recovered 1 unsaved buffer');
      await saveScreenshot(second.page, 'ide-recovered-buffer');
      // Closing it on purpose (don't save) discards the backup.
      await second.page.click('.editor-tab .close');
      await second.page.click('.dialog button[data-choice="discard"]');
      await second.page.waitForSelector('.editor-tab', { state: 'detached' });
      await expect.poll(() => readdir(join(userDataDir, 'backups')), { timeout: UI_TIMEOUT }).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it('asks before closing a dirty tab, and before leaving the page', async () => {
    const session = await launchChromium();
    try {
      const { page } = session;
      await loadIde(page, app.url);
      await newFile(page, 'x = 1\n');
      await page.click('.editor-tab .close');
      expect(await page.locator('.dialog').textContent()).toContain('not saved');
      await page.click('.dialog button[data-choice="cancel"]');
      expect(await page.locator('.editor-tab').count()).toBe(1);

      const asked = new Promise<string>((resolve) => page.once('dialog', (dialog) => {
        resolve(dialog.type());
        void dialog.dismiss();
      }));
      await page.close({ runBeforeUnload: true });
      expect(await asked).toBe('beforeunload');
    } finally {
      await session.close();
    }
  });

  it('keeps the tab unsaved and says why when a save fails', async () => {
    const session = await launchChromium();
    try {
      const { page } = session;
      await loadIde(page, app.url);
      // The app opened the virtual board; with it disconnected, writing to the board must fail.
      await page.click('button.connect');
      await waitForBoardState(page, 'disconnected');
      await newFile(page, 'print("nowhere to go")\n');
      await page.keyboard.press('Control+s');
      await fillDialog(page, { side: 'board', path: '/failing.py' });
      const notice = page.locator('.notification[data-kind="error"]');
      await notice.waitFor({ timeout: UI_TIMEOUT });
      expect(await notice.textContent()).toContain('Saving /failing.py failed');
      // (The previous test's buffer may come back as a recovered tab too: look at the active one.)
      expect(await page.locator('.editor-tab[aria-selected="true"]').getAttribute('data-dirty')).toBe('true');
      await saveScreenshot(page, 'ide-save-failed');
    } finally {
      await session.close();
    }
  });
});
