/**
 * Typed failures of installing MicroPython. Each says what went wrong in plain words
 * and, as `hint`, the next step; `toWire()` turns it into what the UI shows.
 */
import type { ErrorCode, WireError } from '../../preload/contract-types';

export class FlashError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    readonly code: ErrorCode = 'internal',
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }

  toWire(): WireError {
    return { code: this.code, message: this.message, ...(this.hint && { hint: this.hint }) };
  }
}

/** The firmware file is damaged, truncated or not what its name says. */
export class FlashFileError extends FlashError {
  constructor(message: string, hint = 'Download the file again, or pick another one.') {
    super(message, hint, 'invalid-argument');
  }
}

/** The file is for another chip than the board's drive (UF2 family check). */
export class WrongFamilyError extends FlashError {
  constructor(message: string) {
    super(message, 'Pick the firmware made for this board: the drive names the board in its INFO_UF2.TXT.', 'invalid-argument');
  }
}

/** No drive of the right kind is mounted, or the one named is not such a drive. */
export class DriveNotFoundError extends FlashError {
  constructor(message: string, hint = 'Hold the BOOTSEL button while you plug the board in; a drive called RPI-RP2 or RP2350 appears.') {
    super(message, hint, 'not-found');
  }
}

/** The drive went away before every byte was written (unplugged, or the board reset early). */
export class DriveVanishedError extends FlashError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, 'Plug the board in again in bootloader mode, and install once more. Nothing is lost: the old firmware stays until a copy completes.', 'disconnected', options);
  }
}

/** What was read back from the drive differs from what was written. */
export class VerifyFailedError extends FlashError {
  constructor(message: string) {
    super(message, 'Try another USB cable or port, then install again.', 'internal');
  }
}

/** A firmware download failed: no answer, an HTTP error, or a checksum that does not match. */
export class DownloadError extends FlashError {
  constructor(message: string, hint = 'Check the internet connection and try again, or choose "Use a local file…" with a file you downloaded yourself.', options?: { cause?: unknown }) {
    super(message, hint, 'timeout', options);
  }
}

/** The ESP chip's ROM loader did not answer, or answered wrongly. */
export class BootloaderError extends FlashError {
  constructor(message: string, options?: { cause?: unknown }) {
    super(
      message,
      'Put the board in bootloader mode: hold BOOT (IO0), press and release RESET (EN), then release BOOT. Then install again.',
      'timeout',
      options,
    );
  }
}
