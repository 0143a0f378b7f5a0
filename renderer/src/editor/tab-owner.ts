/**
 * Which file and which board a tab stands for, as its chip and tooltip show them, and
 * where a tab's file went after a rename, move or delete in the file browser.
 */
import { boardChipOf } from './board-label';
import type { FileLocation } from './file-origin';

export interface TabOwner {
  /** The chip's word: `virtual`, `micro:bit`, `local`, `file` or `new`. */
  chip: string;
  title: string;
  /** A board tab whose board is not the connected one. */
  otherBoard: boolean;
}

export function tabOwner(at: FileLocation | null, connectedBoardId: string | undefined, deleted: boolean): TabOwner {
  const gone = deleted ? ' (deleted)' : '';
  if (!at) return { chip: 'new', title: 'Not saved yet', otherBoard: false };
  if (at.side === 'file') return { chip: 'file', title: `${at.path} (opened from this computer)${gone}`, otherBoard: false };
  if (at.side === 'local') return { chip: 'local', title: `Local: ${at.path}${gone}`, otherBoard: false };
  const otherBoard = !!at.boardId && at.boardId !== connectedBoardId;
  return {
    chip: at.boardLabel ? boardChipOf(at.boardLabel) : 'board',
    title: `${at.path} on ${at.boardLabel ?? 'the board'}${otherBoard ? ' (not the connected board)' : ''}${gone}`,
    otherBoard,
  };
}

export interface PathChange {
  side: 'board' | 'local';
  from: string;
  /** The new path, or null when deleted. */
  to: string | null;
}

/**
 * Where the tab's file is after `change`: the same location when it is untouched, a new
 * path, or null when it was deleted. Board tabs of another board are never touched.
 */
export function followedLocation(at: FileLocation, change: PathChange, connectedBoardId: string | undefined): FileLocation | null {
  if (at.side !== change.side || (at.side === 'board' && at.boardId && at.boardId !== connectedBoardId)) return at;
  if (at.path !== change.from && !at.path.startsWith(`${change.from}/`)) return at;
  return change.to === null ? null : { ...at, path: change.to + at.path.slice(change.from.length) };
}
