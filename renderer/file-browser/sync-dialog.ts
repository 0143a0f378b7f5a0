/**
 * The sync dialog: compares the local folder and a board folder by content hash,
 * shows what is new, changed, unchanged and only on the target, lets the user edit
 * the ignore list and opt in to deleting extra files, then runs exactly that plan
 * with a progress bar that can be cancelled.
 */
import type { SyncDirection, SyncEntry, SyncPlan, SyncStatus } from '../../preload/contract-types';
import { el } from './dom';
import { formatBytes } from './format';
import { openModal } from './modal';
import type { Shared } from './shared';
import { transferAsking } from '../src/consent/replace-flow';

const STATUS_WORDS: Record<SyncStatus, string> = {
  new: 'new',
  changed: 'changed',
  unchanged: 'unchanged',
  'board-only': 'on the board only',
  'local-only': 'local only',
};

function actionWords(entry: SyncEntry, deleteExtra: boolean): string {
  if (entry.action === 'upload') return 'upload';
  if (entry.action === 'download') return 'download';
  if (entry.action === 'delete') return deleteExtra ? 'delete' : 'keep';
  return entry.note ? 'cannot copy' : '—';
}

export function openSyncDialog(s: Shared, direction: SyncDirection): void {
  const upload = direction === 'upload';
  const title = upload ? 'Sync the local folder to the board' : 'Download the board into the local folder';
  let plan: SyncPlan | null = null;
  const modal = openModal(title, 'sync', () => undefined);
  const boardDir = el('input', { type: 'text', name: 'boardDir', spellcheck: 'false', 'aria-label': 'Board folder' });
  boardDir.value = '/';
  const ignore = el('input', { type: 'text', name: 'ignore', spellcheck: 'false', 'aria-label': 'Ignore patterns', placeholder: '*.pyc, tests/' });
  const deleteExtra = el('input', { type: 'checkbox', name: 'deleteExtra' });
  const summary = el('div', { class: 'fb-sync-summary', 'aria-live': 'polite' }, 'Comparing…');
  const table = el('div', { class: 'fb-sync-table', role: 'table', 'aria-label': 'What the sync will do' });
  const compare = el('button', { type: 'button', 'data-action': 'compare' }, 'Compare again');
  const apply = el('button', { type: 'button', class: 'primary', 'data-action': 'apply', disabled: true }, 'Sync');
  const cancel = el('button', { type: 'button', 'data-action': 'cancel' }, 'Cancel');
  modal.body.append(
    el('label', { class: 'fb-field' }, el('span', {}, 'Board folder'), boardDir),
    el('label', { class: 'fb-field' }, el('span', {}, 'Also ignore'), ignore),
    el('div', { class: 'fb-muted' }, 'Always ignored: .git, __pycache__, .venv. Separate patterns with commas.'),
    el('label', { class: 'fb-check' }, deleteExtra, el('span', {}, upload ? 'Delete board files that the local folder does not have' : 'Delete local files that the board does not have')),
    summary,
    table,
  );
  modal.actions.append(compare, cancel, apply);

  const draw = () => {
    if (!plan) return;
    const count = (st: SyncStatus) => plan!.entries.filter((e) => e.status === st).length;
    const extra: SyncStatus = upload ? 'board-only' : 'local-only';
    const moving = plan.entries.filter((e) => e.action === 'upload' || e.action === 'download').length;
    const deleting = deleteExtra.checked ? plan.entries.filter((e) => e.action === 'delete').length : 0;
    summary.replaceChildren(
      ...(['new', 'changed', 'unchanged', extra] as SyncStatus[]).map((st) =>
        el('span', { class: 'fb-count', 'data-status': st, 'data-count': count(st) }, `${count(st)} ${STATUS_WORDS[st]}`),
      ),
      el('span', { class: 'fb-muted' }, ` · ${formatBytes(plan.bytesToTransfer)} to ${upload ? 'upload' : 'download'}${plan.ignored ? ` · ${plan.ignored} ignored` : ''}`),
    );
    table.replaceChildren(
      ...plan.entries.map((e) =>
        el(
          'div',
          { class: 'fb-sync-row', role: 'row', 'data-path': e.path, 'data-status': e.status, title: e.note ?? e.path },
          el('span', { class: 'fb-sync-status', role: 'cell' }, STATUS_WORDS[e.status]),
          el('span', { class: 'fb-name', role: 'cell' }, e.path),
          el('span', { class: 'fb-size', role: 'cell' }, formatBytes((upload ? e.localSize : e.boardSize) ?? e.localSize ?? e.boardSize ?? 0)),
          el('span', { class: 'fb-sync-action', role: 'cell' }, actionWords(e, deleteExtra.checked)),
        ),
      ),
    );
    apply.disabled = moving + deleting === 0;
    apply.textContent = moving + deleting === 0 ? 'Nothing to do' : `Sync ${moving} file${moving === 1 ? '' : 's'}${deleting ? `, delete ${deleting}` : ''}`;
  };

  // Only the newest comparison may fill the table: an older one that answers late
  // ("Compare again" clicked while one runs) would show a plan for other settings.
  let comparison = 0;
  const preview = async () => {
    const mine = ++comparison;
    plan = null;
    apply.disabled = true;
    summary.textContent = 'Comparing…';
    table.replaceChildren();
    try {
      const patterns = ignore.value.split(',').map((p) => p.trim()).filter(Boolean);
      const current = (await s.api.settings.get()).syncIgnore;
      if (patterns.join('\n') !== current.join('\n')) await s.api.settings.update({ syncIgnore: patterns });
      const found = await s.api.sync.preview({ direction, localDir: '', boardDir: boardDir.value.trim() || '/', deleteExtra: true });
      if (mine !== comparison) return;
      plan = found;
      draw();
    } catch (error) {
      if (mine !== comparison) return;
      const e = error as { message?: string };
      summary.textContent = `Could not compare: ${e.message ?? String(error)}`;
    }
  };

  deleteExtra.addEventListener('change', draw);
  compare.addEventListener('click', () => void preview());
  cancel.addEventListener('click', () => modal.close());
  apply.addEventListener('click', () => {
    if (!plan) return;
    modal.close();
    void runPlan(s, plan, deleteExtra.checked);
  });
  void s.api.settings.get().then((settings) => {
    ignore.value = settings.syncIgnore.join(', ');
    return preview();
  });
}

async function runPlan(s: Shared, plan: SyncPlan, deleteExtra: boolean): Promise<void> {
  const id = plan.id;
  s.messages.clear();
  const bar = s.transfers.start(id, plan.direction === 'upload' ? 'Syncing to the board' : 'Downloading from the board', plan.bytesToTransfer, () => s.api.sync.cancel(id));
  let report: () => void;
  try {
    // Files the sync would replace with other content are asked about first (replace-flow.ts).
    const result = await transferAsking((decisions) => s.api.sync.apply(id, deleteExtra, decisions));
    const files = result.uploaded.length + result.downloaded.length;
    if (result.outcome === 'failed') report = () => s.messages.error('Sync stopped', result.error);
    else if (result.outcome === 'needs-consent') report = () => s.messages.info('Sync not done: the files it would replace kept changing. Compare again.');
    else if (result.outcome === 'cancelled') report = () => s.messages.info(`Sync cancelled after ${files} file(s). Files not yet copied were left as they were.`);
    else report = () => s.messages.info(`Sync done: ${files} file(s) copied, ${result.deleted.length} deleted, ${formatBytes(result.bytes)} in ${result.seconds.toFixed(1)} s.`);
  } catch (error) {
    report = () => s.messages.error('Sync failed', error);
  } finally {
    bar.finish();
  }
  // Both panes show what the sync left before the message says it is over: read just
  // after "Sync done", a pane must not still show the files as they were before.
  await Promise.all([s.refreshBoard(), s.refreshLocal()]);
  report();
}
