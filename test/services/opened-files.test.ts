/**
 * Files the system opens in the app ("Open with", a second launch), through the real
 * services and dispatcher: which arguments are admitted, that only admitted files can
 * be read or written, and that saving one goes through the replace rule.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../main/services/create-services';
import type { OpenedFiles } from '../../preload/contract-types';

const sha256Hex = async (text: string) => Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))).toString('hex');

describe('files the system opens in the app', () => {
  let base: string;
  let services: Services;
  const events: string[] = [];

  const call = (channel: string, ...args: unknown[]) => services.dispatch(channel, args);
  const take = async () => ((await call('opened:take')) as { ok: true; value: OpenedFiles }).value;

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'mpstudio-opened-'));
    await mkdir(join(base, 'docs'));
    await writeFile(join(base, 'docs', 'blink.py'), 'print("blink")\n');
    await writeFile(join(base, 'other.py'), 'secret = 1\n');
    await symlink(join(base, 'docs', 'blink.py'), join(base, 'link.py'));
    await writeFile(join(base, 'huge.py'), '');
    await truncate(join(base, 'huge.py'), 17 * 1024 * 1024);
    services = await createServices({ mode: 'web', userDataDir: join(base, 'user-data'), appVersion: '0', emit: (channel) => events.push(channel) });
  });
  afterAll(async () => {
    await services?.dispose();
    await rm(base, { recursive: true, force: true });
  });

  it('admits files from the working folder, skips switches, and says what it cannot open', async () => {
    await services.openFiles(['--allow-file-access-from-files', 'docs/blink.py', join(base, 'nothing.py'), join(base, 'docs'), join(base, 'huge.py')], base);
    expect(events).toContain('opened:waiting');
    const batch = await take();
    expect(batch.files).toEqual([{ path: join(base, 'docs', 'blink.py'), name: 'blink.py' }]);
    expect(batch.problems).toEqual([
      `Cannot open "${join(base, 'nothing.py')}": there is no such file.`,
      `Cannot open "${join(base, 'docs')}": it is not a file.`,
      `Cannot open "${join(base, 'huge.py')}": it is larger than 16 MiB.`,
    ]);
    // Taken once: a reload does not open them again.
    expect(await take()).toEqual({ files: [], problems: [] });
  });

  it('opens a symlink as the file it points at', async () => {
    await services.openFiles([join(base, 'link.py')], '/');
    expect((await take()).files).toEqual([{ path: join(base, 'docs', 'blink.py'), name: 'blink.py' }]);
  });

  it('reads and writes an admitted file, and no other path', async () => {
    const blink = join(base, 'docs', 'blink.py');
    const read = await call('opened:read', blink);
    expect(read).toMatchObject({ ok: true });
    expect(new TextDecoder().decode((read as { value: Uint8Array }).value)).toBe('print("blink")\n');
    for (const path of [join(base, 'other.py'), join(base, 'link.py'), '/etc/passwd']) {
      expect(await call('opened:read', path)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await call('opened:write', path, new Uint8Array([0x78]))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await readFile(join(base, 'other.py'), 'utf8')).toBe('secret = 1\n');
  });

  it('saves under the replace rule: a file changed on disk since it was read is not overwritten unasked', async () => {
    const blink = join(base, 'docs', 'blink.py');
    const opened = await sha256Hex('print("blink")\n');
    // Saved with the hash the tab read: replaced, and the old text kept in replaced-files/.
    expect(await call('opened:write', blink, new TextEncoder().encode('print("edited")\n'), { replaces: opened })).toEqual({ ok: true, value: { path: blink, unchanged: false } });
    expect(await readFile(blink, 'utf8')).toBe('print("edited")\n');
    const kept = await readdir(join(base, 'user-data', 'replaced-files'), { recursive: true });
    expect(kept.some((p) => p.endsWith('blink.py'))).toBe(true);
    // Someone else changes it; the tab's hash is stale now: a conflict naming both sides.
    await writeFile(blink, 'print("changed elsewhere")\n');
    const conflict = await call('opened:write', blink, new TextEncoder().encode('print("mine")\n'), { replaces: opened });
    expect(conflict).toMatchObject({ ok: false, error: { code: 'conflict', conflict: { target: { side: 'file', path: blink }, incoming: { side: 'editor' } } } });
    expect(await readFile(blink, 'utf8')).toBe('print("changed elsewhere")\n');
    // Keep both writes beside it; the file itself stays as it is.
    expect(await call('opened:write', blink, new TextEncoder().encode('print("mine")\n'), { keepBoth: true })).toEqual({ ok: true, value: { path: join(base, 'docs', 'blink (2).py'), unchanged: false } });
    expect(await readFile(blink, 'utf8')).toBe('print("changed elsewhere")\n');
  });
});
