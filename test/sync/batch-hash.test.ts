/**
 * Batched hashing on the real virtual board: many files per command, hostile names
 * quoted by the engine's helper, the same hashes as the host computes, and files the
 * board cannot open left out (the per-file path then reports them).
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoardSession } from '../../main/board/board-session';
import { DeviceFs } from '../../main/board/device-fs';
import { HASH_BATCH, hashMany, parseBatchHashes } from '../../main/sync/batch-hash';
import { createVirtualBoardTransport } from '../../runtime/start-virtual-board';

const sha = (data: string) => createHash('sha256').update(data).digest('hex');
const NAMES = ["/a'b.py", '/x\\ny.py', '/"); import os; os.remove("main.py") #', '/ünïcödé.py', '/with space.py'];

describe('hashMany on the virtual board', () => {
  let base: string;
  let session: BoardSession;
  let fs: DeviceFs;
  const commands: string[] = [];
  const exec = (source: string) => {
    commands.push(source);
    return session.execText(source);
  };

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'mpstudio-batch-hash-'));
    session = await BoardSession.open(await createVirtualBoardTransport({ flashDir: join(base, 'flash') }));
    fs = new DeviceFs(session);
    await fs.write('/main.py', new TextEncoder().encode('print("main")\n'));
    for (const name of NAMES) await fs.write(name, new TextEncoder().encode(`# ${name}\n`));
    for (let i = 0; i < HASH_BATCH + 5; i++) await fs.write(`/many_${i}.py`, new TextEncoder().encode(`N = ${i}\n`));
  }, 60_000);
  afterAll(async () => {
    await session?.close();
    await rm(base, { recursive: true, force: true });
  });

  it('hashes hostile names exactly, and runs none of them', async () => {
    const hashes = await hashMany(exec, NAMES);
    for (const name of NAMES) expect(hashes.get(name)).toBe(sha(`# ${name}\n`));
    expect(await fs.stat('/main.py')).not.toBeNull();
  });

  it('batches: more files than a batch take two commands', async () => {
    commands.length = 0;
    const paths = Array.from({ length: HASH_BATCH + 5 }, (_, i) => `/many_${i}.py`);
    const hashes = await hashMany(exec, paths);
    expect(commands).toHaveLength(2);
    paths.forEach((path, i) => expect(hashes.get(path)).toBe(sha(`N = ${i}\n`)));
  });

  it('keeps each command small when paths are long', async () => {
    commands.length = 0;
    const long = Array.from({ length: 6 }, (_, i) => `/${'folder_with_a_long_name/'.repeat(6)}file_${i}.py`);
    const hashes = await hashMany(exec, long);
    for (const source of commands) expect(source.length).toBeLessThan(1200);
    expect(commands.length).toBeGreaterThan(1);
    // Not on the board: all are left out, and each batch still answered line for line.
    expect(hashes.size).toBe(0);
  });

  it('leaves out what the board cannot open', async () => {
    const hashes = await hashMany(exec, ['/main.py', '/gone.py']);
    expect(hashes.get('/main.py')).toBe(sha('print("main")\n'));
    expect(hashes.has('/gone.py')).toBe(false);
    expect(parseBatchHashes(['/a', '/b'], 'only one line\n').size).toBe(0);
  });
});
