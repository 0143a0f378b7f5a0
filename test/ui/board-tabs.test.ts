/**
 * A board tab belongs to the board it was opened from. With another board connected,
 * its chip and tooltip still name its own board, and Ctrl+S asks (save to this board,
 * Save As…, Cancel) instead of writing one board's code over the other's main.py.
 * The other board is a virtual board on a pty, and the micro:bit firmware under QEMU.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from '../support/chromium';
import { startQemuMicrobit, type QemuMicrobit } from '../support/qemu-microbit';
import { activeEditorText, connectBoard, openFileBrowser, readBoardText, row, tool, until, type BrowserHarness } from './file-browser-harness';
import { startPtyBoard, type PtyBoard } from './file-browser-pty-board';
import { putBoardFile, useStartVirtualBoard } from './replace-consent-helpers';

const VIRTUAL_MAIN = 'print("virtual board code")\n';
const OTHER_MAIN = '# the other board’s own main.py\nprint("other")\n';

for (const kind of ['pty virtual board', 'micro:bit'] as const) {
  describe(`a board tab saved while the ${kind} is connected`, { timeout: 240_000 }, () => {
    let t: BrowserHarness;
    let other: { path: string; stop(): Promise<void> };
    const timeout = kind === 'micro:bit' ? 60_000 : 30_000;

    beforeAll(async () => {
      t = await openFileBrowser();
      if (kind === 'micro:bit') {
        const qemu: QemuMicrobit = await startQemuMicrobit();
        other = { path: qemu.path, stop: () => qemu.kill() };
      } else {
        const board: PtyBoard = await startPtyBoard(join(t.scratch, 'other-flash'));
        other = { path: board.path, stop: () => board.cut() };
      }
    }, 300_000);
    afterAll(async () => {
      await t?.close();
      await other?.stop();
    });

    it('names its board, and asks before writing to the other one', async () => {
      const { page } = t;
      await useStartVirtualBoard(page);
      await putBoardFile(page, '/main.py', VIRTUAL_MAIN);
      await tool(page, 'board', 'refresh').click();
      await row(page, 'board', '/main.py').dblclick();
      await until(() => activeEditorText(page), (text) => text === VIRTUAL_MAIN, 'the tab of /main.py');
      await page.locator('.cm-content').click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type('# edited on the virtual board\n');
      const tab = page.locator('.editor-tab[aria-selected="true"]');
      expect(await tab.locator('.origin').textContent()).toBe('virtual');
      expect(await tab.getAttribute('title')).toBe('/main.py on virtual board');

      await connectBoard(page, { kind: 'serial', path: other.path });
      await putBoardFile(page, '/main.py', OTHER_MAIN);
      await until(() => tab.locator('.origin').getAttribute('data-other-board'), (v) => v === 'true', 'the tab to show it belongs to another board');
      expect(await tab.getAttribute('title')).toBe('/main.py on virtual board (not the connected board)');
      await tab.hover();
      await saveScreenshot(page, `board-tab-${kind === 'micro:bit' ? 'microbit' : 'pty'}`);

      await tab.click();
      await page.keyboard.press('Control+S');
      const question = page.locator('.dialog:has-text("Save to a different board?")');
      await question.waitFor({ timeout });
      expect(await question.textContent()).toContain('main.py was opened from virtual board');
      await saveScreenshot(page, `board-tab-save-question-${kind === 'micro:bit' ? 'microbit' : 'pty'}`);
      await question.locator('[data-choice="cancel"]').click();
      expect(await readBoardText(page, '/main.py')).toBe(OTHER_MAIN);
      expect(await tab.getAttribute('data-dirty')).toBe('true');

      // "Save to this board" is the user's consent to replace its main.py: no second question.
      await page.keyboard.press('Control+S');
      await question.waitFor({ timeout });
      await question.locator('[data-choice="here"]').click();
      await expect.poll(() => readBoardText(page, '/main.py'), { timeout }).toBe(`${VIRTUAL_MAIN}# edited on the virtual board\n`);
      await until(() => tab.getAttribute('data-dirty'), (d) => d === 'false', 'the tab to be saved');
      expect(await tab.locator('.origin').getAttribute('data-other-board')).toBe('false');
      expect(t.errors).toEqual([]);
    });
  });
}
