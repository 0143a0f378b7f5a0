/**
 * The one app window: sandboxed, isolated, no Node in the page, its bounds restored
 * from last time and saved as they change.
 */
import { BrowserWindow, screen } from 'electron';
import { loadWindowBounds, saveWindowBounds, windowStateFile } from '../services/window-state';

export interface WindowOptions {
  userDataDir: string;
  preloadPath: string;
  /** The page: app://studio/index.html, or the dev server's URL under `electron-vite dev`. */
  pageUrl: string;
  iconPath: string;
}

const SAVE_DELAY_MS = 500;

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const stateFile = windowStateFile(options.userDataDir);
  const bounds = loadWindowBounds(stateFile, screen.getAllDisplays().map((d) => d.workArea));
  const window = new BrowserWindow({
    ...bounds,
    minWidth: 640,
    minHeight: 400,
    show: false,
    title: 'MicroPython Studio',
    icon: options.iconPath,
    webPreferences: {
      preload: options.preloadPath, // eng-disable PRELOAD_JS_CHECK: sandboxed; exposes only the contract's functions, never ipcRenderer
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      // A middle click must not open a window either (window.open is denied in security.ts).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (bounds.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  let timer: NodeJS.Timeout | undefined;
  const remember = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (window.isDestroyed()) return;
      void saveWindowBounds(stateFile, { ...window.getNormalBounds(), maximized: window.isMaximized() });
    }, SAVE_DELAY_MS);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event as 'resize', remember);
  window.on('close', () => {
    clearTimeout(timer);
    void saveWindowBounds(stateFile, { ...window.getNormalBounds(), maximized: window.isMaximized() });
  });

  void window.loadURL(options.pageUrl);
  return window;
}
