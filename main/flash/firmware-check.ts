/**
 * Decides, before any byte is copied or sent, whether a firmware file fits where it
 * is going: a UF2 file of the drive's family, a whole .hex for a micro:bit, an ESP
 * image for esptool.
 */
import type { BootDrive } from './drive-info';
import { FlashFileError, WrongFamilyError } from './flash-errors';
import { checkIntelHex } from './intel-hex';
import { familyName, summarizeUf2 } from './uf2';

export type FirmwareType = 'uf2' | 'hex' | 'bin';

/** The type a file name says it has, or null. */
export function firmwareTypeOf(fileName: string): FirmwareType | null {
  const match = /\.(uf2|hex|bin)$/i.exec(fileName);
  return match ? ((match[1] as string).toLowerCase() as FirmwareType) : null;
}

/** Checks the file's own structure. */
export function checkFirmwareFile(type: FirmwareType, bytes: Uint8Array): void {
  if (type === 'uf2') summarizeUf2(bytes);
  else if (type === 'hex') checkIntelHex(bytes);
  // Every ESP application image starts with 0xE9; MicroPython's .bin for 0x0/0x1000 is one.
  else if (bytes[0] !== 0xe9) throw new FlashFileError('This .bin file is not an ESP firmware image (it does not start with 0xE9).');
}

/** Checks that a file fits a drive: the right type and, for UF2, a family the drive takes. */
export function checkFirmwareForDrive(drive: BootDrive, fileName: string, bytes: Uint8Array): void {
  const type = firmwareTypeOf(fileName);
  if (type !== drive.fileType) {
    throw new WrongFamilyError(
      `${drive.label} takes .${drive.fileType} files, and ${fileName} is ${type ? `a .${type} file` : 'not a firmware file'}.`,
    );
  }
  checkFirmwareFile(type, bytes);
  if (type !== 'uf2' || drive.families.length === 0) return;
  const { families } = summarizeUf2(bytes);
  const fits = families.some((f) => drive.families.includes(f));
  if (!fits) {
    const named = families.length > 0 ? families.map(familyName).join(', ') : 'no family';
    throw new WrongFamilyError(
      `${fileName} is for ${named}, but the drive ${drive.label} is a${drive.kind === 'rp2040' ? 'n RP2040' : ` ${drive.kind.toUpperCase()}`} (${drive.boardId}). Nothing was copied.`,
    );
  }
}
