/** A tiny element builder for the file browser; text always goes in as text, never as HTML. */
import { iconButton, type IconName } from '../src/ui/icons';

type Attrs = Record<string, string | boolean | number | undefined>;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Array<Node | string | null | undefined | false>
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (name === 'class') element.className = String(value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) element.append(child);
  return element;
}

/** A toolbar button; `disabledWhy` disables it and says why in its tooltip. */
export function toolButton(label: string, title: string, action: string, run: () => void): HTMLButtonElement {
  const button = el('button', { type: 'button', class: 'fb-tool', title, 'data-action': action }, label);
  button.addEventListener('click', () => {
    if (!button.disabled) run();
  });
  return button;
}

/**
 * A pane toolbar's icon button: the tooltip says what it does (or why it cannot now,
 * see `setEnabled`), the accessible name always says what it does.
 */
export function iconTool(icon: IconName, title: string, action: string, run: () => void): HTMLButtonElement {
  const button = iconButton({ icon, title, className: 'fb-tool' });
  button.dataset.action = action;
  button.addEventListener('click', () => {
    if (!button.disabled) run();
  });
  return button;
}

/** Enables a button, or disables it with the reason as its tooltip. */
export function setEnabled(button: HTMLButtonElement, why: string | null, title: string): void {
  button.disabled = why !== null;
  button.title = why ?? title;
  if (why) button.dataset.disabledWhy = why;
  else delete button.dataset.disabledWhy;
}
