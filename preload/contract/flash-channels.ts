/** The `flash:*` channels of Install MicroPython, with the schema of an install request. */
import * as v from 'valibot';
import type { BootDriveInfo, FirmwareCatalog, FlashProgress, FlashResult } from './flash-types';
import { hostPathSchema } from './shared-schemas';
import { event, request } from './table-helpers';

/** What `flash:install` installs and where (Install MicroPython). */
export const installRequestSchema = v.strictObject({
  firmware: v.variant('source', [
    /** A release from the board list; main only fetches URLs that list holds. */
    v.strictObject({ source: v.literal('release'), boardId: v.pipe(v.string(), v.regex(/^[A-Z0-9_]{1,64}$/)), url: v.pipe(v.string(), v.maxLength(2048), v.url()) }),
    /** "Use a local file…": the file's bytes, read by the renderer. */
    v.strictObject({
      source: v.literal('file'),
      name: v.pipe(v.string(), v.minLength(1), v.maxLength(255), v.regex(/\.(uf2|hex|bin)$/i, 'a .uf2, .hex or .bin file')),
      bytes: v.pipe(v.instance(Uint8Array), v.check((b) => b.byteLength > 0 && b.byteLength <= 16 * 1024 * 1024, '1 byte to 16 MiB')),
    }),
  ]),
  target: v.variant('kind', [
    v.strictObject({ kind: v.literal('drive'), path: hostPathSchema }),
    v.strictObject({ kind: v.literal('serial'), path: hostPathSchema, erase: v.boolean() }),
  ]),
});

export const flashChannels = {
  // flash: Install MicroPython (bootloader drives, esptool for ESP boards)
  /** The shipped board list with the cached releases (and their date). */
  'flash:catalog': request<FirmwareCatalog>()(),
  /** Reads each board's releases from micropython.org and caches them. */
  'flash:refreshCatalog': request<FirmwareCatalog>()(),
  'flash:drives': request<BootDriveInfo[]>()(),
  /** The bootloader drives, whenever one appears or goes. */
  'flash:drivesChanged': event<BootDriveInfo[]>(),
  'flash:install': request<FlashResult>()(installRequestSchema),
  'flash:progress': event<FlashProgress>(),
  /** Restarts the connected RP2 board into BOOTSEL (`machine.bootloader()`). */
  'flash:enterBootloader': request<void>()(),
} as const;
