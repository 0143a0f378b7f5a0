/**
 * The question asked before a file whose content differs is replaced: both sides with
 * their size and date, and Replace / Keep both / Cancel. With more files to ask about,
 * a check box applies the answer to the rest of them.
 */
import type { ReplaceConflict, ReplaceSide } from '../../../preload/contract-types';
import { openDialog } from '../ui/dialogs';
import { h } from '../ui/dom';

export type ReplaceAnswer = 'replace' | 'keep-both' | 'cancel';

const PLACES: Record<ReplaceSide['side'], string> = {
  board: 'On the board',
  local: 'In the local folder',
  file: 'On this computer',
  editor: 'The editor’s text',
  mirror: 'The mirror’s copy',
  computer: 'Dropped from this computer',
  replaced: 'The copy kept when it was replaced',
};

function size(n: number): string {
  return n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function when(side: ReplaceSide): string {
  // A kept copy's file date is when it was kept, which says nothing: the replacement's does.
  if (side.replacedAt !== undefined) return `replaced ${new Date(side.replacedAt).toLocaleString()}`;
  if (side.modifiedAt !== undefined) return `modified ${new Date(side.modifiedAt).toLocaleString()}`;
  return side.side === 'board' ? 'no date (the board keeps none)' : 'now';
}

function fileName(path: string): string {
  return path.split('/').filter(Boolean).pop() ?? path;
}

function sideRow(role: string, side: ReplaceSide, testId: string): HTMLElement {
  return h(
    'div',
    { class: 'replace-side', 'data-testid': testId },
    h('div', { class: 'replace-role' }, role),
    h('div', { class: 'replace-where' }, `${PLACES[side.side]}: `, h('code', {}, side.path)),
    h('div', { class: 'replace-facts' }, `${size(side.size)} · ${when(side)}`),
  );
}

/** Asks about one conflict; `others` is how many more are waiting (offers "for all"). */
export function askReplace(conflict: ReplaceConflict, others = 0): Promise<{ answer: ReplaceAnswer; forAll: boolean }> {
  const { target, incoming } = conflict;
  const name = fileName(target.path);
  const kept = target.side === 'board' ? 'The board’s file is kept in the mirror first.' : `The ${target.side === 'file' ? '' : 'local '}file is kept in the app’s replaced-files folder first.`;
  const where = { board: 'already exists on the board', local: 'already exists in the local folder', file: 'was changed on this computer since it was opened here' }[target.side];
  return new Promise((resolve) => {
    const forAll = h('input', { type: 'checkbox', name: 'forAll' });
    let close = () => undefined as void;
    const answer = (value: ReplaceAnswer) => {
      close();
      resolve({ answer: value, forAll: forAll.checked });
    };
    const button = (value: ReplaceAnswer, label: string, primary = false) => {
      const b = h('button', { type: 'button', class: primary ? 'primary' : undefined, 'data-choice': value }, label);
      b.addEventListener('click', () => answer(value));
      return b;
    };
    const content = [
      h('h2', {}, `Replace ${name}?`),
      h('p', {}, `${name} ${where}, with different content.`),
      sideRow('Existing file (would be replaced)', target, 'replace-existing'),
      sideRow('Replacing it with', incoming, 'replace-incoming'),
      h('p', { class: 'replace-note' }, `${kept} Keep both writes the new one beside it, under a new name.`),
      ...(others > 0 ? [h('label', { class: 'replace-all' }, forAll, h('span', {}, `Do the same for the ${others} other file${others === 1 ? '' : 's'}`))] : []),
    ];
    close = openDialog(content, [button('cancel', 'Cancel'), button('keep-both', 'Keep both'), button('replace', 'Replace', true)], () => resolve({ answer: 'cancel', forAll: true }));
    close = wrapWithTestId(close);
  });
}

/** Marks the open dialog so tests and styles can find it. */
function wrapWithTestId(close: () => void): () => void {
  const dialogs = document.querySelectorAll('.dialog');
  dialogs[dialogs.length - 1]?.setAttribute('data-dialog', 'replace');
  return close;
}
