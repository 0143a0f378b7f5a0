/**
 * Modal dialogs that return a promise: confirm with several choices, and a form
 * with text fields. Escape cancels, Enter takes the default button.
 */
import { h } from './dom';

export interface Choice<T extends string> {
  value: T;
  label: string;
  primary?: boolean;
}

export function openDialog(content: HTMLElement[], buttons: HTMLButtonElement[], onCancel: () => void): () => void {
  const dialog = h('div', { class: 'dialog', role: 'dialog', 'aria-modal': 'true' }, ...content, h('div', { class: 'actions' }, ...buttons));
  const backdrop = h('div', { class: 'dialog-backdrop' }, dialog);
  const close = () => backdrop.remove();
  backdrop.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close();
      onCancel();
    }
  });
  document.body.append(backdrop);
  const focusTarget = dialog.querySelector<HTMLElement>('input, select') ?? buttons.find((b) => b.classList.contains('primary')) ?? buttons[0];
  focusTarget?.focus();
  return close;
}

/** Asks a question; resolves with the chosen value, or `cancel` on Escape. */
/**
 * Asks the user to pick one of `choices`; resolves 'cancel' on Escape. A `signal` that
 * aborts meanwhile (the question became moot) closes the dialog and resolves 'cancel'.
 */
export function choose<T extends string>(title: string, message: string, choices: Array<Choice<T>>, options: { signal?: AbortSignal } = {}): Promise<T | 'cancel'> {
  return new Promise((resolve) => {
    let close = () => undefined as void;
    const buttons = choices.map((choice) => {
      const button = h('button', { type: 'button', class: choice.primary ? 'primary' : undefined, 'data-choice': choice.value }, choice.label);
      button.addEventListener('click', () => {
        close();
        resolve(choice.value);
      });
      return button;
    });
    close = openDialog([h('h2', {}, title), h('p', {}, message)], buttons, () => resolve('cancel'));
    options.signal?.addEventListener('abort', () => {
      close();
      resolve('cancel');
    });
  });
}

export interface FormField {
  name: string;
  label: string;
  value: string;
  /** Offers a fixed set of values as a select. */
  options?: Array<{ value: string; label: string }>;
}

/** A small form; resolves with the field values, or null when cancelled. */
export function askForm(title: string, message: string, fields: FormField[], okLabel = 'OK'): Promise<Record<string, string> | null> {
  return new Promise((resolve) => {
    const inputs = new Map<string, HTMLInputElement | HTMLSelectElement>();
    const rows = fields.map((field) => {
      let input: HTMLInputElement | HTMLSelectElement;
      if (field.options) {
        input = h('select', { name: field.name }, ...field.options.map((o) => h('option', { value: o.value }, o.label)));
        input.value = field.value;
      } else {
        input = h('input', { type: 'text', name: field.name, spellcheck: 'false' });
        input.value = field.value;
      }
      inputs.set(field.name, input);
      return h('label', {}, h('span', {}, field.label), input);
    });
    const form = h('form', {}, ...rows);
    const ok = h('button', { type: 'submit', class: 'primary' }, okLabel);
    const cancel = h('button', { type: 'button' }, 'Cancel');
    const submit = () => {
      close();
      resolve(Object.fromEntries([...inputs].map(([name, input]) => [name, input.value])));
    };
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submit();
    });
    ok.addEventListener('click', (event) => {
      event.preventDefault();
      submit();
    });
    cancel.addEventListener('click', () => {
      close();
      resolve(null);
    });
    const close = openDialog([h('h2', {}, title), ...(message ? [h('p', {}, message)] : []), form], [cancel, ok], () => resolve(null));
  });
}
