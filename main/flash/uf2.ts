/**
 * UF2 files (https://github.com/microsoft/uf2): 512-byte blocks, each carrying up to
 * 476 bytes for one flash address. Reads and checks a whole file before anything is
 * copied, so a truncated file or one for another chip is refused up front.
 */
import { FlashFileError } from './flash-errors';

export const UF2_BLOCK_SIZE = 512;
/** First and second magic at the start of every block ("UF2\n" and a random number). */
const MAGIC_START0 = 0x0a324655;
const MAGIC_START1 = 0x9e5d5157;
/** Last word of every block. */
const MAGIC_END = 0x0ab16f30;
/** Flags bit: the word at offset 28 is a family ID (not a file size). */
export const FLAG_FAMILY_ID_PRESENT = 0x00002000;
/** Flags bit: the block is not for the main flash (comments, extra data); the loader skips it. */
const FLAG_NOT_MAIN_FLASH = 0x00000001;

/** The family IDs this app knows by name. */
export const UF2_FAMILIES = {
  rp2040: 0xe48bff56,
  /** Blocks written at an absolute address, for any RP2350 partition layout. */
  rp2350Absolute: 0xe48bff57,
  /** Data (not code) for RP2350. */
  rp2350Data: 0xe48bff58,
  rp2350ArmSecure: 0xe48bff59,
  rp2350RiscV: 0xe48bff5a,
} as const;

export interface Uf2Block {
  flags: number;
  targetAddr: number;
  payloadSize: number;
  blockNo: number;
  numBlocks: number;
  /** The family ID, or null when the flags say the word holds something else. */
  familyId: number | null;
}

export interface Uf2Summary {
  blockCount: number;
  /** Every family ID named by a main-flash block. */
  families: number[];
  /** Bytes that reach the flash. */
  payloadBytes: number;
}

export function readUf2Block(bytes: Uint8Array, index: number): Uf2Block {
  const view = new DataView(bytes.buffer, bytes.byteOffset + index * UF2_BLOCK_SIZE, UF2_BLOCK_SIZE);
  const word = (offset: number) => view.getUint32(offset, true);
  if (word(0) !== MAGIC_START0 || word(4) !== MAGIC_START1 || word(UF2_BLOCK_SIZE - 4) !== MAGIC_END) {
    throw new FlashFileError(`Block ${index} of the UF2 file is damaged (its magic numbers are wrong).`);
  }
  const flags = word(8);
  return {
    flags,
    targetAddr: word(12),
    payloadSize: word(16),
    blockNo: word(20),
    numBlocks: word(24),
    familyId: flags & FLAG_FAMILY_ID_PRESENT ? word(28) : null,
  };
}

/** Checks every block of a UF2 file and sums it up; throws FlashFileError when it is not whole. */
export function summarizeUf2(bytes: Uint8Array): Uf2Summary {
  if (bytes.length === 0 || bytes.length % UF2_BLOCK_SIZE !== 0) {
    throw new FlashFileError(
      `This UF2 file is ${bytes.length} bytes, not a whole number of 512-byte blocks: it is truncated or not a UF2 file.`,
    );
  }
  const blockCount = bytes.length / UF2_BLOCK_SIZE;
  const families = new Set<number>();
  // Blocks count per family: a file may hold several images, each numbered 0..numBlocks-1.
  const seen = new Map<number, { expected: number; count: number }>();
  let payloadBytes = 0;
  for (let i = 0; i < blockCount; i++) {
    const block = readUf2Block(bytes, i);
    if (block.flags & FLAG_NOT_MAIN_FLASH) continue;
    if (block.payloadSize > 476) throw new FlashFileError(`Block ${i} of the UF2 file claims ${block.payloadSize} bytes of payload (at most 476).`);
    const key = block.familyId ?? -1;
    if (block.familyId !== null) families.add(block.familyId);
    const entry = seen.get(key) ?? { expected: block.numBlocks, count: 0 };
    entry.count++;
    seen.set(key, entry);
    payloadBytes += block.payloadSize;
  }
  for (const { expected, count } of seen.values()) {
    if (count < expected) {
      throw new FlashFileError(`The UF2 file holds ${count} of its ${expected} blocks: it is truncated. Download it again.`);
    }
  }
  return { blockCount, families: [...families], payloadBytes };
}

/** Builds a UF2 file from a payload (tests, and anyone who needs a known-good file). */
export function buildUf2(payload: Uint8Array, options: { familyId: number; baseAddr: number; blockPayload?: number }): Uint8Array {
  const per = options.blockPayload ?? 256;
  const numBlocks = Math.max(1, Math.ceil(payload.length / per));
  const out = new Uint8Array(numBlocks * UF2_BLOCK_SIZE);
  const view = new DataView(out.buffer);
  for (let i = 0; i < numBlocks; i++) {
    const at = i * UF2_BLOCK_SIZE;
    const chunk = payload.subarray(i * per, (i + 1) * per);
    view.setUint32(at, MAGIC_START0, true);
    view.setUint32(at + 4, MAGIC_START1, true);
    view.setUint32(at + 8, FLAG_FAMILY_ID_PRESENT, true);
    view.setUint32(at + 12, options.baseAddr + i * per, true);
    view.setUint32(at + 16, per, true);
    view.setUint32(at + 20, i, true);
    view.setUint32(at + 24, numBlocks, true);
    view.setUint32(at + 28, options.familyId, true);
    out.set(chunk, at + 32);
    view.setUint32(at + UF2_BLOCK_SIZE - 4, MAGIC_END, true);
  }
  return out;
}

export function familyName(id: number): string {
  for (const [name, value] of Object.entries(UF2_FAMILIES)) if (value === id) return name;
  return `0x${id.toString(16).padStart(8, '0')}`;
}
