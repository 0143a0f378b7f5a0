/**
 * The board's connection status as the renderer knows it: the last `BoardStatus`
 * from main, kept current by `board:statusChanged`, with listeners for the parts of
 * the UI that follow it (toolbar, connection bar, status bar, completion cache).
 */
import type { BoardStatus, ConnectTarget } from '../../../preload/contract-types';
import { studio } from '../studio-api';

type Listener = (status: BoardStatus) => void;

const DISCONNECTED: BoardStatus = { state: 'disconnected', target: null };

export class BoardState {
  private current: BoardStatus = DISCONNECTED;
  private listeners = new Set<Listener>();

  constructor() {
    studio.board.onStatusChanged((status) => this.set(status));
    studio.board.status().then(
      (status) => this.set(status),
      () => undefined, // The engine may not be there yet; stay disconnected.
    );
  }

  get status(): BoardStatus {
    return this.current;
  }

  get connected(): boolean {
    return this.current.state !== 'disconnected' && this.current.state !== 'connecting';
  }

  get running(): boolean {
    return this.current.state === 'running' || this.current.state === 'busy';
  }

  set(status: BoardStatus): void {
    this.current = status;
    for (const listener of this.listeners) listener(status);
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    listener(this.current);
    return () => this.listeners.delete(listener);
  }
}

export function describeTarget(target: ConnectTarget | null): string {
  if (!target) return 'no board';
  return target.kind === 'virtual' ? 'Virtual board' : target.path;
}

export const STATE_LABELS: Record<BoardStatus['state'], string> = {
  disconnected: 'Disconnected',
  connecting: 'Connecting…',
  idle: 'Ready (REPL)',
  busy: 'Busy',
  running: 'Running',
  reconnecting: 'Reconnecting…',
};
