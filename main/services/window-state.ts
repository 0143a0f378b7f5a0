/**
 * The main window's size and position, remembered between runs in the user-data
 * folder. Pure Node so it can be tested without Electron; a saved position that is
 * off every current display is dropped so the window never opens out of sight.
 */
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { writeFileAtomic } from '../local/atomic-write';
import { dirname, join } from 'node:path';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export interface DisplayArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_BOUNDS: WindowBounds = { width: 1280, height: 800, maximized: false };
const MIN_SIZE = { width: 640, height: 400 };

export function windowStateFile(userDataDir: string): string {
  return join(userDataDir, 'window-state.json');
}

/** Reads the saved bounds, fitting them to the displays there are now. */
export function loadWindowBounds(file: string, displays: DisplayArea[]): WindowBounds {
  let saved: Partial<WindowBounds>;
  try {
    saved = JSON.parse(readFileSync(file, 'utf8')) as Partial<WindowBounds>;
  } catch {
    return { ...DEFAULT_BOUNDS };
  }
  const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
  const bounds: WindowBounds = {
    width: finite(saved.width) ? Math.max(MIN_SIZE.width, Math.round(saved.width)) : DEFAULT_BOUNDS.width,
    height: finite(saved.height) ? Math.max(MIN_SIZE.height, Math.round(saved.height)) : DEFAULT_BOUNDS.height,
    maximized: saved.maximized === true,
  };
  if (finite(saved.x) && finite(saved.y)) {
    const { x, y } = saved;
    // Visible enough: the window's top-left 100×50 px lies on some display.
    const visible = displays.some(
      (d) => x + 100 > d.x && x < d.x + d.width - 50 && y >= d.y - 10 && y < d.y + d.height - 50,
    );
    if (visible) Object.assign(bounds, { x: Math.round(x), y: Math.round(y) });
  }
  return bounds;
}

export async function saveWindowBounds(file: string, bounds: WindowBounds): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomic(file, JSON.stringify(bounds));
}
