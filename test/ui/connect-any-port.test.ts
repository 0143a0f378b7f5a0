/**
 * Reaching a port the USB list does not show, in a real Chromium over web mode:
 * "Other port…" takes a typed path (here the virtual board served on a real
 * pseudo-terminal by `mpstudio virtual --pty`) and remembers it; a port where nothing
 * answers (a socat pty with a silent peer) leaves the virtual board connected and
 * says what failed, without advice for buttons that are greyed out.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveScreenshot } from '../support/chromium';
import { startSocatPair, type SocatPair } from '../support/socat-pair';
import { startPtyBoard, type PtyBoard } from './file-browser-pty-board';
import { connectVirtual, fillDialog, loadIde, openIde, waitForBoardState, type Ide, type InPage } from './ide-driver';

describe('connecting to any port', () => {
  let ide: Ide;
  let flash: string;
  let board: PtyBoard;
  let silent: SocatPair;
  beforeAll(async () => {
    flash = await mkdtemp(join(tmpdir(), 'mpstudio-other-port-'));
    // One after another, so that what did start is stopped in afterAll when a later one fails.
    silent = await startSocatPair();
    board = await startPtyBoard(flash);
    ide = await openIde();
    await waitForBoardState(ide.page, 'idle', 60_000);
  }, 180_000); // Web mode and two boards start slowly on a loaded machine.
  afterAll(async () => {
    await ide?.close();
    await board?.cut();
    await silent?.kill();
    if (flash) await rm(flash, { recursive: true, force: true });
  });

  it('keeps the virtual board when the picked port does not answer, and says what to try', async () => {
    const { page } = ide;
    await page.selectOption('.board-select', 'other-port');
    await fillDialog(page, { port: silent.hostPath });
    const notice = page.locator('.notification', { hasText: 'no MicroPython answered' });
    await notice.waitFor({ timeout: 60_000 });
    await saveScreenshot(page, 'connect-no-answer');
    expect(await notice.textContent()).not.toMatch(/Press Stop/);
    await waitForBoardState(page, 'idle');
    expect(await page.locator('.board-select').inputValue()).toBe('virtual');
    expect(await page.locator('.state-pill').textContent()).toMatch(/Ready/);
    // A port without MicroPython may be a new board: the notice offers to install it.
    await notice.locator('button', { hasText: 'Install MicroPython…' }).click();
    const dialog = page.locator('.install-dialog');
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('opens Install MicroPython from the board list (web mode has no menu bar)', async () => {
    const { page } = ide;
    await page.selectOption('.board-select', 'install-micropython');
    await page.locator('.install-dialog').waitFor();
    // The list goes back to the board that is on; nothing was connected or dropped.
    expect(await page.locator('.board-select').inputValue()).toBe('virtual');
    await saveScreenshot(page, 'install-from-board-list');
    await page.keyboard.press('Escape');
    await page.locator('.install-dialog').waitFor({ state: 'detached' });
    await waitForBoardState(page, 'idle');
  });

  it('connects to a typed port, and offers it again after a reload', async () => {
    const { page } = ide;
    await page.selectOption('.board-select', 'other-port');
    await fillDialog(page, { port: board.path });
    await page.waitForFunction((path) => (globalThis as InPage).document.querySelector<HTMLSelectElement>('.board-select')?.value === path, board.path, { timeout: 60_000 });
    await waitForBoardState(page, 'idle', 60_000);
    const settings = await page.evaluate(() => (globalThis as InPage).studio.settings.get());
    expect(settings.recentPorts[0]).toBe(board.path);
    expect(settings.recentPorts).not.toContain(silent.hostPath); // Only a port that answered is remembered.
    await connectVirtual(page);
    await loadIde(page, ide.app.url);
    expect(await page.locator(`.board-select option[value="${board.path}"]`).count()).toBe(1);
    expect(ide.errors).toEqual([]);
  });
});
