/**
 * A FAKE bootloader drive for tests: a temporary folder holding the INFO_UF2.TXT an
 * RP2 board in BOOTSEL shows (or a micro:bit's DETAILS.TXT). CI has no USB drive.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const INFO_RP2040 = 'UF2 Bootloader v3.0\nModel: Raspberry Pi RP2\nBoard-ID: RPI-RP2\n';
export const INFO_RP2350 = 'UF2 Bootloader v1.0\nModel: Raspberry Pi RP2350\nBoard-ID: RP2350\n';
export const DETAILS_MICROBIT_V2 = '# DAPLink Firmware - see https://daplink.io\nUnique ID: 9904360257994e4500000000000000000000000097969901\nInterface Version: 0255\n';

export interface FakeDrive {
  /** The mount point (named like the volume label). */
  path: string;
  remove(): Promise<void>;
}

export async function makeFakeDrive(label: 'RPI-RP2' | 'RP2350' | 'MICROBIT' = 'RPI-RP2'): Promise<FakeDrive> {
  const parent = await mkdtemp(join(tmpdir(), 'mpstudio-drive-'));
  const path = join(parent, label);
  await mkdir(path);
  if (label === 'MICROBIT') await writeFile(join(path, 'DETAILS.TXT'), DETAILS_MICROBIT_V2);
  else await writeFile(join(path, 'INFO_UF2.TXT'), label === 'RP2350' ? INFO_RP2350 : INFO_RP2040);
  await writeFile(join(path, 'INDEX.HTM'), '<html><body>redirect</body></html>');
  return { path, remove: () => rm(parent, { recursive: true, force: true }) };
}

/** A payload that is easy to check: every byte differs from its neighbours. */
export function knownPayload(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 131 + 7) & 0xff;
  return bytes;
}
