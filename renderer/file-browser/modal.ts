/**
 * The file browser's modal dialogs: a confirm and a one-line prompt, each a promise.
 * Escape cancels, Enter accepts. `openModal` is the frame the sync dialog builds on.
 */
import { el } from './dom';

export interface Modal {
  body: HTMLElement;
  actions: HTMLElement;
  close(): void;
}

/** Opens an empty modal; `onCancel` runs on Escape. */
export function openModal(title: string, name: string, onCancel: () => void): Modal {
  const body = el('div', { class: 'fb-dialog-body' });
  const actions = el('div', { class: 'fb-dialog-actions' });
  const dialog = el('div', { class: 'fb-dialog', role: 'dialog', 'aria-modal': 'true', 'aria-label': title, 'data-dialog': name }, el('h2', {}, title), body, actions);
  const backdrop = el('div', { class: 'fb-backdrop' }, dialog);
  const close = () => backdrop.remove();
  backdrop.addEventListener('keydown', (event) => {
    if (event.key === 'Tab') keepFocusIn(dialog, event);
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    close();
    onCancel();
  });
  document.body.append(backdrop);
  return { body, actions, close };
}

/** Tab from the last control goes to the first, Shift+Tab from the first to the last: a modal keeps the focus. */
function keepFocusIn(dialog: HTMLElement, event: KeyboardEvent): void {
  const focusable = [...dialog.querySelectorAll<HTMLElement>('button, input, select, textarea, [tabindex]:not([tabindex="-1"])')].filter(
    (e) => !(e as HTMLButtonElement).disabled && e.offsetParent !== null,
  );
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!first || !last) return;
  if (event.shiftKey ? document.activeElement === first : document.activeElement === last) {
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  }
}

function button(label: string, action: string, primary = false): HTMLButtonElement {
  return el('button', { type: 'button', class: primary ? 'primary' : undefined, 'data-action': action }, label);
}

/** Asks a yes/no question; true when the user confirms. */
export function confirmDialog(title: string, message: string, okLabel: string): Promise<boolean> {
  return new Promise((resolve) => {
    const modal = openModal(title, 'confirm', () => resolve(false));
    modal.body.append(el('p', {}, message));
    const ok = button(okLabel, 'confirm', true);
    const cancel = button('Cancel', 'cancel');
    ok.addEventListener('click', () => (modal.close(), resolve(true)));
    cancel.addEventListener('click', () => (modal.close(), resolve(false)));
    modal.actions.append(cancel, ok);
    ok.focus();
  });
}

/** Asks for one line of text; null when cancelled or left empty. */
export function promptDialog(title: string, label: string, value = '', okLabel = 'OK'): Promise<string | null> {
  return new Promise((resolve) => {
    const modal = openModal(title, 'prompt', () => resolve(null));
    const input = el('input', { type: 'text', name: 'value', spellcheck: 'false', 'aria-label': label });
    input.value = value;
    modal.body.append(el('label', { class: 'fb-field' }, el('span', {}, label), input));
    const ok = button(okLabel, 'confirm', true);
    const cancel = button('Cancel', 'cancel');
    const accept = () => {
      modal.close();
      resolve(input.value.trim() === '' ? null : input.value);
    };
    ok.addEventListener('click', accept);
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') accept();
    });
    cancel.addEventListener('click', () => (modal.close(), resolve(null)));
    modal.actions.append(cancel, ok);
    input.focus();
    input.select();
  });
}

/**
 * Asks for a name and the folder it goes in, both editable, so the dialog says where a new
 * file or folder will be (the selected folder is only a default). Null when cancelled.
 */
export function promptInFolder(title: string, folder: string, label: string, value: string, okLabel: string): Promise<{ folder: string; name: string } | null> {
  return new Promise((resolve) => {
    const modal = openModal(title, 'prompt', () => resolve(null));
    const folderInput = el('input', { type: 'text', name: 'folder', spellcheck: 'false', 'aria-label': 'Folder' });
    folderInput.value = folder;
    const input = el('input', { type: 'text', name: 'value', spellcheck: 'false', 'aria-label': label });
    input.value = value;
    modal.body.append(el('label', { class: 'fb-field' }, el('span', {}, 'In folder'), folderInput), el('label', { class: 'fb-field' }, el('span', {}, label), input));
    const ok = button(okLabel, 'confirm', true);
    const cancel = button('Cancel', 'cancel');
    const accept = () => {
      modal.close();
      resolve(input.value.trim() === '' ? null : { folder: folderInput.value.trim() || '/', name: input.value });
    };
    ok.addEventListener('click', accept);
    for (const field of [folderInput, input]) {
      field.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') accept();
      });
    }
    cancel.addEventListener('click', () => (modal.close(), resolve(null)));
    modal.actions.append(cancel, ok);
    input.focus();
    input.select();
  });
}
