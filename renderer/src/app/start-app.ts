/**
 * Puts the IDE together: settings and theme, the frame, editor tabs, REPL, plotter,
 * connection bar, run controller and commands, then brings back unsaved buffers
 * from the last session and connects to the last board when asked to.
 */
import type { PortInfo } from '../../../preload/contract-types';
import { BoardPanel } from '../../board-panel';
import { BoardState } from '../connection/board-state';
import { ConnectionBar } from '../connection/connection-bar';
import { startupTargets } from '../connection/startup-targets';
import { BoardCompletionCache } from '../editor/board-completions';
import { EditorTabs, type EditorDoc } from '../editor/editor-tabs';
import type { OpenFileRequest } from '../editor/file-origin';
import { goToLine } from '../editor/line-highlight';
import { Appearance } from '../layout/appearance';
import { BottomPanel } from '../layout/bottom-panel';
import { mountFileBrowser, mountPlotter } from '../layout/panel-modules';
import { ReplTerminal, terminalTheme } from '../repl/repl-terminal';
import type { TracebackTarget } from '../repl/traceback-links';
import { RunController } from '../run/run-controller';
import { SettingsClient } from '../settings/settings-client';
import { serverLink } from '../server-link';
import { studio } from '../studio-api';
import { Notifications } from '../ui/notifications';
import { StatusBar } from '../ui/status-bar';
import { iconButton } from '../ui/icons';
import { Toolbar } from '../ui/toolbar';
import { createCommands } from './commands';
import { installKeyboardShortcuts } from './keyboard-shortcuts';
import { buildShell } from './shell-layout';
import { exposeAutomation } from './automation';
import { openPackagesPanel } from '../packages/packages-panel';
import { installMicroPython } from '../../install-micropython';
import { openFilesFromTheSystem } from '../editor/opened-files';
import { examplesButton } from '../examples/examples-menu';

const SIDE_NAMES = { board: 'Board', local: 'Local', file: 'File' } as const;

export async function startApp(root: HTMLElement, mode: 'electron' | 'web'): Promise<void> {
  // Asked first: enumerating ports takes a while, and the answer is needed only once the window is built.
  const portsAtStart = studio.board.listPorts().catch(() => []);
  const settings = await SettingsClient.load();
  const appearance = new Appearance(settings);
  const notifications = new Notifications();
  document.body.append(notifications.element);
  const board = new BoardState();
  const completions = new BoardCompletionCache(() => board.status);
  const statusBar = new StatusBar();
  const panel = new BottomPanel({
    split: settings.value.layout.panelSplit === 1,
    onSplitChange: (split) => void settings.update({ layout: { ...settings.value.layout, panelSplit: split ? 1 : 0 } }),
  });
  // The installer is made below; the bar only opens it on a user's action, once it exists.
  const connection = new ConnectionBar(board, settings, notifications, (targetPath) => installer.open(targetPath));

  const describeDoc = (doc: EditorDoc | undefined) =>
    doc ? (doc.location ? `${SIDE_NAMES[doc.location.side]}: ${doc.location.path}` : `${doc.name} (not saved)`) : '';
  const tabs = new EditorTabs({
    completions,
    notifications,
    defaultLocalFolder: () => settings.value.localFolder,
    board: () => board.status,
    onCursor: (line, column) => statusBar.setCursor(line, column),
    onActiveChange: (doc) => {
      statusBar.setFile(describeDoc(doc));
      if (!doc) statusBar.setCursor(0, 0);
      refreshToolbar();
    },
  });

  const repl = new ReplTerminal({
    fontSize: appearance.fontSize,
    atPrompt: () => board.status.state === 'idle',
    openTraceback: (target) => void openTraceback(target),
    // The page asks main, which opens http(s) URLs only (contract schema and shell check):
    openUrl: (url) => void studio.app.openExternal(url).catch(() => window.open(url, '_blank', 'noopener')), // eng-disable OPEN_EXTERNAL_JS_CHECK
    connect: () => void connection.connect(),
  });
  const showReplForRun = () => {
    // Each Run starts a fresh plot: series of earlier output (the REPL's, a previous program's)
    // would otherwise stay in the legend until Clear. A setting keeps them, to compare runs.
    if (!settings.value.plotKeepOnRun) void studio.plot.clear().catch(() => undefined);
    // A plotter in front stays in front: the user is watching the plot of what runs.
    if (!panel.isVisible('plotter')) panel.show('repl');
    repl.startLine();
  };
  const run = new RunController(board, notifications, showReplForRun, () => connection.connect());

  const installer = installMicroPython({
    api: studio,
    notifications,
    connect: (target) => connection.connect(target),
    boardStatus: () => board.status,
  });
  const runCommand = createCommands({
    sync: () => fileBrowser?.sync(),
    packages: () => openPackages(),
    installMicroPython: () => installer.open(),
    tabs,
    run,
    connection,
    appearance,
    panel,
    settings,
    notifications,
    focusRepl: () => repl.focus(),
  });
  const toolbar = new Toolbar(connection.element, (command) => void runCommand(command), [examplesButton({ api: studio, tabs, notifications })]);
  const refreshToolbar = () =>
    toolbar.update({ connected: board.connected, running: run.running, hasFile: tabs.active !== undefined });

  const replPage = panel.addPage('repl', 'REPL');
  const plotterPage = panel.addPage('plotter', 'Plotter');
  panel.addTool('copy', 'Copy the selected text', () => repl.copySelection(), 'repl');
  panel.addTool('clear-all', 'Clear the terminal', () => repl.clear(), 'repl');
  replPage.append(repl.element);

  let plotter: ReturnType<typeof mountPlotter>;
  let fileBrowser: ReturnType<typeof mountFileBrowser>;
  const resize = () => {
    repl.resize();
    plotter?.resize();
    fileBrowser?.resize();
  };
  const boardPanel = new BoardPanel(studio);
  toolbar.addPanelButton(boardPanel.toggleButton);
  board.onChange((status) => boardPanel.setAvailable(status.target?.kind === 'virtual' && board.connected));
  const shell = buildShell(
    root,
    { toolbar: toolbar.element, editor: tabs.element, bottomPanel: panel.element, statusBar: statusBar.element, sidePanel: boardPanel.element },
    settings,
    resize,
  );
  repl.mount();
  plotter = mountPlotter(plotterPage, studio, settings.value.plotHistory);
  settings.onChange((s) => plotter?.setHistorySize(s.plotHistory));
  plotter?.onNewData(() => panel.markNewData('plotter'));
  const openFile = (request: OpenFileRequest) => void tabs.open(request);
  fileBrowser = mountFileBrowser(shell.sidebar, { api: studio, openFile, onPathChanged: (change) => void tabs.followPath(change) });
  panel.onShow(() => requestAnimationFrame(resize));
  const openPackages = () =>
    openPackagesPanel({
      api: studio,
      board: () => ({ connected: board.connected, label: board.status.target?.kind === 'virtual' ? 'the virtual board' : (board.status.target?.path ?? 'the board') }),
      onBoardChange: (listener) => board.onChange(listener),
    });
  const packagesButton = iconButton({ icon: 'package', label: 'Packages…', title: 'Install, update and remove MicroPython packages (Tools → Packages…)', className: 'sidebar-packages' });
  packagesButton.dataset.command = 'tools:packages';
  packagesButton.addEventListener('click', () => void runCommand('tools:packages'));
  shell.sidebar.append(packagesButton);

  appearance.onChange((_theme, fontSize) => {
    repl.setTheme(terminalTheme());
    repl.setFontSize(fontSize);
    for (const doc of tabs.all) doc.view.requestMeasure();
  });
  repl.setTheme(terminalTheme());

  let lastError = '';
  board.onChange((status) => {
    statusBar.setBoard(status);
    tabs.boardChanged();
    repl.setConnected(board.connected);
    refreshToolbar();
    const error = status.state === 'disconnected' && status.error ? `${status.error.code}:${status.error.message}` : '';
    // A failed connect from the connection bar is reported there, with what was being opened.
    if (error && error !== lastError && !connection.connecting) notifications.error('The board connection', status.error);
    lastError = error;
  });
  run.onChange(refreshToolbar);
  refreshToolbar();

  async function openTraceback(target: TracebackTarget): Promise<void> {
    const last = run.lastRun;
    if (target.file === '<stdin>' || (last && target.file === last.fileName)) {
      if (last?.doc && tabs.all.includes(last.doc)) {
        tabs.activate(last.doc);
        goToLine(last.doc.view, target.line);
        return;
      }
    }
    if (target.file.startsWith('<')) {
      notifications.show({ kind: 'info', title: `${target.file} is not a file`, body: 'That code came from the REPL.' });
      return;
    }
    const open = tabs.findByName(target.file);
    if (open) {
      tabs.activate(open);
      goToLine(open.view, target.line);
      return;
    }
    await tabs.open({ side: 'board', path: target.file.startsWith('/') ? target.file : `/${target.file}`, line: target.line });
  }

  studio.app.onMenuCommand((command) => void runCommand(command));
  if (mode === 'web') installKeyboardShortcuts((command) => void runCommand(command));
  window.addEventListener('beforeunload', (event) => {
    if (!tabs.hasUnsaved()) return;
    event.preventDefault();
    event.returnValue = ''; // Older engines need this to show the prompt.
  });
  exposeAutomation({ repl, tabs, board });

  // Web mode's server out of reach: unsaved buffers go to the browser's storage at once, and back once it answers.
  serverLink.onChange((state) => {
    if (state === 'lost') tabs.keepUnsavedNow();
    else void tabs.backups.handBack();
  });
  // `data-start-connection` tells automation (and styles) when the start's own connecting is over.
  // The board connects while unsaved buffers are recovered: neither waits for the other.
  root.dataset.startConnection = 'pending';
  void connectAtStart(connection, board, settings, portsAtStart).finally(() => (root.dataset.startConnection = 'done'));
  await recoverBackups(tabs, notifications);
  openFilesFromTheSystem(tabs, notifications);
  void tabs.backups.handBack();
}

/** Opens a board at start unless one is already on (web mode: another tab connected it). */
async function connectAtStart(connection: ConnectionBar, board: BoardState, settings: SettingsClient, portsAtStart: Promise<PortInfo[]>): Promise<void> {
  const ports = await portsAtStart;
  if (board.status.state !== 'disconnected') return;
  await connection.connectAtStart(startupTargets(settings.value, ports));
}

async function recoverBackups(tabs: EditorTabs, notifications: Notifications): Promise<void> {
  const backups = await tabs.backups.list();
  if (backups.length === 0) return;
  for (const backup of backups) tabs.restore(backup);
  notifications.show({
    kind: 'warning',
    title: `Recovered ${backups.length} unsaved ${backups.length === 1 ? 'buffer' : 'buffers'}`,
    body: 'They were not saved when the app last closed. Save them, or close them to discard.',
    timeoutMs: 15_000,
  });
}
