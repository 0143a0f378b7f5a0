/**
 * Keyboard shortcuts for the browser (web mode). In the desktop app the menu's
 * accelerators send the same commands, so binding them here too would run each twice.
 */
import type { ToolbarCommand } from '../ui/toolbar';

interface Shortcut {
  key: string;
  ctrl?: boolean;
  shift?: boolean;
  command: ToolbarCommand;
}

const SHORTCUTS: Shortcut[] = [
  { key: 'F5', command: 'run:current' },
  { key: 'F5', shift: true, command: 'run:selection' },
  { key: 'F2', ctrl: true, command: 'run:stop' },
  { key: 's', ctrl: true, command: 'file:save' },
  { key: 's', ctrl: true, shift: true, command: 'file:saveAs' },
  { key: 'n', ctrl: true, command: 'file:new' },
  { key: 'o', ctrl: true, command: 'file:open' },
  { key: 'w', ctrl: true, command: 'file:close' },
  { key: '=', ctrl: true, command: 'view:zoomIn' },
  { key: '+', ctrl: true, command: 'view:zoomIn' },
  { key: '+', ctrl: true, shift: true, command: 'view:zoomIn' },
  { key: '-', ctrl: true, command: 'view:zoomOut' },
  { key: 'r', ctrl: true, shift: true, command: 'view:repl' },
  { key: 'p', ctrl: true, shift: true, command: 'view:plotter' },
];

export function commandForKey(event: KeyboardEvent): ToolbarCommand | undefined {
  const ctrl = event.ctrlKey || event.metaKey;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  return SHORTCUTS.find((s) => s.key === key && Boolean(s.ctrl) === ctrl && Boolean(s.shift) === event.shiftKey && !event.altKey)
    ?.command;
}

export function installKeyboardShortcuts(run: (command: ToolbarCommand) => void): void {
  // Capture phase: F5 and Ctrl+F2 must win over the editor and the terminal (and F5 over reload).
  window.addEventListener(
    'keydown',
    (event) => {
      const command = commandForKey(event);
      if (!command) return;
      event.preventDefault();
      event.stopPropagation();
      run(command);
    },
    { capture: true },
  );
}
