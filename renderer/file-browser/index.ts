/**
 * The file browser for the IDE's left sidebar: the board pane above the local pane,
 * transfers with progress below them, and a message line. The IDE mounts it with
 * `createFileBrowser(sidebar, { api, openFile })`.
 */
import './file-browser.css';
import { BoardPane } from './board-pane';
import { BoardActions } from './board-actions';
import { el } from './dom';
import { LocalPane } from './local-pane';
import { MessageLine } from './message-line';
import type { FileBrowserDeps, Shared } from './shared';
import { openSyncDialog } from './sync-dialog';
import { TransferList } from './transfer-list';

export type { FileBrowserDeps } from './shared';

export interface FileBrowser {
  dispose(): void;
  resize(): void;
  /** Opens the sync preview (the menu's "Sync…" command). */
  sync(direction?: 'upload' | 'download'): void;
}

export function createFileBrowser(container: HTMLElement, deps: FileBrowserDeps): FileBrowser {
  const messages = new MessageLine();
  const transfers = new TransferList(deps.api);
  let board: BoardPane | undefined;
  let local: LocalPane | undefined;
  const shared: Shared = {
    ...deps,
    transfers,
    messages,
    localFolder: () => local?.path ?? '',
    localTargetDir: () => local?.tree.targetDir() ?? '',
    localSelection: () => local?.tree.selection.map((e) => e.path) ?? [],
    boardConnected: () => board?.connected ?? false,
    refreshBoard: () => board?.refresh() ?? Promise.resolve(),
    refreshLocal: () => local?.refresh() ?? Promise.resolve(),
  };
  const actions = new BoardActions(shared);
  board = new BoardPane(shared);
  local = new LocalPane(shared, {
    upload: (paths) => void actions.upload(paths, board!.tree.targetDir(), 0),
    download: (paths, dir) => void actions.download(paths, dir),
    sync: (direction) => openSyncDialog(shared, direction),
    onFolderChange: () => board?.localChanged(),
  });
  const unsubscribe = deps.api.board.onStatusChanged(() => queueMicrotask(() => local?.boardChanged()));
  const root = el('div', { class: 'file-browser', 'data-testid': 'file-browser' }, board.element, local.element, transfers.element, messages.element);
  container.append(root);
  void local.refresh();

  return {
    dispose: () => {
      unsubscribe();
      board?.dispose();
      local?.dispose();
      transfers.dispose();
      root.remove();
    },
    resize: () => undefined,
    sync: (direction = 'upload') => openSyncDialog(shared, direction),
  };
}
