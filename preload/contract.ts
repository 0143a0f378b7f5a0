/**
 * The one IPC contract between main and the renderer: every channel, its argument
 * schema and its result or payload type. Main validates with these schemas, the
 * preload and the web bridge build the renderer's API from this table, and the
 * renderer imports only its types. Channels are named `area:verb`.
 * Each area's schemas and channels live in `preload/contract/*-channels.ts`; the shared
 * schemas, the table, its derived types and the run-time checks live beside them.
 * This file gathers them.
 */

export { CHANNEL_AREAS, contract, type ChannelArea } from './contract/channel-table';
export {
  boardPathSchema,
  hostPathSchema,
  localPathSchema,
  MAX_FILE_BYTES,
  MAX_SOURCE_CHARS,
  writeConsentSchema,
} from './contract/shared-schemas';
export { exampleNameSchema } from './contract/app-channels';
export { connectTargetSchema } from './contract/board-channels';
export { settingsPatchSchema } from './contract/settings-channels';
export { installRequestSchema } from './contract/flash-channels';
export { REPLACED_ID_PATTERN, replacedIdSchema } from './contract/replaced-file-channels';
export type { EventSpec, RequestSpec } from './contract/table-helpers';
export type {
  ArgsOf,
  Channel,
  Contract,
  EventChannel,
  Handlers,
  InputArgsOf,
  PayloadOf,
  RequestChannel,
  ResultOf,
  StudioApi,
} from './contract/derived-types';
export {
  hasKnownArea,
  isChannelName,
  isEventChannel,
  isRequestChannel,
  parseArgs,
  type ParsedArgs,
} from './contract/channel-checks';
