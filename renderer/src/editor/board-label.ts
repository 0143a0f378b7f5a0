/**
 * Short and long names for the board a tab belongs to, from its `BoardStatus`: the
 * model in the banner (`micro:bit`), or `virtual` for the built-in board, and the link.
 */
import type { BoardStatus } from '../../../preload/contract-types';

/** e.g. `micro:bit v1.0.1 (/dev/pts/3)` or `virtual board`. */
export function boardLabelOf(status: BoardStatus): string {
  if (status.target?.kind === 'virtual') return 'virtual board';
  const model = status.banner?.split(';')[1]?.split(' with ')[0]?.trim();
  const link = status.target?.path ?? status.boardId ?? 'board';
  return model ? `${model} (${link})` : link;
}

/** The tab chip's word: `virtual`, `micro:bit`, `ESP32`… or the port's last part. */
export function boardChipOf(label: string): string {
  if (label === 'virtual board') return 'virtual';
  const model = /^([^\s(]+)/.exec(label)?.[1] ?? label;
  return model.startsWith('/') ? (model.split('/').pop() ?? model) : model;
}
