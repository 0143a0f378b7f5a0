/** Handlers for `app:*` and `settings:*`: facts about the app and the user's settings. */
import type { Handlers } from '../../preload/contract';
import { UserFacingError } from './user-facing-error';
import type { RootFolders } from './root-folders';
import type { ServiceContext } from './service-context';

export function appHandlers(ctx: ServiceContext, roots: RootFolders): Pick<Handlers, 'app:info' | 'app:openExternal' | 'settings:get' | 'settings:update' | 'settings:pickFolder'> {
  return {
    'app:info': async () => ({
      name: 'MicroPython Studio',
      version: ctx.appVersion,
      mode: ctx.mode,
      platform: process.platform,
      arch: process.arch,
      versions: { node: process.versions.node, ...ctx.shellVersions },
    }),
    'app:openExternal': async (url) => {
      if (!ctx.openExternal) {
        throw new UserFacingError('not-supported', 'This window cannot open other programs; open the link yourself.', url);
      }
      await ctx.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK: the contract admits only http(s) URLs, and the shell checks again
    },
    'settings:get': async () => ctx.settings.get(),
    // The two folders the app serves files from go through RootFolders' checks; a refused
    // folder refuses the whole patch, so nothing is half-applied.
    'settings:update': async (patch) => {
      const { localFolder, virtualBoardFolder, ...rest } = patch;
      const checked = await roots.check({ ...(localFolder !== undefined && { localFolder }), ...(virtualBoardFolder !== undefined && { virtualBoardFolder }) });
      return ctx.settings.update({ ...rest, ...checked });
    },
    'settings:pickFolder': (key) => roots.pick(key),
  };
}
