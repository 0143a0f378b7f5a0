/**
 * Windowed upload for boards with raw-paste (modern firmware, the virtual board): several
 * frames in flight so the link never waits on a round trip, in one board command that
 * receives, checks, and puts the file in place.
 *
 * The stream: each frame is up to `frameSize` file bytes, escaped so that no Ctrl-C byte
 * crosses the link (Ctrl-C stays live, so a stuck transfer can always be interrupted),
 * then `ESC t` and the frame's 14-bit byte sum. The board reads the stream in fixed pieces
 * and answers on stdout with one letter per event (see BOARD_SAYS). The host keeps at most
 * a window of bytes unread by the board. It starts at what the board's raw-paste window
 * says it can hold, grows by a piece for each piece the board takes (doubling per round
 * trip: a link with latency needs more in flight to stay busy) and halves when a frame
 * arrives damaged (a board whose input buffer overflowed). A damaged frame is resent; the whole file's sha256 is checked
 * on the board before the file replaces the old one.
 */
import { createHash } from 'node:crypto';
import type { BoardSession } from './board-session';
import { BoardExecError, BoardTimeoutError, TransferCancelledError, TransferDamagedError } from './errors';
import { pyBytes, pyStr } from './python-literal';
import { wakeableSleep } from './raw-repl';

/** Escape byte of the stream; it is followed by one of the letters below. */
const ESC = 0x1b;
/** `ESC c`: a Ctrl-C (0x03) byte of the file, which must not reach the board as itself. */
const ESC_CTRL_C = 0x63;
/** `ESC e`: an ESC byte of the file. */
const ESC_ESC = 0x65;
/** `ESC t`: end of a frame; two bytes of sum follow, each 0x80 | 7 bits, so never ESC or Ctrl-C. */
const ESC_FRAME_END = 0x74;

/** What the board prints while receiving. */
export const BOARD_SAYS = {
  ready: 'R', // reading (at the start, and after draining a damaged frame's tail)
  consumed: '.', // took one piece of the stream from its input buffer
  frameWritten: '+',
  frameDamaged: '!', // then drains its input until quiet, then says `ready`
  placed: '=', // the whole file checked out and is in place
  digestMismatch: '~', // the whole file did not check out; the temporary file is gone
} as const;

/** How long the board waits for the next piece, and the host for the board's next word (generous for loaded hosts). */
const IDLE_MS = 5000;
/** Silence that ends the board's draining after a damaged frame. */
const DRAIN_QUIET_MS = 150;
/** The most the window grows to: about what a pty or a USB-serial bridge buffers. */
const MAX_WINDOW = 4096;
/**
 * Silence after which the host sends one piece of filler: a byte lost on the way leaves the
 * board waiting for the rest of a piece that never comes. The filler completes it, the
 * frame fails its check, and the board asks for a resend.
 */
const STALL_MS = 3000;
/**
 * How long the board may say nothing before the upload is given up. Generous: littlefs
 * slows down a lot as it fills (a write near a full disk was seen taking over 7 s under
 * QEMU on a loaded host) before it raises the disk-full error we want to report.
 */
const BOARD_SILENT_MS = IDLE_MS + 15_000;
/** Filler pieces sent per transfer before the board is called unresponsive. */
const MAX_FILLERS = 3;
/** Resends allowed per transfer before the link is called too damaged. */
const MAX_DAMAGED_FRAMES = 8;

/**
 * The board-side receiver, defined once per session as `_mpst_rx`. On any failure (disk
 * full, Ctrl-C) it drains what the host still had in flight before it raises: those bytes
 * must not reach the raw REPL as the next command.
 */
const RECEIVER_DEFINITION = `def _mpst_rx(t,d,n,x,P,C):
 import os,sys,select,hashlib
 try:
  if os.stat(d)[0]&16384:
   raise OSError(21)
 except OSError as e:
  if e.errno!=2:
   raise
 p=select.poll()
 p.register(sys.stdin,1)
 i=sys.stdin.buffer
 o=sys.stdout.write
 f=open(t,'wb')
 g=hashlib.sha256()
 w=0
 b=b''
 try:
  o('R')
  while w<n:
   k=b.find(b'\\x1bt')
   if k<0 or len(b)<k+4:
    if not p.poll(${IDLE_MS}):
     raise OSError(110)
    b+=i.read(P)
    o('.')
    continue
   z=b[:k].replace(b'\\x1bc',b'\\x03').replace(b'\\x1be',b'\\x1b')
   s=b[k+2]&127|(b[k+3]&127)<<7
   b=b[k+4:]
   if len(z)==min(C,n-w) and sum(z)&16383==s:
    f.write(z)
    g.update(z)
    w+=len(z)
    o('+')
   else:
    o('!')
    while p.poll(${DRAIN_QUIET_MS}):
     i.read(1)
    b=b''
    o('R')
  f.close()
 except BaseException:
  f.close()
  os.remove(t)
  while p.poll(${DRAIN_QUIET_MS}):
   i.read(1)
  raise
 if g.digest()!=x:
  os.remove(t)
  o('~')
  return
 if t!=d:
  try:
   os.rename(t,d)
  except OSError:
   os.remove(d)
   os.rename(t,d)
 o('=')
`;

/** Sessions where `_mpst_rx` has been defined (a reset forgets it: then NameError, and it is defined again). */
const defined = new WeakSet<BoardSession>();

export interface WindowedUploadOptions {
  /** Bytes the board may have unread at once, to start with: what its raw-paste window says it holds. */
  window: number;
  /** File bytes per frame. */
  frameSize: number;
  onProgress?: ((bytesDone: number) => void) | undefined;
  signal?: AbortSignal | undefined;
}

/** One frame: escaped bytes, `ESC t`, and the 14-bit sum. */
export function encodeFrame(piece: Uint8Array): Uint8Array {
  const out: number[] = [];
  let sum = 0;
  for (const byte of piece) {
    sum += byte;
    if (byte === 0x03) out.push(ESC, ESC_CTRL_C);
    else if (byte === ESC) out.push(ESC, ESC_ESC);
    else out.push(byte);
  }
  out.push(ESC, ESC_FRAME_END, 0x80 | (sum & 0x7f), 0x80 | ((sum >> 7) & 0x7f));
  return Uint8Array.from(out);
}

/**
 * Writes `data` to `temp` on the board, checks it and moves it to `target` (which may be
 * `temp` itself for a new file), all in one command. Rejects with a typed error, leaving
 * any old `target` as it was.
 */
export async function uploadWindowed(session: BoardSession, temp: string, target: string, data: Uint8Array, options: WindowedUploadOptions): Promise<void> {
  const piece = Math.max(16, Math.floor(options.window / 2));
  const frames: Uint8Array[] = [];
  for (let offset = 0; offset < data.length || frames.length === 0; offset += options.frameSize) frames.push(encodeFrame(data.subarray(offset, offset + options.frameSize)));
  if (data.length === 0) frames.length = 0;
  const digest = createHash('sha256').update(data).digest();
  const call = `_mpst_rx(${pyStr(temp)},${pyStr(target)},${data.length},${pyBytes(digest)},${piece},${options.frameSize})`;
  // The first upload of a connection defines the receiver in the command that calls it:
  // one round trip fewer for a CLI's single `cp`.
  const defineAndCall = `${RECEIVER_DEFINITION}\n${call}`;
  const firstUse = !defined.has(session);
  defined.add(session);
  try {
    await feed(session, firstUse ? defineAndCall : call, target, frames, piece, data.length, options);
  } catch (err) {
    if (!(err instanceof BoardExecError && err.exceptionType === 'NameError' && err.message.includes('_mpst_rx'))) throw err;
    // The board was reset since: define it again.
    await feed(session, defineAndCall, target, frames, piece, data.length, options);
  }
}

/** The stream from frame `first` on, padded to whole pieces (the board reads whole pieces only). */
function streamFrom(frames: Uint8Array[], first: number, piece: number): Uint8Array {
  const rest = frames.slice(first);
  const length = rest.reduce((total, frame) => total + frame.length, 0);
  const stream = new Uint8Array(Math.ceil(length / piece) * piece);
  let at = 0;
  for (const frame of rest) {
    stream.set(frame, at);
    at += frame.length;
  }
  return stream;
}

/** Runs the receiver call and feeds it the stream, windowed. */
async function feed(session: BoardSession, call: string, target: string, frames: Uint8Array[], piece: number, size: number, options: WindowedUploadOptions): Promise<void> {
  const said: string[] = [];
  let wake: (() => void) | null = null;
  let failed: unknown = null;
  let finished = false;
  const done = session
    .exec(call, {
      timeoutMs: 30_000 + size * 2,
      selfChecking: true,
      onStdout: (bytes) => {
        for (const byte of bytes) said.push(String.fromCharCode(byte));
        wake?.();
      },
    })
    .then(
      () => void (finished = true),
      (err: unknown) => void (failed = err),
    )
    .finally(() => wake?.());

  let heard = 0; // how much of `said` has been acted on
  let stream: Uint8Array | null = null; // null until the board says ready
  let sent = 0;
  let consumed = 0;
  let written = 0;
  let damaged = 0;
  let outcome: 'placed' | 'mismatch' | null = null;
  let lastWord = Date.now();
  let window = options.window;
  let fillers = 0;
  try {
    while (outcome === null) {
      if (options.signal?.aborted) throw new TransferCancelledError();
      for (; heard < said.length; heard++) {
        lastWord = Date.now();
        const word = said[heard];
        if (word === BOARD_SAYS.ready) {
          stream = streamFrom(frames, written, piece);
          sent = 0;
          consumed = 0;
        } else if (word === BOARD_SAYS.consumed) {
          consumed += piece;
          window = Math.min(MAX_WINDOW, window + piece); // Grows while all is well: doubles per round trip.
        } else if (word === BOARD_SAYS.frameWritten) {
          written++;
          options.onProgress?.(Math.min(size, written * options.frameSize));
        } else if (word === BOARD_SAYS.frameDamaged) {
          stream = null; // Stop sending until the board has drained and is ready again.
          window = Math.max(2 * piece, Math.floor(window / 2 / piece) * piece);
          if (++damaged > MAX_DAMAGED_FRAMES) throw new TransferDamagedError(`The link kept damaging the upload of ${target}; the old file is unchanged.`, target, true);
        } else if (word === BOARD_SAYS.placed) outcome = 'placed';
        else if (word === BOARD_SAYS.digestMismatch) outcome = 'mismatch';
      }
      if (outcome !== null) break;
      if (failed) throw failed;
      if (finished) throw new TransferDamagedError(`The board ended the upload of ${target} without a verdict.`, target, false);
      if (stream && sent < stream.length && sent - consumed < window) {
        const end = Math.min(stream.length, consumed + window, sent + piece);
        const bytes = stream.subarray(sent, end);
        sent = end;
        await session.transport.write(bytes);
        continue;
      }
      if (stream && Date.now() - lastWord > STALL_MS * (fillers + 1) && fillers < MAX_FILLERS) {
        fillers++;
        await session.transport.write(new Uint8Array(piece)); // Zeros: never ESC, never Ctrl-C.
        continue;
      }
      if (Date.now() - lastWord > BOARD_SILENT_MS) throw new BoardTimeoutError('The board stopped reading the upload.');
      const nap = wakeableSleep(100);
      wake = nap.wake;
      await nap.slept;
      wake = null;
    }
  } catch (err) {
    // Ctrl-C is never part of the stream, so it reaches the receiver: it removes its temporary file and stops.
    if (session.isOpen && !finished && !failed) await session.interrupt().catch(() => undefined);
    await done;
    throw err;
  }
  await done;
  if (failed) throw failed;
  if (outcome === 'mismatch') throw new TransferDamagedError(`The upload of ${target} arrived damaged; the old file is unchanged.`, target, false);
}
