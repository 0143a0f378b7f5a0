/**
 * The connection bar: a list of the virtual board and every detected port (likely
 * MicroPython boards first, kept live by `board:portsChanged`), Connect/Disconnect,
 * the board's state and MicroPython version. Failures are shown in plain words
 * with their fix.
 */
import type { ConnectTarget, PortInfo, Settings } from '../../../preload/contract-types';
import { toStudioError } from '../../../preload/build-api';
import { serverLink } from '../server-link';
import { studio } from '../studio-api';
import type { SettingsClient } from '../settings/settings-client';
import { askForm } from '../ui/dialogs';
import { h } from '../ui/dom';
import type { Notifications } from '../ui/notifications';
import { BoardState, STATE_LABELS } from './board-state';

const VIRTUAL_VALUE = 'virtual';
/** The list's last entry: a port typed by hand (a pty, /dev/ttyS*, a COM port enumeration misses). */
const OTHER_VALUE = 'other-port';
/** Opens Install MicroPython: reachable from the list in web mode too, which has no menu bar. */
const INSTALL_VALUE = 'install-micropython';
const RECENT_PORTS = 5;

export class ConnectionBar {
  readonly element: HTMLElement;
  private readonly select = h('select', { 'aria-label': 'Board', class: 'board-select' });
  private readonly connectButton = h('button', { type: 'button', class: 'connect' }, 'Connect');
  private readonly pill = h('span', { class: 'state-pill', 'data-state': 'disconnected' }, 'Disconnected');
  private readonly version = h('span', { class: 'board-version' });
  private ports: PortInfo[] = [];
  /** Every port path listed so far, to tell a freshly plugged board from one that was there. */
  private readonly seenPorts = new Set<string>();
  private portsListed = false;
  private openRequests = 0;
  /** The list's value before "Other port…" was picked, to go back to when it is cancelled. */
  private chosen = VIRTUAL_VALUE;

  constructor(
    private readonly board: BoardState,
    private readonly settings: SettingsClient,
    private readonly notifications: Notifications,
    /** Opens the Install MicroPython dialog, with this port or drive picked when given. */
    private readonly installMicroPython: (targetPath?: string) => void,
  ) {
    this.element = h('div', { class: 'connection-bar' }, this.select, this.connectButton, this.pill, this.version);
    this.connectButton.addEventListener('click', () => {
      void (this.board.connected ? this.disconnect() : this.connect());
    });
    // Picking another board while one is connected and idle switches to it, so the
    // virtual board opened at start never stands between the user and their board.
    this.select.addEventListener('change', () => {
      if (this.select.value === OTHER_VALUE) {
        void this.connectOtherPort();
        return;
      }
      if (this.select.value === INSTALL_VALUE) {
        this.select.value = this.chosen;
        this.installMicroPython();
        return;
      }
      this.chosen = this.select.value;
      if (this.board.status.state === 'idle' && !sameTarget(this.target, this.board.status.target)) void this.connect();
    });
    studio.board.onPortsChanged((ports) => this.setPorts(ports));
    studio.board.listPorts().then(
      (ports) => this.setPorts(ports),
      () => this.setPorts([]),
    );
    this.showPorts([]);
    board.onChange((status) => {
      if (serverLink.state === 'lost') return; // The pill says the server is gone until it is back.
      this.pill.dataset.state = status.state;
      this.pill.textContent = STATE_LABELS[status.state];
      this.pill.title = STATE_LABELS[status.state]; // A narrow toolbar shows only the pill's dot.
      this.version.textContent = status.version ? `v${status.version}` : '';
      this.version.title = status.banner ?? (status.version ? `MicroPython ${status.version}` : '');
      this.connectButton.textContent = this.board.connected || status.state === 'reconnecting' ? 'Disconnect' : 'Connect';
      this.connectButton.disabled = status.state === 'connecting';
      this.select.disabled = status.state !== 'disconnected' && status.state !== 'idle';
      if (status.target) this.selectTarget(status.target);
    });
    serverLink.onChange((state) => this.showServerLink(state));
  }

  /** Web mode: the server went out of reach, or came back (then the board's status is asked again). */
  private showServerLink(state: 'open' | 'lost'): void {
    if (state === 'lost') {
      this.pill.dataset.state = 'server-lost';
      this.pill.textContent = 'Server connection lost';
      this.pill.title = 'The MicroPython Studio server does not answer. Unsaved changes are kept in this browser until it is back.';
      this.version.textContent = '';
      return;
    }
    this.board.set(this.board.status);
    studio.board.status().then(
      (status) => this.board.set(status),
      () => undefined,
    );
  }

  /** The target chosen in the list. */
  get target(): ConnectTarget {
    const value = this.select.value;
    if (value === VIRTUAL_VALUE || !value) return { kind: 'virtual' };
    return { kind: 'serial', path: value, baudRate: this.settings.value.baudRate };
  }

  /** Connects to what the user picked (or `target`), remembers it for the next start, and says why when it fails. */
  async connect(target: ConnectTarget = this.target): Promise<boolean> {
    const failure = await this.open(target);
    if (failure) {
      // Nothing answered like MicroPython: often a new board that has none yet.
      const noMicroPython = target.kind === 'serial' && toStudioError(failure.error).code === 'no-micropython';
      const install = noMicroPython ? [{ label: 'Install MicroPython…', run: () => this.installMicroPython(target.path) }] : undefined;
      this.notifications.error(`Connecting to ${describeTarget(target)}`, failure.error, install);
      return false;
    }
    const patch: Partial<Settings> = { lastTarget: target };
    if (target.kind === 'serial' && !this.ports.some((p) => p.path === target.path)) {
      // A port the list does not show: remember it among the recent ones, to offer it again.
      patch.recentPorts = [target.path, ...this.settings.value.recentPorts.filter((p) => p !== target.path)].slice(0, RECENT_PORTS);
    }
    await this.settings.update(patch);
    this.showPorts(this.ports);
    return true;
  }

  /** Asks for a port path (checked by connecting to it), then connects. */
  private async connectOtherPort(): Promise<void> {
    this.select.value = this.chosen; // Until the typed port is on, the list shows what was.
    const answer = await askForm(
      'Connect to another port',
      'A serial device the list does not show: a pseudo-terminal (/dev/pts/5), /dev/ttyS0, COM7, or a short name (a0 = /dev/ttyACM0, u0 = /dev/ttyUSB0, c3 = COM3).',
      [{ name: 'port', label: 'Port', value: this.settings.value.recentPorts[0] ?? '' }],
      'Connect',
    );
    const path = answer?.port?.trim();
    if (!path) return;
    await this.connect({ kind: 'serial', path, baudRate: this.settings.value.baudRate });
  }

  /**
   * Connects at start: the first of `targets` that opens wins, nothing is remembered (an
   * automatic choice is not the user's), and a missing last board is a note, not an error.
   */
  async connectAtStart(targets: readonly ConnectTarget[]): Promise<void> {
    let missed: { target: ConnectTarget; error: unknown } | null = null;
    for (const target of targets) {
      if (this.board.status.state !== 'disconnected') return; // The user was quicker.
      const failure = await this.open(target);
      if (!failure) break;
      missed ??= failure;
      if (target === targets.at(-1)) {
        this.notifications.error(`Connecting to ${describeTarget(target)}`, failure.error);
        return;
      }
    }
    if (missed && missed.target.kind === 'serial') {
      const reason = missed.error instanceof Error ? missed.error.message : String(missed.error);
      this.notifications.show({
        kind: 'info',
        title: `${missed.target.path} did not open, so the virtual board is on`,
        body: `${reason} Pick your board in the list once it is plugged in.`,
      });
    }
  }

  /**
   * True while this bar's own connect request is out: its failure is reported by the bar,
   * so a `disconnected` status with the same error must not be reported again.
   */
  get connecting(): boolean {
    return this.openRequests > 0;
  }

  private async open(target: ConnectTarget): Promise<{ target: ConnectTarget; error: unknown } | null> {
    this.openRequests++;
    try {
      this.board.set(await studio.board.connect(target));
      return null;
    } catch (error) {
      return { target, error };
    } finally {
      this.openRequests--;
    }
  }

  async disconnect(): Promise<void> {
    try {
      await studio.board.disconnect();
    } catch (error) {
      this.notifications.error('Disconnecting', error);
    }
  }

  private setPorts(ports: PortInfo[]): void {
    this.offerNewBoards(ports);
    this.showPorts(ports);
  }

  private showPorts(ports: PortInfo[]): void {
    const previous = this.select.value;
    this.ports = [...ports].sort(
      (a, b) => Number(b.likelyMicroPython) - Number(a.likelyMicroPython) || a.friendlyName.localeCompare(b.friendlyName),
    );
    const recent = this.settings.value.recentPorts.filter((path) => !this.ports.some((p) => p.path === path));
    this.select.replaceChildren(
      h('option', { value: VIRTUAL_VALUE }, 'Virtual board (built in)'),
      ...this.ports.map((port) => h('option', { value: port.path, title: port.path }, `${port.friendlyName} — ${port.path}`)),
      ...recent.map((path) => h('option', { value: path, title: 'A port typed under Other port…' }, path)),
      h('option', { value: OTHER_VALUE }, 'Other port…'),
      h('option', { value: INSTALL_VALUE }, 'Install MicroPython on a board…'),
    );
    const status = this.board.status;
    if (status.target) this.selectTarget(status.target);
    else if (previous && [...this.select.options].some((o) => o.value === previous)) this.select.value = previous;
    else {
      const likely = this.ports.find((p) => p.likelyMicroPython);
      this.select.value = likely?.path ?? VIRTUAL_VALUE;
    }
  }

  /** A MicroPython board plugged in while the virtual board is on: offer it, once. */
  private offerNewBoards(ports: PortInfo[]): void {
    const fresh = ports.filter((port) => port.likelyMicroPython && !this.seenPorts.has(port.path));
    for (const port of ports) this.seenPorts.add(port.path);
    if (!this.portsListed) {
      this.portsListed = true; // Boards there at start are the start's business, not news.
      return;
    }
    const status = this.board.status;
    if (status.target?.kind !== 'virtual' || status.state !== 'idle') return;
    for (const port of fresh) {
      this.notifications.show({
        kind: 'info',
        title: `${port.friendlyName} plugged in`,
        body: `At ${port.path}. The virtual board stays connected until you switch.`,
        actions: [{ label: 'Connect', run: () => void this.connect({ kind: 'serial', path: port.path, baudRate: this.settings.value.baudRate }) }],
        timeoutMs: 20_000,
      });
    }
  }

  private selectTarget(target: ConnectTarget): void {
    const value = target.kind === 'virtual' ? VIRTUAL_VALUE : target.path;
    if (![...this.select.options].some((o) => o.value === value)) {
      // A port connected by path (e.g. a pty) that the port list does not show.
      this.select.insertBefore(h('option', { value }, value), this.select.querySelector(`option[value="${OTHER_VALUE}"]`));
    }
    this.select.value = value;
    this.chosen = value;
  }
}

function sameTarget(a: ConnectTarget, b: ConnectTarget | null): boolean {
  if (!b || a.kind !== b.kind) return false;
  return a.kind === 'virtual' || (b.kind === 'serial' && a.path === b.path);
}

function describeTarget(target: ConnectTarget): string {
  return target.kind === 'virtual' ? 'the virtual board' : target.path;
}
