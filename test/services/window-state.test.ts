/** The window's bounds are remembered, and a position off every display is dropped. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_BOUNDS, loadWindowBounds, saveWindowBounds, windowStateFile } from '../../main/services/window-state';

const display = { x: 0, y: 0, width: 1920, height: 1080 };
let dir: string;
beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'mpstudio-window-'))));
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('window state', () => {
  it('round-trips size, position and maximized', async () => {
    const file = windowStateFile(dir);
    await saveWindowBounds(file, { x: 100, y: 80, width: 1000, height: 700, maximized: true });
    expect(loadWindowBounds(file, [display])).toEqual({ x: 100, y: 80, width: 1000, height: 700, maximized: true });
  });

  it('uses the defaults without a file', () => {
    expect(loadWindowBounds(windowStateFile(dir), [display])).toEqual(DEFAULT_BOUNDS);
  });

  it('drops a position that no display shows, keeping the size', async () => {
    const file = windowStateFile(dir);
    await saveWindowBounds(file, { x: 5000, y: 3000, width: 900, height: 600, maximized: false });
    expect(loadWindowBounds(file, [display])).toEqual({ width: 900, height: 600, maximized: false });
  });

  it('clamps tiny or garbage sizes', async () => {
    const file = windowStateFile(dir);
    await writeFile(file, JSON.stringify({ width: 10, height: 'tall', x: 'left' }));
    expect(loadWindowBounds(file, [display])).toEqual({ width: 640, height: DEFAULT_BOUNDS.height, maximized: false });
  });
});
