/**
 * Hard reset on a link without reset lines (a pseudo-terminal, like a board with native
 * USB): an answering board restarts through `machine.reset()`; a program that turned
 * Ctrl-C off makes the app say at once that the board's reset button is needed, and the
 * app carries on when the board restarts (QEMU's system_reset is the button). On the
 * micro:bit firmware and the modern one, both under QEMU.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from '../support/chromium';
import { startQemuMicrobit } from '../support/qemu-microbit';
import { modernFirmwareSkipReason, startQemuModern } from '../support/qemu-modern';
import type { QemuBoard } from '../support/qemu-process';
import { connectSerial, newFile, openIde, replText, typeInRepl, waitForBoardState, waitForRepl, type Ide } from './ide-driver';

const STUCK = 'import micropython\nmicropython.kbd_intr(-1)\nprint("stuck")\nwhile True:\n    pass\n';

const bannerCount = async (page: Page) => (await replText(page)).match(/MicroPython v\d/g)?.length ?? 0;

for (const kind of ['microbit', 'modern'] as const) {
  describe.skipIf(kind === 'modern' && !!modernFirmwareSkipReason())(`hard reset without reset lines (${kind})`, { timeout: 240_000 }, () => {
    let ide: Ide;
    let qemu: QemuBoard;
    const timeout = 60_000;

    beforeAll(async () => {
      qemu = kind === 'microbit' ? await startQemuMicrobit() : await startQemuModern();
      ide = await openIde();
      await connectSerial(ide.page, qemu.path);
    }, 240_000);
    afterAll(async () => {
      await ide?.close();
      await qemu?.kill();
    });

    it('restarts an answering board through machine.reset()', async () => {
      const { page } = ide;
      await typeInRepl(page, 'before_reset = 1');
      await typeInRepl(page, 'print("has" if "before_reset" in dir() else "lacks")');
      await waitForRepl(page, /^has$/m, timeout);
      const banners = await bannerCount(page);
      await page.click('button[data-command="run:hardReset"]');
      await page.waitForFunction(async (n) => ((globalThis as unknown as { mpstudioAutomation: { replText(): string } }).mpstudioAutomation.replText().match(/MicroPython v\d/g)?.length ?? 0) > n, banners, { timeout });
      await waitForBoardState(page, 'idle', timeout);
      // A real restart: the session's variables are gone.
      await typeInRepl(page, 'print("gone" if "before_reset" not in dir() else "kept")');
      await waitForRepl(page, /^gone$/m, timeout);
      expect(await page.locator('.notification[data-kind="error"]').count()).toBe(0);
    });

    it('asks for the reset button when Ctrl-C is off, and carries on once the board restarts', async () => {
      const { page } = ide;
      await newFile(page, STUCK);
      await page.keyboard.press('F5');
      await waitForRepl(page, /^stuck$/m, timeout);
      await waitForBoardState(page, 'running', timeout);
      const asked = Date.now();
      await page.click('button[data-command="run:hardReset"]');
      const notice = page.locator('.notification', { hasText: 'reset button' });
      await notice.waitFor({ timeout });
      const askedMs = Date.now() - asked;
      expect(await notice.textContent()).toContain('no reset line');
      expect(await notice.getAttribute('data-kind')).toBe('warning');
      await saveScreenshot(page, `hard-reset-button-${kind}`);
      // Said within the few Ctrl-Cs Stop tries, not after a long silence (20 s and more before).
      expect(askedMs).toBeLessThan(15_000);

      await qemu.pressReset();
      await waitForRepl(page, /\[The board restarted\.\]/, timeout);
      await waitForBoardState(page, 'idle', timeout);
      await typeInRepl(page, 'print(6 * 7)');
      await waitForRepl(page, /^42$/m, timeout);
      expect(ide.errors).toEqual([]);
    });
  });
}
