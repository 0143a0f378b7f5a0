/** Asks where to save a buffer: on the board or the local disk, and the path there. */
import { askForm } from '../ui/dialogs';
import type { FileLocation, Side } from './file-origin';

export async function askSaveLocation(current: FileLocation | null, name: string, localFolder: string): Promise<FileLocation | null> {
  const side: Side = current?.side ?? 'board';
  const suggested = current?.path ?? (side === 'board' ? `/${name}` : name);
  const answer = await askForm(
    'Save As',
    `Save this file on the board, or on this computer in the project folder${localFolder ? ` (${localFolder})` : ''}.`,
    [
      { name: 'side', label: 'Save to', value: side, options: [{ value: 'board', label: 'The board' }, { value: 'local', label: 'This computer' }] },
      { name: 'path', label: 'Path', value: suggested },
    ],
    'Save',
  );
  if (!answer) return null;
  const chosenSide = answer.side === 'local' ? 'local' : 'board';
  let path = (answer.path ?? '').trim();
  if (!path) return null;
  // Switching sides without editing the path means "the same name over there".
  if (chosenSide !== side && path === suggested) path = name;
  // Board paths are absolute; local ones are relative to the project folder.
  path = chosenSide === 'board' ? `/${path.replace(/^\/+/, '')}` : path.replace(/^[\\/]+/, '');
  return { side: chosenSide, path };
}
