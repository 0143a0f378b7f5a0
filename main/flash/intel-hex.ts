/**
 * Checks an Intel HEX file (what a micro:bit's drive takes) before it is copied: every
 * record starts with ':', has its length, and its checksum adds up; it ends with an
 * end-of-file record. A universal hex (V1 and V2 in one file) passes the same checks.
 */
import { FlashFileError } from './flash-errors';

/** Record type 01: end of file. */
const RECORD_EOF = 0x01;

export interface HexSummary {
  records: number;
  dataBytes: number;
}

export function checkIntelHex(bytes: Uint8Array): HexSummary {
  const text = new TextDecoder('latin1').decode(bytes);
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  if (lines.length === 0) throw new FlashFileError('This .hex file is empty.');
  let dataBytes = 0;
  let sawEof = false;
  for (const [index, line] of lines.entries()) {
    if (!/^:([0-9A-Fa-f]{2})+$/.test(line) || line.length < 11) {
      throw new FlashFileError(`Line ${index + 1} of the .hex file is not an Intel HEX record.`);
    }
    const values = line.slice(1).match(/../g)?.map((pair) => parseInt(pair, 16)) ?? [];
    const length = values[0] as number;
    if (values.length !== length + 5) throw new FlashFileError(`Line ${index + 1} of the .hex file has the wrong length.`);
    const sum = values.reduce((a, b) => a + b, 0) & 0xff;
    if (sum !== 0) throw new FlashFileError(`Line ${index + 1} of the .hex file fails its checksum: the file is damaged.`);
    if (values[3] === RECORD_EOF) sawEof = true;
    if (values[3] === 0x00) dataBytes += length;
  }
  if (!sawEof) throw new FlashFileError('The .hex file has no end record: it is truncated. Download it again.');
  return { records: lines.length, dataBytes };
}
