/**
 * Flashes an ESP32-family or ESP8266 chip with esptool-js over `NodeWebSerialPort`:
 * reset into the ROM loader and sync, detect the chip, upload esptool's flasher stub,
 * optionally erase, write compressed with an MD5 check, and hard-reset.
 * All protocol work is esptool-js's; this file only orders the steps and says what
 * went wrong in words.
 */
import { createHash } from 'node:crypto';
import type { FirmwareFamily } from '../../../preload/contract-types';
import { BoardError } from '../../board/errors';
import { BootloaderError, FlashError, WrongFamilyError } from '../flash-errors';
import type { FlashProgress } from '../flash-progress';
import { NodeWebSerialPort } from './web-serial-port';

/** The ROM loader always starts at 115200 baud. */
const ROM_BAUD = 115200;

/** esptool-js's chip names for each family MicroPython publishes. */
const CHIP_OF_FAMILY: Partial<Record<FirmwareFamily, string>> = {
  esp32: 'ESP32',
  esp32s2: 'ESP32-S2',
  esp32s3: 'ESP32-S3',
  esp32c3: 'ESP32-C3',
  esp32c6: 'ESP32-C6',
  esp8266: 'ESP8266',
};

/** Where MicroPython's image starts, per micropython.org's download pages: 0x1000 on ESP32 and ESP32-S2, 0 elsewhere. */
const OFFSET_OF_CHIP: Record<string, number> = { ESP32: 0x1000, 'ESP32-S2': 0x1000 };

export interface EspFlashOptions {
  path: string;
  image: Uint8Array;
  /** Where the image goes; `auto` picks MicroPython's offset for the chip found (see OFFSET_OF_CHIP). */
  offset: number | 'auto';
  /** The board family picked; the detected chip must match. Omit to accept any chip. */
  family?: FirmwareFamily;
  erase: boolean;
  /** Baud rate once the stub runs; 460800 is what esptool uses by default. */
  baudRate?: number;
  /** Reset-and-sync rounds before giving up (esptool-js tries 7 by default). */
  connectAttempts?: number;
  progress?: (p: FlashProgress) => void;
  /** Lines esptool-js prints, for a log. */
  log?: (line: string) => void;
  /** The port adapter to use; tests pass one to read its signal log. */
  port?: NodeWebSerialPort;
}

export interface EspFlashResult {
  chip: string;
}

export async function flashEsp(options: EspFlashOptions): Promise<EspFlashResult> {
  const { ESPLoader, Transport } = await import('esptool-js');
  const progress = options.progress ?? (() => undefined);
  const log = options.log ?? (() => undefined);
  const port = options.port ?? new NodeWebSerialPort(options.path);
  const transport = new Transport(port as unknown as ConstructorParameters<typeof Transport>[0], false);
  // esptool-js traces some events (e.g. "readLoop exited") with console.log even with
  // tracing off; in the CLI that would land in stdout, so route them to the log.
  transport.trace = (message: string) => log(message);
  const loader = new ESPLoader({
    transport,
    baudrate: options.baudRate ?? 460800,
    romBaudrate: ROM_BAUD,
    terminal: { clean: () => undefined, writeLine: (line: string) => log(line), write: (text: string) => log(text) },
  });
  let opened = false;
  // Connecting belongs to the first step that needs the chip: erase when asked for, else write.
  const firstStep = options.erase ? 'erase' : 'write';
  try {
    progress({ step: firstStep, message: `Connecting to the bootloader on ${options.path}` });
    try {
      await loader.connect('default_reset', options.connectAttempts ?? 7);
      opened = true;
    } catch (error) {
      if (error instanceof BoardError) throw error;
      opened = port.readable !== null;
      throw new BootloaderError(`Nothing on ${options.path} answered as an ESP bootloader (${(error as Error).message}).`, { cause: error });
    }
    const chip = loader.chip.CHIP_NAME;
    const expected = options.family && CHIP_OF_FAMILY[options.family];
    if (expected && chip !== expected) {
      throw new WrongFamilyError(`The board on ${options.path} is an ${chip}, and this firmware is for the ${expected}. Nothing was written.`);
    }
    const offset = options.offset === 'auto' ? (OFFSET_OF_CHIP[chip] ?? 0) : options.offset;
    progress({ step: firstStep, message: `Found an ${chip}; starting the flasher` });
    await loader.runStub();
    if ((options.baudRate ?? 460800) !== ROM_BAUD) await loader.changeBaud();
    if (options.erase) {
      progress({ step: 'erase', message: `Erasing the whole flash of the ${chip}` });
      await loader.eraseFlash();
    }
    progress({ step: 'write', message: `Writing ${options.image.length} bytes at 0x${offset.toString(16)}`, done: 0, total: options.image.length });
    await loader.writeFlash({
      fileArray: [{ data: options.image, address: offset }],
      flashMode: 'keep',
      flashFreq: 'keep',
      flashSize: 'keep',
      eraseAll: false,
      compress: true,
      // The compressed size is what is sent; scale it to the image for the progress bar.
      reportProgress: (_file, written, total) =>
        progress({ step: 'write', message: 'Writing', done: Math.round((written / Math.max(total, 1)) * options.image.length), total: options.image.length }),
      calculateMD5Hash: (image) => createHash('md5').update(image).digest('hex'),
    });
    progress({ step: 'verify', message: 'The flash reads back with the same MD5 as the file' });
    progress({ step: 'reset', message: `Restarting the ${chip}` });
    await loader.after('hard_reset');
    return { chip };
  } catch (error) {
    if (error instanceof FlashError || error instanceof BoardError) throw error;
    throw new BootloaderError(`Flashing stopped: ${(error as Error).message}`, { cause: error });
  } finally {
    if (opened || port.readable) await transport.disconnect().catch(() => port.close());
  }
}
