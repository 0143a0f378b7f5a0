/**
 * "Replaced files…" in the local pane: the local files the app replaced in this project
 * folder (kept in the user data by main/consent/replaced-files.ts), newest first, each
 * with Restore. A restore is a write like any other (replace-flow.ts): a current file
 * that differs is asked about, and is kept in turn, so it shows up in this list too.
 */
import type { ReplacedFileInfo } from '../../preload/contract-types';
import { writeAsking } from '../src/consent/replace-flow';
import { el } from './dom';
import { formatBytes } from './format';
import { openModal } from './modal';
import type { Shared } from './shared';

const when = (at: number) => new Date(at).toLocaleString();

/** Opens the list for `folder` (the local pane's folder, absolute). */
export function openReplacedFilesDialog(s: Shared, folder: string): void {
  const modal = openModal('Replaced files', 'replaced', () => undefined);
  const intro = el('p', { class: 'fb-replaced-intro' }, 'Reading the replaced files…');
  const table = el('div', { class: 'fb-replaced-table', role: 'table', 'aria-label': 'Replaced files' });
  const others = el('p', { class: 'fb-muted fb-replaced-others', hidden: true });
  // What the last restore did, said inside the dialog too (the pane's line is behind it).
  const status = el('div', { class: 'fb-replaced-status', role: 'status', 'aria-live': 'polite', hidden: true });
  const close = el('button', { type: 'button', 'data-action': 'close' }, 'Close');
  close.addEventListener('click', () => modal.close());
  modal.body.append(intro, table, others, status);
  modal.actions.append(close);

  const say = (text: string, kind: 'info' | 'error') => {
    status.hidden = false;
    status.textContent = text;
    status.dataset.kind = kind;
  };

  const restoreButton = (file: ReplacedFileInfo) => {
    const button = el(
      'button',
      { type: 'button', 'data-action': 'restore', 'data-id': file.id, 'aria-label': `Restore ${file.path}, replaced ${when(file.replacedAt)}` },
      'Restore',
    );
    button.addEventListener('click', () => void restore(file));
    return button;
  };

  const draw = (files: readonly ReplacedFileInfo[], elsewhere: readonly ReplacedFileInfo[]) => {
    const head = el(
      'div',
      { class: 'fb-replaced-row fb-replaced-head', role: 'row' },
      el('span', { class: 'fb-name', role: 'columnheader' }, 'File'),
      el('span', { class: 'fb-replaced-when', role: 'columnheader' }, 'Replaced'),
      el('span', { class: 'fb-size', role: 'columnheader' }, 'Size'),
      el('span', { class: 'fb-replaced-action', role: 'columnheader', 'aria-label': 'Restore' }),
    );
    const rows = files.map((file) =>
      el(
        'div',
        { class: 'fb-replaced-row', role: 'row', 'data-id': file.id, 'data-path': file.path },
        el('span', { class: 'fb-name', role: 'cell', title: `${folder.replace(/[\\/]+$/, '')}/${file.path}` }, file.path),
        el('span', { class: 'fb-replaced-when', role: 'cell' }, when(file.replacedAt)),
        el('span', { class: 'fb-size', role: 'cell' }, formatBytes(file.size)),
        el('span', { class: 'fb-replaced-action', role: 'cell' }, restoreButton(file)),
      ),
    );
    table.hidden = files.length === 0;
    table.replaceChildren(head, ...rows);
    intro.textContent =
      files.length === 0
        ? 'Nothing was replaced in this folder. When a copy, sync or save replaces a file here with other content, the old one is kept and listed here.'
        : 'Files the app replaced in this folder, kept so you can put them back. Restoring one asks first if the file there now differs, and keeps that one here too.';
    // Kept files of other projects are not lost, only elsewhere: say where, so they can be found.
    const folders = [...new Set(elsewhere.map((f) => f.folder))];
    const count = `${elsewhere.length} more ${elsewhere.length === 1 ? 'file was' : 'files were'} replaced`;
    others.hidden = elsewhere.length === 0;
    others.title = folders.join('\n');
    others.textContent =
      folders.length === 1
        ? `${count} in ${folders[0]}. Open that folder in the Local pane to restore ${elsewhere.length === 1 ? 'it' : 'them'}.`
        : `${count} in ${folders.length} other folders. Open one of them in the Local pane to see its files.`;
  };

  const load = async (): Promise<void> => {
    table.setAttribute('aria-busy', 'true');
    try {
      const all = await s.api.replaced.list();
      const here = all.filter((f) => f.folder === folder);
      draw(here, all.filter((f) => f.folder !== folder));
    } catch (error) {
      table.hidden = true;
      intro.textContent = 'The list of replaced files could not be read.';
      say(`Could not read the replaced files: ${(error as { message?: string }).message ?? String(error)}`, 'error');
    } finally {
      table.removeAttribute('aria-busy');
    }
  };

  /** Focus goes back into the dialog after a restore (the question, if one was asked, took it). */
  const refocus = (id: string) => {
    const again = table.querySelector<HTMLButtonElement>(`button[data-id="${CSS.escape(id)}"]`) ?? table.querySelector<HTMLButtonElement>('button[data-action="restore"]');
    (again ?? close).focus();
  };

  async function restore(file: ReplacedFileInfo): Promise<void> {
    const buttons = [...table.querySelectorAll<HTMLButtonElement>('button[data-action="restore"]')];
    for (const b of buttons) b.disabled = true;
    let text: string;
    let kind: 'info' | 'error' = 'info';
    try {
      const written = await writeAsking((consent) => s.api.replaced.restore(file.id, consent));
      if (!written) text = `Restore of ${file.path} cancelled: nothing was written.`;
      else if (written.unchanged) text = `${file.path} already has the content replaced ${when(file.replacedAt)}: nothing to restore.`;
      else if (written.path === file.path) text = `Restored ${file.path}: the version replaced ${when(file.replacedAt)}.`;
      else text = `Restored the copy of ${file.path} replaced ${when(file.replacedAt)} as ${written.path}.`;
      s.messages.info(text);
    } catch (error) {
      kind = 'error';
      const e = error as { message?: string; hint?: string };
      text = `Could not restore ${file.path}: ${e.message ?? String(error)}${e.hint ? ` ${e.hint}` : ''}`;
      s.messages.error(`Could not restore ${file.path}`, error);
    }
    // The pane and this list show the result before the dialog says it: a replaced current file is now listed too.
    await Promise.all([s.refreshLocal(), load()]);
    say(text, kind);
    refocus(file.id);
  }

  void load().then(() => refocus(''));
}
