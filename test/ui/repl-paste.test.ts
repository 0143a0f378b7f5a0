/**
 * A multi-line paste into a REPL line that already has text never soft-resets the board:
 * the half-typed line is cleared, the block runs through paste mode (entered and ended
 * only once the board showed its banner), and the session's variables survive. On the
 * virtual board and on the real micro:bit firmware under QEMU.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from '../support/chromium';
import { startQemuMicrobit, type QemuMicrobit } from '../support/qemu-microbit';
import { connectSerial, connectVirtual, openIde, replText, typeInRepl, waitForBoardState, waitForRepl, type Ide, type InPage } from './ide-driver';

const block = (tag: string) => `def times_six(n):\n    return n * 6\n\nprint("pasted-${tag}", times_six(keep))\n`;

/** Pastes as a browser does: a ClipboardEvent carrying text/plain on xterm's textarea (TESTING.md). */
async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const g = globalThis as InPage & { document: { querySelector(s: string): EventTarget | null } };
    const data = new DataTransfer();
    data.setData('text/plain', t);
    g.document.querySelector('.repl-host textarea')?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

for (const kind of ['virtual', 'microbit'] as const) {
  describe(`REPL paste onto a non-empty line (${kind})`, { timeout: 240_000 }, () => {
    let ide: Ide;
    let qemu: QemuMicrobit | undefined;
    const timeout = kind === 'microbit' ? 90_000 : 60_000;

    beforeAll(async () => {
      if (kind === 'microbit') qemu = await startQemuMicrobit();
      ide = await openIde();
      if (qemu) await connectSerial(ide.page, qemu.path);
      else await connectVirtual(ide.page);
    }, 300_000);
    afterAll(async () => {
      await ide?.close();
      await qemu?.kill();
    });

    let attempt = 0;
    for (const [what, typed] of [
      ['typed text', 'x = '],
      ['a line recalled with ↑', null],
    ] as const) {
      it(`keeps the session when pasting onto ${what}`, async () => {
        const { page } = ide;
        // Safe to retry: a tag of its own per attempt, so no wait is met by an earlier attempt's
        // output, and Ctrl-C first for a fresh prompt, whatever an earlier attempt left on the line.
        const tag = `${typed ? 'typed' : 'history'}${++attempt}`;
        await page.click('[data-panel="repl"][role="tab"]');
        await page.click('.repl-host .xterm-screen');
        await page.keyboard.press('Control+C');
        await typeInRepl(page, 'keep = 7');
        await waitForRepl(page, /^>>> keep = 7\r?\n?>>> $/m, timeout);
        if (typed) await page.keyboard.type(typed, { delay: 5 });
        else await page.keyboard.press('ArrowUp');
        await page.waitForTimeout(300); // Let the board echo the line, as a person would see it.
        const before = (await replText(page)).length;
        await paste(page, block(tag));
        await waitForRepl(page, new RegExp(`^pasted-${tag} 42$`, 'm'), timeout);
        await waitForBoardState(page, 'idle', timeout);
        await typeInRepl(page, `print("kept-${tag}", keep + 1)`);
        await waitForRepl(page, new RegExp(`^kept-${tag} 8$`, 'm'), timeout);
        const after = (await replText(page)).slice(before);
        expect(after).not.toMatch(/soft reboot|SyntaxError|IndentationError|NameError/);
        await saveScreenshot(page, `repl-paste-${kind}-${typed ? 'typed' : 'history'}`);
        expect(ide.errors).toEqual([]);
      });
    }
  });
}
