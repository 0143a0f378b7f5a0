/**
 * The toolbar: file actions, run/stop/reset, the connection bar and view controls.
 * Each button runs the same command as the menu item and the keyboard shortcut.
 */
import type { MenuCommand } from '../../../preload/contract-types';
import { h } from './dom';

export type ToolbarCommand = MenuCommand | 'settings:open';

interface ButtonSpec {
  command: ToolbarCommand;
  label: string;
  icon: string;
  title: string;
  className?: string;
}

const FILE_BUTTONS: ButtonSpec[] = [
  { command: 'file:new', label: 'New', icon: '', title: 'New file (Ctrl+N)' },
  { command: 'file:open', label: 'Open', icon: '', title: 'Open a file (Ctrl+O)' },
  { command: 'file:save', label: 'Save', icon: '', title: 'Save (Ctrl+S)' },
];
const RUN_BUTTONS: ButtonSpec[] = [
  { command: 'run:current', label: 'Run', icon: '▶', title: 'Run the current file on the board (F5)', className: 'run' },
  { command: 'run:selection', label: 'Selection', icon: '▷', title: 'Run the selected lines (Shift+F5)', className: 'run' },
  { command: 'run:stop', label: 'Stop', icon: '■', title: 'Stop the program (Ctrl+F2)', className: 'stop' },
  { command: 'run:softReset', label: 'Soft reset', icon: '↻', title: 'Soft reset: restart MicroPython' },
  { command: 'run:hardReset', label: 'Hard reset', icon: '', title: 'Hard reset: reboot the board' },
];
const VIEW_BUTTONS: ButtonSpec[] = [
  { command: 'view:zoomOut', label: 'A−', icon: '', title: 'Smaller font (Ctrl+-)' },
  { command: 'view:zoomIn', label: 'A+', icon: '', title: 'Larger font (Ctrl+=)' },
  { command: 'view:toggleTheme', label: '', icon: '◐', title: 'Switch light/dark theme' },
  { command: 'settings:open', label: '', icon: '⚙', title: 'Settings' },
];

export class Toolbar {
  readonly element: HTMLElement;
  private buttons = new Map<ToolbarCommand, HTMLButtonElement>();

  constructor(connectionBar: HTMLElement, run: (command: ToolbarCommand) => void) {
    const group = (specs: ButtonSpec[]) =>
      h(
        'div',
        { class: 'group' },
        ...specs.map((spec) => {
          const button = h(
            'button',
            { type: 'button', title: spec.title, 'aria-label': spec.title, class: spec.className, 'data-command': spec.command },
            spec.icon ? h('span', { class: 'icon', 'aria-hidden': 'true' }, spec.icon) : null,
            spec.label,
          );
          button.addEventListener('click', () => run(spec.command));
          this.buttons.set(spec.command, button);
          return button;
        }),
      );
    this.element = h(
      'header',
      { class: 'toolbar', role: 'toolbar' },
      group(FILE_BUTTONS),
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
      run.lastChild!.textContent = state.running ? 'Restart' : 'Run';
      run.title = state.running ? 'Stop the running program and run the current file again (F5)' : 'Run the current file on the board (F5)';
    }
  }
}
