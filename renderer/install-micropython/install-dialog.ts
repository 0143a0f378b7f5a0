/**
 * The Install MicroPython dialog: pick (where, board, version, or a local file) →
 * confirm once, naming what is erased → progress → done, then connects to the new
 * board and shows its banner. Failures are said in words with the next step.
 */
import type { StudioApi } from '../../preload/contract';
import type { BoardStatus, ConnectTarget, FlashResult, PortInfo } from '../../preload/contract-types';
import { toStudioError } from '../../preload/build-api';
import { h } from '../src/ui/dom';
import { whatIsErased, type InstallTarget } from './board-match';
import { FirmwareForm, driveKindName, type FormChoice } from './firmware-form';
import { InstallProgress } from './install-progress';

export interface InstallDialogDeps {
  api: StudioApi;
  /** Connects the app to a board (the connection bar's connect, which remembers it). */
  connect(target: ConnectTarget): Promise<boolean>;
  boardStatus(): BoardStatus;
}

/** A list older than this is read again from micropython.org when the dialog opens. */
const LIST_MAX_AGE_MS = 24 * 3600 * 1000;
/** How long the new board gets to show up as a serial port after the install. */
const NEW_PORT_TIMEOUT_MS = 30_000;
/** USB vendors whose serial ports are not ESP boards: Raspberry Pi (RP2) and Arm (micro:bit DAPLink). */
const NOT_ESP_VENDORS = new Set(['2e8a', '0d28']);

let openDialog: HTMLElement | null = null;

export function openInstallDialog(deps: InstallDialogDeps, options: { targetPath?: string } = {}): void {
  if (openDialog) return;
  const { api } = deps;
  const form = new FirmwareForm();
  const body = h('div', { class: 'install-body' });
  const message = h('p', { class: 'install-message', role: 'status' });
  const actions = h('div', { class: 'actions' });
  const dialog = h('div', { class: 'dialog install-dialog', role: 'dialog', 'aria-modal': 'true', 'aria-label': 'Install MicroPython' }, h('h2', {}, 'Install MicroPython'), body, message, actions);
  const backdrop = h('div', { class: 'dialog-backdrop' }, dialog);
  openDialog = backdrop;
  const cleanups: Array<() => void> = [];
  let busy = false;
  const close = () => {
    if (busy) return;
    for (const c of cleanups) c();
    backdrop.remove();
    openDialog = null;
  };
  backdrop.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close();
    }
  });
  const button = (label: string, run: () => void, primary = false) => {
    const b = h('button', { type: 'button', class: primary ? 'primary' : undefined }, label);
    b.addEventListener('click', run);
    return b;
  };
  document.body.append(backdrop);

  // ---- pick
  let ports: PortInfo[] = [];
  let drives = [] as Awaited<ReturnType<StudioApi['flash']['drives']>>;
  const espPorts = () => ports.filter((p) => p.vendorId && !NOT_ESP_VENDORS.has(p.vendorId.toLowerCase()));
  const refreshTargets = (prefer?: string) => form.setTargets(drives, espPorts(), prefer);
  const installButton = button('Install…', () => showConfirm(), true);
  const showPick = () => {
    body.replaceChildren(form.element);
    actions.replaceChildren(button('Cancel', close), installButton);
    updatePick();
  };
  const updatePick = () => {
    // Drives and ports keep changing after the pick step (a flashed RP2 drive vanishes as the
    // board reboots): they must not write the pick step's hint over the progress or the result.
    if (!body.contains(form.element)) return;
    const choice = form.choice();
    installButton.disabled = typeof choice === 'string';
    message.textContent = typeof choice === 'string' ? choice : '';
    message.dataset.kind = 'info';
    const status = deps.boardStatus();
    const rp2Running = status.target?.kind === 'serial' && status.state !== 'disconnected' && /RP2040|RP2350/i.test(status.banner ?? '');
    form.bootselButton.hidden = !rp2Running;
  };
  form.onChange(updatePick);
  form.bootselButton.addEventListener('click', () => {
    form.bootselButton.disabled = true;
    message.textContent = 'Restarting the board into BOOTSEL; waiting for its drive…';
    api.flash.enterBootloader().catch((error: unknown) => showError(error, showPick));
  });
  const refreshList = async () => {
    form.setRefreshing(true);
    try {
      form.setCatalog(await api.flash.refreshCatalog());
    } catch (error) {
      message.textContent = `The board list could not be refreshed: ${toStudioError(error).message}`;
    } finally {
      form.setRefreshing(false);
    }
  };
  form.refreshButton.addEventListener('click', () => void refreshList());
  cleanups.push(api.flash.onDrivesChanged((list) => {
    const fresh = list.find((d) => !drives.some((old) => old.path === d.path));
    drives = list;
    refreshTargets(fresh?.path);
    form.bootselButton.disabled = false;
  }));
  cleanups.push(api.board.onPortsChanged((list) => {
    ports = list;
    refreshTargets();
  }));

  // ---- confirm
  const showConfirm = () => {
    const choice = form.choice();
    if (typeof choice === 'string') return;
    const what = choice.file ? choice.file.name : `MicroPython v${choice.release?.version}${choice.release?.variant ? ` (${choice.release.variant})` : ''} for the ${choice.board?.name}`;
    body.replaceChildren(
      h('p', { class: 'confirm-what' }, `Install ${what} onto ${targetName(choice.target)}?`),
      h('p', { class: 'confirm-erased' }, whatIsErased(choice.target, choice.erase)),
    );
    message.textContent = '';
    actions.replaceChildren(button('Back', showPick), button('Install', () => void runInstall(choice), true));
    (actions.lastElementChild as HTMLElement).focus();
  };

  // ---- progress, done
  const runInstall = async (choice: FormChoice) => {
    const progress = new InstallProgress();
    body.replaceChildren(progress.element);
    message.textContent = '';
    actions.replaceChildren(h('button', { type: 'button', disabled: true }, 'Installing…'));
    busy = true;
    const portsBefore = new Set(ports.map((p) => p.path));
    const stop = api.flash.onProgress((p) => progress.update(p));
    let result: FlashResult;
    try {
      result = await api.flash.install({
        firmware: choice.file ? { source: 'file', name: choice.file.name, bytes: choice.file.bytes } : { source: 'release', boardId: choice.board?.id ?? '', url: choice.release?.url ?? '' },
        target: choice.target.kind === 'drive' ? { kind: 'drive', path: choice.target.drive.path } : { kind: 'serial', path: choice.target.path, erase: choice.erase },
      });
    } catch (error) {
      busy = false;
      progress.fail(toStudioError(error).message);
      showError(error, showPick);
      return;
    } finally {
      stop();
    }
    progress.finishThrough('reset');
    busy = false;
    dialog.dataset.state = 'installed';
    message.dataset.kind = 'ok';
    message.textContent = 'MicroPython is installed. Waiting for the board to come up as a serial port…';
    actions.replaceChildren(button('Close', close, true));
    progress.update({ step: 'connect', message: 'Waiting for the board…' });
    const port = choice.target.kind === 'serial' ? choice.target.path : await newBoardPort(portsBefore);
    if (!port || !(await deps.connect({ kind: 'serial', path: port }))) {
      message.dataset.kind = 'warning';
      if (port) {
        progress.fail(`No MicroPython prompt on ${port}`);
        message.textContent = `MicroPython is installed, but the board on ${port} did not answer with a MicroPython prompt. Press its RESET button, then Connect.`;
      } else {
        progress.fail('The board did not show up');
        message.textContent = 'MicroPython is installed, but the board did not show up as a serial port. Unplug it and plug it in again, then pick it in the board list.';
      }
      return;
    }
    progress.update({ step: 'connect', message: `Connected to ${port}` });
    progress.finishThrough('connect');
    dialog.dataset.state = 'connected';
    message.textContent = `Connected to ${port}: ${deps.boardStatus().banner ?? 'MicroPython'}`;
    void result;
  };

  const showError = (error: unknown, back: () => void) => {
    const e = toStudioError(error);
    dialog.dataset.state = 'failed';
    message.dataset.kind = 'error';
    message.replaceChildren(h('strong', {}, e.message), e.hint ? h('span', { class: 'next-step' }, ` ${e.hint}`) : '');
    actions.replaceChildren(button('Close', close), button('Back', () => {
      dialog.dataset.state = '';
      back();
    }, true));
  };

  /** Resolves with the first likely-MicroPython port that was not there before, or null after a while. */
  const newBoardPort = (before: Set<string>) =>
    new Promise<string | null>((resolve) => {
      const pick = (list: PortInfo[]) => list.find((p) => p.likelyMicroPython && !before.has(p.path))?.path;
      const found = pick(ports);
      if (found) return resolve(found);
      const timer = setTimeout(() => {
        stopWatching();
        resolve(null);
      }, NEW_PORT_TIMEOUT_MS);
      const stopWatching = api.board.onPortsChanged((list) => {
        const path = pick(list);
        if (!path) return;
        clearTimeout(timer);
        stopWatching();
        resolve(path);
      });
      cleanups.push(() => {
        clearTimeout(timer);
        stopWatching();
      });
    });

  showPick();
  // Focus moves into the dialog, as in the app's other dialogs: Escape and Tab then act on it.
  dialog.querySelector<HTMLElement>('select, input, button')?.focus();
  void (async () => {
    [drives, ports] = await Promise.all([api.flash.drives(), api.board.listPorts().catch(() => [] as PortInfo[])]);
    refreshTargets(options.targetPath);
    const catalog = await api.flash.catalog();
    form.setCatalog(catalog);
    const stale = !catalog.refreshedAt || Date.now() - Date.parse(catalog.refreshedAt) > LIST_MAX_AGE_MS;
    if (stale) await refreshList();
    updatePick();
  })();
}

function targetName(target: InstallTarget): string {
  return target.kind === 'drive' ? `the ${target.drive.label} drive (${driveKindName(target.drive)}) at ${target.drive.path}` : `the board on ${target.path}`;
}
