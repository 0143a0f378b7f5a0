/**
 * Passes the virtual board's state on at most once per frame (60 per second), however
 * often it changes: the first change after a quiet spell goes out at once, later ones
 * within the same frame collapse into one trailing update carrying the latest state.
 * So a program toggling a pin in a tight loop cannot flood IPC.
 */

export const STATE_INTERVAL_MS = 1000 / 60;

export interface Coalescer<T> {
  push(value: T): void;
  dispose(): void;
}

export function coalesce<T>(emit: (value: T) => void, intervalMs = STATE_INTERVAL_MS): Coalescer<T> {
  let lastEmit = -Infinity;
  let pending: { value: T } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    if (!pending) return;
    // Timers may fire a fraction of a millisecond early: never two updates within the interval.
    const wait = lastEmit + intervalMs - performance.now();
    if (wait > 0) {
      timer = setTimeout(flush, Math.ceil(wait));
      return;
    }
    const { value } = pending;
    pending = null;
    lastEmit = performance.now();
    emit(value);
  };
  return {
    push(value) {
      pending = { value };
      if (timer) return;
      const wait = lastEmit + intervalMs - performance.now();
      if (wait <= 0) flush();
      else timer = setTimeout(flush, Math.ceil(wait));
    },
    dispose() {
      clearTimeout(timer);
      timer = undefined;
      pending = null;
    },
  };
}
