/**
 * The plotter panel: live plots of what the board prints, fed by `plot:samples`.
 * It keeps the history in ring buffers, draws at most once per animation frame
 * from a decimated view, and offers pause, zoom and pan, legend toggles,
 * autoscale or a fixed range, clear, and CSV/PNG export. Self-contained: the IDE
 * mounts it in a tab with `createPlotterPanel(container, api)`.
 */
import type { StudioApi } from '../../preload/contract';
import type { PlotBatch } from '../../preload/contract-types';
import { BatchIntake } from './batch-intake';
import { historyToCsv } from './csv-export';
import { decimate, emptyView } from './decimate';
import { downloadBlob, exportFileName } from './file-download';
import { PlotChart, type ChartGestures } from './plot-chart';
import { bindPlotterKeys } from './plotter-keys';
import { PlotterToolbar, DEFAULT_VIEW_SETTINGS, type PlotterViewSettings } from './plotter-toolbar';
import { themeColors, viewToPng } from './png-export';
import { DEFAULT_HISTORY, SampleHistory } from './sample-history';
import { liveSlice, positionAtX, sliceForRange, xAt, type ViewSlice, type XMode } from './view-window';
import './plotter.css';

export interface PlotterPanel {
  dispose(): void;
  /** Calls `listener` whenever new samples arrive, e.g. to badge a hidden tab. */
  onNewData(listener: () => void): () => void;
  /** Re-measures the container; call after the tab becomes visible or the layout changes. */
  resize(): void;
  /**
   * Samples kept per series from now on: at once while the plot is empty, else from the
   * next Clear, so changing the setting never throws away what is on screen.
   */
  setHistorySize(samples: number): void;
}

export interface PlotterOptions {
  /** Samples kept per series; defaults to the `plotHistory` setting, else 1,000,000. */
  historySize?: number;
  view?: Partial<PlotterViewSettings>;
  /**
   * Screen pixels per decimation column, each drawn as its min and max: 1 is the
   * finest, 2 (the default) halves the points drawn for a trace that looks the same.
   */
  pixelsPerColumn?: number;
}

/** The status line changes at most this often; a number ticking 60 times a second is noise. */
const STATUS_INTERVAL_MS = 250;
const DEFAULT_PIXELS_PER_COLUMN = 2;

export function createPlotterPanel(container: HTMLElement, api: StudioApi, options: PlotterOptions = {}): PlotterPanel {
  let history = new SampleHistory(options.historySize ?? DEFAULT_HISTORY);
  let intake = new BatchIntake(history);
  let pendingCapacity: number | null = null;
  let settings: PlotterViewSettings = { ...DEFAULT_VIEW_SETTINGS, ...options.view };
  let paused = false;
  /** The x range shown while paused (zoomed or not), and the one pausing froze, for reset. */
  let pausedRange: { min: number; max: number } | null = null;
  let frozenRange: { min: number; max: number } | null = null;
  let lastRange: { min: number; max: number } | null = null;
  let lastY: { min: number; max: number } | null = null;
  let frame = 0;
  let dirty = true;
  let frames = 0;
  let renderMs = 0;
  let received = 0;
  let lastStatusAt = 0;
  let rate = { at: performance.now(), count: 0, perSecond: 0 };
  const view = emptyView();
  let areaSize = { width: 0, height: 0 };
  const pixelsPerColumn = Math.max(1, options.pixelsPerColumn ?? DEFAULT_PIXELS_PER_COLUMN);
  const newDataListeners = new Set<() => void>();

  const root = document.createElement('div');
  root.className = 'plotter';
  root.tabIndex = 0;
  const toolbar = new PlotterToolbar(settings, {
    togglePause: () => setPaused(!paused),
    clear: () => void clear(),
    exportCsv: () => exportCsv(),
    exportPng: () => void exportPng(),
    settingsChanged: (next) => changeSettings(next),
  });
  const area = document.createElement('div');
  area.className = 'plotter-area';
  const empty = document.createElement('div');
  empty.className = 'plotter-empty';
  empty.textContent = 'Print numbers from the board to plot them, e.g. print(x, y) or print("temp:", t).';
  area.append(empty);
  root.append(toolbar.element, area);
  container.append(root);

  const gestures: ChartGestures = {
    zoomTo: (min, max) => zoom({ min, max }),
    zoomBy: (factor, x) => {
      const range = currentRange();
      if (range) zoom({ min: x - (x - range.min) * factor, max: x + (range.max - x) * factor });
    },
    panBy: (fraction) => {
      const range = currentRange();
      if (!range) return;
      const shift = (range.max - range.min) * fraction;
      zoom({ min: range.min + shift, max: range.max + shift });
    },
    resetZoom: () => {
      if (paused && frozenRange) zoom(frozenRange);
    },
    seriesToggled: () => schedule(),
  };
  const chart = new PlotChart(area, gestures);

  const unsubscribe = api.plot.onSamples((batch) => receive(batch));
  void api.settings
    .get()
    .then((s) => {
      if (options.historySize === undefined && s.plotHistory !== history.capacity) pendingCapacity = s.plotHistory;
      applyPendingCapacity();
    })
    .catch(() => {
      // Without settings the default history size is used.
    });

  const resizeObserver = new ResizeObserver((entries) => {
    const box = entries[entries.length - 1]?.contentRect;
    if (box) areaSize = { width: Math.floor(box.width), height: Math.floor(box.height) };
    schedule();
  });
  resizeObserver.observe(area);
  // The IDE switches themes with attributes on <html>; the system theme can change too.
  const restyle = () => {
    chart.invalidate();
    schedule();
  };
  const themeObserver = new MutationObserver(restyle);
  themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme', 'class', 'style'] });
  const darkQuery = matchMedia('(prefers-color-scheme: dark)');
  darkQuery.addEventListener('change', restyle);
  const unbindKeys = bindPlotterKeys(root, gestures, {
    togglePause: () => setPaused(!paused),
    middle: () => {
      const range = currentRange();
      return range ? (range.min + range.max) / 2 : 0;
    },
  });

  function receive(batch: PlotBatch): void {
    const result = intake.apply(batch);
    if (result.cleared) {
      // A cleared plot has nothing to hold still: it starts live again.
      setPaused(false);
      pausedRange = frozenRange = lastRange = null;
      received = 0;
      applyPendingCapacity();
    }
    received += result.added;
    rate.count += result.added;
    if (result.added === 0 && !result.cleared) return;
    for (const listener of newDataListeners) listener();
    // Paused, the view stays as it is; only the status line moves. Hidden, nothing is drawn.
    updateStatus();
    if (!paused || result.cleared || result.newSeries) schedule();
  }

  function applyPendingCapacity(): void {
    if (pendingCapacity === null || history.length > 0) return;
    history = new SampleHistory(pendingCapacity);
    intake = new BatchIntake(history);
    pendingCapacity = null;
    updateStatus();
  }

  function schedule(): void {
    dirty = true;
    if (frame === 0) frame = requestAnimationFrame(render);
  }

  function render(): void {
    frame = 0;
    if (!dirty) return;
    const { width, height } = areaSize;
    // A hidden tab has no size: keep the data, draw when it is shown again.
    if (width === 0 || height === 0) return;
    dirty = false;
    frames++;
    const began = performance.now();
    empty.hidden = history.length > 0;
    chart.configure(history.series, settings.xMode, width, height);
    const slice = currentSlice();
    const columns = Math.max(1, Math.round(chart.plotWidth() / pixelsPerColumn));
    if (slice) decimate(history, slice.start, slice.end, settings.xMode, columns, chart.shown(), view);
    else decimate(history, 0, 0, settings.xMode, 1, [], view);
    const x = slice ?? { min: 0, max: settings.windowUnit === 'seconds' && settings.xMode === 'time' ? settings.windowAmount : 100 };
    lastRange = { min: x.min, max: x.max };
    lastY = yRange();
    chart.draw(view, lastRange, lastY);
    // Kept for the benchmark and for anyone wondering why a plot feels slow.
    renderMs = 0.9 * renderMs + 0.1 * (performance.now() - began);
    root.dataset.renderMs = renderMs.toFixed(2);
    updateStatus();
  }

  function currentSlice(): ViewSlice | null {
    if (history.length === 0) return null;
    if (paused && pausedRange) return sliceForRange(history, pausedRange.min, pausedRange.max, settings.xMode);
    return liveSlice(history, { amount: settings.windowAmount, unit: settings.windowUnit }, settings.xMode);
  }

  function yRange(): { min: number; max: number } {
    if (!settings.yAuto) {
      const { yMin, yMax } = settings;
      return yMax > yMin ? { min: yMin, max: yMax } : { min: yMin - 1, max: yMin + 1 };
    }
    if (Number.isNaN(view.yMin)) return { min: 0, max: 1 };
    const span = view.yMax - view.yMin;
    const pad = span > 0 ? span * 0.05 : Math.max(1, Math.abs(view.yMax) * 0.1);
    return { min: view.yMin - pad, max: view.yMax + pad };
  }

  function currentRange(): { min: number; max: number } | null {
    return pausedRange ?? lastRange;
  }

  function setPaused(next: boolean): void {
    if (next === paused) return;
    paused = next;
    frozenRange = pausedRange = paused ? lastRange : null;
    toolbar.setPaused(paused);
    root.dataset.paused = String(paused);
    schedule();
  }

  /** Zooming or panning pauses the view: a live view would scroll away from what was chosen. */
  function zoom(range: { min: number; max: number }): void {
    if (!(range.max > range.min) || history.length === 0) return;
    if (!paused) setPaused(true);
    pausedRange = range;
    schedule();
  }

  function changeSettings(next: PlotterViewSettings): void {
    if (next.xMode !== settings.xMode) {
      pausedRange = convertRange(pausedRange, settings.xMode, next.xMode);
      frozenRange = convertRange(frozenRange, settings.xMode, next.xMode);
    }
    settings = next;
    schedule();
  }

  function convertRange(range: { min: number; max: number } | null, from: XMode, to: XMode) {
    if (!range || history.length === 0) return null;
    const last = history.length - 1;
    const start = Math.min(positionAtX(history, range.min, from), last);
    const end = Math.min(positionAtX(history, range.max, from), last);
    const min = xAt(history, start, to);
    const max = xAt(history, end, to);
    return max > min ? { min, max } : null;
  }

  async function clear(): Promise<void> {
    try {
      await api.plot.clear();
    } catch (error) {
      toolbar.setStatus(`Could not clear: ${(error as Error).message}`);
    }
  }

  function exportCsv(): void {
    downloadBlob(new Blob(historyToCsv(history), { type: 'text/csv' }), exportFileName('csv'));
  }

  /** Draws the view now, so the image is what the screen shows, then saves it. */
  async function exportPng(): Promise<void> {
    dirty = true;
    render();
    const canvas = chart.canvas();
    if (!canvas) return;
    try {
      downloadBlob(await viewToPng(canvas, history.series, chart.shown(), themeColors(root)), exportFileName('png'));
    } catch (error) {
      toolbar.setStatus((error as Error).message);
    }
  }

  function updateStatus(): void {
    const now = performance.now();
    if (now - rate.at >= 1000) rate = { at: now, count: 0, perSecond: Math.round((rate.count * 1000) / (now - rate.at)) };
    root.dataset.samples = String(history.length);
    root.dataset.capacity = String(history.capacity);
    root.dataset.received = String(received);
    root.dataset.lost = String(intake.lostRows);
    root.dataset.series = history.series.join('\t');
    root.dataset.frames = String(frames);
    root.dataset.xMin = String(lastRange?.min ?? '');
    root.dataset.xMax = String(lastRange?.max ?? '');
    root.dataset.yMin = String(lastY?.min ?? '');
    root.dataset.yMax = String(lastY?.max ?? '');
    if (now - lastStatusAt < STATUS_INTERVAL_MS) return;
    lastStatusAt = now;
    const parts = [`${received.toLocaleString()} samples`, `${history.series.length} series`, `${rate.perSecond.toLocaleString()}/s`];
    if (intake.lostRows > 0) parts.push(`${intake.lostRows.toLocaleString()} lost`);
    if (received > history.length) parts.push(`keeping the last ${history.capacity.toLocaleString()}`);
    toolbar.setStatus(parts.join(' · '));
  }

  /** Re-measures on request; the observer below keeps the size without forcing layout each frame. */
  function resize(): void {
    areaSize = { width: area.clientWidth, height: area.clientHeight };
    schedule();
  }

  root.dataset.paused = 'false';
  schedule();

  return {
    dispose() {
      unsubscribe();
      unbindKeys();
      resizeObserver.disconnect();
      themeObserver.disconnect();
      darkQuery.removeEventListener('change', restyle);
      if (frame) cancelAnimationFrame(frame);
      chart.destroy();
      root.remove();
      newDataListeners.clear();
    },
    onNewData(listener) {
      newDataListeners.add(listener);
      return () => newDataListeners.delete(listener);
    },
    resize,
    setHistorySize(samples) {
      pendingCapacity = samples === history.capacity ? null : samples;
      applyPendingCapacity();
    },
  };
}
