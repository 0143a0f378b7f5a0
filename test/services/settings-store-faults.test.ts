/**
 * A failed settings save (a poisoned temporary path, a folder where the file should be:
 * EISDIR here, a full disk or a permission error in life) leaves disk and memory in
 * agreement, tells no listener, and does not stop the next save once the cause is gone.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkedRootFolder } from '../../main/services/root-folders';
import { SettingsStore } from '../../main/services/settings-store';

let dir: string;
beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'mpstudio-settings-faults-'))));
afterEach(async () => rm(dir, { recursive: true, force: true }));

const onDisk = async (): Promise<Record<string, unknown>> => JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')) as Record<string, unknown>;

describe('SettingsStore after a failed save', () => {
  it('is not stopped by a folder planted at the old predictable temporary path', async () => {
    const store = await SettingsStore.open(dir);
    await mkdir(join(dir, `settings.json.${process.pid}.tmp`));
    await store.update({ fontSize: 20 });
    expect((await onDisk()).fontSize).toBe(20);
  });

  it('keeps the old settings in memory and on disk, and saves again once the cause is gone', async () => {
    const store = await SettingsStore.open(dir);
    await store.update({ fontSize: 16 });
    const seen: number[] = [];
    store.onChange((s) => seen.push(s.fontSize));
    // A folder where the file should be: the rename fails with EISDIR.
    await rm(join(dir, 'settings.json'));
    await mkdir(join(dir, 'settings.json'));
    const failed = await store.update({ fontSize: 30, virtualBoardFolder: await checkedRootFolder(dir) }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(Error);
    expect((failed as Error).message).toMatch(/settings\.json/);
    expect((failed as Error).cause).toMatchObject({ code: 'EISDIR' });
    expect(store.get()).toMatchObject({ fontSize: 16, virtualBoardFolder: '' });
    expect(seen).toEqual([]);
    // Several updates queued behind the failing one: each is tried on its own.
    const another = store.update({ theme: 'dark' }).catch((e: unknown) => e);
    expect(await another).toBeInstanceOf(Error);
    await rm(join(dir, 'settings.json'), { recursive: true });
    await store.update({ fontSize: 22 });
    expect(store.get()).toMatchObject({ fontSize: 22, theme: 'system', virtualBoardFolder: '' });
    expect(await onDisk()).toMatchObject({ fontSize: 22, theme: 'system' });
    expect(seen).toEqual([22]);
  });
});
