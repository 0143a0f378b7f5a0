/**
 * What a bootloader drive says about itself: an RP2 board's BOOTSEL drive has an
 * INFO_UF2.TXT (`Board-ID: RPI-RP2` or `RP2350`), a micro:bit's DAPLink drive has a
 * DETAILS.TXT. From that we know which files it takes.
 */
import { UF2_FAMILIES } from './uf2';

export type DriveKind = 'rp2040' | 'rp2350' | 'uf2' | 'microbit';

export interface BootDrive {
  /** Where the drive is mounted. */
  path: string;
  /** The volume label, or the folder name when the label is not known. */
  label: string;
  kind: DriveKind;
  /** `Board-ID` (UF2) or the interface's name (DAPLink), for the UI. */
  boardId: string;
  /** The UF2 families this drive takes (empty for micro:bit, which takes .hex). */
  families: number[];
  /** The file type it takes. */
  fileType: 'uf2' | 'hex';
}

/** Parses `Key: value` lines (INFO_UF2.TXT and DETAILS.TXT share the shape). */
export function parseInfoLines(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*([^:]+?)\s*:\s*(.*?)\s*$/.exec(line);
    if (match) fields.set((match[1] as string).toLowerCase(), match[2] as string);
  }
  return fields;
}

const RP2350_FAMILIES = [UF2_FAMILIES.rp2350ArmSecure, UF2_FAMILIES.rp2350RiscV, UF2_FAMILIES.rp2350Absolute, UF2_FAMILIES.rp2350Data];

/** Describes a drive from its INFO_UF2.TXT. */
export function driveFromInfoUf2(path: string, label: string, text: string): BootDrive {
  const fields = parseInfoLines(text);
  const boardId = fields.get('board-id') ?? 'unknown';
  const model = `${boardId} ${fields.get('model') ?? ''} ${label}`.toUpperCase();
  // RP2350's bootrom also takes the absolute family (0xe48bff57) that RP2040 files may carry.
  if (model.includes('RP2350')) return { path, label, kind: 'rp2350', boardId, families: RP2350_FAMILIES, fileType: 'uf2' };
  if (model.includes('RPI-RP2') || model.includes('RP2040')) {
    return { path, label, kind: 'rp2040', boardId, families: [UF2_FAMILIES.rp2040], fileType: 'uf2' };
  }
  return { path, label, kind: 'uf2', boardId, families: [], fileType: 'uf2' };
}

/** Describes a micro:bit drive from its DETAILS.TXT. */
export function driveFromDetails(path: string, label: string, text: string): BootDrive {
  const fields = parseInfoLines(text);
  const boardId = fields.get('unique id')?.slice(0, 4) ?? fields.get('interface version') ?? 'DAPLink';
  return { path, label, kind: 'microbit', boardId, families: [], fileType: 'hex' };
}
