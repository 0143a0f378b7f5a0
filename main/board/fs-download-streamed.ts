/**
 * Streamed download for boards with `sys.stdout.buffer` and hashlib: the board writes the
 * file's bytes as they are, in large pieces, with only the few bytes escaped that the link
 * or the raw REPL would change, then the file's sha256. About one byte on the wire per
 * byte of file, where `repr()` lines cost two to four for binary files.
 */
import { createHash } from 'node:crypto';
import type { BoardSession } from './board-session';
import { TransferDamagedError } from './errors';
import { pyStr } from './python-literal';

/** Escape byte of the stream; it is followed by one of the letters below. */
const ESC = 0x1b;
/** `ESC e`: an ESC byte of the file. */
const ESC_ESC = 0x65;
/** `ESC d`: a Ctrl-D (0x04) byte of the file, which would end the raw REPL's stdout. */
const ESC_CTRL_D = 0x64;
/** `ESC r`: a CR byte of the file. Every bare CR in the stream is then one the board added to a LF (boards that cook LF into CRLF). */
const ESC_CR = 0x72;
/** `ESC t`: end of the file's bytes; its sha256 in hex follows. */
const ESC_END = 0x74;
const CR = 0x0d;

/** The board-side sender; `P` is the piece read from flash at a time. */
const senderSource = (path: string, piece: number): string => `import sys,hashlib,binascii
def _mpst_tx(p,P):
 f=open(p,'rb')
 g=hashlib.sha256()
 o=sys.stdout.buffer.write
 try:
  while 1:
   c=f.read(P)
   if not c:
    break
   g.update(c)
   o(c.replace(b'\\x1b',b'\\x1be').replace(b'\\x04',b'\\x1bd').replace(b'\\r',b'\\x1br'))
 finally:
  f.close()
 o(b'\\x1bt'+binascii.hexlify(g.digest()))
_mpst_tx(${pyStr(path)},${piece})
del _mpst_tx`;

/** Undoes the stream's escapes (and a board's LF→CRLF cooking); returns the file and the board's hash. */
export function decodeStream(stream: Uint8Array): { data: Uint8Array; hex: string } | null {
  const out = new Uint8Array(stream.length);
  let length = 0;
  for (let i = 0; i < stream.length; i++) {
    const byte = stream[i] as number;
    if (byte === CR) continue; // Added by the board: the file's own CRs arrive escaped.
    if (byte !== ESC) {
      out[length++] = byte;
      continue;
    }
    const letter = stream[++i];
    if (letter === ESC_ESC) out[length++] = ESC;
    else if (letter === ESC_CTRL_D) out[length++] = 0x04;
    else if (letter === ESC_CR) out[length++] = CR;
    else if (letter === ESC_END) return { data: out.slice(0, length), hex: Buffer.from(stream.subarray(i + 1)).toString('latin1').replace(/\s/g, '') };
    else return null;
  }
  return null;
}

/** Reads `target` from the board, checking its sha256; rejects with TransferDamagedError when it arrived damaged. */
export async function downloadStreamed(
  session: BoardSession,
  target: string,
  options: { piece: number; onProgress?: ((bytesDone: number) => void) | undefined; signal?: AbortSignal | undefined; timeoutMs?: number | undefined },
): Promise<Uint8Array> {
  let received = 0;
  const stream = await session.exec(senderSource(target, options.piece), {
    timeoutMs: options.timeoutMs ?? 120_000,
    signal: options.signal,
    onStdout: (bytes) => {
      received += bytes.length;
      options.onProgress?.(received);
    },
  });
  const decoded = decodeStream(stream);
  if (!decoded || decoded.hex !== createHash('sha256').update(decoded.data).digest('hex')) {
    throw new TransferDamagedError(`${target} arrived damaged from the board.`, target, false);
  }
  return decoded.data;
}
