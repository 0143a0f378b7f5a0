/**
 * Keys for the focused plotter: Space pauses and resumes, the arrows pan, `+`/`-`
 * zoom around the middle of the view, Home goes back to the view pausing froze.
 * Keys typed into the toolbar's fields stay theirs.
 */
import type { ChartGestures } from './plot-chart';

const KEY_PAN_STEP = 0.1;
const KEY_ZOOM_STEP = 1.25;

export function bindPlotterKeys(
  root: HTMLElement,
  gestures: ChartGestures,
  view: { togglePause(): void; middle(): number },
): () => void {
  const onKey = (event: KeyboardEvent) => {
    if ((event.target as HTMLElement).closest('input, select, button') || event.ctrlKey || event.metaKey || event.altKey) return;
    const actions: Record<string, () => void> = {
      ' ': () => view.togglePause(),
      ArrowLeft: () => gestures.panBy(-KEY_PAN_STEP),
      ArrowRight: () => gestures.panBy(KEY_PAN_STEP),
      '+': () => gestures.zoomBy(1 / KEY_ZOOM_STEP, view.middle()),
      '=': () => gestures.zoomBy(1 / KEY_ZOOM_STEP, view.middle()),
      '-': () => gestures.zoomBy(KEY_ZOOM_STEP, view.middle()),
      Home: () => gestures.resetZoom(),
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };
  root.addEventListener('keydown', onKey);
  return () => root.removeEventListener('keydown', onKey);
}
