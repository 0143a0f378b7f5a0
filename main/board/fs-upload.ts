/**
 * Moves a file's bytes onto the board as densely as the firmware allows:
 * - a receiver program that reads raw bytes (micro:bit `uart`, or `sys.stdin.buffer`)
 *   with Ctrl-C disabled and one ack per chunk, so the host never overruns the board's
 *   tiny input buffer: about one byte on the wire per byte of file;
 * - otherwise `f.write(...)` commands with a minimal-escape bytes literal or base64,
 *   whichever is shorter for each piece.
 */
import type { BoardSession } from './board-session';
import type { BoardFsFeatures } from './fs-capabilities';
import { BoardFsError, BoardTimeoutError, TransferCancelledError } from './errors';
import { pyBytes, pyBytesLength, pyStr } from './python-literal';
import { wakeableSleep } from './raw-repl';

import type { RawPasteSupport } from './raw-paste';

/**
 * `windowed`: frames in flight, checked and put in place by one board command (fs-upload-windowed.ts);
 * `raw-receiver`: one acknowledged chunk at a time (the micro:bit's safe pace);
 * `exec-literal`: the file's bytes as Python literals, for firmware with neither.
 */
export type UploadStrategy = 'windowed' | 'raw-receiver' | 'exec-literal';

export interface UploadOptions {
  onProgress?: (bytesDone: number) => void;
  signal?: AbortSignal | undefined;
  /** Force a strategy (benchmarks and tests); by default the densest available. */
  strategy?: UploadStrategy;
}

/** The ack byte the receiver prints after each chunk: printable, so never mistaken for Ctrl-D. */
const ACK = 0x2e; // '.'
/** How long the receiver waits for the next byte before giving up (it cannot be interrupted); generous, for loaded hosts. */
const RECEIVER_IDLE_MS = 3000;

export function chooseUploadStrategy(features: BoardFsFeatures, paste: RawPasteSupport | { kind: 'undetected' }): UploadStrategy {
  if (features.kbdIntr && features.microbitUart) return 'raw-receiver';
  // Raw-paste tells how much input the board holds: the window for frames in flight.
  if (paste.kind === 'supported' && features.stdinBuffer && features.poll && features.hashlib) return 'windowed';
  // Modern boards, and the virtual board (which serves stdin to its interpreter itself).
  if (features.kbdIntr && features.stdinBuffer && features.poll) return 'raw-receiver';
  return 'exec-literal';
}

/** Writes `data` to the board file `target` (a firmware-side path), replacing it. */
/**
 * What the board saw, for verification: the receiver reports the sum of the bytes it
 * wrote (computed in C as they came, so it costs nothing); the literal path checks each
 * piece's sum before writing it. Either way a dropped or damaged byte is caught.
 */
export interface UploadReceipt {
  byteSumChecked: boolean;
}

export async function uploadBytes(session: BoardSession, features: BoardFsFeatures, target: string, data: Uint8Array, options: UploadOptions): Promise<UploadReceipt> {
  const strategy = options.strategy ?? chooseUploadStrategy(features, session.rawPaste);
  if (strategy === 'windowed') throw new Error('The windowed upload places the file itself: DeviceFs calls it directly.');
  if (strategy === 'raw-receiver') {
    const boardSum = await uploadWithReceiver(session, features, target, data, options);
    let sum = 0;
    for (const b of data) sum += b;
    if (boardSum !== sum) throw new BoardFsError('internal', `Upload of ${target} arrived damaged; the old file is unchanged.`, target);
  } else await uploadWithLiterals(session, features, target, data, options);
  return { byteSumChecked: true };
}

/**
 * The receiver: the micro:bit reads its UART; other boards poll `sys.stdin.buffer`. Its
 * state lives in a function's locals, deleted at the end: names left in the board's
 * globals (the reader, the file, counters) stayed alive between commands and fragmented
 * a micro:bit's 10 KB heap until larger commands no longer compiled.
 */
function receiverSource(features: BoardFsFeatures, target: string, size: number, chunk: number): string {
  const microbit = features.microbitUart;
  const setup = microbit
    ? ` import microbit\n u=microbit.uart\n ms=microbit.running_time\n r=lambda k:u.any() and u.read(k)\n w=u.write`
    : ` import sys,select,time\n p=select.poll()\n p.register(sys.stdin,select.POLLIN)\n ms=time.ticks_ms\n r=lambda k:p.poll(0) and sys.stdin.buffer.read(k)\n w=sys.stdout.write`;
  return `import micropython
def _x(f,n):
${setup}
 z=g=0
 t=ms()
 w('.')
 while n:
  c=r(min(n,${chunk}-g))
  if c:
   f.write(c)
   z+=sum(c)
   n-=len(c)
   g+=len(c)
   t=ms()
   if g==${chunk} and n:
    g=0
    w('.')
  elif ms()-t>${RECEIVER_IDLE_MS}:
   raise OSError(110)
 return z
_f=open(${pyStr(target)},'wb')
micropython.kbd_intr(-1)
try:
 print(_x(_f,${size}))
finally:
 micropython.kbd_intr(3)
 _f.close()
 del _x,_f
`;
}

/** Runs the receiver and feeds it; resolves with the byte sum the board reports. */
async function uploadWithReceiver(session: BoardSession, features: BoardFsFeatures, target: string, data: Uint8Array, options: UploadOptions): Promise<number> {
  let report = '';
  // The micro:bit's UART ring buffer overflows past ~32 bytes; USB boards take more.
  const chunk = features.microbitUart ? 32 : 256;
  let acks = 0;
  let wake: (() => void) | null = null;
  let failed: unknown = null;
  const done = session
    .exec(receiverSource(features, target, data.length, chunk), {
      timeoutMs: 30_000 + data.length * 2,
      onStdout: (bytes) => {
        for (const b of bytes) {
          if (b === ACK) acks++;
          else report += String.fromCharCode(b);
        }
        wake?.();
      },
    })
    .catch((err: unknown) => {
      failed = err;
      wake?.();
    });
  const waitForAck = async (count: number): Promise<void> => {
    const deadline = Date.now() + RECEIVER_IDLE_MS * 3 + 2000;
    while (acks < count) {
      if (failed) throw failed;
      if (options.signal?.aborted) throw new TransferCancelledError();
      if (Date.now() > deadline) throw new BoardTimeoutError('The board stopped acknowledging upload chunks.');
      const nap = wakeableSleep(100);
      wake = nap.wake;
      await nap.slept;
      wake = null;
    }
  };
  try {
    for (let offset = 0, index = 1; offset < data.length; offset += chunk, index++) {
      await waitForAck(index);
      await session.transport.write(data.subarray(offset, offset + chunk));
      options.onProgress?.(Math.min(offset + chunk, data.length));
    }
    if (data.length === 0) await waitForAck(1);
  } catch (err) {
    // The receiver gives up by itself after RECEIVER_IDLE_MS without data; wait for it.
    await done;
    throw err;
  }
  await done;
  if (failed) throw failed;
  return Number(report.trim());
}

/** Source budget per command: small-heap boards compile little at a time. */
function commandBudget(features: BoardFsFeatures): number {
  // Small heaps (the micro:bit has ~7 KB free) hold each piece as source and as bytes at once.
  return (features.freeMemory ?? 0) > 64 * 1024 ? 16 * 1024 : 900;
}

/** The shortest `_w(...)` argument for a piece: bytes literal, or base64 when the board has binascii. */
function encodePiece(piece: Uint8Array, binascii: boolean): string {
  const literalLength = pyBytesLength(piece);
  const base64Length = 4 * Math.ceil(piece.length / 3) + 10;
  if (binascii && base64Length < literalLength) return `_a(${pyStr(Buffer.from(piece).toString('base64'))})`;
  return pyBytes(piece);
}

/** How often one piece is resent when it arrives damaged (boards without flow control drop bytes). */
const PIECE_ATTEMPTS = 4;

/**
 * Writes one piece only if it arrived whole: the board checks length and byte sum (both
 * computed in C) before writing, and says whether it did.
 */
async function writePieceChecked(session: BoardSession, encoded: string, piece: Uint8Array): Promise<void> {
  let sum = 0;
  for (const b of piece) sum += b;
  for (let attempt = 1; ; attempt++) {
    const out = await session.execText(`_b=${encoded}\nif len(_b)==${piece.length} and sum(_b)==${sum}:\n _w(_b)\n print(1)\nelse:\n print(0)\ndel _b`, { timeoutMs: 15_000, selfChecking: true });
    if (out.trim() === '1') return;
    if (attempt >= PIECE_ATTEMPTS) throw new BoardTimeoutError('The board kept receiving damaged data; check the connection.');
  }
}

async function uploadWithLiterals(session: BoardSession, features: BoardFsFeatures, target: string, data: Uint8Array, options: UploadOptions): Promise<void> {
  const budget = commandBudget(features);
  const header = features.binascii ? 'try:\n from binascii import a2b_base64 as _a\nexcept ImportError:\n from ubinascii import a2b_base64 as _a\n' : '';
  await session.exec(`${header}_f=open(${pyStr(target)},'wb')\n_w=_f.write`);
  try {
    let offset = 0;
    while (offset < data.length) {
      if (options.signal?.aborted) throw new TransferCancelledError();
      // Grow the piece while its encoding fits the budget.
      let size = Math.min(budget, data.length - offset);
      let encoded = encodePiece(data.subarray(offset, offset + size), features.binascii);
      while (encoded.length > budget && size > 16) {
        size = Math.floor(size * 0.7);
        encoded = encodePiece(data.subarray(offset, offset + size), features.binascii);
      }
      await writePieceChecked(session, encoded, data.subarray(offset, offset + size));
      offset += size;
      options.onProgress?.(offset);
    }
  } finally {
    if (session.isOpen) await session.exec('_f.close()\ndel _f,_w').catch(() => undefined);
  }
}
