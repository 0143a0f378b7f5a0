/**
 * What every handler group gets: how to push events to the renderer(s), where the
 * user's data lives, and the settings. It has no Electron in it, so the same
 * handlers serve the desktop window and web mode.
 */
import type { EventChannel, PayloadOf } from '../../preload/contract';
import type { PortLister } from '../board/port-discovery';
import type { MountLister } from '../flash/mount-points';
import type { SettingsStore } from './settings-store';

export type EmitEvent = <C extends EventChannel>(channel: C, payload: PayloadOf<C>) => void;

export interface ServiceContext {
  mode: 'electron' | 'web';
  /** The folder for settings, backups, the virtual board's flash and the local mirror. */
  userDataDir: string;
  /**
   * Where the example programs are (resources/examples of the checkout or the package).
   * Without it the app offers no examples; only tests of other areas leave it out.
   */
  examplesDir?: string;
  /** The app's own version, from package.json. */
  appVersion: string;
  emit: EmitEvent;
  settings: SettingsStore;
  /** Opens an http(s) URL in the system browser. Web mode cannot, and says so. */
  openExternal?: (url: string) => Promise<void>;
  /**
   * Shows a native folder dialog (Electron); web mode has none and takes a typed path.
   * `purpose` names the folder asked for, for the dialog's title.
   */
  pickFolder?: (purpose?: 'localFolder' | 'virtualBoardFolder') => Promise<string | null>;
  /** Electron's and Chrome's versions, when running inside the shell. */
  shellVersions?: { electron: string; chrome: string };
  /**
   * Replaces serialport's port listing. Only tests set it (web mode's `--mock-usb-ports`),
   * to plug in a MOCK USB board: hot-plugging real USB cannot happen in CI.
   */
  portLister?: PortLister;
  /** Replaces the system's mounted volumes. Only tests set it (`--mock-mounts`): CI has no USB drive. */
  mountLister?: MountLister;
  /** Replaces https://micropython.org for board pages. Only tests set it (`--firmware-site`). */
  firmwareSite?: string;
  /** Registers clean-up (close the board, stop workers) for when the app quits. */
  onDispose(cleanup: () => void | Promise<void>): void;
}
