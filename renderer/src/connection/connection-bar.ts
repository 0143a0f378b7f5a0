/**
 * The connection bar: a list of the virtual board and every detected port (likely
 * MicroPython boards first, kept live by `board:portsChanged`), Connect/Disconnect,
 * the board's state and MicroPython version. Failures are shown in plain words
 * with their fix.
 */
import type { ConnectTarget, PortInfo } from '../../../preload/contract-types';
import { studio } from '../studio-api';
import type { SettingsClient } from '../settings/settings-client';
import { h } from '../ui/dom';
import type { Notifications } from '../ui/notifications';
import { BoardState, STATE_LABELS } from './board-state';

const VIRTUAL_VALUE = 'virtual';

export class ConnectionBar {
  readonly element: HTMLElement;
  private readonly select = h('select', { 'aria-label': 'Board', class: 'board-select' });
  private readonly connectButton = h('button', { type: 'button', class: 'connect' }, 'Connect');
  private readonly pill = h('span', { class: 'state-pill', 'data-state': 'disconnected' }, 'Disconnected');
  private readonly version = h('span', { class: 'board-version' });
  private ports: PortInfo[] = [];

  constructor(
    private readonly board: BoardState,
    private readonly settings: SettingsClient,
    private readonly notifications: Notifications,
  ) {
    this.element = h('div', { class: 'connection-bar' }, this.select, this.connectButton, this.pill, this.version);
    this.connectButton.addEventListener('click', () => {
      void (this.board.connected ? this.disconnect() : this.connect());
    });
    studio.board.onPortsChanged((ports) => this.setPorts(ports));
    studio.board.listPorts().then(
      (ports) => this.setPorts(ports),
      () => this.setPorts([]),
    );
    this.setPorts([]);
    board.onChange((status) => {
      this.pill.dataset.state = status.state;
      this.pill.textContent = STATE_LABELS[status.state];
      this.version.textContent = status.version ? `v${status.version}` : '';
      this.version.title = status.banner ?? (status.version ? `MicroPython ${status.version}` : '');
      this.connectButton.textContent = this.board.connected || status.state === 'reconnecting' ? 'Disconnect' : 'Connect';
      this.connectButton.disabled = status.state === 'connecting';
      this.select.disabled = status.state !== 'disconnected';
      if (status.target) this.selectTarget(status.target);
    });
  }

  /** The target chosen in the list. */
  get target(): ConnectTarget {
    const value = this.select.value;
    if (value === VIRTUAL_VALUE || !value) return { kind: 'virtual' };
    return { kind: 'serial', path: value, baudRate: this.settings.value.baudRate };
  }

  async connect(target: ConnectTarget = this.target): Promise<boolean> {
    try {
      const status = await studio.board.connect(target);
      this.board.set(status);
      await this.settings.update({ lastTarget: target });
      return true;
    } catch (error) {
      this.notifications.error(`Connecting to ${target.kind === 'virtual' ? 'the virtual board' : target.path}`, error);
      return false;
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
    const previous = this.select.value;
    this.ports = [...ports].sort(
      (a, b) => Number(b.likelyMicroPython) - Number(a.likelyMicroPython) || a.friendlyName.localeCompare(b.friendlyName),
    );
    this.select.replaceChildren(
      h('option', { value: VIRTUAL_VALUE }, 'Virtual board (built in)'),
      ...this.ports.map((port) => h('option', { value: port.path, title: port.path }, `${port.friendlyName} — ${port.path}`)),
    );
    const status = this.board.status;
    if (status.target) this.selectTarget(status.target);
    else if (previous && [...this.select.options].some((o) => o.value === previous)) this.select.value = previous;
    else {
      const likely = this.ports.find((p) => p.likelyMicroPython);
      this.select.value = likely?.path ?? VIRTUAL_VALUE;
    }
  }

  private selectTarget(target: ConnectTarget): void {
    const value = target.kind === 'virtual' ? VIRTUAL_VALUE : target.path;
    if (![...this.select.options].some((o) => o.value === value)) {
      // A port connected by path (e.g. a pty) that the port list does not show.
      this.select.append(h('option', { value }, value));
    }
    this.select.value = value;
  }
}
