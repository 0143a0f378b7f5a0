/**
 * Typed errors for everything that can go wrong talking to a board, each carrying its
 * cause, and the one mapping from them to the `WireError` the UI shows.
 */
import type { ErrorCode, WireError } from '../../preload/contract-types';

/** The base of every board error: a code for the wire and a sentence a user can act on. */
export class BoardError extends Error {
  readonly code: ErrorCode;
  readonly hint?: string;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; hint?: string }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    if (options?.hint !== undefined) this.hint = options.hint;
  }
  /** What crosses the wire (the services' describeError calls this). */
  toWire(): WireError {
    return toWireError(this);
  }
}

/** The board did not answer in time: busy running something, or not a MicroPython board. */
export class BoardTimeoutError extends BoardError {
  constructor(message = 'The board did not answer in time: it may be busy or not running MicroPython.', cause?: unknown) {
    super('timeout', message, { cause, hint: 'Press Stop (Ctrl-C) or reset the board, then try again.' });
  }
}

/** The board did not answer the raw-paste request in time: the command never started. */
export class RawPasteNoAnswerError extends BoardTimeoutError {
  constructor(cause?: unknown) {
    super('No answer to the raw-paste request.', cause);
  }
}

/** The link went away: unplugged, reset, or the other end closed. */
export class BoardDisconnectedError extends BoardError {
  constructor(message = 'The board was disconnected.', cause?: unknown) {
    super('disconnected', message, { cause, hint: 'Check the cable, then connect again.' });
  }
}

/** Nothing is connected. */
export class NotConnectedError extends BoardError {
  constructor(message = 'No board is connected.') {
    super('not-connected', message);
  }
}

/** Another operation holds the board. */
export class BoardBusyError extends BoardError {
  constructor(message = 'The board is busy running a program.') {
    super('busy', message, { hint: 'Stop the program first.' });
  }
}

/** Maps MicroPython's errno numbers to names (the board prints only the number on small ports). */
const ERRNO_NAMES: Record<number, string> = { 1: 'EPERM', 2: 'ENOENT', 5: 'EIO', 13: 'EACCES', 17: 'EEXIST', 20: 'ENOTDIR', 21: 'EISDIR', 22: 'EINVAL', 28: 'ENOSPC', 39: 'ENOTEMPTY', 110: 'ETIMEDOUT' };

/**
 * The board's answer did not line up with the command: stray answers from an earlier
 * exchange, or a prompt that a program's own output imitated. The session resynchronises
 * before the next command; `ran` says whether this command may have run.
 */
export class BoardOutOfStepError extends BoardError {
  readonly ran: 'no' | 'maybe';
  constructor(message: string, ran: 'no' | 'maybe', cause?: unknown) {
    super('out-of-step', message, { cause, hint: ran === 'no' ? 'Nothing ran on the board. Try again.' : 'The command may have run. Check the board, then try again.' });
    this.ran = ran;
  }
}

/** The board sent more than could be buffered while nobody read it, so bytes were lost. */
export class BoardFloodingError extends BoardError {
  readonly droppedBytes: number;
  constructor(droppedBytes: number, cause?: unknown) {
    super('flooding', `The board sent output faster than it was read: ${droppedBytes} bytes were dropped, so this command's answer is incomplete.`, {
      cause,
      hint: 'Stop the program that prints in a tight loop (Ctrl-C), then try again.',
    });
    this.droppedBytes = droppedBytes;
  }
}

/** A Python exception on the board, with its traceback. */
export class BoardExecError extends BoardError {
  /** e.g. `OSError`, `NameError`. */
  readonly exceptionType: string;
  /** The board's errno for OSError, when it gave one. */
  readonly errno?: number;
  readonly traceback: string;
  constructor(traceback: string, cause?: unknown, explained?: { message: string; hint: string }) {
    const lastLine = traceback.trim().split(/\r?\n/).pop() ?? '';
    const match = /^([A-Za-z_][\w.]*)(?::\s*(.*))?$/.exec(lastLine);
    const exceptionType = match?.[1] ?? 'Exception';
    super('board-exec', explained?.message ?? (lastLine || 'The board raised an exception.'), { cause, ...(explained && { hint: explained.hint }) });
    this.exceptionType = exceptionType;
    this.traceback = traceback;
    const errno = parseErrno(exceptionType, match?.[2] ?? '');
    if (errno !== undefined) this.errno = errno;
  }
  get errnoName(): string | undefined {
    return this.errno === undefined ? undefined : ERRNO_NAMES[this.errno];
  }
}

/**
 * True for a MemoryError raised while the board compiled a command, before any of it ran:
 * a frame of running code reads `File "…", line N, in name`, while the parser and compiler
 * report no frame, or one without `, in` (like a SyntaxError's).
 */
export function isCompileMemoryError(traceback: string): boolean {
  const lines = traceback.trim().split(/\r?\n/);
  if (!/^MemoryError\b/.test(lines.at(-1) ?? '')) return false;
  const frames = lines.filter((line) => /^\s*File "/.test(line));
  return frames.length === 0 || !frames.at(-1)!.includes(', in ');
}

/**
 * A command did not compile for want of board memory, even after a garbage collection:
 * small boards (a micro:bit has about 10 KB of heap) fill up and fragment. Nothing of the
 * command ran. A soft reset gives the whole heap back.
 */
export class BoardMemoryError extends BoardExecError {
  constructor(traceback: string, cause?: unknown) {
    super(traceback, cause, {
      message: 'The board ran out of memory before it could run the command; nothing of it ran.',
      hint: 'Soft-reset the board (Ctrl-D at the prompt) to free its memory, then try again.',
    });
  }
}

function parseErrno(type: string, text: string): number | undefined {
  if (type !== 'OSError') return undefined;
  const match = /^(?:\[Errno\s+)?(\d+)\]?/.exec(text.trim());
  if (match) return Number(match[1]);
  // Small ports print names or words instead of numbers.
  if (/ENOENT|file not found|no such file/i.test(text)) return 2;
  if (/ENOSPC|no space|no more storage/i.test(text)) return 28;
  if (/EEXIST/.test(text)) return 17;
  return undefined;
}

/** The port is open in another program. */
export class PortBusyError extends BoardError {
  constructor(path: string, cause?: unknown) {
    super('port-busy', `${path} is in use by another program.`, {
      cause,
      hint: 'Close the other program (another IDE, a terminal, screen/minicom) and try again.',
    });
  }
}

/** The user may not open the port: on Linux, usually missing group membership. */
export class PortAccessError extends BoardError {
  readonly group?: string;
  constructor(path: string, group: string | undefined, cause?: unknown) {
    const who = group ?? 'dialout';
    super('permission-denied', `Permission denied opening ${path}.`, {
      cause,
      hint:
        process.platform === 'linux'
          ? `The port belongs to the group "${who}". Add yourself with: sudo usermod -aG ${who} $USER  (then log out and back in).`
          : 'Check that this user may open serial ports.',
    });
    if (group !== undefined) this.group = group;
  }
}

/** The port does not exist (unplugged, or a typo). */
export class PortNotFoundError extends BoardError {
  constructor(path: string, cause?: unknown) {
    super('port-not-found', `No serial port at ${path}.`, { cause, hint: 'Plug the board in, or pick another port.' });
  }
}

/** A file operation failed on the board. */
export class BoardFsError extends BoardError {
  readonly path: string;
  constructor(code: ErrorCode, message: string, path: string, cause?: unknown) {
    super(code, message, { cause });
    this.path = path;
  }
}

/**
 * A transfer arrived damaged and was not used; the old file is unchanged. `persistent`
 * when the link kept damaging it after resends (trying again will not help).
 */
export class TransferDamagedError extends BoardFsError {
  readonly persistent: boolean;
  constructor(message: string, path: string, persistent: boolean, cause?: unknown) {
    super('internal', message, path, cause);
    this.persistent = persistent;
  }
}

/** The board's flash is full. The old file, if any, is unchanged. */
export class DiskFullError extends BoardFsError {
  constructor(path: string, cause?: unknown) {
    super('disk-full', `Not enough space on the board for ${path}; the old file (if any) is unchanged.`, path, cause);
  }
}

/** The firmware cannot do this at all (e.g. folders on the micro:bit). */
export class NotSupportedError extends BoardError {
  constructor(message: string, cause?: unknown) {
    super('not-supported', message, { cause });
  }
}

/** The user cancelled a transfer. The old file, if any, is unchanged. */
export class TransferCancelledError extends BoardError {
  constructor(message = 'Transfer cancelled; the board file was left as it was.', cause?: unknown) {
    super('cancelled', message, { cause });
  }
}

/**
 * A command was called off before the byte that starts it left (Stop pressed while the
 * session was still getting the board to its prompt or sending the program). Nothing ran.
 * `sourceSent`: the source is in the board's input and must be cleared.
 */
export class CommandCancelledError extends BoardError {
  constructor(
    readonly sourceSent: boolean,
    message = 'Stopped before the program started.',
    cause?: unknown,
  ) {
    super('cancelled', message, { cause });
  }
}

/** The one mapping from anything thrown in main to what crosses the wire. */
export function toWireError(err: unknown): WireError {
  if (err instanceof BoardError) {
    const wire: WireError = { code: err.code, message: err.message };
    if (err.hint !== undefined) wire.hint = err.hint;
    if (err instanceof BoardExecError) {
      wire.detail = err.traceback;
      if (err.errno !== undefined) wire.errno = err.errno;
    }
    return wire;
  }
  if (err instanceof Error && err.name === 'AbortError') return { code: 'cancelled', message: 'Cancelled.' };
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message: message || 'Something went wrong.' };
}

/** A port opened, but nothing on it answered like MicroPython's REPL (connecting). */
export class BoardNoAnswerError extends BoardError {
  constructor(port: string, cause?: unknown) {
    super('no-micropython', `${port} opened, but no MicroPython answered on it.`, {
      cause,
      hint: "Check that a MicroPython board is on that port and that the baud rate in Settings matches. Press the board's reset button, then connect again. A new board may need MicroPython installed first.",
    });
  }
}
