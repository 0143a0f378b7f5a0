/**
 * Which boards fit where firmware is going, and which one to pre-select: the drive
 * says RP2040, RP2350 or micro:bit; a serial port means an ESP board.
 */
import type { BootDriveInfo, FirmwareBoard, FirmwareRelease } from '../../preload/contract-types';

export type InstallTarget = { kind: 'drive'; drive: BootDriveInfo } | { kind: 'serial'; path: string; label: string };

const ESP_FAMILIES = new Set(['esp32', 'esp32s2', 'esp32s3', 'esp32c3', 'esp32c6', 'esp8266']);

export function boardsFor(target: InstallTarget, boards: FirmwareBoard[]): FirmwareBoard[] {
  if (target.kind === 'serial') return boards.filter((b) => ESP_FAMILIES.has(b.family));
  const kind = target.drive.kind;
  if (kind === 'microbit') return boards.filter((b) => b.family === 'microbit');
  if (kind === 'uf2') return boards.filter((b) => b.fileType === 'uf2');
  return boards.filter((b) => b.family === kind);
}

/** The board to pre-select for a target. */
export function preferredBoard(target: InstallTarget, boards: FirmwareBoard[]): FirmwareBoard | undefined {
  const fits = boardsFor(target, boards);
  const byId = (id: string) => fits.find((b) => b.id === id);
  if (target.kind === 'drive') {
    if (target.drive.kind === 'rp2040') return byId('RPI_PICO') ?? fits[0];
    if (target.drive.kind === 'rp2350') return byId('RPI_PICO2') ?? fits[0];
    // DAPLink's board ID: 9900 and 9901 are the micro:bit V1, 9903 and later V2.
    if (target.drive.kind === 'microbit') return byId(/^990[01]/.test(target.drive.boardId) ? 'BBC_MICROBIT' : 'BBC_MICROBIT_V2') ?? fits[0];
  }
  return byId('ESP32_GENERIC') ?? fits[0];
}

export function variantsOf(board: FirmwareBoard): string[] {
  const variants = [...new Set(board.releases.map((r) => r.variant))];
  return variants.sort((a, b) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b)));
}

/** Releases of one variant: stable ones first (newest first), then previews. */
export function releasesOf(board: FirmwareBoard, variant: string): FirmwareRelease[] {
  const mine = board.releases.filter((r) => r.variant === variant);
  return [...mine.filter((r) => !r.preview), ...mine.filter((r) => r.preview)];
}

/** What installing erases, in words, for the confirmation. */
export function whatIsErased(target: InstallTarget, erase: boolean): string {
  if (target.kind === 'serial') {
    return erase
      ? 'The whole flash of the board is erased first: the old firmware and every file saved on the board are lost.'
      : 'The firmware is replaced. Files saved on the board usually stay; tick "Erase" for a clean start.';
  }
  if (target.drive.kind === 'microbit') return 'The micro:bit\'s whole flash is replaced: the program on it and every file saved on it are lost.';
  return 'The firmware on the board is replaced. Files saved on the board stay, as RP2 boards keep them in a separate part of the flash.';
}
