/**
 * What every request's reply looks like on the wire: a value, or an error with a code
 * and a sentence a user can act on. Plain data, importable without Node.
 */
import type { ReplaceConflict } from './replace-types';

export type Unsubscribe = () => void;

/** What every failed request turns into on the wire, whatever threw it in main. */
export type ErrorCode =
  | 'invalid-argument'
  | 'unknown-channel'
  | 'forbidden'
  | 'not-connected'
  | 'disconnected'
  | 'timeout'
  /** A port opened, but nothing on it answered like MicroPython's REPL: maybe no MicroPython yet. */
  | 'no-micropython'
  /** Only the board's reset button can restart it now; the app waits for the restart. */
  | 'needs-reset-button'
  | 'board-exec'
  | 'port-busy'
  | 'permission-denied'
  | 'port-not-found'
  | 'not-supported'
  | 'not-found'
  | 'already-exists'
  | 'disk-full'
  | 'cancelled'
  | 'busy'
  | 'out-of-step'
  | 'flooding'
  | 'conflict'
  /** A package index or file host could not be reached (packages). */
  | 'network'
  /** Downloaded bytes do not match their published hash (packages). */
  | 'integrity'
  | 'internal';

export interface WireError {
  code: ErrorCode;
  /** One sentence a user can act on. */
  message: string;
  /** A fix to offer, e.g. the `usermod -aG dialout` command. */
  hint?: string;
  /** Extra text such as the board's traceback. */
  detail?: string;
  /** The board's errno for OSError, when there was one. */
  errno?: number;
  /** With code `conflict`: the file a write would replace, and what would replace it. */
  conflict?: ReplaceConflict;
}

export type WireResult<T> = { ok: true; value: T } | { ok: false; error: WireError };
