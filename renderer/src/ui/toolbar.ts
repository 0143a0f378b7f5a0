/**
 * The toolbar: file actions, run/stop/reset, the connection bar and view controls.
 * Each button runs the same command as the menu item and the keyboard shortcut.
 */
import type { MenuCommand } from '../../../preload/contract-types';
import { h } from './dom';
import { iconButton, type IconName } from './icons';

export type ToolbarCommand = MenuCommand | 'settings:open';

interface ButtonSpec {
  command: ToolbarCommand;
  icon: IconName;
  title: string;
  /** Text beside the icon: only the run group, the buttons a new user looks for by name. */
  label?: string;
  className?: string;
}

const FILE_BUTTONS: ButtonSpec[] = [
  { command: 'file:new', icon: 'new-file', title: 'New file (Ctrl+N)' },
  { command: 'file:open', icon: 'go-to-file', title: 'Open a file by its path (Ctrl+O)' },
  { command: 'file:save', icon: 'save', title: 'Save (Ctrl+S)' },
];
const RUN_BUTTONS: ButtonSpec[] = [
  { command: 'run:current', icon: 'play', label: 'Run', title: 'Run the current file on the board (F5)', className: 'run' },
  { command: 'run:selection', icon: 'debug-line-by-line', label: 'Selection', title: 'Run the selected lines (Shift+F5)', className: 'run' },
  { command: 'run:stop', icon: 'debug-stop', label: 'Stop', title: 'Stop the program (Ctrl+F2)', className: 'stop' },
  { command: 'run:softReset', icon: 'debug-restart', label: 'Soft reset', title: 'Soft reset: restart MicroPython' },
  { command: 'run:hardReset', icon: 'debug-disconnect', label: 'Hard reset', title: 'Hard reset: reboot the board' },
];
const VIEW_BUTTONS: ButtonSpec[] = [
  { command: 'view:zoomOut', icon: 'zoom-out', title: 'Smaller font (Ctrl+-)' },
  { command: 'view:zoomIn', icon: 'zoom-in', title: 'Larger font (Ctrl+=)' },
  { command: 'view:toggleTheme', icon: 'color-mode', title: 'Switch light/dark theme' },
  { command: 'settings:open', icon: 'settings-gear', title: 'Settings' },
];

export class Toolbar {
  readonly element: HTMLElement;
  private buttons = new Map<ToolbarCommand, HTMLButtonElement>();

  /** `fileExtras`: buttons that belong with New, Open and Save (the Examples menu). */
  constructor(connectionBar: HTMLElement, run: (command: ToolbarCommand) => void, fileExtras: HTMLElement[] = []) {
    const group = (specs: ButtonSpec[], ...extras: HTMLElement[]) =>
      h(
        'div',
        { class: 'group' },
        ...specs.map((spec) => {
          const button = iconButton(spec);
          button.dataset.command = spec.command;
          button.addEventListener('click', () => run(spec.command));
          this.buttons.set(spec.command, button);
          return button;
        }),
        ...extras,
      );
    this.element = h(
      'header',
      { class: 'toolbar', role: 'toolbar' },
      group(FILE_BUTTONS, ...fileExtras),
      h('div', { class: 'sep' }),
      group(RUN_BUTTONS),
      h('div', { class: 'sep' }),
      connectionBar,
      h('div', { class: 'spacer' }),
      group(VIEW_BUTTONS),
    );
  }

  /** Adds a button that a panel owns (e.g. showing the Board panel) before the view buttons. */
  addPanelButton(button: HTMLElement): void {
    this.element.querySelector('.spacer')?.after(button);
  }

  /** Reflects the board: what can be done depends on whether it is connected and running. */
  update(state: { connected: boolean; running: boolean; hasFile: boolean }): void {
    const set = (command: ToolbarCommand, enabled: boolean) => {
      const button = this.buttons.get(command);
      if (button) button.disabled = !enabled;
    };
    set('file:save', state.hasFile);
    set('run:current', state.hasFile);
    set('run:selection', state.hasFile);
    set('run:stop', state.connected);
    set('run:softReset', state.connected && !state.running);
    set('run:hardReset', state.connected);
    const run = this.buttons.get('run:current');
    if (run) {
      run.querySelector('.label')!.textContent = state.running ? 'Restart' : 'Run';
      run.title = state.running ? 'Stop the running program and run the current file again (F5)' : 'Run the current file on the board (F5)';
      run.setAttribute('aria-label', run.title);
    }
  }
}
