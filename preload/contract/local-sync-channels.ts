/**
 * The `local:*`, `sync:*` and `mirror:*` channels: the local project folder, sync and
 * copies between it and the board, and the mirror of board files.
 */
import * as v from 'valibot';
import type {
  LocalChange,
  LocalEntry,
  LocalFolder,
  MirrorBoard,
  MirrorFile,
  SyncPlan,
  SyncProgress,
  SyncResult,
} from './local-sync-types';
import type { WriteOutcome } from './replace-types';
import {
  boardPathSchema,
  bytesSchema,
  hostPathSchema,
  localPathSchema,
  replaceDecisionsSchema,
  transferIdSchema,
  writeConsentSchema,
} from './shared-schemas';
import { event, request } from './table-helpers';

/** Whatever identifies a board in the mirror (`BoardStatus.boardId`). */
const boardIdSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

export const localSyncChannels = {
  // local: the local project folder (every path is confined to it in main)
  'local:folder': request<LocalFolder>()(),
  /** Uses a typed absolute path as the folder (checked: it must be an existing folder). */
  'local:setFolder': request<LocalFolder>()(v.union([v.literal(''), hostPathSchema])),
  /** Shows a native folder dialog where there is one; resolves with the folder chosen, or null. */
  'local:pickFolder': request<LocalFolder | null>()(),
  'local:list': request<LocalEntry[]>()(localPathSchema, v.optional(v.boolean(), false)),
  'local:read': request<Uint8Array>()(localPathSchema),
  'local:write': request<WriteOutcome>()(localPathSchema, bytesSchema, v.optional(writeConsentSchema)),
  'local:mkdir': request<void>()(localPathSchema),
  'local:remove': request<void>()(localPathSchema, v.optional(v.boolean(), false)),
  'local:rename': request<void>()(localPathSchema, localPathSchema),
  'local:changed': event<LocalChange>(),
  /** The folders the file browser shows (the root is implied): main watches these and no others. */
  'local:watch': request<void>()(v.pipe(v.array(localPathSchema), v.maxLength(500))),

  // sync: local folder <-> board, by content hash, previewed first
  'sync:preview': request<SyncPlan>()(
    v.strictObject({
      direction: v.picklist(['upload', 'download']),
      localDir: localPathSchema,
      boardDir: boardPathSchema,
      deleteExtra: v.boolean(),
    }),
  ),
  /** Runs a previewed plan; `deleteExtra` may still be switched off (never on) at this point. */
  'sync:apply': request<SyncResult>()(transferIdSchema, v.optional(v.boolean()), v.optional(replaceDecisionsSchema)),
  /** Copies local files or folders into a board folder, whatever the board has. */
  'sync:copyToBoard': request<SyncResult>()(
    v.pipe(v.array(localPathSchema), v.minLength(1), v.maxLength(10_000)),
    boardPathSchema,
    transferIdSchema,
    v.optional(replaceDecisionsSchema),
  ),
  /** Copies board files or folders into a local folder. */
  'sync:copyToLocal': request<SyncResult>()(
    v.pipe(v.array(boardPathSchema), v.minLength(1), v.maxLength(10_000)),
    localPathSchema,
    transferIdSchema,
    v.optional(replaceDecisionsSchema),
  ),
  /** Stops a running sync or copy after the current file; the file in flight is cancelled too. */
  'sync:cancel': request<void>()(transferIdSchema),
  'sync:progress': event<SyncProgress>(),

  // mirror: a copy of every board file ever opened or saved, per board, in the user-data folder
  'mirror:boards': request<MirrorBoard[]>()(),
  'mirror:list': request<MirrorFile[]>()(boardIdSchema),
  'mirror:read': request<Uint8Array>()(boardIdSchema, boardPathSchema),
  /** Writes the mirrored copy back to the connected board, at its path. */
  'mirror:restore': request<WriteOutcome>()(boardIdSchema, boardPathSchema, v.optional(writeConsentSchema)),
  /** Writes the mirrored copy into the local folder. */
  'mirror:saveToLocal': request<WriteOutcome>()(boardIdSchema, boardPathSchema, localPathSchema, v.optional(writeConsentSchema)),
  'mirror:changed': event<{ boardId: string }>(),
} as const;
