/**
 * Restoring a local file the app replaced, through the app's own handler table and
 * dispatcher (createServices, web mode, real folders on disk): the kept files are
 * listed newest first, a restore goes through the replace rule (asks when the current
 * file differs, keeps it in turn), only into the folder it came from, and ids that could
 * name anything but a kept file are refused at the contract or by ReplacedFiles.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeptFileError, ReplacedFiles } from '../../main/consent/replaced-files';
import { sha256 } from '../../main/consent/replace-rule';
import { createServices, type Services } from '../../main/services/create-services';
import type { ReplacedFileInfo, WireResult, WriteOutcome } from '../../preload/contract-types';

const text = (s: string) => new TextEncoder().encode(s);

describe('restoring replaced local files', () => {
  let base: string;
  let project: string;
  let other: string;
  let services: Services;
  const call = (channel: string, ...args: unknown[]): Promise<WireResult<unknown>> => services.dispatch(channel, args);
  const ok = async <T>(channel: string, ...args: unknown[]): Promise<T> => {
    const result = await call(channel, ...args);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };
  const onDisk = (name: string) => readFile(join(project, name), 'utf8');
  const kept = () => ok<ReplacedFileInfo[]>('replaced:list');
  /** Writes over `lib/hello.py` with the user's consent for what is there, as Replace does. */
  const replaceWith = async (content: string) =>
    ok('local:write', 'lib/hello.py', text(content), { replaces: sha256(await readFile(join(project, 'lib/hello.py'))) });

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'mpstudio-replaced-'));
    project = join(base, 'project');
    other = join(base, 'other');
    await mkdir(join(project, 'lib'), { recursive: true });
    await mkdir(other);
    services = await createServices({ mode: 'web', userDataDir: join(base, 'user-data'), appVersion: '0', emit: () => undefined });
    await ok('local:setFolder', project);
  });
  afterAll(async () => {
    await services?.dispose();
    await rm(base, { recursive: true, force: true });
  });

  it('lists nothing before anything was replaced, then each replaced file, newest first', async () => {
    expect(await kept()).toEqual([]);
    await ok('local:write', 'lib/hello.py', text('v1\n'));
    await replaceWith('v2 is longer\n');
    await new Promise((resolve) => setTimeout(resolve, 5)); // A later millisecond: a later id.
    await replaceWith('v3\n');
    const list = await kept();
    expect(list.map(({ folder, path, size }) => ({ folder, path, size }))).toEqual([
      { folder: project, path: 'lib/hello.py', size: 13 },
      { folder: project, path: 'lib/hello.py', size: 3 },
    ]);
    expect(list[0]!.replacedAt).toBeGreaterThan(list[1]!.replacedAt);
  });

  it('asks before a restore replaces a current file that differs, naming the kept copy', async () => {
    const [, first] = await kept();
    const refused = await call('replaced:restore', first!.id);
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        conflict: {
          target: { side: 'local', path: 'lib/hello.py', size: 3, sha256: sha256(text('v3\n')) },
          incoming: { side: 'replaced', path: 'lib/hello.py', size: 3, replacedAt: first!.replacedAt },
        },
      },
    });
    expect(await onDisk('lib/hello.py')).toBe('v3\n');
  });

  it('restores with consent, and keeps the file it replaces so the restore can be undone', async () => {
    const [, first] = await kept();
    const outcome = await ok<WriteOutcome>('replaced:restore', first!.id, { replaces: sha256(text('v3\n')) });
    expect(outcome).toEqual({ path: 'lib/hello.py', unchanged: false });
    expect(await onDisk('lib/hello.py')).toBe('v1\n');
    const list = await kept();
    expect(list).toHaveLength(3);
    expect(list[0]).toMatchObject({ path: 'lib/hello.py', size: 3 });
    const { bytes } = await new ReplacedFiles(join(base, 'user-data', 'replaced-files')).read(list[0]!.id);
    expect(new TextDecoder().decode(bytes)).toBe('v3\n');
    // Restoring the same copy again: the content is already there, nothing is asked or written.
    expect(await ok('replaced:restore', first!.id)).toEqual({ path: 'lib/hello.py', unchanged: true });
  });

  it('restores without asking where the file is gone, and beside it on Keep both', async () => {
    const [, second] = await kept(); // v2
    await ok('local:remove', 'lib/hello.py');
    expect(await ok('replaced:restore', second!.id)).toEqual({ path: 'lib/hello.py', unchanged: false });
    expect(await onDisk('lib/hello.py')).toBe('v2 is longer\n');
    const newest = (await kept())[0]!; // v3
    expect(await ok('replaced:restore', newest.id, { keepBoth: true })).toEqual({ path: 'lib/hello (2).py', unchanged: false });
    expect(await onDisk('lib/hello (2).py')).toBe('v3\n');
    expect(await onDisk('lib/hello.py')).toBe('v2 is longer\n');
  });

  it('restores only into the folder the file was replaced in, and says which one to open', async () => {
    const [entry] = await kept();
    await ok('local:setFolder', other);
    const elsewhere = await call('replaced:restore', entry!.id, { keepBoth: true });
    expect(elsewhere).toMatchObject({ ok: false, error: { code: 'forbidden', hint: `Open ${project} in the Local pane to restore it there.` } });
    await ok('local:setFolder', '');
    const none = await call('replaced:restore', entry!.id);
    expect(none).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringContaining('no local folder is open') } });
    expect(await readdir(other)).toEqual([]);
    await ok('local:setFolder', project);
  });

  it('refuses ids that are not a kept file’s, at the contract or in ReplacedFiles', async () => {
    for (const id of ['', '..', '../user-data', 'a/b', `${'2026-01-01T00-00-00-000Z-abcdef'}/..`, '2026-01-01T00-00-00-000Z-abcdef'.repeat(3), 42, null]) {
      expect(await call('replaced:restore', id), String(id)).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    }
    expect(await call('replaced:restore', '2026-01-01T00-00-00-000Z-abcdef', { replaces: 'not a hash' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    // Well formed, but nothing kept under it.
    expect(await call('replaced:restore', '2026-01-01T00-00-00-000Z-abcdef')).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringContaining('no longer kept') },
    });
    const store = new ReplacedFiles(join(base, 'user-data', 'replaced-files'));
    await expect(store.read('../project')).rejects.toMatchObject({ code: 'invalid-argument' });
  });

  it('says so in plain words when a kept file’s record is damaged, and leaves it out of the list', async () => {
    const root = join(base, 'user-data', 'replaced-files');
    const before = (await kept()).length;
    const bad = async (id: string, note: unknown) => {
      await mkdir(join(root, id), { recursive: true });
      await writeFile(join(root, id, 'x.py'), 'x');
      await writeFile(join(root, id, 'replaced.json'), typeof note === 'string' ? note : JSON.stringify(note));
      const result = await call('replaced:restore', id);
      expect(result, id).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining('damaged'), hint: expect.stringContaining(id) } });
      await expect(new ReplacedFiles(root).read(id)).rejects.toBeInstanceOf(KeptFileError);
    };
    await bad('2026-01-01T00-00-00-000Z-000001', '{ not json');
    await bad('2026-01-01T00-00-00-000Z-000002', { id: '2026-01-01T00-00-00-000Z-000002', folder: project, path: '../../escape.py', replacedAt: 1 });
    await bad('2026-01-01T00-00-00-000Z-000003', { id: 'someone-else', folder: project, path: 'x.py', replacedAt: 1 });
    await bad('2026-01-01T00-00-00-000Z-000004', { id: '2026-01-01T00-00-00-000Z-000004', folder: project, path: 'missing.py', replacedAt: 1 });
    // A kept file's bytes reached through a symlinked folder are not trusted either.
    const id = '2026-01-01T00-00-00-000Z-000005';
    await mkdir(join(root, id));
    await symlink(join(project, 'lib'), join(root, id, 'lib'));
    await writeFile(join(root, id, 'replaced.json'), JSON.stringify({ id, folder: project, path: 'lib/hello.py', replacedAt: 1 }));
    expect(await call('replaced:restore', id)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    // A symlink in place of an id's folder is not one of ours.
    const linked = '2026-01-01T00-00-00-000Z-000006';
    await symlink(join(root, (await kept())[0]!.id), join(root, linked));
    expect(await call('replaced:restore', linked)).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining('no longer kept') } });
    expect(await kept()).toHaveLength(before);
    expect(await onDisk('lib/hello.py')).toBe('v2 is longer\n');
  });
});
