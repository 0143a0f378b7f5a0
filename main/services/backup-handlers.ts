/**
 * Handlers for `backup:*`: the editor's unsaved buffers, kept one JSON file per tab
 * in the user-data folder so a crash or a kill never loses typed work.
 */
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Handlers } from '../../preload/contract';
import type { BufferBackup } from '../../preload/contract-types';
import { writeFileAtomic } from '../local/atomic-write';
import type { ServiceContext } from './service-context';

/**
 * Runs the work for one key after the previous work for that key, failed or not: the
 * editor saves a buffer's backup on every pause in typing, and a discard must not be
 * undone by a save still in flight.
 */
function perKeyQueue(): <T>(key: string, work: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<unknown>>();
  return (key, work) => {
    const run = (tails.get(key) ?? Promise.resolve()).then(work, work);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => tails.get(key) === tail && tails.delete(key));
    return run;
  };
}

export function backupHandlers(ctx: ServiceContext): Pick<Handlers, 'backup:save' | 'backup:list' | 'backup:discard'> {
  const dir = join(ctx.userDataDir, 'backups');
  // Ids are checked by the contract schema ([A-Za-z0-9_-]), so they are safe as file names.
  const fileOf = (id: string) => join(dir, `${id}.json`);
  const inOrder = perKeyQueue();

  return {
    'backup:save': (backup) =>
      inOrder(backup.id, async () => {
        await mkdir(dir, { recursive: true });
        await writeFileAtomic(fileOf(backup.id), JSON.stringify(backup));
      }),
    'backup:list': async () => {
      let names: string[];
      try {
        names = await readdir(dir);
      } catch {
        return [];
      }
      const backups: BufferBackup[] = [];
      for (const name of names.filter((n) => n.endsWith('.json'))) {
        try {
          const parsed = JSON.parse(await readFile(join(dir, name), 'utf8')) as BufferBackup;
          if (typeof parsed.id === 'string' && typeof parsed.content === 'string') backups.push(parsed);
        } catch {
          // A damaged backup is skipped rather than blocking the others.
        }
      }
      return backups.sort((a, b) => a.savedAt - b.savedAt);
    },
    'backup:discard': (id) =>
      inOrder(id, async () => {
        await rm(fileOf(id), { force: true });
      }),
  };
}
