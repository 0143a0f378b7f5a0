/** The `lint:*` and `backup:*` channels: syntax checks and backups of unsaved buffers. */
import * as v from 'valibot';
import type { BufferBackup, Diagnostic } from './editor-types';
import { sourceSchema } from './shared-schemas';
import { request } from './table-helpers';

export const editorChannels = {
  // lint: syntax errors from the embedded MicroPython's own compiler
  'lint:check': request<Diagnostic[]>()(sourceSchema),

  // backup: unsaved buffers kept in the user-data folder
  'backup:save': request<void>()(
    v.strictObject({
      id: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/)),
      uri: v.pipe(v.string(), v.maxLength(4096)),
      content: sourceSchema,
      savedAt: v.number(),
    }),
  ),
  'backup:list': request<BufferBackup[]>()(),
  'backup:discard': request<void>()(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/))),
} as const;
