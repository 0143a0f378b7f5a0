/**
 * The app's one icon set: VS Code's codicons, an icon font bundled with the page and
 * served from the app's own files (the CSP allows fonts from 'self' only). Every
 * toolbar, menu and tab uses these; text glyphs (◐ ⚙ ⟳) are not icons.
 */
import '@vscode/codicons/dist/codicon.css';
import './icons.css';

/** The codicons the app uses, so a misspelt name is a compile error rather than a blank square. */
export type IconName =
  | 'arrow-down'
  | 'arrow-up'
  | 'book'
  | 'check'
  | 'chevron-down'
  | 'chevron-right'
  | 'circle-filled'
  | 'circuit-board'
  | 'clear-all'
  | 'close'
  | 'cloud-download'
  | 'cloud-upload'
  | 'color-mode'
  | 'copy'
  | 'debug-disconnect'
  | 'debug-line-by-line'
  | 'debug-restart'
  | 'debug-stop'
  | 'edit'
  | 'ellipsis'
  | 'file'
  | 'folder-opened'
  | 'go-to-file'
  | 'history'
  | 'new-file'
  | 'new-folder'
  | 'package'
  | 'play'
  | 'refresh'
  | 'save'
  | 'settings-gear'
  | 'split-horizontal'
  | 'trash'
  | 'zoom-in'
  | 'zoom-out';

/** An icon for decoration: hidden from screen readers, whose name comes from the button's label. */
export function icon(name: IconName): HTMLSpanElement {
  const span = document.createElement('span');
  span.className = `codicon codicon-${name}`;
  span.setAttribute('aria-hidden', 'true');
  return span;
}

export interface IconButtonSpec {
  icon: IconName;
  /** What the button does (and its shortcut): its tooltip and its accessible name. */
  title: string;
  /** Visible text beside the icon, for the few actions a new user looks for by name. */
  label?: string;
  className?: string;
}

/** A button showing an icon, with a tooltip and an accessible name (icon-only buttons have no text). */
export function iconButton(spec: IconButtonSpec): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = ['icon-button', spec.label ? 'with-label' : '', spec.className ?? ''].filter(Boolean).join(' ');
  button.title = spec.title;
  button.setAttribute('aria-label', spec.title);
  button.append(icon(spec.icon));
  if (spec.label) {
    const text = document.createElement('span');
    text.className = 'label';
    text.textContent = spec.label;
    button.append(text);
  }
  return button;
}
