/** Install MicroPython: firmware boards and releases, bootloader drives, and flash progress and results. */

export type FirmwareFamily = 'rp2040' | 'rp2350' | 'microbit' | 'esp32' | 'esp32s2' | 'esp32s3' | 'esp32c3' | 'esp32c6' | 'esp8266';

/** One downloadable firmware file of a board on micropython.org. */
export interface FirmwareRelease {
  version: string;
  /** Build date, YYYY-MM-DD. */
  date: string;
  /** '' for the board's standard build, else e.g. `SPIRAM` or `OTA`. */
  variant: string;
  url: string;
  /** A preview (nightly) build rather than a release. */
  preview: boolean;
}

export interface FirmwareBoard {
  id: string;
  family: FirmwareFamily;
  name: string;
  fileType: 'uf2' | 'hex' | 'bin';
  /** Where an ESP image goes in flash; 0 for drive boards. */
  offset: number;
  pageUrl: string;
  /** Newest first; empty until the list was refreshed online. */
  releases: FirmwareRelease[];
}

export interface FirmwareCatalog {
  boards: FirmwareBoard[];
  /** When the releases were last read from micropython.org (ISO date), or null: never. */
  refreshedAt: string | null;
  /** Set when the last refresh failed, in words. */
  refreshError?: string;
}

/** A bootloader drive: an RP2 board in BOOTSEL, or a micro:bit's DAPLink drive. */
export interface BootDriveInfo {
  path: string;
  label: string;
  kind: 'rp2040' | 'rp2350' | 'uf2' | 'microbit';
  boardId: string;
  families: number[];
  fileType: 'uf2' | 'hex';
}

export type FlashStep = 'download' | 'verify' | 'erase' | 'write' | 'reset' | 'connect';

export interface FlashProgress {
  step: FlashStep;
  message: string;
  done?: number;
  total?: number;
}

export interface FlashResult {
  /** The file on the drive, or the serial port. */
  target: string;
  /** How the write was checked: read back from the drive, the board restarted first, or esptool's MD5. */
  verified: 'read-back' | 'board-restarted' | 'md5';
  /** The serial port of the new board, when it came up and was connected. */
  connectedPort?: string;
}
