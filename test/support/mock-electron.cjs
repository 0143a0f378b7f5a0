/**
 * MOCK `electron` module, for starting the packaged main process under plain Node
 * (the Electron binary cannot be downloaded here). Preloaded with
 * `node --require mock-electron.cjs <package>/out/main/index.cjs`, it answers
 * `require('electron')` and records what the app asks of Electron: the window's
 * options, the page URL, the menu, the IPC handlers, the privileged schemes and the
 * protocol handler (which yields the page's CSP). It imitates nothing beyond that.
 *
 * The test drives it over the child-process IPC channel:
 *   { op: 'invoke', id, channel, args, foreign? }  calls an ipcMain handler as the app's
 *                                                   main frame (or a foreign frame)
 *   { op: 'fetch', id, url }                        asks the app:// protocol handler
 *   { op: 'navigate', id, url }                     fires will-navigate; answers prevented
 *   { op: 'second-instance', id, argv, cwd }        a second launch, as Electron reports it
 *   { op: 'record', id }                            answers what was recorded so far
 *   { op: 'quit' }                                  quits as Electron would
 * and hears { type: 'ready', record } once the window loads its page. `record.sent`
 * counts what main pushed to the page, per channel.
 *
 * A packaged Electron app's argv is the executable, then the user's arguments: the
 * script path Node puts at argv[1] is taken out to match (Node has already read it).
 */
'use strict';
const Module = require('node:module');
const { EventEmitter } = require('node:events');
const { pathToFileURL } = require('node:url');

// Electron's process.resourcesPath: the folder holding app.asar (<resources>/app.asar/out/main/index.cjs).
// Worker threads inherit this preload too, without a script path: they need none.
if (process.argv[1]) process.resourcesPath = require('node:path').resolve(process.argv[1], '..', '..', '..', '..');
if (process.env.MOCK_ELECTRON_PACKAGED !== '0') process.argv.splice(1, 1);

const record = { windows: [], pageUrl: null, menu: null, ipcChannels: [], privilegedSchemes: [], protocols: [], sent: {} };
const ipcHandlers = new Map();
const protocolHandlers = new Map();
const windows = [];

const app = Object.assign(new EventEmitter(), {
  isPackaged: process.env.MOCK_ELECTRON_PACKAGED !== '0',
  getPath: () => process.env.MOCK_ELECTRON_USER_DATA,
  getAppPath: () => require('node:path').resolve(process.resourcesPath, 'app.asar'),
  getVersion: () => '0.0.0-mock',
  requestSingleInstanceLock: () => true,
  whenReady: () => new Promise((resolve) => setImmediate(resolve)),
  quit() {
    let prevented = false;
    app.emit('will-quit', { preventDefault: () => (prevented = true) });
    if (!prevented) process.exit(0);
  },
  exit: (code) => process.exit(code),
});

class MockWebContents extends EventEmitter {
  constructor() {
    super();
    this.mainFrame = { url: '' };
  }
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
  send(channel) {
    record.sent[channel] = (record.sent[channel] ?? 0) + 1;
  }
}

class MockBrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    record.windows.push(JSON.parse(JSON.stringify(options)));
    this.webContents = new MockWebContents();
    windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url) {
    this.webContents.mainFrame.url = url;
    record.pageUrl = url;
    record.ipcChannels = [...ipcHandlers.keys()];
    setImmediate(() => process.send({ type: 'ready', record }));
    return Promise.resolve();
  }
  loadFile(file) {
    return this.loadURL(pathToFileURL(file).href);
  }
  isDestroyed = () => false;
  isMinimized = () => false;
  isMaximized = () => false;
  getNormalBounds = () => ({ x: 0, y: 0, width: 1200, height: 800 });
  maximize() {}
  show() {}
  restore() {}
  focus() {}
}

const electron = {
  app,
  BrowserWindow: MockBrowserWindow,
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  dialog: { showOpenDialog: async () => ({ canceled: true, filePaths: [] }) },
  shell: { openExternal: async () => {} },
  Menu: {
    // Keep what a person sees: labels, roles and accelerators, not the click functions.
    buildFromTemplate: (template) => JSON.parse(JSON.stringify(template)),
    setApplicationMenu: (menu) => (record.menu = menu),
  },
  ipcMain: {
    handle: (channel, handler) => ipcHandlers.set(channel, handler),
    removeHandler: (channel) => ipcHandlers.delete(channel),
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes) => record.privilegedSchemes.push(...schemes),
    handle: (scheme, handler) => {
      record.protocols.push(scheme);
      protocolHandlers.set(scheme, handler);
    },
  },
  session: {
    defaultSession: { setPermissionRequestHandler() {}, setPermissionCheckHandler() {}, protocol: null },
  },
};

const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'electron' ? electron : load.call(this, request, ...rest);
};

async function answer(message) {
  if (message.op === 'invoke') {
    const handler = ipcHandlers.get(message.channel);
    if (!handler) return { missing: true };
    const { webContents } = windows[0];
    const senderFrame = message.foreign ? { url: message.foreign } : webContents.mainFrame;
    return handler({ senderFrame, sender: webContents }, ...message.args);
  }
  if (message.op === 'fetch') {
    const response = await protocolHandlers.get(new URL(message.url).protocol.slice(0, -1))({ url: message.url, method: 'GET' });
    return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
  }
  if (message.op === 'record') return record;
  if (message.op === 'second-instance') {
    app.emit('second-instance', {}, message.argv, message.cwd);
    return null;
  }
  if (message.op === 'navigate') {
    let prevented = false;
    windows[0].webContents.emit('will-navigate', { preventDefault: () => (prevented = true) }, message.url);
    return { prevented };
  }
  return null;
}

process.on('message', (message) => {
  if (message.op === 'quit') return app.quit();
  answer(message).then(
    (value) => process.send({ type: 'reply', id: message.id, value }),
    (error) => process.send({ type: 'reply', id: message.id, error: String(error?.stack ?? error) }),
  );
});
