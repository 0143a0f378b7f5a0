/**
 * Picking a huge folder (/usr: about 130k files here) must answer fast and hold only
 * what is shown: the root is listed one level deep, only shown folders are watched
 * (counted as the process's inotify watches, which a recursive watch multiplies), all
 * are released on a switch, and a sync of such a folder is refused with the reason.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch, type Dispatch } from '../../main/services/dispatch';
import { createHandlers } from '../../main/services/create-handlers';
import { SettingsStore } from '../../main/services/settings-store';
import { UserFacingError } from '../../main/services/user-facing-error';
import { fixedFolderSettings, LocalFolderService } from '../../main/local/local-folder';

let base: string;
let dispatch: Dispatch;
const cleanups: Array<() => void | Promise<void>> = [];

/** Inotify watches this process holds, from /proc/self/fdinfo (Linux). */
async function inotifyWatches(): Promise<number> {
  let count = 0;
  for (const fd of await readdir('/proc/self/fdinfo')) {
    const info = await readFile(`/proc/self/fdinfo/${fd}`, 'utf8').catch(() => '');
    count += info.split('\n').filter((line) => line.startsWith('inotify wd:')).length;
  }
  return count;
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'mpstudio-huge-'));
  const settings = await SettingsStore.open(join(base, 'user-data'));
  dispatch = createDispatch(createHandlers({ settings, emit: () => undefined, onDispose: (c) => cleanups.push(c), mode: 'web', userDataDir: join(base, 'user-data'), appVersion: '0' }));
});
afterAll(async () => {
  for (const c of cleanups) await c();
  await rm(base, { recursive: true, force: true });
});

describe('a huge local folder (/usr)', () => {
  it('is chosen and listed one level deep in a moment, watching only what is shown', async () => {
    const before = await inotifyWatches();
    const started = performance.now();
    expect(await dispatch('local:setFolder', ['/usr'])).toMatchObject({ ok: true });
    const top = await dispatch('local:list', ['', false]);
    const elapsed = performance.now() - started;
    expect(top).toMatchObject({ ok: true });
    expect((top as { value: unknown[] }).value.length).toBeLessThan(100);
    expect(elapsed).toBeLessThan(3000); // Even on a loaded machine; a full listing took 6-7 s idle.
    // A recursive watch sets itself up in the background: give it time to show.
    await new Promise((r) => setTimeout(r, 1500));
    expect((await inotifyWatches()) - before).toBeLessThanOrEqual(1);
    expect(await dispatch('local:watch', [['lib', 'share', 'bin']])).toMatchObject({ ok: true });
    expect((await inotifyWatches()) - before).toBe(4);
    expect(await dispatch('local:watch', [['lib']])).toMatchObject({ ok: true });
    expect((await inotifyWatches()) - before).toBe(2);
    expect(await dispatch('local:setFolder', [base])).toMatchObject({ ok: true });
    expect((await inotifyWatches()) - before).toBe(1);
  }, 30_000);

  it('refuses to sync it, saying why', async () => {
    // What sync and copy-to-board list the local side with.
    const usr = new LocalFolderService(fixedFolderSettings('/usr'));
    const started = performance.now();
    const refused = await usr.listForTransfer('').catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(20_000); // It stops at the limit instead of reading all of /usr.
    expect(refused).toBeInstanceOf(UserFacingError);
    expect((refused as UserFacingError).message).toMatch(/more than 5,000 files and folders, far more than a MicroPython board can hold/);
    expect((refused as UserFacingError).hint).toMatch(/ignore list/);
  }, 30_000);
});
