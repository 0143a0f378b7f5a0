/**
 * The one table of every channel, gathered from each area's channels in a fixed order,
 * and the list of areas a channel name may start with.
 */
import { appChannels } from './app-channels';
import { boardChannels } from './board-channels';
import { boardFileChannels } from './board-file-channels';
import { editorChannels } from './editor-channels';
import { flashChannels } from './flash-channels';
import { localSyncChannels } from './local-sync-channels';
import { openedFileChannels } from './opened-file-channels';
import { packageChannels } from './package-channels';
import { plotChannels } from './plot-channels';
import { replacedFileChannels } from './replaced-file-channels';
import { settingsChannels } from './settings-channels';
import { virtualBoardChannels } from './virtual-board-channels';

/** Every channel starts with one of these; both sides check it. */
export const CHANNEL_AREAS = [
  'app',
  'settings',
  'board',
  'repl',
  'fs',
  'virtual',
  'lint',
  'backup',
  'local',
  'sync',
  'mirror',
  'plot',
  'packages',
  'flash',
  'opened',
  'replaced',
] as const;
export type ChannelArea = (typeof CHANNEL_AREAS)[number];

export const contract = {
  ...appChannels,
  ...settingsChannels,
  ...boardChannels,
  ...boardFileChannels,
  ...virtualBoardChannels,
  ...editorChannels,
  ...localSyncChannels,
  ...plotChannels,
  ...packageChannels,
  ...flashChannels,
  ...openedFileChannels,
  ...replacedFileChannels,
} as const;
