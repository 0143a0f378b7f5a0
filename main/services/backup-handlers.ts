/**
 * Handlers for `backup:*`: the editor's unsaved buffers, kept one JSON file per tab
 * in the user-data folder so a crash or a kill never loses typed work.
 */
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Handlers } from '../../preload/contract';
import type { BufferBackup } from '../../preload/contract-types';
import type { ServiceContext } from './service-context';

export function backupHandlers(ctx: ServiceContext): Pick<Handlers, 'backup:save' | 'backup:list' | 'backup:discard'> {
  const dir = join(ctx.userDataDir, 'backups');
  // Ids are checked by the contract schema ([A-Za-z0-9_-]), so they are safe as file names.
  const fileOf = (id: string) => join(dir, `${id}.json`);

  return {
    'backup:save': async (backup) => {
      await mkdir(dir, { recursive: true });
      const temporary = `${fileOf(backup.id)}.tmp`;
      await writeFile(temporary, JSON.stringify(backup));
      await rename(temporary, fileOf(backup.id));
    },
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
    'backup:discard': async (id) => {
      await rm(fileOf(id), { force: true });
    },
  };
}
