/** The `opened:*` channels: files the system opened in the app, read and written by the path main granted. */
import * as v from 'valibot';
import type { OpenedFiles } from './opened-file-types';
import type { WriteOutcome } from './replace-types';
import { bytesSchema, hostPathSchema, writeConsentSchema } from './shared-schemas';
import { event, request } from './table-helpers';

export const openedFileChannels = {
  // opened: files the system opened in the app ("Open with", a second launch); each path is granted by main
  /** The files waiting for a window, and what could not be opened; taking them empties the queue. */
  'opened:take': request<OpenedFiles>()(),
  /** Files are waiting: the window should take them. */
  'opened:waiting': event<null>(),
  'opened:read': request<Uint8Array>()(hostPathSchema),
  /** Writes an opened file under the replace rule, like `local:write`. */
  'opened:write': request<WriteOutcome>()(hostPathSchema, bytesSchema, v.optional(writeConsentSchema)),
} as const;
