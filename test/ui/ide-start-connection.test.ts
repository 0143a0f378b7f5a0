/**
 * Which board the IDE opens at start, in web mode with real boards: the last board when
 * it is there (a virtual board served on a pty by `mpstudio virtual --pty`, which the app
 * sees as a serial port), the virtual board when the last one is gone, nothing when the
 * user turned connecting at start off, and switching boards from the list while connected.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Settings } from '../../preload/contract-types';
import { saveScreenshot } from '../support/chromium';
import { startWebApp } from '../support/web-app';
import { startPtyBoard, type PtyBoard } from './file-browser-pty-board';
import { openIde, UI_TIMEOUT, waitForBoardState, waitForRepl, type Ide, type InPage } from './ide-driver';

/** A never-existing path: a dead /dev/pts/N could be reused by another test's board meanwhile. */
const GONE_PORT = '/dev/ttyMPSTUDIO-GONE';

describe('the board the IDE opens at start', () => {
  let scratch: string;
  let ptyBoard: PtyBoard;
  const opened: Ide[] = [];

  /** Starts web mode on a user-data folder whose settings.json holds `settings`, and opens the IDE. */
  async function ideWithSettings(settings: Partial<Settings>): Promise<Ide> {
    const userDataDir = await mkdtemp(join(scratch, 'user-data-'));
    await writeFile(join(userDataDir, 'settings.json'), JSON.stringify(settings));
    const ide = await openIde({ app: await startWebApp({ userDataDir }) });
    opened.push(ide);
    return ide;
  }
  const storedSettings = (ide: Ide): Promise<Settings> => ide.page.evaluate(() => (globalThis as InPage).studio.settings.get());

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'mpstudio-start-'));
    ptyBoard = await startPtyBoard(join(scratch, 'flash'));
  });
  afterAll(async () => {
    for (const ide of opened) {
      await ide.close();
      await ide.app.stop();
    }
    await ptyBoard?.cut();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('opens the last board when it is there', async () => {
    const ide = await ideWithSettings({ lastTarget: { kind: 'serial', path: ptyBoard.path } });
    await waitForBoardState(ide.page, 'idle'); // (Busy for a moment while the file browser lists the board.)
    expect(await ide.page.locator('.board-select').inputValue()).toBe(ptyBoard.path);
    await waitForRepl(ide.page, />>> $/m);
    expect(await ide.page.locator('.notification').count()).toBe(0);
  });

  it('switches to the board picked in the list while another is connected', async () => {
    const ide = opened[0]!;
    await ide.page.selectOption('.board-select', 'virtual');
    await expect
      .poll(() => ide.page.evaluate(() => (globalThis as InPage).studio.board.status()), { timeout: UI_TIMEOUT })
      .toMatchObject({ state: 'idle', target: { kind: 'virtual' } });
    // A choice the user made is the one remembered for the next start (saved once the connect is done).
    await expect.poll(async () => (await storedSettings(ide)).lastTarget).toEqual({ kind: 'virtual' });
  });

  it('falls back to the virtual board when the last board is gone, and says so', async () => {
    const last = { kind: 'serial' as const, path: GONE_PORT };
    const ide = await ideWithSettings({ lastTarget: last });
    await waitForBoardState(ide.page, 'idle'); // (Busy for a moment while the file browser lists the board.)
    expect(await ide.page.locator('.board-select').inputValue()).toBe('virtual');
    const note = ide.page.locator('.notification[data-kind="info"]');
    await note.waitFor({ timeout: UI_TIMEOUT });
    expect(await note.textContent()).toContain(`${GONE_PORT} did not open, so the virtual board is on`);
    expect(await note.textContent()).toContain(`No serial port at ${GONE_PORT}`);
    await saveScreenshot(ide.page, 'ide-start-fallback-to-virtual');
    // The fallback is not the user's choice: the next start tries their board again.
    expect((await storedSettings(ide)).lastTarget).toEqual(last);
    expect(await ide.page.locator('.notification[data-kind="error"]').count()).toBe(0);
  });

  it('stays disconnected when connecting at start is off', async () => {
    const ide = await ideWithSettings({ autoConnect: false });
    expect(await ide.page.locator('.state-pill').getAttribute('data-state')).toBe('disconnected');
    expect(await ide.page.locator('.board-select').inputValue()).toBe('virtual');
    await ide.page.click('button.connect');
    await waitForBoardState(ide.page, 'idle');
  });

  it('raised no page errors', () => {
    expect(opened.flatMap((ide) => ide.errors)).toEqual([]);
  });
});
