/** Settings persist as JSON, survive a damaged file field by field, and save atomically. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SettingsStore } from '../../main/services/settings-store';

let dir: string;
beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'mpstudio-settings-'))));
afterEach(async () => rm(dir, { recursive: true, force: true }));

describe('SettingsStore', () => {
  it('starts from the defaults when there is no file', async () => {
    expect((await SettingsStore.open(dir)).get()).toEqual(DEFAULT_SETTINGS);
  });

  it('persists updates across reopen and tells listeners', async () => {
    const store = await SettingsStore.open(dir);
    const seen: number[] = [];
    store.onChange((s) => seen.push(s.fontSize));
    await store.update({ fontSize: 18, theme: 'dark', lastTarget: { kind: 'virtual' } });
    const again = (await SettingsStore.open(dir)).get();
    expect(again).toMatchObject({ fontSize: 18, theme: 'dark', lastTarget: { kind: 'virtual' } });
    expect(seen).toEqual([18]);
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')).fontSize).toBe(18);
  });

  it('keeps valid fields of a hand-edited file and drops invalid ones', async () => {
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ fontSize: 'huge', theme: 'dark', baudRate: 9600, evil: 1 }));
    const settings = (await SettingsStore.open(dir)).get();
    expect(settings.theme).toBe('dark');
    expect(settings.baudRate).toBe(9600);
    expect(settings.fontSize).toBe(DEFAULT_SETTINGS.fontSize);
    expect(settings).not.toHaveProperty('evil');
  });

  it('survives a file that is not JSON', async () => {
    await writeFile(join(dir, 'settings.json'), '{"theme": "dark",');
    expect((await SettingsStore.open(dir)).get()).toEqual(DEFAULT_SETTINGS);
  });
});
