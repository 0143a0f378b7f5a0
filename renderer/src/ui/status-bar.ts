/** The status bar: the board and its state, the current file and the cursor. */
import { STATE_LABELS, describeTarget } from '../connection/board-state';
import type { BoardStatus } from '../../../preload/contract-types';
import { h } from './dom';

export class StatusBar {
  private readonly board = h('span', { class: 'status-board' });
  private readonly file = h('span', { class: 'status-file grow' });
  private readonly cursor = h('span', { class: 'status-cursor' });
  readonly element = h('footer', { class: 'statusbar' }, this.board, this.file, this.cursor);

  setBoard(status: BoardStatus): void {
    const version = status.version ? ` · MicroPython ${status.version}` : '';
    this.board.textContent = `${describeTarget(status.target)}: ${STATE_LABELS[status.state]}${version}`;
  }

  setFile(description: string): void {
    this.file.textContent = description;
  }

  setCursor(line: number, column: number): void {
    this.cursor.textContent = line > 0 ? `Ln ${line}, Col ${column}` : '';
  }
}
