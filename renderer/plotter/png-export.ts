/**
 * The current view as a PNG: the chart's canvas on the panel's background, with a
 * strip above it naming each shown series in its colour (the legend is HTML, so it
 * is not on the canvas).
 */
import { seriesColor } from './plot-chart';

const STRIP_CSS_PX = 24;

/** The panel's background and text colours, from its CSS custom properties. */
export function themeColors(panel: HTMLElement): { background: string; ink: string } {
  const style = getComputedStyle(panel);
  return {
    background: style.getPropertyValue('--plotter-bg').trim() || '#fff',
    ink: style.getPropertyValue('--plotter-fg').trim() || '#222',
  };
}

export function viewToPng(
  chartCanvas: HTMLCanvasElement,
  names: readonly string[],
  shown: readonly boolean[],
  colors: { background: string; ink: string },
): Promise<Blob> {
  const scale = devicePixelRatio || 1;
  const strip = Math.round(STRIP_CSS_PX * scale);
  const canvas = document.createElement('canvas');
  canvas.width = chartCanvas.width;
  canvas.height = chartCanvas.height + strip;
  const ctx = canvas.getContext('2d');
  if (!ctx) return Promise.reject(new Error('This browser cannot draw the plot into an image.'));
  ctx.fillStyle = colors.background;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.font = `${Math.round(12 * scale)}px sans-serif`;
  ctx.textBaseline = 'middle';
  let x = Math.round(8 * scale);
  names.forEach((name, i) => {
    if (shown[i] === false) return;
    ctx.fillStyle = seriesColor(i);
    ctx.fillRect(x, strip / 2 - 2 * scale, 14 * scale, 4 * scale);
    x += 18 * scale;
    ctx.fillStyle = colors.ink;
    ctx.fillText(name, x, strip / 2);
    x += ctx.measureText(name).width + 16 * scale;
  });
  ctx.drawImage(chartCanvas, 0, strip);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('Could not encode the PNG.'))), 'image/png'),
  );
}
