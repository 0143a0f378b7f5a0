/**
 * The Board panel: a side panel beside the editor showing the virtual board, shown
 * only while the virtual board is connected and the user has not hidden it (the
 * toolbar's board button). The board's state arrives at most 60 times a second and
 * is drawn once per animation frame, whatever the program does.
 */
import type { StudioApi } from '../../preload/contract';
import type { BoardWiring, VirtualBoardState } from '../../preload/contract-types';
import { h } from '../src/ui/dom';
import { iconButton } from '../src/ui/icons';
import { BoardDrawing } from './board-drawing';
import { WiringMenu } from './wiring-menu';

const HIDDEN_KEY = 'mpstudio.boardPanelHidden';

export class BoardPanel {
  readonly element: HTMLElement;
  readonly toggleButton: HTMLButtonElement;
  private readonly drawing: BoardDrawing;
  private readonly menu: WiringMenu;
  private latest: VirtualBoardState | null = null;
  private frame = 0;
  private available = false;
  private userHidden = localStorage.getItem(HIDDEN_KEY) === '1';
  private listeners = new Set<(visible: boolean) => void>();

  constructor(private readonly api: StudioApi) {
    this.menu = new WiringMenu((wiring) => void api.virtual.setWiring(wiring));
    this.drawing = new BoardDrawing(api.virtual, (part, anchor) => this.openWiring(part, anchor));
    const close = iconButton({ icon: 'close', title: 'Hide the board panel' });
    close.addEventListener('click', () => this.setUserHidden(true));
    this.element = h(
      'aside',
      { class: 'board-panel', 'aria-label': 'Virtual board', hidden: true },
      h('div', { class: 'board-panel-header' }, h('span', { class: 'title' }, 'Virtual board'), h('span', { class: 'hint' }, 'Pico wiring'), close),
      h('div', { class: 'board-panel-body' }, this.drawing.element),
      h(
        'div',
        { class: 'board-legend' },
        ...(['in', 'out', 'pwm', 'adc', 'i2c'] as const).map((mode) => h('span', { class: 'legend-item', 'data-mode': mode }, mode.toUpperCase())),
      ),
      this.menu.element,
    );
    this.toggleButton = iconButton({ icon: 'circuit-board', title: 'Show or hide the virtual board', className: 'board-toggle' });
    this.toggleButton.setAttribute('aria-pressed', 'false');
    this.toggleButton.disabled = true;
    this.toggleButton.addEventListener('click', () => this.setUserHidden(!this.userHidden));
    api.virtual.onStateChanged((state) => this.receive(state));
    void api.virtual.state().then((state) => this.receive(state), () => undefined);
  }

  get visible(): boolean {
    return this.available && !this.userHidden;
  }

  /** The panel shows only while the virtual board is the connected board. */
  setAvailable(available: boolean): void {
    this.available = available;
    this.toggleButton.disabled = !available;
    this.toggleButton.title = available ? 'Show or hide the virtual board' : 'The board panel shows the virtual board: connect it first';
    this.refresh();
  }

  onVisibilityChange(listener: (visible: boolean) => void): void {
    this.listeners.add(listener);
  }

  private setUserHidden(hidden: boolean): void {
    this.userHidden = hidden;
    localStorage.setItem(HIDDEN_KEY, hidden ? '1' : '0');
    this.refresh();
  }

  private refresh(): void {
    const visible = this.visible;
    if (this.element.hidden === !visible) return;
    this.element.hidden = !visible;
    this.toggleButton.setAttribute('aria-pressed', String(visible));
    if (!visible) this.menu.close();
    if (visible && this.latest) this.schedule();
    for (const listener of this.listeners) listener(visible);
  }

  private receive(state: VirtualBoardState): void {
    this.latest = state;
    this.schedule();
  }

  /** One drawing per frame with the newest state; none while hidden. */
  private schedule(): void {
    if (this.frame || this.element.hidden) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (this.latest) this.drawing.update(this.latest);
      this.element.dataset.frames = String(Number(this.element.dataset.frames ?? 0) + 1);
    });
  }

  private openWiring(part: keyof BoardWiring, anchor: Element): void {
    if (!this.latest) return;
    const box = anchor.getBoundingClientRect();
    const panel = this.element.getBoundingClientRect();
    this.menu.open(part, this.latest.wiring, { x: Math.max(4, box.left - panel.left), y: box.bottom - panel.top + 4 });
  }
}
