/**
 * File → Examples for the page: a toolbar button that lists the example programs that
 * ship with the app, and opening one as a new untitled tab holding a copy of its text,
 * named after it (as Thonny and the Arduino IDE do). The desktop menu's File → Examples
 * arrives as `app:openExample` and opens a copy the same way. Saving the copy asks
 * where: the tab has no file behind it, so the original can never be overwritten.
 */
import type { StudioApi } from '../../../preload/contract';
import type { EditorTabs } from '../editor/editor-tabs';
import { openContextMenu } from '../ui/context-menu';
import { iconButton } from '../ui/icons';
import type { Notifications } from '../ui/notifications';

export interface ExamplesDeps {
  api: StudioApi;
  tabs: EditorTabs;
  notifications: Notifications;
}

/** Opens a copy of one example in a new tab. */
export async function openExampleCopy(deps: ExamplesDeps, name: string): Promise<void> {
  try {
    deps.tabs.newFile(await deps.api.app.example(name), name);
  } catch (error) {
    deps.notifications.error(`Opening the example ${name}`, error);
  }
}

/** The toolbar's Examples button; it also answers the desktop menu's choice. */
export function examplesButton(deps: ExamplesDeps): HTMLButtonElement {
  const button = iconButton({ icon: 'book', label: 'Examples', title: 'Open a copy of an example program (File → Examples)', className: 'examples-button' });
  button.setAttribute('aria-haspopup', 'menu');
  button.setAttribute('aria-expanded', 'false');
  button.addEventListener('click', () => void showList(deps, button));
  deps.api.app.onOpenExample((name) => void openExampleCopy(deps, name));
  return button;
}

async function showList(deps: ExamplesDeps, button: HTMLButtonElement): Promise<void> {
  let examples;
  try {
    examples = await deps.api.app.examples();
  } catch (error) {
    deps.notifications.error('Listing the examples', error);
    return;
  }
  const items = examples.map((example) => ({
    action: `example:${example.name}`,
    label: example.name,
    title: example.summary,
    icon: 'file' as const,
    run: () => void openExampleCopy(deps, example.name),
  }));
  if (items.length === 0) items.push({ action: 'none', label: 'No examples found', title: '', icon: 'file', run: () => undefined });
  openContextMenu(items, { label: 'Examples', at: button });
}
