/** UF2 files built here from known payloads, and Intel HEX records: what is accepted and what is refused. */
import { describe, expect, it } from 'vitest';
import { FlashFileError } from '../../main/flash/flash-errors';
import { checkIntelHex } from '../../main/flash/intel-hex';
import { buildUf2, readUf2Block, summarizeUf2, UF2_BLOCK_SIZE, UF2_FAMILIES } from '../../main/flash/uf2';
import { knownPayload } from './fake-drive';

describe('UF2', () => {
  it('reads back what was built: addresses, numbering, family and payload', () => {
    const payload = knownPayload(1000);
    const uf2 = buildUf2(payload, { familyId: UF2_FAMILIES.rp2040, baseAddr: 0x10000000 });
    expect(uf2.length).toBe(4 * UF2_BLOCK_SIZE);
    const block = readUf2Block(uf2, 2);
    expect(block).toMatchObject({ targetAddr: 0x10000200, payloadSize: 256, blockNo: 2, numBlocks: 4, familyId: 0xe48bff56 });
    expect(Buffer.from(uf2.subarray(2 * 512 + 32, 2 * 512 + 32 + 256)).equals(Buffer.from(payload.subarray(512, 768)))).toBe(true);
    expect(summarizeUf2(uf2)).toEqual({ blockCount: 4, families: [UF2_FAMILIES.rp2040], payloadBytes: 1024 });
  });

  it('refuses a file cut inside a block, and one missing whole blocks', () => {
    const uf2 = buildUf2(knownPayload(2000), { familyId: UF2_FAMILIES.rp2040, baseAddr: 0x10000000 });
    expect(() => summarizeUf2(uf2.subarray(0, 1000))).toThrow(/not a whole number of 512-byte blocks/);
    expect(() => summarizeUf2(uf2.subarray(0, 1024))).toThrow(/holds 2 of its 8 blocks: it is truncated/);
  });

  it('refuses damaged magic numbers', () => {
    const uf2 = buildUf2(knownPayload(300), { familyId: UF2_FAMILIES.rp2350ArmSecure, baseAddr: 0x10000000 });
    uf2[512 + 511] = (uf2[512 + 511] as number) ^ 0xff;
    expect(() => summarizeUf2(uf2)).toThrow(FlashFileError);
    expect(() => summarizeUf2(uf2)).toThrow(/Block 1 .* damaged/);
  });
});

describe('Intel HEX', () => {
  const good = ':020000040000FA\n:10000000000102030405060708090A0B0C0D0E0F78\n:00000001FF\n';
  it('accepts whole records that add up', () => {
    expect(checkIntelHex(new TextEncoder().encode(good))).toEqual({ records: 3, dataBytes: 16 });
  });
  it('refuses a bad checksum and a missing end record', () => {
    expect(() => checkIntelHex(new TextEncoder().encode(good.replace('0F78', '0F79')))).toThrow(/fails its checksum/);
    expect(() => checkIntelHex(new TextEncoder().encode(good.split('\n').slice(0, 2).join('\n')))).toThrow(/no end record/);
  });
});
