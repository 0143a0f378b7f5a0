/**
 * Handlers for `local:*`: the local project folder of the file browser. The folder is
 * watched while chosen, and every change on disk is pushed as `local:changed`.
 */
import type { Handlers } from '../../preload/contract';
import { FolderWatcher } from '../local/folder-watcher';
import { LocalFolderService } from '../local/local-folder';
import type { RootFolders } from './root-folders';
import type { ServiceContext } from './service-context';

type LocalChannels =
  | 'local:folder'
  | 'local:setFolder'
  | 'local:pickFolder'
  | 'local:list'
  | 'local:read'
  | 'local:write'
  | 'local:mkdir'
  | 'local:remove'
  | 'local:rename'
  | 'local:watch';

/** The service for the context's settings, watched, stopped with the app. */
export interface LocalFolderParts {
  service: LocalFolderService;
  watcher: FolderWatcher;
}

export function createLocalFolder(ctx: Pick<ServiceContext, 'settings' | 'emit' | 'onDispose'>, roots: RootFolders): LocalFolderParts {
  const local = new LocalFolderService({
    get: () => ctx.settings.get(),
    chooseFolder: (path) => roots.set('localFolder', path),
    ...(roots.canPick && { pickFolder: async () => (await roots.pick('localFolder')) !== null }),
  });
  const watcher = new FolderWatcher((change) => ctx.emit('local:changed', change));
  watcher.watch(ctx.settings.get().localFolder);
  const unsubscribe = ctx.settings.onChange((settings) => watcher.watch(settings.localFolder));
  ctx.onDispose(() => {
    unsubscribe();
    watcher.stop();
  });
  return { service: local, watcher };
}

export function localHandlers({ service: local, watcher }: LocalFolderParts): Pick<Handlers, LocalChannels> {
  return {
    'local:watch': async (dirs) => watcher.show(await local.shownFolders(dirs)),
    'local:folder': () => local.info(),
    'local:setFolder': (path) => local.setFolder(path),
    'local:pickFolder': () => local.pickFolder(),
    'local:list': (rel, recursive) => local.list(rel, recursive),
    'local:read': (rel) => local.read(rel),
    'local:write': async (rel, bytes) => {
      await local.write(rel, bytes);
      return { path: rel, unchanged: false };
    },
    'local:mkdir': (rel) => local.mkdir(rel),
    'local:remove': (rel, recursive) => local.remove(rel, recursive),
    'local:rename': (from, to) => local.rename(from, to),
  };
}
