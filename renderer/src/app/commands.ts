/**
 * One table from command to action. The toolbar, the menu (`app:menuCommand`) and
 * the keyboard shortcuts all run commands through here, so they never drift apart.
 */
import type { Appearance } from '../layout/appearance';
import type { BottomPanel } from '../layout/bottom-panel';
import type { ConnectionBar } from '../connection/connection-bar';
import type { EditorTabs } from '../editor/editor-tabs';
import type { RunController } from '../run/run-controller';
import { openSettingsDialog } from '../settings/settings-dialog';
import type { SettingsClient } from '../settings/settings-client';
import { askForm } from '../ui/dialogs';
import type { Notifications } from '../ui/notifications';
import type { ToolbarCommand } from '../ui/toolbar';

export interface CommandTargets {
  tabs: EditorTabs;
  run: RunController;
  connection: ConnectionBar;
  appearance: Appearance;
  panel: BottomPanel;
  settings: SettingsClient;
  notifications: Notifications;
  focusRepl(): void;
  /** Opens the file browser's sync preview. */
  sync(): void;
  /** Opens the Packages panel. */
  packages(): void;
  /** Opens the Install MicroPython dialog. */
  installMicroPython(): void;
}

export function createCommands(t: CommandTargets): (command: ToolbarCommand) => Promise<void> {
  const actions: Record<ToolbarCommand, () => Promise<unknown> | unknown> = {
    'file:new': () => t.tabs.newFile(),
    'file:open': () => openByPath(t),
    'file:save': () => t.tabs.save(),
    'file:saveAs': () => t.tabs.saveAs(),
    'file:close': () => t.tabs.close(),
    'run:current': () => t.run.runDoc(t.tabs.active),
    'run:selection': () => t.run.runDoc(t.tabs.active, true),
    'run:stop': () => t.run.stop(),
    'run:softReset': () => t.run.softReset(),
    'run:hardReset': () => t.run.hardReset(),
    'view:toggleTheme': () => t.appearance.toggleTheme(),
    'view:zoomIn': () => t.appearance.changeFontSize(1),
    'view:zoomOut': () => t.appearance.changeFontSize(-1),
    'view:repl': () => {
      t.panel.show('repl');
      t.focusRepl();
    },
    'view:plotter': () => t.panel.show('plotter'),
    'board:connect': () => t.connection.connect(),
    'board:disconnect': () => t.connection.disconnect(),
    'sync:preview': () => t.sync(),
    'tools:packages': () => t.packages(),
    'tools:installMicroPython': () => t.installMicroPython(),
    'settings:open': () => openSettingsDialog(t.settings, t.notifications),
  };
  return async (command) => {
    try {
      await actions[command]();
    } catch (error) {
      t.notifications.error(command, error);
    }
  };
}

async function openByPath(t: CommandTargets): Promise<void> {
  const answer = await askForm(
    'Open a file',
    'A path on the board (like /main.py), or on this computer inside the project folder (like lib/tools.py).',
    [
      { name: 'side', label: 'From', value: 'board', options: [{ value: 'board', label: 'The board' }, { value: 'local', label: 'This computer' }] },
      { name: 'path', label: 'Path', value: '/main.py' },
    ],
    'Open',
  );
  const path = answer?.path?.trim();
  if (!answer || !path) return;
  const side = answer.side === 'local' ? 'local' : 'board';
  await t.tabs.open({ side, path: side === 'board' ? `/${path.replace(/^\/+/, '')}` : path.replace(/^[\\/]+/, '') });
}
