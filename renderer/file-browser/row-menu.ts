/**
 * The file trees' context menu: a right click on a row, the pane's "⋯" button, or
 * Shift+F10 / the Menu key in the tree. It holds the actions on the selection that the
 * toolbar leaves out (Open, Rename, Delete), the copy to the other side, Copy path, and
 * last the pane's own rarer actions (the local pane's "Replaced files…").
 * Each pane says what each action does and why one cannot run now.
 */
import { copyText } from '../src/ui/clipboard';
import { openContextMenu, type MenuEntry } from '../src/ui/context-menu';
import type { IconName } from '../src/ui/icons';
import { iconTool } from './dom';
import type { FileTree, TreeEntry } from './file-tree';
import type { MessageLine } from './message-line';

export interface RowAction {
  run(): void;
  /** Why it cannot run on this selection now, or null. */
  why: string | null;
}

export interface RowMenuActions {
  open: RowAction;
  rename: RowAction;
  delete: RowAction;
  /** The copy to the other side: board rows download to Local, local rows upload to the Board. */
  transfer: RowAction & { action: 'download' | 'upload'; label: string; icon: IconName };
  /** What Copy path puts on the clipboard for one entry. */
  pathOf(entry: TreeEntry): string;
  /** Actions on the pane as a whole, whatever is selected; shown after the others. */
  pane?: Array<RowAction & { action: string; label: string; icon: IconName }>;
}

const ONE_FILE = 'Select one file to open.';

/** Whether one file is selected (the rule Open shares in both panes). */
export function oneFileWhy(selection: readonly TreeEntry[]): string | null {
  return selection.length === 1 && selection[0]!.type === 'file' ? null : ONE_FILE;
}

/** Wires the menu to a tree, and returns the pane toolbar's "⋯" button that opens it too. */
export function attachRowMenu(tree: FileTree, paneName: string, messages: MessageLine, actions: () => RowMenuActions): HTMLButtonElement {
  const entries = (): MenuEntry[] => {
    const a = actions();
    const selection = tree.selection;
    const paths = selection.map((e) => a.pathOf(e));
    return [
      { action: 'open', label: 'Open', icon: 'go-to-file', disabledWhy: a.open.why, run: a.open.run },
      { action: a.transfer.action, label: a.transfer.label, icon: a.transfer.icon, disabledWhy: a.transfer.why, run: a.transfer.run },
      'separator',
      { action: 'rename', label: 'Rename…', icon: 'edit', disabledWhy: a.rename.why, run: a.rename.run },
      { action: 'delete', label: 'Delete', icon: 'trash', disabledWhy: a.delete.why, run: a.delete.run },
      'separator',
      {
        action: 'copyPath',
        label: paths.length > 1 ? `Copy ${paths.length} paths` : 'Copy path',
        icon: 'copy',
        disabledWhy: paths.length > 0 ? null : 'Select items first.',
        title: paths.join('\n'),
        run: () => void copyPaths(paths, messages),
      },
      ...(a.pane?.length ? ['separator' as const] : []),
      ...(a.pane ?? []).map((p): MenuEntry => ({ action: p.action, label: p.label, icon: p.icon, disabledWhy: p.why, run: p.run })),
    ];
  };
  const more = iconTool('ellipsis', `More actions on the selected ${paneName} items (Shift+F10)`, 'more', () => {
    openContextMenu(entries(), { label: `${paneName} file actions`, at: more });
  });
  more.setAttribute('aria-haspopup', 'menu');
  more.setAttribute('aria-expanded', 'false');
  tree.onContextMenu = (at) => openContextMenu(entries(), { label: `${paneName} file actions`, at });
  return more;
}

async function copyPaths(paths: readonly string[], messages: MessageLine): Promise<void> {
  if (await copyText(paths.join('\n'))) messages.info(paths.length === 1 ? `Copied ${paths[0]}` : `Copied ${paths.length} paths`);
  else messages.error('Could not copy', { message: 'The clipboard refused the text.' });
}
