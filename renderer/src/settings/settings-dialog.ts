/** The settings dialog: theme, font size, connection behaviour, baud rate, virtual board folder, plotter history, package index. */
import { askForm } from '../ui/dialogs';
import type { Notifications } from '../ui/notifications';
import { studio } from '../studio-api';
import type { SettingsClient, SettingsPatch } from './settings-client';

const yesNo = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

export async function openSettingsDialog(settings: SettingsClient, notifications: Notifications): Promise<void> {
  const s = settings.value;
  const answer = await askForm(
    'Settings',
    '',
    [
      { name: 'theme', label: 'Theme', value: s.theme, options: [{ value: 'system', label: 'Follow the system' }, { value: 'light', label: 'Light' }, { value: 'dark', label: 'Dark' }] },
      { name: 'fontSize', label: 'Font size', value: String(s.fontSize) },
      { name: 'autoConnect', label: 'Connect at start (the last board, else the virtual board)', value: s.autoConnect ? 'yes' : 'no', options: yesNo },
      { name: 'autoReconnect', label: 'Reconnect when the board comes back', value: s.autoReconnect ? 'yes' : 'no', options: yesNo },
      { name: 'baudRate', label: 'Baud rate (serial)', value: String(s.baudRate) },
      { name: 'virtualBoardFolder', label: 'Virtual board folder', value: s.virtualBoardFolder },
      { name: 'plotHistory', label: 'Plotter history (samples per series, from the next Clear)', value: String(s.plotHistory) },
      { name: 'plotKeepOnRun', label: 'Keep the plot of earlier runs (else each Run starts a fresh plot)', value: s.plotKeepOnRun ? 'yes' : 'no', options: yesNo },
      { name: 'packageIndex', label: 'Package index (empty: micropython.org/pi/v2)', value: s.packageIndex },
    ],
    'Save',
  );
  if (!answer) return;
  const patch: SettingsPatch = {
    theme: answer.theme === 'light' || answer.theme === 'dark' ? answer.theme : 'system',
    fontSize: Number(answer.fontSize),
    autoConnect: answer.autoConnect === 'yes',
    autoReconnect: answer.autoReconnect === 'yes',
    baudRate: Number(answer.baudRate),
    virtualBoardFolder: (answer.virtualBoardFolder ?? '').trim(),
    plotHistory: Number(answer.plotHistory),
    plotKeepOnRun: answer.plotKeepOnRun === 'yes',
    packageIndex: (answer.packageIndex ?? '').trim(),
  };
  try {
    // The desktop app takes a folder only from its folder dialog (main refuses typed
    // paths there), so a changed folder opens it; web mode takes the typed path.
    const folderChanged = patch.virtualBoardFolder !== s.virtualBoardFolder && patch.virtualBoardFolder !== '';
    if (folderChanged && (await studio.app.info()).mode === 'electron') {
      delete patch.virtualBoardFolder;
      await settings.update(patch);
      await settings.pickFolder('virtualBoardFolder');
    } else await settings.update(patch);
  } catch (error) {
    notifications.error('Saving the settings', error);
  }
}
