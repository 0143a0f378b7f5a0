/**
 * Files the system opened in the app ("Open with" in a file manager, or a second
 * launch with a file): main keeps them until a window takes them, so those of the
 * first launch open once the page is up, and later ones as they arrive.
 */
import { studio } from '../studio-api';
import type { Notifications } from '../ui/notifications';
import type { EditorTabs } from './editor-tabs';

export function openFilesFromTheSystem(tabs: EditorTabs, notifications: Notifications): void {
  let taking = Promise.resolve();
  const take = () => {
    // One take at a time: an event arriving while the start's take runs must not open a file twice.
    taking = taking.then(async () => {
      const { files, problems } = await studio.opened.take();
      for (const file of files) await tabs.open({ side: 'file', path: file.path });
      if (problems.length > 0) notifications.show({ kind: 'warning', title: problems.length === 1 ? 'A file could not be opened' : 'Some files could not be opened', body: problems.join('\n'), timeoutMs: 15_000 });
    }).catch((error: unknown) => notifications.error('Opening the files the system handed over', error));
  };
  studio.opened.onWaiting(take);
  take();
}
