/**
 * Install MicroPython, end to end in Chromium (web mode). CI has no USB, so the parts
 * that cannot exist here are named mocks: the mounted volumes (`--mock-mounts`, with a
 * FAKE RP2 drive: a temp folder holding INFO_UF2.TXT), the USB port list
 * (`--mock-usb-ports`, with a real board behind it: a virtual board on a pty), and
 * micropython.org (a local HTTP server, `--firmware-site`). The UF2 files are built here.
 * The ESP path runs esptool-js against a MOCK ESP32 ROM loader on a real pty.
 */
import { mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUf2, UF2_FAMILIES } from '../../main/flash/uf2';
import { knownPayload, makeFakeDrive, type FakeDrive } from '../flash/fake-drive';
import { boardPageHtml, startFirmwareServer, type FirmwareServer } from '../flash/firmware-server';
import { saveScreenshot } from '../support/chromium';
import { startMockEspRomLoader, type MockEspRomLoader } from '../support/mock-esp-rom-loader';
import { startSocatPair, type SocatPair } from '../support/socat-pair';
import { startWebApp } from '../support/web-app';
import { startPtyBoard, type PtyBoard } from './file-browser-pty-board';
import { openIde, UI_TIMEOUT, waitForBoardState, type Ide, type InPage } from './ide-driver';

const FILES = ['RPI_PICO-20250415-v1.25.0.uf2', 'RPI_PICO-20241129-v1.24.1.uf2'];

describe('Install MicroPython dialog (fake drive, mock mounts and USB list, local firmware site)', () => {
  let scratch: string;
  let server: FirmwareServer;
  let pico: PtyBoard;
  let ide: Ide;
  let mountsFile: string;
  let portsFile: string;
  const drives: FakeDrive[] = [];
  const latest = buildUf2(knownPayload(60_000), { familyId: UF2_FAMILIES.rp2040, baseAddr: 0x10000000 });

  /** Writes a mock list atomically, so the app never reads half a file. */
  async function writeList(file: string, value: unknown): Promise<void> {
    await writeFile(`${file}.tmp`, JSON.stringify(value));
    await rename(`${file}.tmp`, file);
  }

  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'mpstudio-install-ui-'));
    server = await startFirmwareServer(
      { '/download/RPI_PICO/': boardPageHtml('RPI_PICO', FILES) },
      { [FILES[0]!]: { bytes: latest, sha256: 'right' }, [FILES[1]!]: { bytes: latest } },
    );
    pico = await startPtyBoard(join(scratch, 'pico-flash'));
    mountsFile = join(scratch, 'mounts.json');
    portsFile = join(scratch, 'usb-ports.json');
    const app = await startWebApp({
      userDataDir: join(scratch, 'user-data'),
      extraArgs: ['--mock-mounts', mountsFile, '--mock-usb-ports', portsFile, '--firmware-site', server.site],
    });
    ide = await openIde({ app });
    await waitForBoardState(ide.page, 'idle', 60_000);
  }, 240_000);
  afterAll(async () => {
    await ide?.close();
    await ide?.app.stop();
    await pico?.cut();
    await server?.close();
    for (const d of drives) await d.remove();
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it('offers to install when an RP2 drive appears, and installs from the list to connected', async () => {
    const { page } = ide;
    const drive = await makeFakeDrive('RPI-RP2');
    drives.push(drive);
    await writeList(mountsFile, [drive.path]);
    const offer = page.locator('.notification:has-text("RPI-RP2 drive found")');
    await offer.waitFor({ timeout: UI_TIMEOUT });
    await saveScreenshot(page, 'install-drive-offered');
    await offer.locator('button:text("Install MicroPython…")').click();

    const dialog = page.locator('.install-dialog');
    await dialog.waitFor();
    // The board follows from the drive; the list is read from the (local) site at once.
    await expect.poll(() => dialog.locator('select[name="version"] option').allTextContents(), { timeout: UI_TIMEOUT }).toEqual([
      'v1.25.0 (2025-04-15) — latest',
      'v1.24.1 (2024-11-29)',
    ]);
    expect(await dialog.locator('select[name="target"]').inputValue()).toBe(drive.path);
    expect(await dialog.locator('select[name="board"] option:checked').textContent()).toBe('Raspberry Pi Pico');
    expect(await dialog.locator('select[name="board"] option').allTextContents()).not.toContain('ESP32 (generic)');
    await expect.poll(() => dialog.locator('.list-date').textContent()).toMatch(/Releases from micropython.org as of/);
    await saveScreenshot(page, 'install-pick');

    await dialog.locator('button:text("Install…")').click();
    await expect.poll(() => dialog.locator('.confirm-what').textContent()).toBe(
      `Install MicroPython v1.25.0 for the Raspberry Pi Pico onto the RPI-RP2 drive (RP2040) at ${drive.path}?`,
    );
    expect(await dialog.locator('.confirm-erased').textContent()).toMatch(/firmware on the board is replaced. Files saved on the board stay/);
    await saveScreenshot(page, 'install-confirm');

    await dialog.locator('.actions button:text("Install")').click();
    await page.waitForSelector('.install-dialog[data-state="installed"]', { timeout: UI_TIMEOUT });
    expect(Buffer.from(await readFile(join(drive.path, FILES[0]!))).equals(Buffer.from(latest))).toBe(true);
    const states = await dialog.locator('.install-progress li').evaluateAll((items) => items.map((li) => `${(li as HTMLElement).dataset.step}:${(li as HTMLElement).dataset.state}`));
    expect(states).toEqual(['download:done', 'verify:done', 'erase:skipped', 'write:done', 'verify:done', 'reset:done', 'connect:active']);
    await saveScreenshot(page, 'install-waiting-for-board');

    // The board restarts with MicroPython: its drive goes, its serial port comes.
    await writeList(mountsFile, []);
    await writeList(portsFile, [{ path: pico.path, vendorId: '2E8A', productId: '0005', serialNumber: 'E66058388B1D2A2F' }]);
    await page.waitForSelector('.install-dialog[data-state="connected"]', { timeout: UI_TIMEOUT });
    expect(await dialog.locator('.install-message').textContent()).toMatch(new RegExp(`Connected to ${pico.path}: MicroPython v`));
    await waitForBoardState(page, 'idle');
    await saveScreenshot(page, 'install-done');
    await page.setViewportSize({ width: 820, height: 560 });
    await saveScreenshot(page, 'install-done-small');
    await page.setViewportSize({ width: 1280, height: 800 });
    await dialog.locator('button:text("Close")').click();
    await expect.poll(() => page.locator('.install-dialog').count()).toBe(0);
    // The offer went with the drive.
    await expect.poll(() => page.locator('.notification:has-text("RPI-RP2 drive found")').count(), { timeout: UI_TIMEOUT }).toBe(0);
  }, 180_000);

  it('refuses a local file of the wrong family, in words, and copies nothing', async () => {
    const { page } = ide;
    const drive = await makeFakeDrive('RPI-RP2');
    drives.push(drive);
    await writeList(mountsFile, [drive.path]);
    const offer = page.locator('.notification:has-text("RPI-RP2 drive found")');
    await offer.waitFor({ timeout: UI_TIMEOUT });
    await offer.locator('button:text("Install MicroPython…")').click();
    const dialog = page.locator('.install-dialog');
    await dialog.waitFor();
    await page.locator('.install-dialog input[type="file"]').setInputFiles({
      name: 'RPI_PICO2-20250415-v1.25.0.uf2',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(buildUf2(knownPayload(5000), { familyId: UF2_FAMILIES.rp2350ArmSecure, baseAddr: 0x10000000 })),
    });
    await expect.poll(() => dialog.locator('.local-file-line').textContent()).toMatch(/File: RPI_PICO2-20250415-v1.25.0.uf2/);
    await dialog.locator('button:text("Install…")').click();
    await dialog.locator('.actions button:text("Install")').click();
    await page.waitForSelector('.install-dialog[data-state="failed"]', { timeout: UI_TIMEOUT });
    expect(await dialog.locator('.install-message').textContent()).toMatch(
      /RPI_PICO2-20250415-v1.25.0.uf2 is for rp2350ArmSecure, but the drive RPI-RP2 is an RP2040 \(RPI-RP2\)\. Nothing was copied\. Pick the firmware made for this board/,
    );
    expect(await dialog.locator('.install-progress li[data-step="verify"]').first().getAttribute('data-state')).toBe('failed');
    await saveScreenshot(page, 'install-wrong-family');
    expect((await readdir(drive.path)).sort()).toEqual(['INDEX.HTM', 'INFO_UF2.TXT']);
    expect(ide.errors).toEqual([]);
    await dialog.locator('button:text("Close")').click();
  }, 120_000);

  it('flashes a local .bin onto an ESP board over its serial port, erasing first (MOCK ROM loader)', async () => {
    const { page } = ide;
    let pair: SocatPair | undefined;
    let rom: MockEspRomLoader | undefined;
    try {
      pair = await startSocatPair();
      rom = await startMockEspRomLoader(pair.peerPath);
      // A CP2102 USB-serial bridge, as on most ESP32 dev boards.
      await writeList(portsFile, [{ path: pair.hostPath, vendorId: '10C4', productId: 'EA60', manufacturer: 'Silicon Labs' }]);
      // Web mode has no menu bar: the way in is the offer of a drive, so one is plugged in again.
      await writeList(mountsFile, []);
      await expect.poll(() => page.evaluate(() => (globalThis as unknown as InPage).studio.flash.drives().then((d) => d.length))).toBe(0);
      const drive = await makeFakeDrive('RPI-RP2');
      drives.push(drive);
      await writeList(mountsFile, [drive.path]);
      const offer = page.locator('.notification:has-text("RPI-RP2 drive found")');
      await offer.waitFor({ timeout: UI_TIMEOUT });
      await offer.locator('button:text("Install MicroPython…")').click();
      const dialog = page.locator('.install-dialog');
      await dialog.waitFor();
      const espOption = dialog.locator(`select[name="target"] option[value="${pair.hostPath}"]`);
      await espOption.waitFor({ state: 'attached', timeout: UI_TIMEOUT });
      await dialog.locator('select[name="target"]').selectOption(pair.hostPath);
      expect(await dialog.locator('select[name="board"] option:checked').textContent()).toBe('ESP32 (generic)');
      const image = knownPayload(24_000);
      image[0] = 0xe9;
      await page.locator('.install-dialog input[type="file"]').setInputFiles({ name: 'esp32-test.bin', mimeType: 'application/octet-stream', buffer: Buffer.from(image) });
      await dialog.locator('input[name="erase"]').check();
      await saveScreenshot(page, 'install-esp-pick');
      await dialog.locator('button:text("Install…")').click();
      expect(await dialog.locator('.confirm-erased').textContent()).toMatch(/whole flash of the board is erased first/);
      await dialog.locator('.actions button:text("Install")').click();
      await page.waitForSelector('.install-dialog:is([data-state="installed"], [data-state="failed"])', { timeout: 60_000 });
      await saveScreenshot(page, 'install-esp-installed');
      expect(await dialog.getAttribute('data-state'), (await dialog.locator('.install-message').textContent()) ?? '').toBe('installed');
      expect(Buffer.from(rom.flash.subarray(0x1000, 0x1000 + image.length)).equals(Buffer.from(image))).toBe(true);
      expect(rom.log.erased).toBe(true);
      const states = await dialog.locator('.install-progress li').evaluateAll((items) => items.map((li) => `${(li as HTMLElement).dataset.step}:${(li as HTMLElement).dataset.state}`));
      expect(states.slice(0, 6)).toEqual(['download:skipped', 'verify:done', 'erase:done', 'write:done', 'verify:done', 'reset:done']);
      // The mock is no MicroPython board, so connecting afterwards fails, and the dialog says what to do.
      await expect.poll(() => dialog.locator('.install-message').textContent(), { timeout: 60_000 }).toMatch(/MicroPython is installed, but the board on \/dev\/pts\/\d+ did not answer with a MicroPython prompt\. Press its RESET button/);
      await saveScreenshot(page, 'install-esp-no-repl');
    } finally {
      await rom?.close();
      await pair?.kill();
    }
  }, 180_000);
});
