/**
 * Reads files back from the board, and fingerprints them where they are: the board's
 * `repr()` of bytes streams the content (about one byte per byte for text), and a
 * content hash is computed on the board (sha256, or Adler-32 on firmware without hashlib)
 * so verifying an upload needs no second transfer.
 */
import { createHash } from 'node:crypto';
import type { BoardSession } from './board-session';
import type { BoardFsFeatures } from './fs-capabilities';
import { BoardExecError, TransferCancelledError } from './errors';
import { parseBytesRepr, pyStr } from './python-literal';

/** Bytes per `read()` on the board: small enough for a 16 KB heap. */
const READ_CHUNK = 256;

export async function downloadBytes(
  session: BoardSession,
  target: string,
  options: { onProgress?: (bytesDone: number) => void; signal?: AbortSignal | undefined; timeoutMs?: number },
): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let done = 0;
  let pending = '';
  const decoder = new TextDecoder('latin1');
  const take = (line: string): void => {
    const bytes = parseBytesRepr(line.trim());
    if (!bytes) throw new BoardExecError(`Unreadable data from the board: ${line.slice(0, 80)}`);
    parts.push(bytes);
    done += bytes.length;
    options.onProgress?.(done);
  };
  try {
    await session.exec(
      // Leaves no name behind: what stays in the board's globals fragments a small heap.
      `_f=open(${pyStr(target)},'rb')\n_c=1\ntry:\n while _c:\n  _c=_f.read(${READ_CHUNK})\n  if _c:\n   print(repr(_c))\nfinally:\n _f.close()\n del _f,_c`,
      {
        timeoutMs: options.timeoutMs ?? 120_000,
        signal: options.signal,
        onStdout: (bytes) => {
          pending += decoder.decode(bytes, { stream: true });
          let cut: number;
          while ((cut = pending.indexOf('\n')) >= 0) {
            take(pending.slice(0, cut));
            pending = pending.slice(cut + 1);
          }
        },
      },
    );
  } catch (err) {
    if (options.signal?.aborted) throw new TransferCancelledError('Download cancelled.', err);
    throw err;
  }
  if (pending.trim()) take(pending);
  return Buffer.concat(parts);
}

export type ContentHash = { algorithm: 'sha256' | 'adler32'; hex: string };

/** Hashes the board file where it is: sha256 with hashlib, else Adler-32 in Python. */
export async function hashOnBoard(session: BoardSession, features: BoardFsFeatures, target: string): Promise<ContentHash> {
  const open = `_f=open(${pyStr(target)},'rb')`;
  if (features.hashlib) {
    const out = await session.execText(
      `try:\n import hashlib as _hl\nexcept ImportError:\n import uhashlib as _hl\n_h=_hl.sha256()\n${open}\nwhile 1:\n _c=_f.read(${READ_CHUNK})\n if not _c:\n  break\n _h.update(_c)\n_f.close()\nprint(''.join('%02x'%_b for _b in _h.digest()))\ndel _h,_f,_hl,_c`,
      { timeoutMs: 60_000 },
    );
    return { algorithm: 'sha256', hex: out.trim() };
  }
  const out = await session.execText(
    `_a=1\n_b=0\n${open}\nwhile 1:\n _c=_f.read(${READ_CHUNK})\n if not _c:\n  break\n for _x in _c:\n  _a=(_a+_x)%65521\n  _b=(_b+_a)%65521\n_f.close()\nprint(_a,_b)\ndel _a,_b,_f,_c`,
    { timeoutMs: 120_000 },
  );
  const [a = 0, b = 0] = out.trim().split(/\s+/).map(Number);
  return { algorithm: 'adler32', hex: adlerHex(a, b) };
}

/** The same fingerprint computed on the host. */
export function hashOnHost(data: Uint8Array, algorithm: ContentHash['algorithm']): string {
  if (algorithm === 'sha256') return createHash('sha256').update(data).digest('hex');
  let a = 1;
  let b = 0;
  for (const x of data) {
    a = (a + x) % 65521;
    b = (b + a) % 65521;
  }
  return adlerHex(a, b);
}

const adlerHex = (a: number, b: number): string => (((b << 16) | a) >>> 0).toString(16).padStart(8, '0');

export const sha256Hex = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');
