/**
 * The Packages panel (Tools → Packages…, and the sidebar's Packages button): search the
 * index's package list (saved in the user data, so it works offline and says how old it
 * is), see a package's details, and Install, Update or Remove it on the connected board;
 * or install from a github:/http(s) URL. Installs show each file and can be cancelled.
 */
import type { StudioApi } from '../../../preload/contract';
import type { CatalogPackage, InstalledPackages, PackageCatalog } from '../../../preload/contract-types';
import { toStudioError } from '../../../preload/build-api';
import { h } from '../ui/dom';
import { InstallProgress } from './install-progress';
import { searchCatalog, stateOf } from './package-versions';
import './packages.css';

export interface PackagesPanelDeps {
  api: StudioApi;
  /** Whether a board is connected, and its name for the title. */
  board(): { connected: boolean; label: string };
  onBoardChange(listener: () => void): () => void;
}

const NO_BOARD = 'Connect a board first (the virtual board works too).';

export function openPackagesPanel(deps: PackagesPanelDeps): () => void {
  const { api } = deps;
  let catalog: PackageCatalog | null = null;
  let installed: InstalledPackages | null = null;
  let selected: string | null = null;
  let busy = false;
  let transferId: string | null = null;

  const search = h('input', { type: 'search', placeholder: 'Search packages (e.g. ssd1306, umqtt, aioble)', 'aria-label': 'Search packages', spellcheck: 'false' });
  const refresh = h('button', { type: 'button', 'data-action': 'refresh', title: 'Fetch the package list from the index again' }, 'Refresh list');
  const indexInfo = h('div', { class: 'pkg-index-info', 'data-role': 'index-info' });
  const list = h('ul', { class: 'pkg-list', role: 'listbox', 'aria-label': 'Packages' });
  const details = h('section', { class: 'pkg-details', 'aria-label': 'Package details' });
  const urlInput = h('input', { type: 'text', placeholder: 'github:org/repo[/path][@branch] or https://…/package.json', 'aria-label': 'Package URL', spellcheck: 'false' });
  const urlInstall = h('button', { type: 'button', 'data-action': 'install-url' }, 'Install from URL');
  const error = h('div', { class: 'pkg-error', role: 'alert', hidden: true });
  const progress = new InstallProgress();
  const close = h('button', { type: 'button', class: 'pkg-close', 'data-action': 'close', title: 'Close (Escape)' }, 'Close');
  const title = h('h2', {}, 'Packages');

  const panel = h(
    'div',
    { class: 'packages-panel', role: 'dialog', 'aria-modal': 'true', 'aria-label': 'Packages' },
    h('header', { class: 'pkg-head' }, title, close),
    h('div', { class: 'pkg-search' }, search, refresh),
    indexInfo,
    h('div', { class: 'pkg-body' }, list, details),
    h('div', { class: 'pkg-url' }, urlInput, urlInstall),
    error,
    progress.element,
  );
  const backdrop = h('div', { class: 'dialog-backdrop pkg-backdrop' }, panel);

  const showError = (doing: string, err: unknown): void => {
    const e = toStudioError(err);
    error.replaceChildren(h('strong', {}, `${doing}: `), e.message, e.hint ? h('div', { class: 'pkg-hint' }, e.hint) : '');
    error.dataset.code = e.code;
    error.hidden = false;
  };
  const clearError = (): void => {
    error.hidden = true;
    error.replaceChildren();
  };

  const installedByName = (name: string) => installed?.recorded.find((p) => p.name === name);

  function renderIndexInfo(): void {
    if (!catalog) return;
    const when = new Date(catalog.fetchedAt).toLocaleString();
    indexInfo.dataset.offline = catalog.offlineReason ? 'true' : 'false';
    indexInfo.textContent = catalog.offlineReason
      ? `Offline: showing the list saved on ${when}. (${catalog.offlineReason})`
      : `${catalog.packages.length} packages from ${catalog.index}, list fetched ${when}.`;
  }

  function renderList(): void {
    const hits = catalog ? searchCatalog(catalog.packages, search.value) : [];
    list.replaceChildren(
      ...hits.map((p) => {
        const state = stateOf(p, installedByName(p.name));
        const badge = state.kind === 'update' ? h('span', { class: 'pkg-badge update' }, 'Update') : state.kind === 'installed' ? h('span', { class: 'pkg-badge installed' }, 'Installed') : null;
        const item = h('li', { role: 'option', 'aria-selected': p.name === selected ? 'true' : 'false', 'data-package': p.name, tabindex: '-1' }, h('span', { class: 'pkg-name' }, p.name), h('span', { class: 'pkg-version' }, p.version), badge);
        item.addEventListener('click', () => {
          selected = p.name;
          renderList();
          renderDetails();
        });
        return item;
      }),
    );
    if (catalog && hits.length === 0) list.append(h('li', { class: 'pkg-none' }, `No package matches "${search.value}".`));
  }

  function renderDetails(): void {
    const entry = catalog?.packages.find((p) => p.name === selected);
    if (!entry) {
      details.replaceChildren(h('p', { class: 'pkg-muted' }, catalog ? 'Pick a package to see its details.' : 'Loading the package list…'));
      return;
    }
    const mine = installedByName(entry.name);
    const state = stateOf(entry, mine);
    const { connected } = deps.board();
    const button = (label: string, action: string, run: () => void, primary = false): HTMLButtonElement => {
      const b = h('button', { type: 'button', class: primary ? 'primary' : undefined, 'data-action': action }, label);
      b.disabled = busy || !connected;
      if (!connected) b.title = NO_BOARD;
      b.addEventListener('click', run);
      return b;
    };
    const actions: HTMLButtonElement[] = [];
    if (state.kind === 'available') actions.push(button(`Install ${entry.version}`, 'install', () => void install(entry.name), true));
    if (state.kind === 'update') actions.push(button(`Update to ${state.to}`, 'update', () => void install(entry.name), true));
    if (mine) actions.push(button('Remove', 'remove', () => void remove(entry.name)));
    const row = (label: string, value: string | Node) => h('div', { class: 'pkg-row' }, h('span', {}, label), h('span', {}, value));
    details.replaceChildren(
      h('h3', {}, entry.name),
      h('p', {}, entry.description || 'No description.'),
      row('Version', entry.version || '–'),
      row('Installed', mine ? `${mine.version || 'yes'}${mine.requested ? '' : ' (as a dependency)'}` : 'no'),
      row('Depends on', entry.deps.length ? entry.deps.join(', ') : 'nothing'),
      row('Author', entry.author || '–'),
      row('License', entry.license || '–'),
      ...(mine ? [row('Files', mine.files.join(', '))] : []),
      h('div', { class: 'pkg-actions' }, ...actions),
    );
  }

  function renderBusy(): void {
    const { connected, label } = deps.board();
    title.textContent = connected ? `Packages on ${label}` : 'Packages (no board connected)';
    urlInstall.disabled = busy || !connected;
    urlInstall.title = connected ? 'Install the package at this URL, with its dependencies' : NO_BOARD;
    refresh.disabled = busy;
    renderDetails();
  }

  async function loadCatalog(force: boolean): Promise<void> {
    try {
      catalog = await api.packages.catalog(force);
      if (force && catalog.offlineReason) showError('The index did not answer', { code: 'network', message: catalog.offlineReason });
      renderIndexInfo();
    } catch (err) {
      indexInfo.textContent = 'No package list yet: the index could not be reached and none is saved.';
      showError('Loading the package list', err);
    }
    renderList();
    renderDetails();
  }

  async function loadInstalled(): Promise<void> {
    if (!deps.board().connected) {
      installed = null;
      return;
    }
    try {
      installed = await api.packages.installed();
    } catch (err) {
      showError('Reading the installed packages', err);
    }
  }

  async function install(spec: string): Promise<void> {
    clearError();
    busy = true;
    transferId = `pkg${Date.now().toString(36)}`;
    progress.start(`Installing ${spec}…`);
    renderBusy();
    try {
      const result = await api.packages.install(spec, transferId);
      progress.finish(`Installed ${result.packages.map((p) => `${p.name} ${p.version}`.trim()).join(', ')} in ${result.dir}: ${result.written.length} files written, ${result.existing.length} already there.`);
    } catch (err) {
      progress.finish('Nothing more was written; files this install created were removed again.');
      showError(`Installing ${spec} failed`, err);
    } finally {
      busy = false;
      transferId = null;
      await loadInstalled();
      renderList();
      renderBusy();
    }
  }

  async function remove(name: string): Promise<void> {
    clearError();
    busy = true;
    renderBusy();
    try {
      await api.packages.remove(name);
      progress.start(`Removed ${name}.`);
      progress.finish(`Removed ${name} (and dependencies nothing else needs).`);
    } catch (err) {
      showError(`Removing ${name} failed`, err);
    } finally {
      busy = false;
      await loadInstalled();
      renderList();
      renderBusy();
    }
  }

  const stopEvents = api.packages.onProgress((p) => {
    if (p.transferId === transferId) progress.update(p);
  });
  // Only a new board (or none) changes what is installed: the busy/idle flicker of the
  // panel's own commands must not re-read it (that would loop).
  let boardKey = JSON.stringify(deps.board());
  const stopBoard = deps.onBoardChange(() => {
    const key = JSON.stringify(deps.board());
    if (key === boardKey) return;
    boardKey = key;
    void loadInstalled().then(() => {
      renderList();
      renderBusy();
    });
  });
  progress.cancelButton.addEventListener('click', () => {
    if (!transferId) return;
    progress.cancelButton.disabled = true;
    void api.packages.cancel(transferId);
  });
  search.addEventListener('input', () => renderList());
  refresh.addEventListener('click', () => void loadCatalog(true));
  urlInstall.addEventListener('click', () => {
    const spec = urlInput.value.trim();
    if (!/^(github:|gitlab:|codeberg:|https?:\/\/)\S+$/.test(spec)) {
      showError('Install from URL', { code: 'invalid-argument', message: 'Give a github:org/repo, gitlab:org/repo or http(s):// URL.' });
      return;
    }
    void install(spec);
  });

  const dispose = (): void => {
    stopEvents();
    stopBoard();
    backdrop.remove();
  };
  close.addEventListener('click', dispose);
  backdrop.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !busy) {
      event.stopPropagation();
      dispose();
    }
  });
  document.body.append(backdrop);
  search.focus();
  renderBusy();
  void loadInstalled().then(() => loadCatalog(false));
  return dispose;
}

export type { CatalogPackage };
