/**
 * The `local:*` channels through the real dispatcher (contract validation included),
 * on a real folder: choosing the folder, file operations, confinement, atomic writes,
 * errors in words, and `local:changed` from the watcher.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalChange } from '../../preload/contract-types';
import { createDispatch, type Dispatch } from '../../main/services/dispatch';
import { SettingsStore } from '../../main/services/settings-store';
import { createHandlers } from '../../main/services/create-handlers';

describe('local:* handlers', () => {
  let base: string;
  let project: string;
  let dispatch: Dispatch;
  const cleanups: Array<() => void | Promise<void>> = [];
  const changes: LocalChange[] = [];
  let changeWaiters: Array<() => void> = [];

  const call = async (channel: string, ...args: unknown[]) => dispatch(channel, args);
  const ok = async (channel: string, ...args: unknown[]) => {
    const result = await call(channel, ...args);
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value;
  };

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'mpstudio-local-'));
    project = join(base, 'project');
    await mkdir(join(project, 'lib'), { recursive: true });
    await mkdir(join(project, '.git'));
    await writeFile(join(project, 'main.py'), 'print(1)\n');
    await writeFile(join(project, 'lib', 'util.py'), 'x = 1\n');
    await writeFile(join(base, 'outside.txt'), 'secret');
    await symlink(join(base, 'outside.txt'), join(project, 'leak.txt'));
    const settings = await SettingsStore.open(join(base, 'user-data'));
    const ctx = {
      settings,
      emit: ((channel: string, payload: LocalChange) => {
        if (channel !== 'local:changed') return;
        changes.push(payload);
        for (const w of changeWaiters) w();
        changeWaiters = [];
      }) as never,
      onDispose: (c: () => void | Promise<void>) => cleanups.push(c),
    };
    // The app's full table, so validation and wiring are exactly as in the app.
    dispatch = createDispatch(createHandlers({ ...ctx, mode: 'web', userDataDir: join(base, 'user-data'), appVersion: '0' }));
  });
  afterAll(async () => {
    for (const c of cleanups) await c();
    await rm(base, { recursive: true, force: true });
  });

  it('refuses a folder that does not exist or is not absolute, accepts a real one', async () => {
    expect(await call('local:setFolder', join(base, 'missing'))).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call('local:setFolder', 'relative/path')).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await call('local:list', '')).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining('No local folder') } });
    expect(await ok('local:setFolder', project)).toEqual({ path: project, exists: true, canPick: false });
    expect(await ok('local:folder')).toEqual({ path: project, exists: true, canPick: false });
    expect(await call('local:pickFolder')).toMatchObject({ ok: false, error: { code: 'not-supported' } });
  });

  it('lists recursively with sizes, marks ignored entries, hides links that lead out', async () => {
    const entries = (await ok('local:list', '', true)) as Array<{ path: string; type: string; size: number; ignored: boolean }>;
    expect(entries.map((e) => [e.path, e.type, e.size, e.ignored])).toEqual([
      ['.git', 'dir', 0, true],
      ['lib', 'dir', 0, false],
      ['main.py', 'file', 9, false],
      ['lib/util.py', 'file', 6, false],
    ]);
  });

  it('rejects hostile paths at the contract and in main', async () => {
    expect(await call('local:read', '../outside.txt')).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await call('local:read', '/etc/passwd')).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await call('local:read', 'leak.txt')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('local:write', 'leak.txt', new Uint8Array([1]))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('local:write', 'x.py', 'not bytes')).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await readFile(join(base, 'outside.txt'), 'utf8')).toBe('secret');
  });

  it('writes atomically, reads, makes folders, renames and removes', async () => {
    await ok('local:write', 'deep/er/a b.py', new TextEncoder().encode('ü = 1\n'));
    expect(new TextDecoder().decode((await ok('local:read', 'deep/er/a b.py')) as Uint8Array)).toBe('ü = 1\n');
    expect((await readdir(join(project, 'deep', 'er'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    await ok('local:mkdir', 'empty');
    await ok('local:rename', 'deep/er/a b.py', 'moved.py');
    expect(await call('local:rename', 'main.py', 'moved.py')).toMatchObject({ ok: false, error: { code: 'already-exists' } });
    expect(await call('local:remove', 'deep')).toMatchObject({ ok: false, error: { code: 'already-exists', message: expect.stringContaining('not empty') } });
    await ok('local:remove', 'deep', true);
    await ok('local:remove', 'empty');
    await ok('local:remove', 'leak.txt');
    expect(await readFile(join(base, 'outside.txt'), 'utf8')).toBe('secret');
    expect(await call('local:remove', '')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('local:read', 'nope.py')).toMatchObject({ ok: false, error: { code: 'not-found', message: '"nope.py" does not exist (any more).' } });
  });

  it('reports changes made on disk by other programs, in the folders shown', async () => {
    await ok('local:watch', ['lib']);
    const seen = new Promise<void>((resolve) => changeWaiters.push(resolve));
    await writeFile(join(project, 'lib', 'from-editor.py'), 'y = 2\n');
    await seen;
    expect(changes.at(-1)?.folder).toBe(project);
    expect(changes.some((c) => c.paths.length === 0 || c.paths.includes('lib/from-editor.py'))).toBe(true);
  });
});
