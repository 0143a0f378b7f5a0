/**
 * Schemas that many channels share: board, host and local paths, transfer ids, source
 * text, file bytes and the user's consent to replace a file, with their size limits.
 */
import * as v from 'valibot';

/** Paths on the board: absolute, `/`-separated, no NUL, bounded. */
export const boardPathSchema = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(1024),
  v.startsWith('/'),
  v.check((p) => !p.includes('\0'), 'a path must not contain NUL'),
);
/** Paths on the host: absolute, no NUL. */
export const hostPathSchema = v.pipe(
  v.string(),
  v.minLength(1),
  v.maxLength(4096),
  v.check((p) => !p.includes('\0'), 'a path must not contain NUL'),
);
/**
 * Paths inside the local project folder: relative, `/`-separated, empty for the folder
 * itself. Main checks again that they stay inside it (symlinks included).
 */
export const localPathSchema = v.pipe(
  v.string(),
  v.maxLength(4096),
  v.check((p) => !p.includes('\0'), 'a path must not contain NUL'),
  v.check((p) => !p.startsWith('/') && !/^[A-Za-z]:/.test(p), 'a local path must be relative to the folder'),
  v.check((p) => !p.split(/[\\/]/).includes('..'), 'a local path must not contain ..'),
);
export const transferIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/));
/** The largest file any channel carries: more than the file system of any MicroPython board. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;
/** The longest source text (`board:exec`, `lint:check`, backups), in UTF-16 units. */
export const MAX_SOURCE_CHARS = 4 * 1024 * 1024;
export const sourceSchema = v.pipe(v.string(), v.maxLength(MAX_SOURCE_CHARS));
export const bytesSchema = v.pipe(
  v.instance(Uint8Array),
  v.check((b) => b.byteLength <= MAX_FILE_BYTES, 'at most 16 MiB'),
);

/** The user's answer for a write that may replace a file (WriteConsent). */
const sha256Schema = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/));
export const writeConsentSchema = v.strictObject({ replaces: v.optional(sha256Schema), keepBoth: v.optional(v.boolean()) });
/** Answers per target path for a transfer of many files. */
export const replaceDecisionsSchema = v.record(v.pipe(v.string(), v.maxLength(4096)), writeConsentSchema);
