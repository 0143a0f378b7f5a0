/**
 * The IDE against real MicroPython firmware: the BBC micro:bit under QEMU, reached
 * by web mode through its pseudo-terminal as a serial port. The same scenarios as
 * the virtual board, on a slow board with a tiny heap and a paced UART.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startQemuMicrobit, type QemuMicrobit } from '../support/qemu-microbit';
import { saveScreenshot } from '../support/chromium';
import { connectSerial, newFile, openIde, waitForBoardState, waitForRepl, type Ide } from './ide-driver';
import { ideScenarios } from './ide-scenarios';

describe('IDE with the QEMU micro:bit', () => {
  let ide: Ide;
  let qemu: QemuMicrobit;
  beforeAll(async () => {
    qemu = await startQemuMicrobit();
    ide = await openIde();
  });
  afterAll(async () => {
    await ide?.close();
    await qemu?.kill();
  });

  ideScenarios({
    name: 'microbit',
    ide: () => ide,
    connect: (page) => connectSerial(page, qemu.path),
    pause: 'sum(range(300))',
    timeout: 45_000,
  });

  it('offers a hard reset when Stop gets no answer', async () => {
    const { page } = ide;
    // With Ctrl-C disabled the program cannot be interrupted: only a reset stops it.
    await newFile(page, 'import micropython\nmicropython.kbd_intr(-1)\nprint("deaf")\nwhile True:\n    pass\n');
    await page.keyboard.press('F5');
    await waitForRepl(page, /^deaf$/m, 45_000); // Started: a Stop before that only calls the run off.
    await waitForBoardState(page, 'running', 45_000);
    await page.keyboard.press('Control+F2');
    const dialog = page.locator('.dialog:has-text("does not answer")');
    await dialog.waitFor({ timeout: 45_000 });
    await saveScreenshot(page, 'ide-microbit-stop-offers-hard-reset');
    // A pty has no reset line and the firmware no longer listens, so the hard reset itself
    // cannot be shown here: keep waiting, then give up on the board by disconnecting.
    await dialog.locator('button[data-choice="wait"]').click();
    expect(await page.locator('.state-pill').getAttribute('data-state')).toBe('running');
    await page.click('button.connect');
    await waitForBoardState(page, 'disconnected', 45_000);
  });

  it('raised no page errors', () => {
    expect(ide.errors).toEqual([]);
  });
});
