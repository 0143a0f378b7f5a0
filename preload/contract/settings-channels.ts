/** The `settings:*` channels, with the schema of a settings update. */
import * as v from 'valibot';
import { connectTargetSchema } from './board-channels';
import { hostPathSchema } from './shared-schemas';
import type { Settings } from './settings-types';
import { request } from './table-helpers';

export const settingsPatchSchema = v.strictObject({
  theme: v.optional(v.picklist(['system', 'light', 'dark'])),
  fontSize: v.optional(v.pipe(v.number(), v.integer(), v.minValue(8), v.maxValue(40))),
  autoConnect: v.optional(v.boolean()),
  autoReconnect: v.optional(v.boolean()),
  baudRate: v.optional(v.pipe(v.number(), v.integer(), v.minValue(300), v.maxValue(12_000_000))),
  virtualBoardFolder: v.optional(v.union([v.literal(''), hostPathSchema])),
  lastTarget: v.optional(v.nullable(connectTargetSchema)),
  recentPorts: v.optional(v.pipe(v.array(hostPathSchema), v.maxLength(10))),
  localFolder: v.optional(v.union([v.literal(''), hostPathSchema])),
  syncIgnore: v.optional(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(200)))),
  plotKeepOnRun: v.optional(v.boolean()),
  plotHistory: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1000), v.maxValue(10_000_000))),
  packageIndex: v.optional(v.union([v.literal(''), v.pipe(v.string(), v.maxLength(2048), v.regex(/^https?:\/\/\S+$/i))])),
  layout: v.optional(v.record(v.pipe(v.string(), v.maxLength(64)), v.number())),
});

export const settingsChannels = {
  // settings: persisted JSON in the user-data folder
  'settings:get': request<Settings>()(),
  'settings:update': request<Settings>()(settingsPatchSchema),
  /** Desktop only: the native folder dialog picks a root folder (typed paths are refused there); null when cancelled. */
  'settings:pickFolder': request<Settings | null>()(v.picklist(['localFolder', 'virtualBoardFolder'])),
} as const;
