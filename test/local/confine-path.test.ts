/**
 * Local paths stay inside the project folder: `..`, absolute paths and symlinks
 * that lead out are refused, on a real folder with real links.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseLocalPath, resolveInside } from '../../main/local/confine-path';

describe('resolveInside', () => {
  let base: string;
  let root: string;
  let outside: string;

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'mpstudio-confine-'));
    root = join(base, 'project');
    outside = join(base, 'secret');
    await mkdir(join(root, 'src'), { recursive: true });
    await mkdir(outside);
    await writeFile(join(outside, 'key.txt'), 'secret');
    await writeFile(join(root, 'src', 'main.py'), 'print(1)');
    await symlink(outside, join(root, 'escape'));
    await symlink(join(root, 'src'), join(root, 'inner'));
    await symlink(join(base, 'nowhere'), join(root, 'dangling'));
    await symlink('../secret/key.txt', join(root, 'src', 'key-link'));
  });
  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('resolves ordinary paths, existing or not', async () => {
    expect(await resolveInside(root, 'src/main.py')).toBe(join(root, 'src', 'main.py'));
    expect(await resolveInside(root, 'src/new/file.py')).toBe(join(root, 'src', 'new', 'file.py'));
    expect(await resolveInside(root, '')).toBe(root);
    expect(await resolveInside(root, './src//main.py')).toBe(join(root, 'src', 'main.py'));
  });

  it('refuses .. and absolute paths', async () => {
    await expect(resolveInside(root, '../secret/key.txt')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(resolveInside(root, 'src/../../secret')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(resolveInside(root, '/etc/passwd')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(resolveInside(root, 'a\0b')).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('refuses symlinks that lead outside, follows those that stay inside', async () => {
    await expect(resolveInside(root, 'escape/key.txt')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(resolveInside(root, 'escape')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(resolveInside(root, 'src/key-link')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(resolveInside(root, 'dangling')).rejects.toMatchObject({ code: 'forbidden' });
    expect(await resolveInside(root, 'inner/main.py')).toBe(join(root, 'src', 'main.py'));
  });

  it('keeps backslashes as name characters on POSIX', () => {
    if (process.platform === 'win32') return;
    expect(normaliseLocalPath('x\\ny.py')).toBe('x\\ny.py');
    expect(normaliseLocalPath('a//b/./c')).toBe('a/b/c');
  });
});
