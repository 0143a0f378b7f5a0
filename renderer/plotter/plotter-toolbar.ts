/**
 * The plotter's controls: pause/resume, the window (seconds or samples), the x
 * axis (time or sample index), autoscale or a fixed y range, clear, and the two
 * exports. It owns only its DOM; what the controls do is the panel's business.
 */
import type { WindowUnit, XMode } from './view-window';

export interface PlotterViewSettings {
  windowAmount: number;
  windowUnit: WindowUnit;
  xMode: XMode;
  yAuto: boolean;
  yMin: number;
  yMax: number;
}

export interface ToolbarActions {
  togglePause(): void;
  clear(): void;
  exportCsv(): void;
  exportPng(): void;
  settingsChanged(settings: PlotterViewSettings): void;
}

export const DEFAULT_VIEW_SETTINGS: PlotterViewSettings = {
  windowAmount: 10,
  windowUnit: 'seconds',
  xMode: 'time',
  yAuto: true,
  yMin: 0,
  yMax: 100,
};

export class PlotterToolbar {
  readonly element: HTMLDivElement;
  private readonly pauseButton: HTMLButtonElement;
  private readonly status: HTMLSpanElement;
  private readonly hint: HTMLSpanElement;
  private settings: PlotterViewSettings;

  constructor(initial: PlotterViewSettings, actions: ToolbarActions) {
    this.settings = { ...initial };
    this.element = el('div', 'plotter-toolbar');
    this.element.setAttribute('role', 'toolbar');
    this.element.setAttribute('aria-label', 'Plotter');

    this.pauseButton = button('Pause', 'pause', () => actions.togglePause());
    this.pauseButton.title = 'Pause the view; data keeps being collected (Space)';

    const amount = el('input', 'plotter-number');
    amount.type = 'number';
    amount.min = '1';
    amount.value = String(initial.windowAmount);
    amount.dataset.control = 'window-amount';
    amount.title = 'How much the live view shows';
    const unit = select('window-unit', [['seconds', 's'], ['samples', 'samples']], initial.windowUnit);
    const xMode = select('x-mode', [['time', 'time (s)'], ['index', 'sample #']], initial.xMode);
    xMode.title = 'x axis: seconds since start, or sample index';
    const yMode = select('y-mode', [['auto', 'autoscale'], ['fixed', 'fixed']], initial.yAuto ? 'auto' : 'fixed');
    const yMin = numberInput('y-min', initial.yMin, 'lowest y shown');
    const yMax = numberInput('y-max', initial.yMax, 'highest y shown');
    const fixedRange = el('span', 'plotter-fixed-range');
    fixedRange.append(yMin, text(' to '), yMax);
    fixedRange.hidden = initial.yAuto;

    const changed = () => {
      const next: PlotterViewSettings = {
        windowAmount: positiveOr(amount.valueAsNumber, this.settings.windowAmount),
        windowUnit: unit.value as WindowUnit,
        xMode: xMode.value as XMode,
        yAuto: yMode.value === 'auto',
        yMin: finiteOr(yMin.valueAsNumber, this.settings.yMin),
        yMax: finiteOr(yMax.valueAsNumber, this.settings.yMax),
      };
      fixedRange.hidden = next.yAuto;
      this.settings = next;
      actions.settingsChanged(next);
    };
    for (const control of [amount, unit, xMode, yMode, yMin, yMax]) control.addEventListener('change', changed);

    this.status = el('span', 'plotter-status');
    this.status.setAttribute('aria-live', 'polite');
    this.hint = el('span', 'plotter-hint');
    this.hint.textContent = 'Drag to zoom · wheel zooms · Shift+wheel pans · double-click resets';
    this.hint.hidden = true;

    this.element.append(
      this.pauseButton,
      group('Window', amount, unit),
      group('X', xMode),
      group('Y', yMode, fixedRange),
      button('Clear', 'clear', () => actions.clear()),
      button('CSV', 'csv', () => actions.exportCsv(), 'Export the whole history as CSV'),
      button('PNG', 'png', () => actions.exportPng(), 'Export the current view as PNG'),
      this.hint,
      this.status,
    );
  }

  setPaused(paused: boolean): void {
    this.pauseButton.textContent = paused ? 'Resume' : 'Pause';
    this.pauseButton.setAttribute('aria-pressed', String(paused));
    this.hint.hidden = !paused;
  }

  setStatus(message: string): void {
    if (this.status.textContent !== message) {
      this.status.textContent = message;
      this.status.title = message; // Cut to an ellipsis when the plotter is narrow.
    }
  }
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}

function text(content: string): Text {
  return document.createTextNode(content);
}

function button(label: string, action: string, onClick: () => void, title?: string): HTMLButtonElement {
  const node = el('button', 'plotter-button');
  node.type = 'button';
  node.textContent = label;
  node.dataset.action = action;
  if (title) node.title = title;
  node.addEventListener('click', onClick);
  return node;
}

function select(control: string, options: Array<[string, string]>, value: string): HTMLSelectElement {
  const node = el('select', 'plotter-select');
  node.dataset.control = control;
  for (const [optionValue, label] of options) node.append(new Option(label, optionValue));
  node.value = value;
  return node;
}

function numberInput(control: string, value: number, label: string): HTMLInputElement {
  const node = el('input', 'plotter-number');
  node.type = 'number';
  node.step = 'any';
  node.value = String(value);
  node.dataset.control = control;
  node.setAttribute('aria-label', label);
  return node;
}

function group(label: string, ...controls: Array<HTMLElement>): HTMLLabelElement {
  const node = el('label', 'plotter-group');
  const name = el('span', 'plotter-label');
  name.textContent = label;
  node.title = label; // The name stays in the tooltip when a narrow plotter hides it.
  node.append(name, ...controls);
  return node;
}

function positiveOr(value: number, fallback: number): number {
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

function finiteOr(value: number, fallback: number): number {
  return Number.isFinite(value) ? value : fallback;
}
