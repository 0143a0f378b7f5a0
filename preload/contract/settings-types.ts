/** The user's settings as main keeps them in the user-data folder. */
import type { ConnectTarget } from './board-types';

export type ThemeSetting = 'system' | 'light' | 'dark';

export interface Settings {
  theme: ThemeSetting;
  fontSize: number;
  autoConnect: boolean;
  autoReconnect: boolean;
  baudRate: number;
  /** Host folder that holds the virtual board's flash. Empty means the default. */
  virtualBoardFolder: string;
  /** Last connected target, for auto-connect. */
  lastTarget: ConnectTarget | null;
  /** Ports typed under "Other port…" that connected, newest first, offered in the board list. */
  recentPorts: string[];
  /** Local project folder shown in the file browser. */
  localFolder: string;
  /** Extra ignore patterns for sync, beyond .git, __pycache__, .venv. */
  syncIgnore: string[];
  /** Plotter history per series. */
  plotHistory: number;
  /** Each Run starts a fresh plot unless this is on: then earlier series stay until Clear. */
  plotKeepOnRun: boolean;
  /** The mip package index the Packages panel uses; empty means micropython.org/pi/v2. */
  packageIndex: string;
  /** Remembered pane sizes and the like; free-form, owned by the renderer. */
  layout: Record<string, number>;
}
