/**
 * The one rule for writing over a file, on the board or in the local folder: nothing
 * whose content differs is replaced unless the user said so for exactly that content,
 * and what is replaced is kept first (the board's old file in the mirror, a local one
 * in the user-data folder's `replaced-files/`). Every write the app makes to a file,
 * from the editor, the file browser, sync or the mirror, goes through `writeWithConsent`.
 */
import { createHash } from 'node:crypto';
import type { ReplaceConflict, ReplaceSide, WriteConsent, WriteOutcome } from '../../preload/contract-types';
import { UserFacingError } from '../services/user-facing-error';

/** What the rule needs from one side (board or local folder). */
export interface ReplaceTarget {
  side: 'board' | 'local' | 'file';
  /** The file at `path`, or null when there is none; a folder is reported as such. */
  stat(path: string): Promise<{ type: 'file' | 'dir'; size: number; modifiedAt?: number } | null>;
  /** SHA-256 of the file, lowercase hex (on the board itself where it can: no read back). */
  hash(path: string): Promise<string>;
  /** Keeps the file's current content where the user can get it back. */
  keep(path: string): Promise<void>;
  write(path: string, bytes: Uint8Array): Promise<void>;
}

export class ReplaceConflictError extends UserFacingError {
  constructor(readonly conflict: ReplaceConflict) {
    super('conflict', `"${conflict.target.path}" already exists ${conflict.target.side === 'board' ? 'on the board' : 'in the local folder'} with different content.`);
  }

  override toWire() {
    return { ...super.toWire(), conflict: this.conflict };
  }
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** `hello.py` → `hello (2).py`, `(3)`…: the first name `exists` says is free. */
export async function freeName(path: string, exists: (path: string) => Promise<boolean>): Promise<string> {
  const slash = path.lastIndexOf('/');
  const dir = path.slice(0, slash + 1);
  const name = path.slice(slash + 1);
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let n = 2; n < 1000; n++) {
    const candidate = `${dir}${stem} (${n})${ext}`;
    if (!(await exists(candidate))) return candidate;
  }
  throw new UserFacingError('already-exists', `No free name next to "${path}".`);
}

/**
 * Writes `bytes` at `path` under the rule. `incoming` describes the new content for the
 * question the UI asks; `consent` is the user's answer, if one was given.
 */
export async function writeWithConsent(
  target: ReplaceTarget,
  path: string,
  bytes: Uint8Array,
  incoming: Omit<ReplaceSide, 'size'>,
  consent: WriteConsent = {},
): Promise<WriteOutcome> {
  const existing = await target.stat(path);
  if (!existing) {
    await target.write(path, bytes);
    return { path, unchanged: false };
  }
  if (existing.type === 'dir') throw new UserFacingError('already-exists', `"${path}" is a folder.`);
  const oldHash = await target.hash(path);
  // Equal content: nothing to ask and nothing to write.
  if (oldHash === sha256(bytes)) return { path, unchanged: true };
  if (consent.keepBoth) {
    const copy = await freeName(path, async (p) => (await target.stat(p)) !== null);
    await target.write(copy, bytes);
    return { path: copy, unchanged: false };
  }
  if (consent.replaces !== oldHash) {
    throw new ReplaceConflictError({
      target: { side: target.side, path, size: existing.size, sha256: oldHash, ...(existing.modifiedAt !== undefined && { modifiedAt: existing.modifiedAt }) },
      incoming: { ...incoming, size: bytes.byteLength },
    });
  }
  await target.keep(path);
  await target.write(path, bytes);
  return { path, unchanged: false };
}
