/**
 * Builds the app's services for one process, Electron's main or web mode's server:
 * the settings, the handler table and the dispatcher, plus one `dispose()` for quit.
 */
import { OpenedFiles } from '../opened/opened-files';
import { createHandlers } from './create-handlers';
import { createDispatch, type Dispatch } from './dispatch';
import type { EmitEvent, ServiceContext } from './service-context';
import { SettingsStore } from './settings-store';

export interface ServicesOptions {
  mode: ServiceContext['mode'];
  userDataDir: string;
  appVersion: string;
  examplesDir?: string;
  emit: EmitEvent;
  openExternal?: ServiceContext['openExternal'];
  shellVersions?: ServiceContext['shellVersions'];
  pickFolder?: ServiceContext['pickFolder'];
  portLister?: ServiceContext['portLister'];
  mountLister?: ServiceContext['mountLister'];
  firmwareSite?: ServiceContext['firmwareSite'];
}

export interface Services {
  dispatch: Dispatch;
  context: ServiceContext;
  /**
   * Opens the file arguments of a launch (relative ones from `cwd`) in the window,
   * or keeps them until a window asks (`opened:take`).
   */
  openFiles(args: readonly string[], cwd: string): Promise<void>;
  dispose(): Promise<void>;
}

export async function createServices(options: ServicesOptions): Promise<Services> {
  const cleanups: Array<() => void | Promise<void>> = [];
  const context: ServiceContext = {
    ...options,
    settings: await SettingsStore.open(options.userDataDir),
    onDispose: (cleanup) => cleanups.push(cleanup),
  };
  const opened = new OpenedFiles(() => options.emit('opened:waiting', null));
  const dispatch = createDispatch(createHandlers(context, opened));
  return {
    dispatch,
    context,
    openFiles: (args, cwd) => opened.admit(args, cwd),
    async dispose() {
      for (const cleanup of cleanups.reverse()) {
        try {
          await cleanup();
        } catch {
          // Quitting goes on even when one part fails to close cleanly.
        }
      }
    },
  };
}
