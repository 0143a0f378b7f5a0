/** The `fs:*` channels: files and folders on the board's flash, and their transfers. */
import * as v from 'valibot';
import type { FsCapabilities, FsEntry, FsSpace, TransferProgress } from './board-file-types';
import type { WriteOutcome } from './replace-types';
import { boardPathSchema, bytesSchema, transferIdSchema, writeConsentSchema } from './shared-schemas';
import { event, request } from './table-helpers';

export const boardFileChannels = {
  // fs: the board's flash
  'fs:capabilities': request<FsCapabilities>()(),
  'fs:list': request<FsEntry[]>()(boardPathSchema, v.optional(v.boolean(), false)),
  'fs:read': request<Uint8Array>()(boardPathSchema, v.optional(transferIdSchema)),
  /** Writes a file; replacing one whose content differs needs `consent` (else a `conflict` error). */
  'fs:write': request<WriteOutcome>()(boardPathSchema, bytesSchema, v.optional(transferIdSchema), v.optional(writeConsentSchema)),
  'fs:mkdir': request<void>()(boardPathSchema),
  'fs:remove': request<void>()(boardPathSchema, v.optional(v.boolean(), false)),
  'fs:rename': request<void>()(boardPathSchema, boardPathSchema),
  'fs:stat': request<FsEntry | null>()(boardPathSchema),
  'fs:space': request<FsSpace>()(),
  'fs:hash': request<string>()(boardPathSchema),
  'fs:cancel': request<void>()(transferIdSchema),
  'fs:progress': event<TransferProgress>(),
} as const;
