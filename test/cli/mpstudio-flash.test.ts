/**
 * `mpstudio flash` as a user runs it (a child process): a .uf2 built here onto a FAKE
 * RP2 drive (a temp folder with INFO_UF2.TXT) and a wrong-family one refused; a board
 * name resolved through a local HTTP server standing in for micropython.org; and a .bin
 * through esptool-js to a MOCK ESP32 ROM loader on a real pty.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildUf2, UF2_FAMILIES } from '../../main/flash/uf2';
import { knownPayload, makeFakeDrive, type FakeDrive } from '../flash/fake-drive';
import { boardPageHtml, startFirmwareServer } from '../flash/firmware-server';
import { startMockEspRomLoader } from '../support/mock-esp-rom-loader';
import { startSocatPair } from '../support/socat-pair';

const BIN = join(import.meta.dirname, '../../bin/mpstudio.mjs');
let scratch: string;
const cleanups: Array<() => Promise<void>> = [];

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      // A fresh XDG_CONFIG_HOME: the board list cache lands in the test's folder, not the user's.
      { timeout: 60_000, encoding: 'utf8', env: { ...process.env, XDG_CONFIG_HOME: join(scratch, 'config'), ...env } },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    ).stdin?.end();
  });
}

async function drive(label: 'RPI-RP2' | 'RP2350' = 'RPI-RP2'): Promise<FakeDrive> {
  const d = await makeFakeDrive(label);
  cleanups.push(() => d.remove());
  return d;
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'mpstudio-flash-cli-'));
});
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => undefined);
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

// Each CLI run starts Node and tsx afresh: seconds apiece on a loaded two-core machine.
describe('mpstudio flash', { timeout: 150_000 }, () => {
  it('writes a .uf2 built by the test to a fake RP2 drive, verified byte for byte', async () => {
    const d = await drive('RPI-RP2');
    const uf2 = buildUf2(knownPayload(40_000), { familyId: UF2_FAMILIES.rp2040, baseAddr: 0x10000000 });
    await writeFile(join(scratch, 'pico.uf2'), uf2);
    const result = await cli(['flash', join(scratch, 'pico.uf2'), '--drive', d.path]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Installed on .*pico\.uf2 \(read back and compared\)/);
    expect(Buffer.from(await readFile(join(d.path, 'pico.uf2'))).equals(Buffer.from(uf2))).toBe(true);
  });

  it('refuses a wrong-family .uf2 and copies nothing', async () => {
    const d = await drive('RPI-RP2');
    await writeFile(join(scratch, 'pico2.uf2'), buildUf2(knownPayload(4000), { familyId: UF2_FAMILIES.rp2350ArmSecure, baseAddr: 0x10000000 }));
    const result = await cli(['flash', join(scratch, 'pico2.uf2'), '--drive', d.path]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/pico2\.uf2 is for rp2350ArmSecure, but the drive RPI-RP2 is an RP2040/);
    expect(result.stderr).toMatch(/Pick the firmware made for this board/);
    expect((await readdir(d.path)).sort()).toEqual(['INDEX.HTM', 'INFO_UF2.TXT']);
  });

  it('lists the boards, and installs BOARD@VERSION downloaded from the (local) site', async () => {
    const files = ['RPI_PICO-20250415-v1.25.0.uf2', 'RPI_PICO-20241129-v1.24.1.uf2'];
    const old = buildUf2(knownPayload(3000), { familyId: UF2_FAMILIES.rp2040, baseAddr: 0x10000000 });
    const server = await startFirmwareServer(
      { '/download/RPI_PICO/': boardPageHtml('RPI_PICO', files) },
      { [files[0]!]: { bytes: buildUf2(knownPayload(9000), { familyId: UF2_FAMILIES.rp2040, baseAddr: 0x10000000 }) }, [files[1]!]: { bytes: old, sha256: 'right' } },
    );
    cleanups.push(() => server.close());
    const env = { MPSTUDIO_FIRMWARE_SITE: server.site };
    const listed = await cli(['flash', '--list'], env);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/^RPI_PICO\s+\.uf2\s+v1\.25\.0 \(2025-04-15\)\s+Raspberry Pi Pico$/m);
    expect(listed.stdout).toMatch(/^ESP32_GENERIC\s+\.bin\s+-/m);

    const d = await drive('RPI-RP2');
    const result = await cli(['flash', 'rpi_pico@1.24.1', '--drive', d.path], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/Raspberry Pi Pico: MicroPython v1\.24\.1 of 2024-11-29/);
    expect(Buffer.from(await readFile(join(d.path, files[1]!))).equals(Buffer.from(old))).toBe(true);

    const missing = await cli(['flash', 'RPI_PICO@9.9.9', '--drive', d.path], env);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/RPI_PICO has no release 9\.9\.9\.\nKnown versions: 1\.25\.0, 1\.24\.1\./);
  });

  it('flashes a .bin over a serial port through esptool-js (MOCK ROM loader on a pty)', async () => {
    const pair = await startSocatPair();
    cleanups.push(() => pair.kill());
    const rom = await startMockEspRomLoader(pair.peerPath);
    cleanups.push(() => rom.close());
    const image = knownPayload(30_000);
    image[0] = 0xe9;
    await writeFile(join(scratch, 'esp32.bin'), image);
    const result = await cli(['flash', join(scratch, 'esp32.bin'), '--port', pair.hostPath, '--erase']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/checked by MD5/);
    expect(result.stderr).toMatch(/Found an ESP32/);
    // No board was named, so the offset is MicroPython's for the chip found: 0x1000 on an ESP32.
    expect(Buffer.from(rom.flash.subarray(0x1000, 0x1000 + image.length)).equals(Buffer.from(image))).toBe(true);
    expect(rom.log.erased).toBe(true);
  });
});
