/**
 * A draggable splitter between two panes. It resizes the pane it is given (the
 * sidebar's width or the bottom panel's height) and remembers the size under a key
 * of `settings.layout`, so the layout comes back the next time.
 */
import type { SettingsClient } from '../settings/settings-client';

export interface SplitterOptions {
  splitter: HTMLElement;
  pane: HTMLElement;
  /** `width` for a side pane, `height` for a bottom pane. */
  dimension: 'width' | 'height';
  /** True when dragging towards the start (left/up) makes the pane bigger. */
  growsTowardsStart: boolean;
  layoutKey: string;
  defaultSize: number;
  min: number;
  /** The largest share of the window the pane may take. */
  maxFraction: number;
  settings: SettingsClient;
  onResize(): void;
}

const SAVE_DELAY_MS = 300;

export function setupSplitter(options: SplitterOptions): void {
  const { splitter, pane, dimension, settings } = options;
  const clamp = (size: number) => {
    const total = dimension === 'width' ? window.innerWidth : window.innerHeight;
    return Math.round(Math.max(options.min, Math.min(size, total * options.maxFraction)));
  };
  let size = clamp(settings.value.layout[options.layoutKey] ?? options.defaultSize);
  const apply = () => {
    pane.style[dimension] = `${size}px`;
    options.onResize();
  };
  apply();

  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      void settings.update({ layout: { ...settings.value.layout, [options.layoutKey]: size } });
    }, SAVE_DELAY_MS);
  };

  splitter.addEventListener('pointerdown', (down) => {
    down.preventDefault();
    splitter.setPointerCapture(down.pointerId);
    splitter.classList.add('dragging');
    const start = dimension === 'width' ? down.clientX : down.clientY;
    const startSize = size;
    const move = (event: PointerEvent) => {
      const delta = (dimension === 'width' ? event.clientX : event.clientY) - start;
      size = clamp(startSize + (options.growsTowardsStart ? -delta : delta));
      apply();
    };
    const up = () => {
      splitter.classList.remove('dragging');
      splitter.removeEventListener('pointermove', move);
      splitter.removeEventListener('pointerup', up);
      save();
    };
    splitter.addEventListener('pointermove', move);
    splitter.addEventListener('pointerup', up);
  });
  window.addEventListener('resize', () => {
    size = clamp(size);
    apply();
  });
}
