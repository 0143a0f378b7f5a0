/**
 * The editor saves a buffer's backup on every pause in typing, so saves for one id
 * overlap: 20 at once must all succeed, leave the last one on disk, leave no
 * temporary file behind, and a discard after them must stay discarded.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupHandlers } from '../../main/services/backup-handlers';
import type { ServiceContext } from '../../main/services/service-context';
import type { BufferBackup } from '../../preload/contract-types';

let dir: string;
let handlers: ReturnType<typeof backupHandlers>;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mpstudio-backups-'));
  handlers = backupHandlers({ userDataDir: dir } as ServiceContext);
});
afterEach(async () => rm(dir, { recursive: true, force: true }));

const backup = (n: number): BufferBackup => ({ id: 'tab-1', uri: 'board:/main.py', content: `x = ${n}\n`.repeat(2000), savedAt: n });

describe('backup:save under concurrent saves', () => {
  it('succeeds for 20 concurrent saves of one id and keeps the last', async () => {
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, n) => handlers['backup:save'](backup(n))));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const saved = JSON.parse(await readFile(join(dir, 'backups', 'tab-1.json'), 'utf8')) as { savedAt: number };
    expect(saved.savedAt).toBe(19);
    expect(await readdir(join(dir, 'backups'))).toEqual(['tab-1.json']);
  });

  it('keeps a discard that follows saves still in flight', async () => {
    const saves = Array.from({ length: 5 }, (_, n) => handlers['backup:save'](backup(n)));
    const discarded = handlers['backup:discard']('tab-1');
    await Promise.all([...saves, discarded]);
    expect(await handlers['backup:list']()).toEqual([]);
  });
});
