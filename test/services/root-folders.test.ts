/**
 * The renderer cannot move the folders that files are served from: contract calls
 * through the real dispatcher, as a compromised page (desktop) or the token holder (web)
 * would make them. The native folder dialog is a MOCK (no display here) that returns the
 * folder a user would have clicked.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch, type Dispatch } from '../../main/services/dispatch';
import { createHandlers } from '../../main/services/create-handlers';
import { SettingsStore } from '../../main/services/settings-store';

let base: string;
let project: string;
let other: string;
const cleanups: Array<() => void | Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups) await c();
  await rm(base, { recursive: true, force: true });
});
beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'mpstudio-roots-'));
  project = join(base, 'project');
  other = join(base, 'other');
  await mkdir(project);
  await mkdir(other);
  await writeFile(join(other, 'secret.txt'), 'not yours');
});

async function app(mode: 'electron' | 'web', mockFolderDialog?: () => Promise<string | null>): Promise<{ dispatch: Dispatch; settings: SettingsStore }> {
  const userDataDir = await mkdtemp(join(base, `user-data-${mode}-`));
  const settings = await SettingsStore.open(userDataDir);
  const ctx = { settings, emit: () => undefined, onDispose: (c: () => void | Promise<void>) => cleanups.push(c), mode, userDataDir, appVersion: '0' };
  return { dispatch: createDispatch(createHandlers(mockFolderDialog ? { ...ctx, pickFolder: mockFolderDialog } : ctx)), settings };
}

describe('desktop app: a root comes from the folder dialog or the remembered setting', () => {
  it('refuses a root the renderer types, by any channel, and changes nothing', async () => {
    const { dispatch, settings } = await app('electron', async () => project);
    expect(await dispatch('local:setFolder', ['/'])).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatch('local:setFolder', [other])).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatch('local:read', ['secret.txt'])).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await dispatch('settings:update', [{ localFolder: other }])).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatch('settings:update', [{ localFolder: 'relative/dir' }])).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await dispatch('settings:update', [{ virtualBoardFolder: other, fontSize: 20 }])).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(settings.get()).toMatchObject({ localFolder: '', virtualBoardFolder: '', fontSize: 14 });
  });

  it('takes the folder picked in the dialog, and keeps accepting it and forgetting it', async () => {
    const { dispatch, settings } = await app('electron', async () => project);
    expect(await dispatch('local:pickFolder', [])).toMatchObject({ ok: true, value: { path: project, canPick: true } });
    expect(await dispatch('local:setFolder', [project])).toMatchObject({ ok: true });
    expect(await dispatch('settings:update', [{ fontSize: 16, localFolder: project }])).toMatchObject({ ok: true });
    expect(await dispatch('settings:pickFolder', ['virtualBoardFolder'])).toMatchObject({ ok: true, value: { virtualBoardFolder: project } });
    expect(await dispatch('local:setFolder', [''])).toMatchObject({ ok: true, value: { path: '' } });
    expect(settings.get()).toMatchObject({ localFolder: '', virtualBoardFolder: project, fontSize: 16 });
  });
});

describe('web mode: the token holder types a path, through the same checks', () => {
  it('refuses the whole disk, relative paths and missing folders for both roots', async () => {
    const { dispatch, settings } = await app('web');
    for (const key of ['localFolder', 'virtualBoardFolder']) {
      expect(await dispatch('settings:update', [{ [key]: '/' }])).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await dispatch('settings:update', [{ [key]: 'relative/dir' }])).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
      expect(await dispatch('settings:update', [{ [key]: join(base, 'missing') }])).toMatchObject({ ok: false, error: { code: 'not-found' } });
    }
    expect(await dispatch('local:setFolder', ['/'])).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatch('local:read', ['etc/passwd'])).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await dispatch('settings:update', [{ localFolder: `${project}/../project` }])).toMatchObject({ ok: true, value: { localFolder: project } });
    expect(settings.get().localFolder).toBe(project);
    expect(await dispatch('settings:pickFolder', ['localFolder'])).toMatchObject({ ok: false, error: { code: 'not-supported' } });
  });
});
