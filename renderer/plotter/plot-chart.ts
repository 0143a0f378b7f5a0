/**
 * The uPlot chart inside the plotter: draws a decimated view with the x and y
 * ranges it is told (no scale of its own), shows a legend whose entries switch
 * series on and off with the values under the crosshair, and reports the user's
 * zoom gestures (drag to select, wheel, shift+wheel to pan, double-click to reset).
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { DecimatedView } from './decimate';
import type { XMode } from './view-window';

export interface ChartGestures {
  /** The user selected an x range by dragging. */
  zoomTo(min: number, max: number): void;
  /** Wheel zoom: scale the x range by `factor` around `x`. */
  zoomBy(factor: number, x: number): void;
  /** Shift+wheel: move the x range by this fraction of its width. */
  panBy(fraction: number): void;
  resetZoom(): void;
  /** A legend entry was clicked: series visibility changed. */
  seriesToggled(): void;
}

const PALETTE = ['#2f7ed8', '#e4572e', '#17a05d', '#a05ad6', '#f0a202', '#0fb5ba', '#d6457f', '#6d7a8a', '#8c6d31', '#3b3eac'];
const WHEEL_ZOOM_STEP = 1.2;
const WHEEL_PAN_STEP = 0.1;
const MIN_PLOT_HEIGHT = 80;

export function seriesColor(index: number): string {
  return PALETTE[index % PALETTE.length] as string;
}

export class PlotChart {
  private plot: uPlot | null = null;
  private names: string[] = [];
  private mode: XMode = 'time';
  private readonly hidden = new Set<string>();
  private stale = false;
  /** Height of the HTML legend under the canvas, taken from the space available. */
  private legendPx = 0;
  private size = { width: 0, areaHeight: 0 };
  private readonly frame: HTMLDivElement;

  constructor(
    host: HTMLElement,
    private readonly gestures: ChartGestures,
  ) {
    this.frame = document.createElement('div');
    this.frame.className = 'plotter-chart';
    host.append(this.frame);
  }

  /** The theme changed: axis colours are read when the chart is built, so build it again. */
  invalidate(): void {
    this.stale = true;
  }

  /**
   * (Re)builds the chart when the series, the axis mode or the theme change (keeping
   * hidden series hidden), else fits it to `width` × `areaHeight`, legend included.
   */
  configure(names: readonly string[], mode: XMode, width: number, areaHeight: number): void {
    if (this.plot && !this.stale && mode === this.mode && sameNames(names, this.names)) {
      this.setSize(width, areaHeight);
      return;
    }
    this.stale = false;
    this.rememberHidden();
    this.plot?.destroy();
    this.names = [...names];
    this.mode = mode;
    this.size = { width, areaHeight };
    this.plot = new uPlot(this.options(width, this.plotHeight(areaHeight)), [[], ...names.map(() => [])], this.frame);
    this.bindGestures(this.plot);
    this.fitLegendSoon();
  }

  draw(view: DecimatedView, x: { min: number; max: number }, y: { min: number; max: number }): void {
    const plot = this.plot;
    if (!plot) return;
    plot.batch(() => {
      plot.setData([view.xs, ...view.ys] as uPlot.AlignedData, false);
      plot.setScale('x', x);
      plot.setScale('y', y);
    });
  }

  setSize(width: number, areaHeight: number): void {
    if (width === this.size.width && areaHeight === this.size.areaHeight) return;
    this.size = { width, areaHeight };
    this.plot?.setSize({ width, height: this.plotHeight(areaHeight) });
    this.fitLegendSoon();
  }

  /**
   * The legend (HTML, under the canvas) wraps differently at each width, so its
   * height is measured after a build or a resize: never per frame, where reading
   * layout would force it. uPlot lays itself out in a microtask; measuring in the
   * next one sees the result (measured synchronously, the legend is still narrow).
   */
  private fitLegendSoon(): void {
    queueMicrotask(() => this.fitLegend());
  }

  private fitLegend(): void {
    if (!this.plot) return;
    const legend = (this.plot.root.querySelector('.u-legend') as HTMLElement | null)?.offsetHeight ?? 0;
    if (legend === this.legendPx) return;
    this.legendPx = legend;
    this.plot.setSize({ width: this.size.width, height: this.plotHeight(this.size.areaHeight) });
  }

  private plotHeight(areaHeight: number): number {
    return Math.max(MIN_PLOT_HEIGHT, areaHeight - this.legendPx);
  }

  /** Per series: is it switched on in the legend? */
  shown(): boolean[] {
    return this.plot ? this.plot.series.slice(1).map((s) => s.show !== false) : [];
  }

  /** Width of the plotting area in CSS pixels: how many columns decimation should aim for. */
  plotWidth(): number {
    return this.plot ? Math.max(1, Math.round(this.plot.bbox.width / devicePixelRatio)) : 1;
  }

  canvas(): HTMLCanvasElement | null {
    return this.plot?.ctx.canvas ?? null;
  }

  destroy(): void {
    this.plot?.destroy();
    this.plot = null;
    this.frame.remove();
  }

  private rememberHidden(): void {
    if (!this.plot) return;
    this.plot.series.slice(1).forEach((s, i) => {
      const name = this.names[i];
      if (name === undefined) return;
      if (s.show === false) this.hidden.add(name);
      else this.hidden.delete(name);
    });
  }

  private options(width: number, height: number): uPlot.Options {
    const style = getComputedStyle(this.frame);
    const ink = style.getPropertyValue('--plotter-axis').trim() || '#888';
    const grid = style.getPropertyValue('--plotter-grid').trim() || 'rgba(128,128,128,0.2)';
    const axis = { stroke: ink, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    return {
      width,
      height,
      // Every frame sets both ranges itself; uPlot must not rescale on new data.
      scales: { x: { time: false, auto: false }, y: { auto: false } },
      series: [
        { label: this.mode === 'time' ? 'time (s)' : 'sample', value: (_u, v) => (v == null ? '—' : formatX(v, this.mode)) },
        ...this.names.map((name, i) => ({
          label: name,
          stroke: seriesColor(i),
          // Whole-pixel lines: cheaper to rasterise than fractional widths, at thousands of points a frame.
          width: 1,
          show: !this.hidden.has(name),
          // Lines printed in turns (`temp:…` then `hum:…`) leave every other value empty.
          spanGaps: true,
          points: { show: false },
        })),
      ],
      axes: [axis, { ...axis, size: 60 }],
      cursor: {
        drag: { x: true, y: false, setScale: false },
        bind: { dblclick: () => () => null },
      },
      legend: { live: true },
      hooks: {
        setSelect: [(u) => this.onSelect(u)],
        setSeries: [() => this.gestures.seriesToggled()],
      },
    };
  }

  private onSelect(u: uPlot): void {
    if (u.select.width < 2) return;
    const min = u.posToVal(u.select.left, 'x');
    const max = u.posToVal(u.select.left + u.select.width, 'x');
    u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
    if (max > min) this.gestures.zoomTo(min, max);
  }

  private bindGestures(u: uPlot): void {
    u.over.addEventListener('dblclick', () => this.gestures.resetZoom());
    u.over.addEventListener(
      'wheel',
      (event) => {
        event.preventDefault();
        const sideways = event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY);
        if (sideways) {
          const delta = event.shiftKey ? event.deltaY : event.deltaX;
          this.gestures.panBy(Math.sign(delta) * WHEEL_PAN_STEP);
          return;
        }
        const x = u.posToVal(event.offsetX, 'x');
        this.gestures.zoomBy(event.deltaY < 0 ? 1 / WHEEL_ZOOM_STEP : WHEEL_ZOOM_STEP, x);
      },
      { passive: false },
    );
  }
}

function formatX(value: number, mode: XMode): string {
  return mode === 'time' ? value.toFixed(3) : String(Math.round(value));
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, i) => name === b[i]);
}
