/**
 * A symlink planted in the project folder (by a cloned repository, an unzipped project)
 * where a write puts its temporary file must not carry the write outside the folder.
 * Through the real dispatcher, as the file browser, sync and the mirror's save call it.
 */
import { lstat, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch, type Dispatch } from '../../main/services/dispatch';
import { createHandlers } from '../../main/services/create-handlers';
import { SettingsStore } from '../../main/services/settings-store';
import { sha256 } from '../../main/consent/replace-rule';

let base: string;
let project: string;
let dispatch: Dispatch;
const cleanups: Array<() => void | Promise<void>> = [];

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'mpstudio-symlink-'));
  project = join(base, 'project');
  await mkdir(join(base, 'outside'), { recursive: true });
  await mkdir(project);
  await writeFile(join(project, 'victim.py'), 'print("mine")\n');
  const settings = await SettingsStore.open(join(base, 'user-data'));
  dispatch = createDispatch(
    createHandlers({ settings, emit: () => undefined, onDispose: (c) => cleanups.push(c), mode: 'web', userDataDir: join(base, 'user-data'), appVersion: '0' }),
  );
  const chosen = await dispatch('local:setFolder', [project]);
  expect(chosen.ok).toBe(true);
});
afterAll(async () => {
  for (const c of cleanups) await c();
  await rm(base, { recursive: true, force: true });
});

describe('local writes and planted symlinks', () => {
  it('does not follow a symlink planted at the temporary name (old scheme: <file>.mpstudio-<pid>.tmp)', async () => {
    const planted = join(project, `victim.py.mpstudio-${process.pid}.tmp`);
    await symlink(join(base, 'outside', 'created.py'), planted);
    // The user agreed to replace exactly the file they saw (the replace rule asks first).
    const consent = { replaces: sha256(new TextEncoder().encode('print("mine")\n')) };
    const result = await dispatch('local:write', ['victim.py', new TextEncoder().encode('print("new")\n'), consent]);
    expect(result.ok).toBe(true);
    expect(await readdir(join(base, 'outside'))).toEqual([]);
    expect((await lstat(join(project, 'victim.py'))).isFile()).toBe(true);
    expect(await readFile(join(project, 'victim.py'), 'utf8')).toBe('print("new")\n');
    // The planted link is left alone (it is the user's file), and no temporary file stays behind.
    expect((await readdir(project)).sort()).toEqual(['victim.py', `victim.py.mpstudio-${process.pid}.tmp`]);
  });

  it('writes a new file in a subfolder the same way, leaving nothing outside', async () => {
    await mkdir(join(project, 'lib'));
    await symlink(join(base, 'outside', 'lib-created.py'), join(project, 'lib', `new.py.mpstudio-${process.pid}.tmp`));
    expect((await dispatch('local:write', ['lib/new.py', new TextEncoder().encode('x = 1\n')])).ok).toBe(true);
    expect(await readdir(join(base, 'outside'))).toEqual([]);
    expect((await lstat(join(project, 'lib', 'new.py'))).isFile()).toBe(true);
  });
});
