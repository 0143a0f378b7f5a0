/**
 * Connection and board control in the IDE, against the virtual board: failures in
 * plain words, auto-connect to the last board, settings that persist, soft reset,
 * and Stop on a loop that never yields. (Stop offering a hard reset when Ctrl-C goes
 * unanswered needs real firmware: see ide-qemu-microbit.test.ts.)
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from '../support/chromium';
import {
  connectVirtual,
  fillDialog,
  loadIde,
  newFile,
  openIde,
  typeInRepl,
  UI_TIMEOUT,
  waitForBoardState,
  waitForRepl,
  type Ide,
  type InPage,
} from './ide-driver';

describe('IDE board control', () => {
  let ide: Ide;
  beforeAll(async () => {
    ide = await openIde();
  });
  afterAll(async () => {
    await ide?.close();
  });
  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await saveScreenshot(ide.page, `ide-control-failed-${context.task.name.replace(/\W+/g, '-').slice(0, 40)}`);
  });

  it('explains a failed connection in plain words', async () => {
    const { page } = ide;
    // The app opens the virtual board at start, and a switch that fails keeps an idle board
    // on (the error goes back to the caller only). Start from no board, as this case is about.
    if ((await page.locator('.state-pill').getAttribute('data-state')) !== 'disconnected') {
      await page.click('button.connect'); // Disconnect
      await waitForBoardState(page, 'disconnected');
    }
    await page.evaluate(() =>
      (globalThis as InPage).studio.board.connect({ kind: 'serial', path: '/dev/ttyMPSTUDIO-NOPE' }).catch(() => undefined),
    );
    const notice = page.locator('.notification[data-kind="error"]');
    await notice.waitFor({ timeout: UI_TIMEOUT });
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain('failed');
    expect(text).toMatch(/ttyMPSTUDIO-NOPE|not found|No such/i);
    await saveScreenshot(page, 'ide-connection-error');
    await notice.locator('button:text("Dismiss")').click();
    expect(await page.locator('.state-pill').getAttribute('data-state')).toBe('disconnected');
  });

  it('keeps settings from the settings dialog', async () => {
    const { page } = ide;
    await page.click('button[data-command="settings:open"]');
    await fillDialog(page, { autoConnect: 'yes', autoReconnect: 'no', fontSize: '15' });
    await expect
      .poll(() => page.evaluate(() => (globalThis as InPage).studio.settings.get()), { timeout: UI_TIMEOUT })
      .toMatchObject({ autoConnect: true, autoReconnect: false, fontSize: 15 });
  });

  it('connects to the last board by itself when auto-connect is on', async () => {
    const { page } = ide;
    await connectVirtual(page);
    await loadIde(page, ide.app.url);
    await waitForBoardState(page, 'idle');
    expect(await page.locator('.board-select').inputValue()).toBe('virtual');
  });

  it('soft-resets the board from the toolbar', async () => {
    const { page } = ide;
    await typeInRepl(page, 'survivor = 41');
    await page.click('button[data-command="run:softReset"]');
    await waitForBoardState(page, 'idle');
    await typeInRepl(page, "print('survivor' in globals())");
    await waitForRepl(page, /^False$/m);
  });

  it('stops a loop that never yields: the virtual board restarts its interpreter', async () => {
    const { page } = ide;
    // Nothing in the loop calls out of the interpreter (as output would), so Ctrl-C cannot get
    // in. Its one print says the program has started: a Stop before that only calls the run off.
    await newFile(page, 'print("looping")\nn = 0\nwhile True:\n    n += 1\n');
    await page.keyboard.press('F5');
    await waitForRepl(page, /^looping$/m);
    await waitForBoardState(page, 'running');
    await page.keyboard.press('Control+F2');
    await waitForBoardState(page, 'idle', 30_000);
    await waitForRepl(page, /KeyboardInterrupt/);
    await typeInRepl(page, '2+3');
    await waitForRepl(page, /^5$/m);
    expect(ide.errors).toEqual([]);
  });

  it('asks about a stop that outlasts its patience, and takes the question back when the program ends', async () => {
    const { page } = ide;
    // Cleaning up for 9 s after Ctrl-C, swallowing Stop's repeats: longer than Stop's 6 s patience.
    await newFile(
      page,
      'import time\nprint("waiting")\ntry:\n    while True:\n        time.sleep_ms(10)\nexcept KeyboardInterrupt:\n    pass\nt = time.ticks_ms()\nwhile time.ticks_diff(time.ticks_ms(), t) < 9000:\n    try:\n        while time.ticks_diff(time.ticks_ms(), t) < 9000:\n            time.sleep_ms(10)\n    except KeyboardInterrupt:\n        pass\nprint("cleaned up")\n',
    );
    await page.keyboard.press('F5');
    await waitForRepl(page, /^waiting$/m); // Started: a Stop before that only calls the run off.
    await waitForBoardState(page, 'running');
    await page.keyboard.press('Control+F2');
    const question = page.locator('.dialog:has-text("The board does not answer")');
    await question.waitFor({ timeout: UI_TIMEOUT });
    await waitForRepl(page, /^cleaned up$/m);
    await question.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    await waitForBoardState(page, 'idle');
    expect(ide.errors).toEqual([]);
  });
});
