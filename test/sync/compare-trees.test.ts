/**
 * Sync's hash comparison, on real files: the local side is hashed from disk, the
 * "board" side from a second real folder with Node's SHA-256 (what `fs:hash` returns).
 * Checks each status, the actions per direction, and that hashes are asked for only
 * where sizes are equal.
 */
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesToTransfer, compareTrees, type FileFacts } from '../../main/sync/compare-trees';

async function facts(root: string, files: Record<string, string>): Promise<FileFacts[]> {
  const out: FileFacts[] = [];
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), content);
    out.push({ path, size: Buffer.byteLength(content) });
  }
  return out;
}

const sha = async (file: string) => createHash('sha256').update(await readFile(file)).digest('hex');

describe('compareTrees', () => {
  let base: string;
  let local: FileFacts[];
  let board: FileFacts[];
  const asked: string[] = [];
  const hashes = () => ({
    local: (p: string) => sha(join(base, 'local', p)),
    board: (p: string) => {
      asked.push(p);
      return sha(join(base, 'board', p));
    },
  });

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'mpstudio-compare-'));
    local = await facts(join(base, 'local'), {
      'main.py': 'print("hello")\n',
      'lib/same.py': 'x = 1\n',
      'lib/edited.py': 'x = 2\n', // same size as the board's, other content
      'lib/grown.py': 'x = 100\n',
      'new.py': 'new\n',
    });
    board = await facts(join(base, 'board'), {
      'main.py': 'print("hello")\n',
      'lib/same.py': 'x = 1\n',
      'lib/edited.py': 'x = 3\n',
      'lib/grown.py': 'x = 1\n',
      'old.py': 'old\n',
    });
  });
  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('classifies every file for an upload and hashes only equal sizes', async () => {
    asked.length = 0;
    const entries = await compareTrees(local, board, hashes(), { direction: 'upload', deleteExtra: false });
    const byPath = Object.fromEntries(entries.map((e) => [e.path, [e.status, e.action]]));
    expect(byPath).toEqual({
      'lib/edited.py': ['changed', 'upload'],
      'lib/grown.py': ['changed', 'upload'],
      'lib/same.py': ['unchanged', 'none'],
      'main.py': ['unchanged', 'none'],
      'new.py': ['new', 'upload'],
      'old.py': ['board-only', 'none'],
    });
    expect(asked.sort()).toEqual(['lib/edited.py', 'lib/same.py', 'main.py']);
    expect(bytesToTransfer(entries)).toBe(6 + 8 + 4);
  });

  it('deletes board-only files only when asked', async () => {
    const entries = await compareTrees(local, board, hashes(), { direction: 'upload', deleteExtra: true });
    expect(entries.find((e) => e.path === 'old.py')).toMatchObject({ status: 'board-only', action: 'delete' });
  });

  it('mirrors the statuses for a download', async () => {
    const entries = await compareTrees(local, board, hashes(), { direction: 'download', deleteExtra: false });
    const byPath = Object.fromEntries(entries.map((e) => [e.path, [e.status, e.action]]));
    expect(byPath['old.py']).toEqual(['new', 'download']);
    expect(byPath['new.py']).toEqual(['local-only', 'none']);
    expect(byPath['lib/edited.py']).toEqual(['changed', 'download']);
    expect(byPath['main.py']).toEqual(['unchanged', 'none']);
    expect(bytesToTransfer(entries)).toBe(4 + 6 + 6);
  });

  it('finds nothing to do when both sides are the same', async () => {
    const entries = await compareTrees(local, local, { local: hashes().local, board: hashes().local }, { direction: 'upload', deleteExtra: true });
    expect(entries.every((e) => e.status === 'unchanged' && e.action === 'none')).toBe(true);
    expect(bytesToTransfer(entries)).toBe(0);
  });

  it('marks files a flat board cannot take, with the reason', async () => {
    const entries = await compareTrees(local, [], hashes(), {
      direction: 'upload',
      deleteExtra: false,
      impossible: (p) => (p.includes('/') ? 'no folders' : null),
    });
    expect(entries.find((e) => e.path === 'lib/same.py')).toMatchObject({ status: 'new', action: 'none', note: 'no folders' });
    expect(entries.find((e) => e.path === 'main.py')).toMatchObject({ status: 'new', action: 'upload' });
  });
});
