/**
 * The IDE against modern MicroPython (v1.29) under QEMU, reached by web mode through its
 * pseudo-terminal as a serial port: the same scenarios as the virtual board and the
 * micro:bit (commands go by raw-paste here), and the plotter fed by a program on the board.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { saveScreenshot } from '../support/chromium';
import { describeOnModernFirmware, startQemuModern, type QemuBoard } from '../support/qemu-modern';
import { connectSerial, newFile, openIde, waitForBoardState, waitForRepl, type Ide } from './ide-driver';
import { ideScenarios } from './ide-scenarios';

describeOnModernFirmware('IDE with the modern firmware under QEMU', () => {
  let ide: Ide;
  let qemu: QemuBoard;
  beforeAll(async () => {
    qemu = await startQemuModern();
    ide = await openIde();
  }, 180_000);
  afterAll(async () => {
    await ide?.close();
    await qemu?.kill();
  });

  ideScenarios({
    name: 'modern',
    ide: () => ide,
    connect: (page) => connectSerial(page, qemu.path),
    // The modern firmware prints far faster than the micro:bit: a longer pause keeps the terminal's flood small.
    pause: 'sum(range(5000))',
    timeout: 45_000,
  });

  it('plots what a program on the board prints', async () => {
    const { page } = ide;
    await newFile(page, 'import time\nfor i in range(1000):\n    print("up:%d down:%d" % (i, 1000 - i))\n    time.sleep_ms(20)\n');
    await page.keyboard.press('F5');
    await waitForRepl(page, /up:\d+ down:\d+/, 45_000);
    await page.click('[data-panel="plotter"][role="tab"]');
    const plotter = page.locator('.plotter');
    await plotter.locator('[data-action="clear"]').click(); // Earlier scenarios' output printed numbers too.
    await expect.poll(() => plotter.getAttribute('data-series'), { timeout: 45_000 }).toBe('up\tdown');
    const first = Number(await plotter.getAttribute('data-samples'));
    await expect.poll(async () => Number(await plotter.getAttribute('data-samples')), { timeout: 45_000 }).toBeGreaterThan(first + 5);
    expect(Number(await plotter.getAttribute('data-lost'))).toBe(0);
    await saveScreenshot(page, 'ide-modern-plotter');
    await page.keyboard.press('Control+F2');
    await waitForBoardState(page, 'idle', 45_000);
  });

  it('raised no page errors', () => {
    expect(ide.errors).toEqual([]);
  });
});
