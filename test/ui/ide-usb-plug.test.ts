/**
 * USB boards coming and going, in web mode with a MOCK port list (`--mock-usb-ports`): CI
 * has no USB, so "plugging in" writes a Raspberry Pi Pico's VID/PID into the list, with a
 * real board behind its path (a virtual board served on a pty by `mpstudio virtual --pty`).
 * Everything past the port list is real: the connection, the board, the app.
 */
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardStatus } from '../../preload/contract-types';
import { saveScreenshot } from '../support/chromium';
import { startWebApp } from '../support/web-app';
import { startPtyBoard, type PtyBoard } from './file-browser-pty-board';
import { openIde, UI_TIMEOUT, waitForBoardState, waitForRepl, type Ide, type InPage } from './ide-driver';

describe('USB boards plugged in (mock port list, real boards)', () => {
  let scratch: string;
  let pico: PtyBoard;
  const opened: Ide[] = [];

  /** Writes the mock port list atomically, so the app never reads half a file. */
  async function plug(portsFile: string, ports: object[]): Promise<void> {
    await writeFile(`${portsFile}.tmp`, JSON.stringify(ports));
    await rename(`${portsFile}.tmp`, portsFile);
  }
  const picoPort = (): object => ({ path: pico.path, vendorId: '2E8A', productId: '0005', serialNumber: 'E66058388B1D2A2F' });

  async function ideWithPorts(ports: object[] | null): Promise<{ ide: Ide; portsFile: string }> {
    const userDataDir = await mkdtemp(join(scratch, 'user-data-'));
    const portsFile = join(userDataDir, 'usb-ports.json');
    if (ports) await plug(portsFile, ports);
    const ide = await openIde({ app: await startWebApp({ userDataDir, extraArgs: ['--mock-usb-ports', portsFile] }) });
    opened.push(ide);
    return { ide, portsFile };
  }
  const boardStatus = (ide: Ide): Promise<BoardStatus> => ide.page.evaluate(() => (globalThis as InPage).studio.board.status());

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'mpstudio-usb-'));
    pico = await startPtyBoard(join(scratch, 'flash'));
  });
  afterAll(async () => {
    for (const ide of opened) {
      await ide.close();
      await ide.app.stop();
    }
    await pico?.cut();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('opens the one MicroPython board plugged in on a first start', async () => {
    const { ide } = await ideWithPorts([picoPort(), { path: '/dev/ttyS0' }]);
    await waitForBoardState(ide.page, 'idle');
    expect(await boardStatus(ide)).toMatchObject({ target: { kind: 'serial', path: pico.path } });
    expect(await ide.page.locator('.board-select option:checked').textContent()).toBe(`Raspberry Pi Pico (RP2040) — ${pico.path}`);
    await waitForRepl(ide.page, />>> $/m);
    // An automatic choice is not remembered as the user's.
    expect((await ide.page.evaluate(() => (globalThis as InPage).studio.settings.get())).lastTarget).toBeNull();
    // Free the board for the next test.
    await ide.page.click('button.connect');
    await waitForBoardState(ide.page, 'disconnected');
  });

  it('offers a board plugged in while the virtual board is on, and connects on request', async () => {
    const { ide, portsFile } = await ideWithPorts(null);
    await waitForBoardState(ide.page, 'idle');
    expect(await boardStatus(ide)).toMatchObject({ target: { kind: 'virtual' } });
    await plug(portsFile, [picoPort()]);
    const offer = ide.page.locator('.notification:has-text("Raspberry Pi Pico (RP2040) plugged in")');
    await offer.waitFor({ timeout: UI_TIMEOUT });
    expect(await offer.textContent()).toContain(pico.path);
    await saveScreenshot(ide.page, 'ide-usb-board-offered');
    // The virtual board stays on until the user says otherwise.
    expect(await boardStatus(ide)).toMatchObject({ state: 'idle', target: { kind: 'virtual' } });
    await offer.locator('button:text("Connect")').click();
    await expect.poll(() => boardStatus(ide), { timeout: UI_TIMEOUT }).toMatchObject({ state: 'idle', target: { kind: 'serial', path: pico.path } });
    // Remembered once the connect is done, a moment after the board reports itself idle.
    await expect
      .poll(async () => (await ide.page.evaluate(() => (globalThis as InPage).studio.settings.get())).lastTarget, { timeout: UI_TIMEOUT })
      .toMatchObject({ kind: 'serial', path: pico.path });
  });

  it('raised no page errors', () => {
    expect(opened.flatMap((ide) => ide.errors)).toEqual([]);
  });
});
