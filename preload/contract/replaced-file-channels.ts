/**
 * The `replaced:*` channels: the local files the app replaced (after the user said
 * Replace), kept in the user-data folder, and putting one back where it was.
 */
import * as v from 'valibot';
import type { ReplacedFileInfo, WriteOutcome } from './replace-types';
import { writeConsentSchema } from './shared-schemas';
import { request } from './table-helpers';

/**
 * The exact shape of the ids main/consent/replaced-files.ts makes: the moment of the
 * replacement (an ISO date with `:` and `.` as `-`) and six hex digits. Nothing else
 * is a kept file, so no id can name a path (`..`, `/`) or a folder someone else put there.
 */
export const REPLACED_ID_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-[0-9a-f]{6}$/;
export const replacedIdSchema = v.pipe(v.string(), v.maxLength(40), v.regex(REPLACED_ID_PATTERN, 'not the id of a replaced file'));

export const replacedFileChannels = {
  // replaced: local files the app replaced, kept so the replacement can be undone
  /** Every kept file, of every project folder, newest first. */
  'replaced:list': request<ReplacedFileInfo[]>()(),
  /**
   * Writes a kept file back at its path in the project folder it came from (which must
   * be the current local folder), under the replace rule: a current file that differs
   * is asked about, and kept in turn when replaced.
   */
  'replaced:restore': request<WriteOutcome>()(replacedIdSchema, v.optional(writeConsentSchema)),
} as const;
