/**
 * A small pop-up menu for right clicks and "⋯"/"⌄" buttons: items with an icon, each
 * one disabled with a tooltip saying why when it cannot run now. Keyboard first, as a
 * menu should be: it takes focus, arrows move, Enter runs, Escape or Tab closes and
 * gives focus back to where it was. One menu is open at a time.
 */
import { icon, type IconName } from './icons';
import './context-menu.css';

export interface MenuItem {
  /** Names the item for tests and styles (`data-action`). */
  action: string;
  label: string;
  icon?: IconName;
  /** Why the item cannot run now; null or absent when it can. */
  disabledWhy?: string | null;
  /** A tooltip for an enabled item (a full path, a description). */
  title?: string;
  /** A short muted note after the label ("unsaved"). */
  detail?: string | undefined;
  /** For a list of choices (the open tabs): the one that is current. */
  checked?: boolean;
  run(): void;
}

export type MenuEntry = MenuItem | 'separator';

export interface MenuOptions {
  /** The menu's accessible name. */
  label: string;
  /** Where it opens: at a point (a right click) or below a button, which shows it is expanded. */
  at: { x: number; y: number } | HTMLElement;
}

let openMenu: { close(): void } | null = null;

/** Opens a menu; it closes itself when an item runs, on Escape, Tab, a click elsewhere or a resize. */
export function openContextMenu(entries: readonly MenuEntry[], options: MenuOptions): { element: HTMLElement; close(): void } {
  openMenu?.close();
  const returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const anchor = options.at instanceof HTMLElement ? options.at : null;
  const menu = document.createElement('div');
  menu.className = 'context-menu';
  menu.setAttribute('role', 'menu');
  menu.setAttribute('aria-label', options.label);
  menu.tabIndex = -1;
  const items: HTMLButtonElement[] = [];
  for (const entry of entries) {
    if (entry === 'separator') {
      menu.append(Object.assign(document.createElement('div'), { className: 'context-menu-separator', role: 'separator' }));
      continue;
    }
    items.push(menuButton(entry, () => close(true)));
    menu.append(items[items.length - 1]!);
  }

  const enabled = () => items.filter((item) => !item.disabled);
  const move = (step: number) => {
    const list = enabled();
    if (list.length === 0) return;
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    list[(at + step + list.length) % list.length]!.focus();
  };
  menu.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') move(1);
    else if (event.key === 'ArrowUp') move(-1);
    else if (event.key === 'Home') enabled()[0]?.focus();
    else if (event.key === 'End') enabled().at(-1)?.focus();
    else if (event.key === 'Escape' || event.key === 'Tab') close(true);
    else return;
    event.preventDefault();
    event.stopPropagation();
  });
  // A press anywhere else closes the menu (and still does what it pressed).
  const onPointerDown = (event: PointerEvent) => {
    if (!menu.contains(event.target as Node) && !anchor?.contains(event.target as Node)) close(false);
  };
  const onWindowChange = () => close(false);
  document.addEventListener('pointerdown', onPointerDown, true);
  window.addEventListener('resize', onWindowChange);
  window.addEventListener('blur', onWindowChange);

  let closed = false;
  function close(restoreFocus: boolean): void {
    if (closed) return;
    closed = true;
    document.removeEventListener('pointerdown', onPointerDown, true);
    window.removeEventListener('resize', onWindowChange);
    window.removeEventListener('blur', onWindowChange);
    menu.remove();
    anchor?.setAttribute('aria-expanded', 'false');
    if (openMenu === handle) openMenu = null;
    if (restoreFocus && returnFocus?.isConnected) returnFocus.focus();
  }
  const handle = { element: menu, close: () => close(false) };
  openMenu = handle;

  document.body.append(menu);
  anchor?.setAttribute('aria-expanded', 'true');
  place(menu, options.at);
  (items.find((item) => item.getAttribute('aria-checked') === 'true' && !item.disabled) ?? enabled()[0] ?? menu).focus();
  return handle;
}

function menuButton(item: MenuItem, close: () => void): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'context-menu-item';
  button.dataset.action = item.action;
  button.tabIndex = -1;
  button.setAttribute('role', item.checked === undefined ? 'menuitem' : 'menuitemradio');
  if (item.checked !== undefined) button.setAttribute('aria-checked', String(item.checked));
  const glyph = item.icon ? icon(item.icon) : item.checked ? icon('check') : document.createElement('span');
  glyph.classList.add('context-menu-icon');
  const label = document.createElement('span');
  label.className = 'context-menu-label';
  label.textContent = item.label;
  button.append(glyph, label);
  if (item.detail) button.append(Object.assign(document.createElement('span'), { className: 'context-menu-detail', textContent: item.detail }));
  button.disabled = !!item.disabledWhy;
  const title = item.disabledWhy ?? item.title;
  if (title) button.title = title;
  button.addEventListener('click', () => {
    if (button.disabled) return;
    close();
    item.run();
  });
  // Hovering moves the keyboard's place too, as in a native menu.
  button.addEventListener('pointermove', () => {
    if (!button.disabled && document.activeElement !== button) button.focus();
  });
  return button;
}

/** Puts the menu at the point or under the button, kept inside the window. */
function place(menu: HTMLElement, at: MenuOptions['at']): void {
  const box = at instanceof HTMLElement ? at.getBoundingClientRect() : null;
  let x = box ? box.left : (at as { x: number }).x;
  let y = box ? box.bottom + 2 : (at as { y: number }).y;
  const { width, height } = menu.getBoundingClientRect();
  if (box && x + width > window.innerWidth - 4) x = box.right - width;
  x = Math.max(4, Math.min(x, window.innerWidth - width - 4));
  if (y + height > window.innerHeight - 4) y = box ? box.top - height - 2 : y - height;
  y = Math.max(4, y);
  // CSSOM positions, not a style attribute: the menu's place is computed, never page text.
  menu.style.left = `${Math.round(x)}px`;
  menu.style.top = `${Math.round(y)}px`;
}
