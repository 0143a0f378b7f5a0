/**
 * The Electron main process: a thin shell around the services. It enforces a single
 * instance, creates the one window, wires the contract's IPC and the menu, and
 * closes the board cleanly on quit. Everything else runs without Electron.
 */
import { app, BrowserWindow, dialog, shell, type WebFrameMain } from 'electron';
import { join } from 'node:path';
import { listExamples } from '../examples/example-folder';
import { createServices, type Services } from '../services/create-services';
import { APP_INDEX_URL, handleAppScheme, registerAppScheme } from './app-protocol';
import { setupIpc } from './ipc';
import { setupMenu } from './menu';
import { createMainWindow } from './create-window';
import { isExternalHttpUrl, isSameOrigin, setupSecurity } from './security';

const rendererDir = join(__dirname, '../renderer');
const preloadPath = join(__dirname, '../preload/index.cjs');
// The examples are an extraResource beside app.asar once packaged (electron-builder.yml);
// in a checkout they are in its resources/ folder.
const examplesDir = app.isPackaged ? join(process.resourcesPath, 'examples') : join(app.getAppPath(), 'resources', 'examples');
// The dev server (electron-vite dev) only in development: a packaged app ignores the variable.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const appUrl = devServerUrl ?? APP_INDEX_URL;

let mainWindow: BrowserWindow | null = null;
let services: Services | null = null;
/** Files macOS asked to open before the services were up. */
const earlyOpenFiles: string[] = [];

/**
 * The user's arguments of a launch: a packaged app's argv is the executable then the
 * arguments; `electron .` puts the app's folder between them.
 */
function launchArguments(argv: readonly string[]): string[] {
  return argv.slice(app.isPackaged ? 1 : 2);
}

const isAppUrl = (url: string) => isSameOrigin(url, appUrl);

function isTrustedSender(frame: WebFrameMain | null): boolean {
  return !!frame && !!mainWindow && frame === mainWindow.webContents.mainFrame && isAppUrl(frame.url);
}

async function start(): Promise<void> {
  services = await createServices({
    mode: 'electron',
    userDataDir: app.getPath('userData'),
    appVersion: app.getVersion(),
    examplesDir,
    emit: (channel, payload) => {
      if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(channel, payload);
    },
    openExternal: async (url) => {
      if (isExternalHttpUrl(url)) await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK: http(s) only, checked here and by the contract's schema
    },
    shellVersions: { electron: process.versions.electron ?? '', chrome: process.versions.chrome ?? '' },
    // The file browser's local folder: a native dialog here; web mode takes a typed path.
    pickFolder: async () => {
      const options = { title: 'Choose the local project folder', properties: ['openDirectory' as const, 'createDirectory' as const] };
      const result = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  });
  setupIpc(services.dispatch, isTrustedSender);
  handleAppScheme(rendererDir);
  setupMenu((command) => services?.context.emit('app:menuCommand', command), {
    helpUrl: 'https://docs.micropython.org/',
    examples: await listExamples(examplesDir),
    openExample: (name) => services?.context.emit('app:openExample', name),
    // DevTools are for developing the app: a packaged app has no menu item for them.
    devTools: !app.isPackaged,
  });
  mainWindow = createMainWindow({ userDataDir: app.getPath('userData'), preloadPath, pageUrl: appUrl, iconPath: join(__dirname, '../icons/256x256.png') });
  mainWindow.on('closed', () => (mainWindow = null));
  // The files of this launch ("Open with", `mpstudio-app file.py`) wait for the page to take them.
  // `npm start -- x.py` runs Electron in the project's folder; npm keeps the user's own in INIT_CWD.
  await services.openFiles([...launchArguments(process.argv), ...earlyOpenFiles.splice(0)], process.env.INIT_CWD ?? process.cwd());
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  setupSecurity(isAppUrl);
  app.on('second-instance', (_event, argv, workingDirectory) => {
    // A second launch with a file opens it here: the second process quits at once.
    void services?.openFiles(launchArguments(argv), workingDirectory);
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // macOS hands files to the running app (Finder's "Open with", a dock drop) as events, from before `ready` on.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    if (services) void services.openFiles([path], process.cwd());
    else earlyOpenFiles.push(path);
  });
  app.whenReady().then(start, (error: unknown) => {
    console.error('MicroPython Studio failed to start:', error);
    app.exit(1);
  });
  app.on('window-all-closed', () => app.quit());
  let disposed = false;
  app.on('will-quit', (event) => {
    if (disposed || !services) return;
    event.preventDefault();
    disposed = true;
    void services.dispose().finally(() => app.quit());
  });
}
