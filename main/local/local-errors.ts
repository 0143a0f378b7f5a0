/**
 * Turns Node's file-system errors on the local folder into errors a user can act on,
 * keeping the original as the cause.
 */
import { UserFacingError } from '../services/user-facing-error';

const WORDS: Record<string, [UserFacingError['code'], string]> = {
  ENOENT: ['not-found', 'does not exist (any more).'],
  EEXIST: ['already-exists', 'already exists.'],
  ENOTEMPTY: ['already-exists', 'is a folder that is not empty.'],
  EACCES: ['permission-denied', 'cannot be accessed: permission denied.'],
  EPERM: ['permission-denied', 'cannot be changed: operation not permitted.'],
  ENOSPC: ['disk-full', 'cannot be written: the disk is full.'],
  EISDIR: ['invalid-argument', 'is a folder, not a file.'],
  ENOTDIR: ['invalid-argument', 'is not a folder.'],
  EROFS: ['permission-denied', 'is on a read-only disk.'],
  ENAMETOOLONG: ['invalid-argument', 'has a name that is too long.'],
};

/** Wraps `error` (from `node:fs`) for the local path `what` as shown to the user. */
export function localError(error: unknown, what: string): Error {
  if (error instanceof UserFacingError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code ?? '';
  const known = WORDS[code];
  if (known) return new UserFacingError(known[0], `"${what}" ${known[1]}`, undefined, undefined, { cause: error });
  const message = error instanceof Error ? error.message : String(error);
  return new UserFacingError('internal', `"${what}" could not be used: ${message}`, undefined, undefined, { cause: error });
}
