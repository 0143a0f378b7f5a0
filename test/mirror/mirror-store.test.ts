/**
 * The mirror keeps every saved version per board on disk: hostile board paths never
 * become host file names, versions are capped, and a damaged copy is refused.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_VERSIONS, MirrorStore } from '../../main/mirror/mirror-store';

const text = (s: string) => new TextEncoder().encode(s);
const HOSTILE = ["/a'b.py", '/x\\ny.py', '/"); import os; os.remove("main.py") #', '/ünïcödé.py', '/with space.py', '/../../etc/passwd'];

describe('MirrorStore', () => {
  let root: string;
  let store: MirrorStore;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'mpstudio-mirror-'));
    store = new MirrorStore(join(root, 'mirror'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('keeps files per board, hostile names included, and reads them back', async () => {
    for (const [i, path] of HOSTILE.entries()) await store.record('board-A', 'Pico', path, text(`# ${i}\n`));
    await store.record('board-B', 'micro:bit', '/main.py', text('B\n'));
    const files = await store.list('board-A');
    expect(files.map((f) => f.path).sort()).toEqual([...HOSTILE].sort());
    for (const [i, path] of HOSTILE.entries()) expect(new TextDecoder().decode(await store.read('board-A', path))).toBe(`# ${i}\n`);
    expect(await store.list('board-B')).toMatchObject([{ path: '/main.py', size: 2, versions: 0 }]);
    expect((await store.boards()).map((b) => [b.boardId, b.label, b.files]).sort()).toEqual([
      ['board-A', 'Pico', HOSTILE.length],
      ['board-B', 'micro:bit', 1],
    ]);
    // Only hashed names on disk: two board folders, each with an index and blobs.
    for (const dir of await readdir(join(root, 'mirror'))) {
      expect(dir).toMatch(/^[0-9a-f]{24}$/);
      expect((await readdir(join(root, 'mirror', dir))).sort()).toEqual(['blobs', 'index.json']);
    }
  });

  it('keeps the newest versions only, and their contents', async () => {
    for (let i = 0; i < MAX_VERSIONS + 5; i++) await store.record('board-C', 'c', '/v.py', text(`v${i}`));
    const [file] = await store.list('board-C');
    expect(file).toMatchObject({ path: '/v.py', versions: MAX_VERSIONS - 1 });
    expect(new TextDecoder().decode(await store.read('board-C', '/v.py'))).toBe(`v${MAX_VERSIONS + 4}`);
  });

  it('records concurrent saves without losing one', async () => {
    await Promise.all(Array.from({ length: 20 }, (_, i) => store.record('board-D', 'd', `/f${i}.py`, text(String(i)))));
    expect(await store.list('board-D')).toHaveLength(20);
  });

  it('refuses a damaged copy and says when there is none', async () => {
    await store.record('board-E', 'e', '/m.py', text('good'));
    const [file] = await store.list('board-E');
    const dirs = await readdir(join(root, 'mirror'));
    for (const dir of dirs) {
      const blobs = await readdir(join(root, 'mirror', dir, 'blobs'));
      if (blobs.includes(file!.sha256)) await writeFile(join(root, 'mirror', dir, 'blobs', file!.sha256), 'evil');
    }
    await expect(store.read('board-E', '/m.py')).rejects.toMatchObject({ code: 'internal', message: expect.stringContaining('damaged') });
    await expect(store.read('board-E', '/other.py')).rejects.toMatchObject({ code: 'not-found' });
  });
});
