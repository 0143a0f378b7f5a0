/**
 * esptool-js over our serialport adapter, on a real pseudo-terminal, against a MOCK
 * ESP32 ROM loader (test/support/mock-esp-rom-loader.ts): no ESP32 or emulator runs
 * here, so real-hardware flashing is untested. What this proves: the adapter's
 * framing, reads, writes and signals; sync, chip detection, the stub upload, a small
 * compressed flash write checked by MD5; and the error when nothing answers.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { flashEsp } from '../../main/flash/esp/esp-flasher';
import { NodeWebSerialPort } from '../../main/flash/esp/web-serial-port';
import { BootloaderError, WrongFamilyError } from '../../main/flash/flash-errors';
import type { FlashProgress } from '../../preload/contract-types';
import { startMockEspRomLoader } from '../support/mock-esp-rom-loader';
import { startSocatPair } from '../support/socat-pair';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});

async function pairWithMock() {
  const pair = await startSocatPair();
  cleanups.push(() => pair.kill());
  const rom = await startMockEspRomLoader(pair.peerPath);
  cleanups.push(() => rom.close());
  return { pair, rom };
}

/** A small ESP image: the 0xE9 magic, then bytes that include SLIP's 0xC0 and 0xDB. */
function testImage(length: number): Uint8Array {
  const image = new Uint8Array(length);
  for (let i = 0; i < length; i++) image[i] = (i * 37 + (i >> 8)) & 0xff;
  image[0] = 0xe9;
  image.set([0xc0, 0xdb, 0xc0, 0xdb, 0xdc, 0xdd], 100);
  return image;
}

describe('esptool-js through NodeWebSerialPort, against a MOCK ROM loader', () => {
  it('syncs, detects an ESP32, uploads the stub and writes a small image verified by MD5', async () => {
    const { pair, rom } = await pairWithMock();
    const image = testImage(20_000);
    const port = new NodeWebSerialPort(pair.hostPath);
    const steps: FlashProgress[] = [];
    const result = await flashEsp({ path: pair.hostPath, port, image, offset: 0x1000, family: 'esp32', erase: true, baudRate: 460800, progress: (p) => steps.push(p) });

    expect(result.chip).toBe('ESP32');
    expect(rom.log.commands.slice(0, 1)).toEqual([0x08]); // SYNC first
    expect(rom.log.stubUploaded).toBe(true);
    expect(rom.log.baudChanges).toEqual([460800]);
    expect(rom.log.erased).toBe(true);
    expect(Buffer.from(rom.flash.subarray(0x1000, 0x1000 + image.length)).equals(Buffer.from(image))).toBe(true);
    expect(rom.flash[0x0fff]).toBe(0xff);
    expect(steps.map((s) => s.step)).toEqual(expect.arrayContaining(['erase', 'write', 'verify', 'reset']));
    // esptool-js's classic reset drove both lines through the adapter; a pty has no
    // modem lines, so the adapter recorded them as not applied instead of failing.
    expect(port.signalLog.some((s) => s.dtr === false && s.rts === true)).toBe(true);
    expect(port.signalLog.some((s) => s.dtr === true && s.rts === false)).toBe(true);
    expect(port.signalLog.every((s) => s.applied === false)).toBe(true);
    expect(port.readable).toBeNull(); // closed afterwards
  });

  it('refuses firmware for another chip before writing anything', async () => {
    const { pair, rom } = await pairWithMock();
    const error = await flashEsp({ path: pair.hostPath, image: testImage(1000), offset: 0, family: 'esp32s3', erase: false, baudRate: 115200 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WrongFamilyError);
    expect((error as Error).message).toMatch(/is an ESP32, and this firmware is for the ESP32-S3/);
    expect(rom.log.commands).not.toContain(0x10);
  });

  it('says to enter the bootloader when nothing answers', async () => {
    const pair = await startSocatPair();
    cleanups.push(() => pair.kill());
    const started = Date.now();
    const error = await flashEsp({ path: pair.hostPath, image: testImage(1000), offset: 0x1000, erase: false, connectAttempts: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BootloaderError);
    expect((error as BootloaderError).message).toMatch(/Nothing on \/dev\/pts\/\d+ answered as an ESP bootloader/);
    expect((error as BootloaderError).hint).toMatch(/hold BOOT/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
