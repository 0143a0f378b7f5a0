/** What the two panes, the sync dialog and the mirror view share. */
import type { StudioApi } from '../../preload/contract';
import type { MessageLine } from './message-line';
import type { TransferList } from './transfer-list';

/** What `createFileBrowser` needs from the IDE. */
export interface FileBrowserDeps {
  api: StudioApi;
  /** Opens a file in an editor tab; `content` is given when the browser has it already. */
  openFile(request: { side: 'board' | 'local'; path: string; content?: string }): void;
  /** A file or folder was renamed, moved (`to` is its new path) or deleted (`to` is null): open tabs follow. */
  onPathChanged?(change: PathChange): void;
}

export interface PathChange {
  side: 'board' | 'local';
  from: string;
  to: string | null;
}

export interface Shared extends FileBrowserDeps {
  transfers: TransferList;
  messages: MessageLine;
  /** The local folder the user chose, or '' when none. */
  localFolder(): string;
  /** The local folder to download into: the local pane's selected folder, or its root. */
  localTargetDir(): string;
  /** The local pane's selection, for uploads. */
  localSelection(): string[];
  boardConnected(): boolean;
  refreshBoard(): Promise<void>;
  refreshLocal(): Promise<void>;
}

/** The drag data types of each tree. */
export const DRAG_BOARD = 'application/x-mpstudio-board';
export const DRAG_LOCAL = 'application/x-mpstudio-local';
