/**
 * The application menu. Items that act on the editor or the board send a
 * `MenuCommand` to the renderer, which owns that state; the accelerators are the
 * ones Thonny users know (F5 run, Ctrl+F2 stop).
 */
import { Menu, shell, type MenuItemConstructorOptions } from 'electron';
import type { ExampleInfo, MenuCommand } from '../../preload/contract-types';

export interface MenuOptions {
  helpUrl: string;
  /** Offer Toggle DevTools: only when developing the app, never in a packaged one. */
  devTools: boolean;
  /** File → Examples: each opens a copy in a new tab, as in Thonny and the Arduino IDE. */
  examples: readonly ExampleInfo[];
  openExample(name: string): void;
}

export function setupMenu(send: (command: MenuCommand) => void, { helpUrl, devTools, examples, openExample }: MenuOptions): void {
  const item = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator && { accelerator }),
    click: () => send(command),
  });
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        item('New File', 'file:new', 'CmdOrCtrl+N'),
        item('Open…', 'file:open', 'CmdOrCtrl+O'),
        {
          label: 'Examples',
          submenu: examples.length > 0
            ? examples.map((example) => ({ label: example.name, toolTip: example.summary, click: () => openExample(example.name) }))
            : [{ label: 'No examples found', enabled: false }],
        },
        item('Save', 'file:save', 'CmdOrCtrl+S'),
        item('Save As…', 'file:saveAs', 'CmdOrCtrl+Shift+S'),
        item('Close Tab', 'file:close', 'CmdOrCtrl+W'),
        { type: 'separator' },
        item('Sync Folder to Board…', 'sync:preview'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { label: '&Edit', submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    {
      label: '&Run',
      submenu: [
        item('Run Current File', 'run:current', 'F5'),
        item('Run Selection', 'run:selection', 'Shift+F5'),
        item('Stop / Restart', 'run:stop', 'CmdOrCtrl+F2'),
        { type: 'separator' },
        item('Soft Reset', 'run:softReset'),
        item('Hard Reset', 'run:hardReset'),
      ],
    },
    {
      label: '&Board',
      submenu: [item('Connect…', 'board:connect'), item('Disconnect', 'board:disconnect')],
    },
    { label: '&Tools', submenu: [item('Packages…', 'tools:packages')] },
    {
      label: '&Tools',
      submenu: [item('Install MicroPython…', 'tools:installMicroPython')],
    },
    {
      label: '&View',
      submenu: [
        item('REPL', 'view:repl', 'CmdOrCtrl+Shift+R'),
        item('Plotter', 'view:plotter', 'CmdOrCtrl+Shift+P'),
        { type: 'separator' },
        item('Toggle Dark Theme', 'view:toggleTheme'),
        item('Larger Font', 'view:zoomIn', 'CmdOrCtrl+='),
        item('Smaller Font', 'view:zoomOut', 'CmdOrCtrl+-'),
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(devTools ? [{ role: 'toggleDevTools' as const }] : []),
      ],
    },
    // A fixed https documentation URL from main, never one from the page:
    { role: 'help', submenu: [{ label: 'MicroPython Documentation', click: () => void shell.openExternal(helpUrl) }] }, // eng-disable OPEN_EXTERNAL_JS_CHECK
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
