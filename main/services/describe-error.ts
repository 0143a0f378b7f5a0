/**
 * Turns anything a handler throws into the `WireError` the renderer shows. Typed
 * errors describe themselves through `toWire()`; anything else is an internal
 * error whose message is still passed on, so no failure is ever silent.
 */
import type { ErrorCode, WireError } from '../../preload/contract-types';

const KNOWN_CODES = new Set<ErrorCode>([
  'invalid-argument', 'unknown-channel', 'forbidden', 'not-connected', 'disconnected', 'timeout', 'no-micropython', 'needs-reset-button',
  'board-exec', 'port-busy', 'permission-denied', 'port-not-found', 'not-supported', 'not-found',
  'already-exists', 'disk-full', 'cancelled', 'busy', 'conflict', 'internal',
]);

interface DescribesItself {
  toWire(): WireError;
}

function describesItself(error: unknown): error is DescribesItself {
  return typeof (error as Partial<DescribesItself> | null)?.toWire === 'function';
}

export function describeError(error: unknown): WireError {
  if (describesItself(error)) return error.toWire();
  const candidate = error as Partial<WireError> | null;
  if (candidate && typeof candidate.code === 'string' && KNOWN_CODES.has(candidate.code as ErrorCode)) {
    return {
      code: candidate.code as ErrorCode,
      message: String(candidate.message ?? 'The operation failed.'),
      ...(typeof candidate.hint === 'string' && { hint: candidate.hint }),
      ...(typeof candidate.detail === 'string' && { detail: candidate.detail }),
      ...(typeof candidate.errno === 'number' && { errno: candidate.errno }),
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `Internal error: ${message}` };
}
