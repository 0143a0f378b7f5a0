/**
 * Turns `BOARD[-VARIANT][@VERSION]` (the CLI's way to name firmware) into a board and
 * one of its releases: the latest stable release of the standard variant by default.
 */
import type { FirmwareBoard, FirmwareCatalog, FirmwareRelease } from '../../preload/contract-types';
import { latestStable } from './board-page';
import { FlashError } from './flash-errors';

export function pickRelease(catalog: FirmwareCatalog, spec: string): { board: FirmwareBoard; release: FirmwareRelease } {
  const [name = '', version] = spec.split('@');
  const upper = name.toUpperCase();
  // Board ids contain underscores only; a dash starts the variant (ESP32_GENERIC-SPIRAM).
  const [boardId = '', variant = ''] = upper.split(/-(.*)/s);
  const board = catalog.boards.find((b) => b.id === boardId);
  if (!board) {
    throw new FlashError(`${boardId} is not in the board list.`, 'Run "mpstudio flash --list" for the boards, or pass a firmware file.', 'not-found');
  }
  if (board.releases.length === 0) {
    throw new FlashError(`No releases of ${boardId} are known: the board list was never read from micropython.org.`, 'Connect to the internet and try again, or download the file yourself and pass it.', 'not-found');
  }
  const wanted = version?.replace(/^v/, '');
  const release = wanted
    ? board.releases.find((r) => r.version === wanted && r.variant === variant)
    : latestStable(board.releases, variant);
  if (!release || release.variant !== variant) {
    const known = [...new Set(board.releases.filter((r) => r.variant === variant).map((r) => r.version))].slice(0, 8).join(', ');
    throw new FlashError(`${boardId}${variant ? `-${variant}` : ''} has no release ${wanted ?? ''}.`.replace(' .', '.'), known ? `Known versions: ${known}.` : `Known variants: ${[...new Set(board.releases.map((r) => r.variant || '(standard)'))].join(', ')}.`, 'not-found');
  }
  return { board, release };
}
