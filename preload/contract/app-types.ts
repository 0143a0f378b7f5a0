/**
 * The app itself: what it reports about itself, the examples it ships and the menu
 * commands it sends to the renderer.
 */

export interface AppInfo {
  name: string;
  version: string;
  /** `electron` inside the desktop shell, `web` when served to a browser. */
  mode: 'electron' | 'web';
  platform: string;
  arch: string;
  versions: { node: string; electron?: string; chrome?: string };
}

/** An example program shipped with the app (resources/examples), offered under File → Examples. */
export interface ExampleInfo {
  /** Its file name, e.g. `blink.py`: the name a copy opens under. */
  name: string;
  /** The first line of its opening comment: what it does. */
  summary: string;
}

/** Commands the application menu sends to the renderer. */
export type MenuCommand =
  | 'file:new'
  | 'file:open'
  | 'file:save'
  | 'file:saveAs'
  | 'file:close'
  | 'run:current'
  | 'run:selection'
  | 'run:stop'
  | 'run:softReset'
  | 'run:hardReset'
  | 'view:toggleTheme'
  | 'view:zoomIn'
  | 'view:zoomOut'
  | 'view:repl'
  | 'view:plotter'
  | 'board:connect'
  | 'board:disconnect'
  | 'sync:preview'
  | 'tools:packages'
  | 'tools:installMicroPython';
