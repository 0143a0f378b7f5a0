/**
 * A file the system opens in the app ("Open with" on the desktop; here the same path
 * handed to `mpstudio web` on its command line): it opens in a tab marked as a file of
 * this computer, Ctrl+S writes it back, and a change made on disk meanwhile is asked
 * about instead of being overwritten. In Chromium, through web mode.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from '../support/chromium';
import { startWebApp } from '../support/web-app';
import { openIde, type Ide } from './ide-driver';
import { answerReplace } from './replace-consent-helpers';
import { activeEditorText, until } from './file-browser-harness';

describe('a file opened by the system', { timeout: 180_000 }, () => {
  let scratch: string;
  let ide: Ide;
  let file: string;

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'mpstudio-open-with-'));
    file = join(scratch, 'blink.py');
    await writeFile(file, 'print("blink")\n');
    const app = await startWebApp({ userDataDir: join(scratch, 'user-data'), extraArgs: [file, join(scratch, 'missing.py')] });
    ide = await openIde({ app });
  }, 120_000);
  afterAll(async () => {
    await ide?.close();
    await ide?.app.stop();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('opens in a tab of its own, says which argument could not be opened, and saves back', async () => {
    const { page } = ide;
    const tab = page.locator('.editor-tab', { hasText: 'blink.py' });
    await tab.waitFor({ timeout: 60_000 });
    expect(await tab.locator('.origin').textContent()).toBe('file');
    expect(await tab.getAttribute('title')).toBe(`${file} (opened from this computer)`);
    await until(() => activeEditorText(page), (text) => text === 'print("blink")\n', 'the opened file in the editor');
    await page.locator('.notification', { hasText: 'missing.py' }).waitFor({ timeout: 10_000 });
    expect(await page.locator('.notification', { hasText: 'missing.py' }).textContent()).toContain('there is no such file');
    await saveScreenshot(page, 'open-with-tab');

    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('print("saved from the app")\n');
    await page.keyboard.press('Control+S');
    await until(() => readFile(file, 'utf8'), (text) => text === 'print("blink")\nprint("saved from the app")\n', 'the file saved on disk');
  });

  it('asks before writing over a change made on disk since', async () => {
    const { page } = ide;
    await writeFile(file, 'print("changed in another editor")\n');
    await page.keyboard.type('# mine\n');
    await page.keyboard.press('Control+S');
    const { existing } = await answerReplace(page, 'cancel');
    expect(existing).toContain('On this computer');
    expect(await readFile(file, 'utf8')).toBe('print("changed in another editor")\n');
    expect(ide.errors).toEqual([]);
  });
});
