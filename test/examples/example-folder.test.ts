/**
 * The examples folder in main: listed with each example's summary, read by plain name
 * only. Names that are paths, links that lead out of the folder, folders and oversized
 * files are refused as not found, whatever reaches main past the contract's schema.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listExamples, readExample } from '../../main/examples/example-folder';
import { parseArgs } from '../../preload/contract';
import { repoRoot } from '../support/web-app';

let base: string;
let dir: string;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'mpstudio-examples-'));
  dir = join(base, 'examples');
  await mkdir(join(dir, 'folder.py'), { recursive: true });
  await writeFile(join(dir, 'blink.py'), '\n# Blink the LED.\n# More words.\nimport time\n');
  await writeFile(join(dir, 'no_comment.py'), 'print(1)\n');
  await writeFile(join(dir, 'notes.txt'), 'not an example');
  await writeFile(join(dir, 'huge.py'), `# Too big.\n${'x = 1\n'.repeat(60_000)}`);
  await writeFile(join(base, 'secret.py'), 'SECRET = 1\n');
  await symlink(join(base, 'secret.py'), join(dir, 'escape.py'));
});
afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('the examples folder', () => {
  it('lists the .py files in it, sorted, with the first line of each one’s opening comment', async () => {
    const listed = await listExamples(dir);
    expect(listed).toEqual([
      { name: 'blink.py', summary: 'Blink the LED.' },
      { name: 'huge.py', summary: 'Too big.' },
      { name: 'no_comment.py', summary: 'print(1)' },
    ]);
  });

  it('reads an example by name, and refuses paths, links out, folders and huge files', async () => {
    expect(await readExample(dir, 'blink.py')).toBe('\n# Blink the LED.\n# More words.\nimport time\n');
    for (const name of ['../secret.py', 'escape.py', 'folder.py', 'huge.py', 'notes.txt', 'missing.py', '']) {
      await expect(readExample(dir, name), name).rejects.toMatchObject({ code: 'not-found' });
    }
  });

  it('lists nothing when the folder is missing', async () => {
    expect(await listExamples(join(base, 'nowhere'))).toEqual([]);
  });

  it('has the contract refuse a path before main sees it', () => {
    expect(parseArgs('app:example', ['blink.py'])).toMatchObject({ ok: true });
    for (const name of ['../package.json', 'a/b.py', '.hidden.py', 'x.py\0', 'C:\\x.py', 42]) {
      expect(parseArgs('app:example', [name]), String(name)).toMatchObject({ ok: false });
    }
  });

  it('summarises every example the app ships', async () => {
    const shipped = await listExamples(join(repoRoot, 'resources', 'examples'));
    expect(shipped.length).toBeGreaterThanOrEqual(7);
    for (const example of shipped) expect(example.summary, example.name).toMatch(/^[A-Z"].{10,}/);
  });
});
