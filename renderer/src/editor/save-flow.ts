/**
 * How a tab is saved: a board tab belongs to the board it was opened from, so saving it
 * while another board is connected asks first (save to this board, Save As…, Cancel);
 * and every write goes through the replace rule, with the tab's own last-saved text as
 * the one version it may replace without asking.
 */
import type { BoardStatus } from '../../../preload/contract-types';
import { writeAsking } from '../consent/replace-flow';
import { choose } from '../ui/dialogs';
import { boardLabelOf } from './board-label';
import { baseName, writeText, type FileLocation } from './file-origin';

export interface SaveRequest {
  /** Where to write. */
  location: FileLocation;
  text: string;
  /** The hash of what the tab last read from or wrote to `location`, when `location` is the tab's own file. */
  ownHash: Promise<string> | null;
  board: BoardStatus;
}

/** The location written (a renamed copy after "Keep both"), `save-as` when the user asked for it, or null when cancelled. */
export async function saveWithConsent(request: SaveRequest): Promise<FileLocation | 'save-as' | null> {
  const { location, board } = request;
  let agreed = false;
  let own = request.ownHash;
  if (location.side === 'board' && location.boardId && board.boardId && location.boardId !== board.boardId) {
    const here = boardLabelOf(board);
    const answer = await choose(
      'Save to a different board?',
      `${baseName(location.path)} was opened from ${location.boardLabel ?? location.boardId}. The board connected now is ${here}. Saving writes ${location.path} on ${here}, replacing its file there if it has one.`,
      [
        { value: 'here', label: `Save to ${here}` },
        { value: 'save-as', label: 'Save As…' },
        { value: 'cancel', label: 'Cancel', primary: true },
      ],
    );
    if (answer === 'cancel') return null;
    if (answer === 'save-as') return 'save-as';
    agreed = true;
    own = null; // The tab's file says nothing about this board's file.
  }
  const ownHash = own === null ? undefined : await own;
  const written = await writeAsking((consent) => writeText(location, request.text, consent ?? (ownHash ? { replaces: ownHash } : undefined)), {
    incoming: { side: 'editor', path: location.path, modifiedAt: Date.now() },
    alreadyAgreed: agreed,
  });
  if (!written) return null;
  const target: FileLocation = { side: location.side, path: written.path };
  if (location.side === 'board' && board.boardId) Object.assign(target, { boardId: board.boardId, boardLabel: boardLabelOf(board) });
  return target;
}
